/**
 * How a connection's deployment is doing, from CloudFormation: `DescribeStackSet` for each
 * StackSet, `ListStackInstances` for its stack instances in the Region, and
 * `DescribeStackSetOperation` for the operations those instances last ran. The answer is per
 * account and comes from the instances: an operation can succeed while some of its instances
 * failed (within the failure tolerance), so the operation's status alone would mislead
 * (CloudFormation API reference, `StackInstanceComprehensiveStatus`, `StackSetOperation`).
 * The management account never gets a stack instance; its role comes from a plain stack, read
 * with `DescribeStacks`.
 */
import {
  DescribeOrganizationsAccessCommand,
  DescribeStackSetCommand,
  DescribeStackSetOperationCommand,
  DescribeStacksCommand,
  ListStackInstancesCommand,
} from '@aws-sdk/client-cloudformation';
import type {
  StackInstanceSummary,
  StackSetOperation,
  CloudFormationClient,
} from '@aws-sdk/client-cloudformation';

import { stackSetNameFor } from '@aws-connection-wizard/core';
import type {
  AccountDeploymentResult,
  AccountDeploymentStatus,
  DeploymentStatus,
} from '@aws-connection-wizard/core';

import { toAdapterError } from './errors';
import { createLimiter, withThrottlingRetries } from './throttle';
import type { RetryOptions } from './throttle';

export interface DeploymentCheckInput {
  managementAccountId: string;
  stackSetNames: string[];
  region: string;
  roleName: string;
  accountIds: string[];
}

export interface ReadDeploymentStatusOptions {
  /** A CloudFormation client for the check's Region, signed in to the management account. */
  client: CloudFormationClient;
  /** @default 4 */
  concurrency?: number;
  retry?: RetryOptions;
  signal?: AbortSignal;
  /** @default () => new Date() */
  now?: () => Date;
}

/** Whether trusted access between StackSets and Organizations is on; `unknown` when AWS would not say. */
export type TrustedAccessStatus = 'enabled' | 'disabled' | 'unknown';

const ACTIVATE_HINT =
  'Trusted access between CloudFormation StackSets and AWS Organizations is off: run `aws cloudformation activate-organizations-access` in the management account.';

/** An instance's status as the wizard reports it, with the finished operation it last ran. */
function instanceResult(
  instance: StackInstanceSummary,
  operation: StackSetOperation | undefined,
): AccountDeploymentResult {
  const accountId = instance.Account ?? '';
  const reason = instance.StatusReason || undefined;
  const detailed = instance.StackInstanceStatus?.DetailedStatus;
  const withReason = (status: AccountDeploymentStatus, text = reason): AccountDeploymentResult =>
    text === undefined ? { accountId, status } : { accountId, status, reason: text };

  switch (detailed) {
    case 'SUCCEEDED':
      return withReason('succeeded');
    case 'SKIPPED_SUSPENDED_ACCOUNT':
      return withReason('skipped', reason ?? 'SKIPPED_SUSPENDED_ACCOUNT');
    case 'FAILED':
    case 'FAILED_IMPORT':
    case 'INOPERABLE':
      return withReason('failed', reason ?? operation?.StatusReason ?? detailed);
    case 'CANCELLED':
      return withReason(
        'failed',
        reason ?? operation?.StatusReason ?? 'CANCELLED: the operation stopped before this account',
      );
    case 'PENDING':
    case 'RUNNING': {
      // An instance still waiting when its operation has already ended will not be deployed.
      const ended = operation?.Status === 'FAILED' || operation?.Status === 'STOPPED';
      return ended
        ? withReason(
            'failed',
            reason ?? operation?.StatusReason ?? `operation ${operation?.Status}`,
          )
        : withReason('inProgress');
    }
    default:
      // No detailed status: fall back to the summary status (CURRENT, OUTDATED, INOPERABLE).
      if (instance.Status === 'CURRENT') return withReason('succeeded');
      if (instance.Status === 'INOPERABLE') return withReason('failed', reason ?? 'INOPERABLE');
      return operation?.Status === 'RUNNING' || operation?.Status === 'QUEUED'
        ? withReason('inProgress')
        : withReason('failed', reason ?? operation?.StatusReason ?? 'OUTDATED');
  }
}

/**
 * Per-account results for the accounts asked about (the management account excluded), from the
 * instances of every StackSet and the operations they last ran. An account with no instance
 * has `notDeployed`; one with instances in several StackSets reports the least advanced.
 */
export function toAccountResults(
  accountIds: readonly string[],
  instances: readonly StackInstanceSummary[],
  operations: ReadonlyMap<string, StackSetOperation>,
): AccountDeploymentResult[] {
  const rank: Record<AccountDeploymentStatus, number> = {
    failed: 0,
    inProgress: 1,
    notDeployed: 2,
    skipped: 3,
    succeeded: 4,
  };
  const results = new Map<string, AccountDeploymentResult>();
  for (const instance of instances) {
    if (instance.Account === undefined) continue;
    const operation =
      instance.LastOperationId === undefined ? undefined : operations.get(instance.LastOperationId);
    const result = instanceResult(instance, operation);
    const previous = results.get(result.accountId);
    if (previous === undefined || rank[result.status] < rank[previous.status]) {
      results.set(result.accountId, result);
    }
  }
  return [...new Set(accountIds)].map(
    (accountId) => results.get(accountId) ?? { accountId, status: 'notDeployed' },
  );
}

/** The management-account stack's status (`StackStatus`) as an account result. */
export function managementStackResult(
  accountId: string,
  stackStatus: string | undefined,
  reason: string | undefined,
): AccountDeploymentResult {
  const withReason = (status: AccountDeploymentStatus): AccountDeploymentResult =>
    reason ? { accountId, status, reason } : { accountId, status };
  if (stackStatus === undefined) return { accountId, status: 'notDeployed' };
  if (stackStatus === 'CREATE_COMPLETE' || stackStatus === 'UPDATE_COMPLETE') {
    return withReason('succeeded');
  }
  if (stackStatus === 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS') return withReason('succeeded');
  if (stackStatus.endsWith('_IN_PROGRESS') && !stackStatus.includes('ROLLBACK')) {
    return withReason('inProgress');
  }
  return { accountId, status: 'failed', reason: reason || stackStatus };
}

/**
 * Asks CloudFormation whether trusted access with Organizations is on. AWS answers only in the
 * management account or a delegated administrator; any failure (including an emulator that
 * does not implement the call) is `unknown`, since this is a hint, not a gate.
 */
export async function readTrustedAccess(
  client: CloudFormationClient,
  signal: AbortSignal = new AbortController().signal,
): Promise<TrustedAccessStatus> {
  try {
    const answer = await client.send(new DescribeOrganizationsAccessCommand({}), {
      abortSignal: signal,
    });
    if (answer.Status === 'ENABLED') return 'enabled';
    if (answer.Status === 'DISABLED' || answer.Status === 'DISABLED_PERMANENTLY') return 'disabled';
    return 'unknown';
  } catch (_unanswered) {
    if (signal.aborted) throw signal.reason;
    return 'unknown';
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

export async function readDeploymentStatus(
  input: DeploymentCheckInput,
  options: ReadDeploymentStatusOptions,
): Promise<DeploymentStatus> {
  const { client } = options;
  const signal = options.signal ?? new AbortController().signal;
  const limit = createLimiter(options.concurrency ?? 4);
  const send = <T>(what: string, call: () => Promise<T>): Promise<T> =>
    limit(() => withThrottlingRetries(call, signal, options.retry)).catch((error: unknown) => {
      if (signal.aborted) throw signal.reason;
      throw toAdapterError(error, what);
    });
  const managementAccountId = input.managementAccountId;
  const memberIds = input.accountIds.filter((accountId) => accountId !== managementAccountId);

  const stackSets = await Promise.all(
    input.stackSetNames.map(async (StackSetName) => {
      try {
        await send(`DescribeStackSet ${StackSetName}`, () =>
          client.send(new DescribeStackSetCommand({ StackSetName }), { abortSignal: signal }),
        );
      } catch (error) {
        if (
          error instanceof Error &&
          (error.cause as Error | undefined)?.name === 'StackSetNotFoundException'
        ) {
          return null;
        }
        throw error;
      }
      const instances: StackInstanceSummary[] = [];
      let NextToken: string | undefined;
      do {
        const page = await send(`ListStackInstances ${StackSetName}`, () =>
          client.send(
            new ListStackInstancesCommand({
              StackSetName,
              StackInstanceRegion: input.region,
              NextToken,
            }),
            { abortSignal: signal },
          ),
        );
        instances.push(
          ...(page.Summaries ?? []).filter(
            (instance) => instance.Region === undefined || instance.Region === input.region,
          ),
        );
        NextToken = page.NextToken || undefined;
      } while (NextToken !== undefined);
      return { StackSetName, instances };
    }),
  );
  const found = stackSets.filter((stackSet) => stackSet !== null);

  const operations = new Map<string, StackSetOperation>();
  await Promise.all(
    found.flatMap(({ StackSetName, instances }) =>
      [...new Set(instances.map((instance) => instance.LastOperationId))]
        .filter((operationId) => operationId !== undefined)
        .map(async (OperationId) => {
          const answer = await send(`DescribeStackSetOperation ${OperationId}`, () =>
            client.send(new DescribeStackSetOperationCommand({ StackSetName, OperationId }), {
              abortSignal: signal,
            }),
          );
          if (answer.StackSetOperation !== undefined) {
            operations.set(OperationId, answer.StackSetOperation);
          }
        }),
    ),
  );

  let accounts = toAccountResults(
    memberIds,
    found.flatMap((stackSet) => stackSet.instances),
    operations,
  );
  if (found.length === 0 && memberIds.length > 0) {
    // Nothing deployed yet: say why when the cause is known, since it blocks every account.
    const trustedAccess = await readTrustedAccess(client, signal);
    if (trustedAccess === 'disabled') {
      accounts = accounts.map((result) => ({ ...result, reason: ACTIVATE_HINT }));
    }
  }

  let managementAccount: AccountDeploymentResult | null = null;
  if (input.accountIds.includes(managementAccountId)) {
    const StackName = stackSetNameFor(input.roleName);
    try {
      const answer = await send(`DescribeStacks ${StackName}`, () =>
        client.send(new DescribeStacksCommand({ StackName }), { abortSignal: signal }),
      );
      const stack = answer.Stacks?.[0];
      managementAccount = managementStackResult(
        managementAccountId,
        stack?.StackStatus,
        stack?.StackStatusReason,
      );
    } catch (error) {
      // DescribeStacks answers ValidationError "Stack with id … does not exist".
      const cause = (error as Error).cause;
      if (errorName(cause) !== 'ValidationError') throw error;
      managementAccount = { accountId: managementAccountId, status: 'notDeployed' };
    }
  }

  return {
    checkedAt: (options.now?.() ?? new Date()).toISOString(),
    stackSetFound: found.length > 0,
    accounts,
    managementAccount,
  };
}
