/**
 * The scope in words, from the deployment plan: what gets the role now, what gets it later, what
 * is left out, and what the management account needs. It only reads the plan; every rule that
 * produced it lives in core.
 */
import * as React from 'react';

import type { DeploymentPlan, OrganizationIndex, ScopeWarning } from '@aws-connection-wizard/core';

import { useMessages } from '../messages';
import type { Messages } from '../messages';

const SUMMARY_NAME = 'ScopeSummary';

type ScopeSummaryElement = React.ComponentRef<'section'>;

interface ScopeSummaryProps extends React.ComponentPropsWithoutRef<'section'> {
  /** The plan the scope rules derived from the selection. */
  plan: DeploymentPlan;
  /** The indexed organisation, for names. */
  index: OrganizationIndex;
  /** Lists longer than this show their first items and a *Show all* button. @default 5 */
  collapseAfter?: number;
  /** The heading level of the summary's title. @default 3 */
  headingLevel?: 2 | 3 | 4;
}

const ScopeSummary = React.forwardRef<ScopeSummaryElement, ScopeSummaryProps>(
  function ScopeSummary(props, forwardedRef) {
    const { plan, index, collapseAfter = 5, headingLevel = 3, className, ...sectionProps } = props;
    const messages = useMessages();
    const id = React.useId();
    const Heading = `h${headingLevel}` as const;
    const SubHeading = `h${headingLevel + 1}` as 'h3' | 'h4' | 'h5';
    const { coverage, managementAccount } = plan;
    const isEmpty = coverage.now.length === 0 && coverage.futureOus.length === 0;
    const nameOf = (nodeId: string) => index.nodes.get(nodeId)?.name ?? nodeId;
    const management = managementAccountState(plan);

    return (
      <section
        {...sectionProps}
        ref={forwardedRef}
        className={['awcw-summary', className].filter(Boolean).join(' ')}
        aria-labelledby={`${id}-title`}
        data-state={isEmpty ? 'empty' : 'filled'}
      >
        <Heading id={`${id}-title`} className="awcw-summary-title">
          {messages.summaryTitle}
        </Heading>
        <p className="awcw-summary-counts" aria-live="polite">
          {isEmpty
            ? messages.summaryEmpty
            : messages.summaryCounts({
                now: coverage.now.length,
                excluded: coverage.excluded.length,
                skipped: coverage.skipped.length,
              })}
        </p>
        {isEmpty ? null : (
          <>
            <div className="awcw-summary-section">
              <SubHeading className="awcw-summary-heading">
                {messages.summaryCoveredNow}{' '}
                <span className="awcw-count">{coverage.now.length.toLocaleString('en-US')}</span>
              </SubHeading>
              <CollapsibleList
                ids={coverage.now}
                nameOf={nameOf}
                collapseAfter={collapseAfter}
                messages={messages}
                markId={managementAccount.inScope ? managementAccount.id : null}
                mark={messages.treeManagementAccountBadge}
              />
            </div>
            <div className="awcw-summary-section">
              <SubHeading className="awcw-summary-heading">{messages.summaryFuture}</SubHeading>
              {coverage.futureOus.length === 0 ? (
                <p className="awcw-summary-note">{messages.summaryNoFuture}</p>
              ) : (
                <ul className="awcw-summary-sentences">
                  {outermostOus(coverage.futureOus, index).map(({ id: ouId, childOus }) => (
                    <li key={ouId}>
                      {ouId === index.rootId
                        ? messages.summaryFutureRoot
                        : messages.summaryFutureOu({ name: pathOf(ouId, index), childOus })}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {coverage.excluded.length > 0 ? (
              <div className="awcw-summary-section">
                <SubHeading className="awcw-summary-heading">
                  {messages.summaryExcluded}{' '}
                  <span className="awcw-count">{coverage.excluded.length}</span>
                </SubHeading>
                <p className="awcw-summary-note">{messages.summaryExcludedNote}</p>
                <CollapsibleList
                  ids={coverage.excluded}
                  nameOf={nameOf}
                  collapseAfter={collapseAfter}
                  messages={messages}
                />
              </div>
            ) : null}
            {coverage.skipped.length > 0 ? (
              <div className="awcw-summary-section">
                <SubHeading className="awcw-summary-heading">
                  {messages.summarySkipped}{' '}
                  <span className="awcw-count">{coverage.skipped.length}</span>
                </SubHeading>
                <p className="awcw-summary-note">{messages.summarySkippedNote}</p>
                <CollapsibleList
                  ids={coverage.skipped}
                  nameOf={nameOf}
                  collapseAfter={collapseAfter}
                  messages={messages}
                />
              </div>
            ) : null}
          </>
        )}
        <div className="awcw-summary-section" data-state={management}>
          <SubHeading className="awcw-summary-heading">
            {messages.summaryManagementAccount}
          </SubHeading>
          <p className="awcw-summary-note">
            <span className="awcw-summary-name">{nameOf(managementAccount.id)}</span>{' '}
            <span className="awcw-mono awcw-muted">{managementAccount.id}</span>
            {' — '}
            {managementMessage(management, messages)}
          </p>
        </div>
        {plan.warnings.length > 0 ? (
          <div className="awcw-summary-section" data-tone="warning">
            <SubHeading className="awcw-summary-heading">{messages.summaryWarnings}</SubHeading>
            <ul className="awcw-summary-warnings">
              {plan.warnings.map((warning) => (
                <li key={warning.code} className="awcw-alert" data-variant="warning">
                  {warningMessage(warning, nameOf, messages)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    );
  },
);

ScopeSummary.displayName = SUMMARY_NAME;

/**
 * The OUs of `ids` whose parent is not among them, each with how many of `ids` lie below it:
 * automatic deployment covers an OU's child OUs too, so naming the outermost says it all.
 */
function outermostOus(ids: readonly string[], index: OrganizationIndex) {
  const listed = new Set(ids);
  const outermost = ids.filter((id) => !listed.has(index.nodes.get(id)?.parentId ?? ''));
  const childOus = new Map(outermost.map((id) => [id, 0]));
  for (const id of ids) {
    // Walk up to the outermost listed ancestor, if any, and count this OU under it.
    let top: string | null = null;
    for (let parentId = index.nodes.get(id)?.parentId; parentId;) {
      if (childOus.has(parentId)) top = parentId;
      parentId = index.nodes.get(parentId)?.parentId;
    }
    if (top !== null) childOus.set(top, (childOus.get(top) ?? 0) + 1);
  }
  return outermost.map((id) => ({ id, childOus: childOus.get(id) ?? 0 }));
}

/** An OU's names from below the root down to it, so that OUs of one name in two places differ. */
function pathOf(id: string, index: OrganizationIndex): string {
  const names: string[] = [];
  for (let node = index.nodes.get(id); node && node.kind !== 'root';) {
    names.unshift(node.name);
    node = node.parentId ? index.nodes.get(node.parentId) : undefined;
  }
  return names.join(' / ') || id;
}

/* -------------------------------------------------------------------------------------------------
 * CollapsibleList
 * -----------------------------------------------------------------------------------------------*/

interface CollapsibleListProps {
  ids: readonly string[];
  nameOf: (id: string) => string;
  collapseAfter: number;
  messages: Messages;
  markId?: string | null;
  mark?: string;
}

function CollapsibleList({
  ids,
  nameOf,
  collapseAfter,
  messages,
  markId,
  mark,
}: CollapsibleListProps) {
  const [open, setOpen] = React.useState(false);
  const listId = React.useId();
  // A list one item longer than the limit is shown whole: a button to reveal one row helps no one.
  const collapsible = ids.length > collapseAfter + 1;
  const shown = collapsible && !open ? ids.slice(0, collapseAfter) : ids;

  return (
    <>
      <ul id={listId} className="awcw-summary-list">
        {shown.map((accountId) => (
          <li key={accountId}>
            <span className="awcw-summary-name">{nameOf(accountId)}</span>{' '}
            <span className="awcw-mono awcw-muted">{accountId}</span>
            {accountId === markId && mark ? (
              <>
                {' '}
                <span className="awcw-badge" data-tone="accent">
                  {mark}
                </span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {collapsible ? (
        <button
          type="button"
          className="awcw-button"
          data-variant="ghost"
          data-size="small"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {open ? messages.showFewer : messages.showAll({ count: ids.length })}
        </button>
      ) : null}
    </>
  );
}

/* -----------------------------------------------------------------------------------------------*/

type ManagementState = 'none' | 'needsDecision' | 'included' | 'excluded';

function managementAccountState(plan: DeploymentPlan): ManagementState {
  const { managementAccount } = plan;
  if (managementAccount.needsDecision) return 'needsDecision';
  if (managementAccount.inScope) return 'included';
  if (managementAccount.coverage === 'ancestor') return 'excluded';
  return 'none';
}

function managementMessage(state: ManagementState, messages: Messages): string {
  switch (state) {
    case 'needsDecision':
      return messages.summaryManagementNeedsDecision;
    case 'included':
      return messages.summaryManagementIncluded;
    case 'excluded':
      return messages.summaryManagementExcluded;
    default:
      return messages.summaryManagementNone;
  }
}

function warningMessage(
  warning: ScopeWarning,
  nameOf: (id: string) => string,
  messages: Messages,
): string {
  const names = [...warning.organizationalUnitIds, ...warning.accountIds].map(nameOf).join(', ');
  switch (warning.code) {
    case 'autoDeploymentWiderThanPicks':
      return messages.warningAutoDeploymentWiderThanPicks({ names });
    case 'unavailableAccountsSkipped':
      return messages.warningUnavailableAccountsSkipped({ names });
    case 'autoDeploymentReachesWholeOrganization':
      return messages.warningAutoDeploymentReachesWholeOrganization;
    default:
      return warning.message;
  }
}

export { ScopeSummary };
export type { ScopeSummaryProps };
