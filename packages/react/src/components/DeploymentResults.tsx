/**
 * Per-account results of the optional deployment check, as a table with status badges.
 * Feedback only: nothing in the wizard waits on it.
 */
import * as React from 'react';

import type {
  AccountDeploymentResult,
  AccountDeploymentStatus,
  OrganizationIndex,
} from '@aws-connection-wizard/core';

import { useMessages } from '../messages';
import type { Messages } from '../messages';

const RESULTS_NAME = 'DeploymentResults';

type DeploymentResultsElement = React.ComponentRef<'div'>;

interface DeploymentResultsProps extends Omit<React.ComponentPropsWithoutRef<'div'>, 'results'> {
  /** One result per account the StackSets target. */
  results: readonly AccountDeploymentResult[];
  /** The management-account stack's result, when the scope includes it. @default null */
  managementAccount?: AccountDeploymentResult | null;
  /** The indexed organisation, for account names. */
  index?: OrganizationIndex;
  /** When the check ran, already formatted for display. */
  checkedAt?: string;
}

const DeploymentResults = React.forwardRef<DeploymentResultsElement, DeploymentResultsProps>(
  function DeploymentResults(props, ref) {
    const { results, managementAccount = null, index, checkedAt, className, ...divProps } = props;
    const messages = useMessages();
    const rows = managementAccount ? [...results, managementAccount] : results;
    const succeeded = rows.filter((row) => row.status === 'succeeded').length;

    return (
      <div
        {...divProps}
        ref={ref}
        className={['awcw-results', className].filter(Boolean).join(' ')}
      >
        {rows.length === 0 ? (
          <p className="awcw-hint">{messages.resultsEmpty}</p>
        ) : (
          <>
            <p className="awcw-results-tally">
              {messages.resultsTally({ succeeded, total: rows.length })}
              {checkedAt ? (
                <span className="awcw-muted">
                  {' '}
                  · {messages.resultsCheckedAt({ time: checkedAt })}
                </span>
              ) : null}
            </p>
            <div className="awcw-table-scroll">
              <table className="awcw-table">
                <caption className="awcw-visually-hidden">{messages.resultsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{messages.resultsAccount}</th>
                    <th scope="col">{messages.resultsAccountId}</th>
                    <th scope="col">{messages.resultsStatus}</th>
                    <th scope="col">{messages.resultsDetails}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => {
                    const isManagement = row === managementAccount;
                    return (
                      <tr
                        key={`${row.accountId}-${isManagement ? 'management' : 'stackset'}`}
                        data-state={row.status}
                      >
                        <th scope="row">
                          {index?.nodes.get(row.accountId)?.name ?? row.accountId}
                          {isManagement ? (
                            <span className="awcw-results-note">
                              {messages.resultsManagementAccountRow}
                            </span>
                          ) : null}
                        </th>
                        <td className="awcw-mono">{row.accountId}</td>
                        <td>
                          <span className="awcw-badge" data-tone={statusTone(row.status)}>
                            {statusLabel(row.status, messages)}
                          </span>
                        </td>
                        <td className="awcw-results-reason">{row.reason ?? ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    );
  },
);

DeploymentResults.displayName = RESULTS_NAME;

function statusTone(status: AccountDeploymentStatus): string {
  switch (status) {
    case 'succeeded':
      return 'success';
    case 'failed':
      return 'danger';
    case 'inProgress':
      return 'accent';
    case 'skipped':
      return 'warning';
    default:
      return 'muted';
  }
}

function statusLabel(status: AccountDeploymentStatus, messages: Messages): string {
  switch (status) {
    case 'succeeded':
      return messages.resultsStatusSucceeded;
    case 'failed':
      return messages.resultsStatusFailed;
    case 'inProgress':
      return messages.resultsStatusInProgress;
    case 'skipped':
      return messages.resultsStatusSkipped;
    default:
      return messages.resultsStatusNotDeployed;
  }
}

export { DeploymentResults };
export type { DeploymentResultsProps };
