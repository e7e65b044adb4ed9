/**
 * A simulated answer to "how is the StackSet deployment doing?". The first check of a
 * deployment starts its clock; each account then finishes at its own, hash-chosen moment
 * within `durationMs`, so repeated checks show plausible progress and the same inputs at the
 * same moment always give the same answer. Suspended or closing accounts are skipped, as
 * StackSets report them (`SKIPPED_SUSPENDED_ACCOUNT`):
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_StackInstanceComprehensiveStatus.html
 */
import type {
  AccountDeploymentResult,
  DeploymentStatus,
  Organization,
} from '@aws-connection-wizard/core';

import { hash32 } from './simulation';

export interface DeploymentCheck {
  stackSetNames: readonly string[];
  region: string;
  roleName: string;
  accountIds: readonly string[];
}

/** Remembers when each deployment was first checked. */
export class DeploymentSimulator {
  private readonly startedAt = new Map<string, number>();

  constructor(private readonly durationMs: number) {}

  status(organization: Organization, check: DeploymentCheck, now: number): DeploymentStatus {
    const key = [
      organization.managementAccountId,
      check.region,
      check.roleName,
      ...check.stackSetNames,
    ].join('|');
    const startedAt = this.startedAt.get(key) ?? now;
    this.startedAt.set(key, startedAt);

    const accounts = new Map(organization.accounts.map((account) => [account.id, account]));
    const stackSetFound = check.stackSetNames.length > 0;
    const resultFor = (accountId: string, deployed: boolean): AccountDeploymentResult => {
      const account = accounts.get(accountId);
      if (account === undefined) {
        return {
          accountId,
          status: 'failed',
          reason: 'The account is not a member of this organisation.',
        };
      }
      if (account.state !== 'ACTIVE' && account.state !== 'PENDING_ACTIVATION') {
        return {
          accountId,
          status: 'skipped',
          reason: `SKIPPED_SUSPENDED_ACCOUNT: the account is ${account.state.toLowerCase().replace('_', ' ')}.`,
        };
      }
      if (!deployed) return { accountId, status: 'notDeployed' };

      const finishesAt =
        startedAt + ((hash32(`${key}|${accountId}`) % 1000) / 1000) * this.durationMs;
      return { accountId, status: now >= finishesAt ? 'succeeded' : 'inProgress' };
    };

    const unique = [...new Set(check.accountIds)];
    const managementIncluded = unique.includes(organization.managementAccountId);

    return {
      checkedAt: new Date(now).toISOString(),
      stackSetFound,
      accounts: unique
        .filter((accountId) => accountId !== organization.managementAccountId)
        .map((accountId) => resultFor(accountId, stackSetFound)),
      // The management account gets the role from its own command, never from the StackSet.
      managementAccount: managementIncluded
        ? resultFor(organization.managementAccountId, true)
        : null,
    };
  }
}
