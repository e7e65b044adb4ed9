/**
 * The scope in words, from the deployment plan: what gets the role now, what gets it later, what
 * is left out, and what the management account needs. It only reads the plan; every rule that
 * produced it lives in core.
 */
import * as React from 'react';

import { getScopeSummary } from '@aws-connection-wizard/core';
import type {
  DeploymentPlan,
  ManagementAccountStanding,
  OrganizationIndex,
  SummaryWarning,
} from '@aws-connection-wizard/core';

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
    // Everything shown comes from core's reading of the plan; nothing is worked out here.
    const summary = React.useMemo(() => getScopeSummary(index, plan), [index, plan]);
    const { isEmpty, now, excluded, skipped, future, managementAccount } = summary;
    const nameOf = (nodeId: string) => index.nodes.get(nodeId)?.name ?? nodeId;

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
                now: now.length,
                excluded: excluded.length,
                skipped: skipped.length,
              })}
        </p>
        {isEmpty ? null : (
          <>
            <div className="awcw-summary-section">
              <SubHeading className="awcw-summary-heading">
                {messages.summaryCoveredNow}{' '}
                <span className="awcw-count">{now.length.toLocaleString('en-US')}</span>
              </SubHeading>
              <CollapsibleList
                ids={now}
                nameOf={nameOf}
                collapseAfter={collapseAfter}
                messages={messages}
                markId={managementAccount === 'included' ? summary.managementAccountId : null}
                mark={messages.treeManagementAccountBadge}
              />
            </div>
            <div className="awcw-summary-section">
              <SubHeading className="awcw-summary-heading">{messages.summaryFuture}</SubHeading>
              {future.length === 0 ? (
                <p className="awcw-summary-note">{messages.summaryNoFuture}</p>
              ) : (
                <ul className="awcw-summary-sentences">
                  {future.map(({ id: ouId, isRoot, path, childOus }) => (
                    <li key={ouId}>
                      {isRoot
                        ? messages.summaryFutureRoot
                        : messages.summaryFutureOu({ name: path, childOus })}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {excluded.length > 0 ? (
              <div className="awcw-summary-section">
                <SubHeading className="awcw-summary-heading">
                  {messages.summaryExcluded}{' '}
                  <span className="awcw-count">{excluded.length.toLocaleString('en-US')}</span>
                </SubHeading>
                <p className="awcw-summary-note">{messages.summaryExcludedNote}</p>
                <CollapsibleList
                  ids={excluded}
                  nameOf={nameOf}
                  collapseAfter={collapseAfter}
                  messages={messages}
                />
              </div>
            ) : null}
            {skipped.length > 0 ? (
              <div className="awcw-summary-section">
                <SubHeading className="awcw-summary-heading">
                  {messages.summarySkipped}{' '}
                  <span className="awcw-count">{skipped.length.toLocaleString('en-US')}</span>
                </SubHeading>
                <p className="awcw-summary-note">{messages.summarySkippedNote}</p>
                <CollapsibleList
                  ids={skipped}
                  nameOf={nameOf}
                  collapseAfter={collapseAfter}
                  messages={messages}
                />
              </div>
            ) : null}
          </>
        )}
        <div className="awcw-summary-section" data-state={managementAccount}>
          <SubHeading className="awcw-summary-heading">
            {messages.summaryManagementAccount}
          </SubHeading>
          <p className="awcw-summary-note">
            <span className="awcw-summary-name">{nameOf(summary.managementAccountId)}</span>{' '}
            <span className="awcw-mono awcw-muted">{summary.managementAccountId}</span>
            {' — '}
            {managementMessage(managementAccount, messages)}
          </p>
        </div>
        {summary.warnings.length > 0 ? (
          <div className="awcw-summary-section" data-tone="warning">
            <SubHeading className="awcw-summary-heading">{messages.summaryWarnings}</SubHeading>
            <ul className="awcw-summary-warnings">
              {summary.warnings.map((warning) => (
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
          className="awcw-button awcw-summary-toggle"
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

function managementMessage(state: ManagementAccountStanding, messages: Messages): string {
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

/** At most this many names in a warning; the rest are counted. */
const WARNING_NAMES = 5;

/**
 * The OUs of a warning by their path (`Root / Prod / Web`) and its accounts as `Name (id)`, so
 * that two OUs or accounts of one name read differently; long lists end with how many more.
 */
function warningNames(
  warning: SummaryWarning,
  nameOf: (id: string) => string,
  messages: Messages,
): string {
  const names = [
    ...warning.organizationalUnitPaths,
    ...warning.accountIds.map((accountId) => `${nameOf(accountId)} (${accountId})`),
  ];
  const shown = names.slice(0, WARNING_NAMES);
  const more = names.length - shown.length;
  return messages.nameList({ names: shown, more });
}

function warningMessage(
  warning: SummaryWarning,
  nameOf: (id: string) => string,
  messages: Messages,
): string {
  switch (warning.code) {
    case 'autoDeploymentWiderThanPicks':
      return messages.warningAutoDeploymentWiderThanPicks({
        names: messages.nameList({
          names: warning.organizationalUnitPaths.slice(0, WARNING_NAMES),
          more: Math.max(0, warning.organizationalUnitPaths.length - WARNING_NAMES),
        }),
      });
    case 'unavailableAccountsSkipped':
      return messages.warningUnavailableAccountsSkipped({
        names: warningNames(warning, nameOf, messages),
      });
    case 'autoDeploymentReachesWholeOrganization':
      return messages.warningAutoDeploymentReachesWholeOrganization;
    case 'exclusionsIgnoredByAutomaticDeployment':
      return messages.warningExclusionsIgnoredByAutomaticDeployment({
        count: warning.accountIds.length,
        names: messages.nameList({
          names: warning.organizationalUnitPaths.slice(0, WARNING_NAMES),
          more: Math.max(0, warning.organizationalUnitPaths.length - WARNING_NAMES),
        }),
      });
    default:
      return warning.message;
  }
}

export { ScopeSummary };
export type { ScopeSummaryProps };
