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

import { cloudFormationSdk } from '../peers';
import { toAdapterError } from './errors';
import { readTrustedAccess } from './prerequisites';
import { createLimiter, withThrottlingRetries } from './throttle';
import type { Limiter, RetryOptions } from './throttle';

/** What to check: the same fields as `AwsAdapter.getDeploymentStatus`'s input. */
export interface DeploymentCheckInput {
  /** The management account the StackSets live in. */
  managementAccountId: string;
  /** The StackSets the connection's plan creates, by name. */
  stackSetNames: string[];
  /** The one Region the StackSets and the management-account stack live in. */
  region: string;
  /** The full role name, `doit-cloudflow-…`; it also names the management-account stack. */
  roleName: string;
  /** The accounts the scope covers now, the management account included when in scope. */
  accountIds: string[];
}

export interface ReadDeploymentStatusOptions {
  /** A CloudFormation client for the check's Region, signed in to the management account. */
  client: CloudFormationClient;
  /** How many calls run at once; ignored when `limit` is given. @default 4 */
  concurrency?: number;
  /** A gate shared with the management account's other calls (`createLimiter`). */
  limit?: Limiter;
  /** Backoff when AWS throttles. */
  retry?: RetryOptions;
  /** Stops the check: no AWS call starts after it aborts, and it rejects with its reason. */
  signal?: AbortSignal;
  /** @default () => new Date() */
  now?: () => Date;
}

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

/**
 * Stack statuses after which the role exists in the management account (CloudFormation User
 * Guide, "Stack status codes"): created or updated; `UPDATE_ROLLBACK_COMPLETE`, a failed update
 * returned to the previous working state, which had the role; `IMPORT_COMPLETE`, resources
 * imported into the stack; and the cleanup that follows an update or its rollback, which only
 * removes resources the stack no longer needs.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/view-stack-events.html#cfn-console-view-stack-data-resources-status-codes
 */
const ROLE_EXISTS_STATUSES: ReadonlySet<string> = new Set([
  'CREATE_COMPLETE',
  'UPDATE_COMPLETE',
  'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'IMPORT_COMPLETE',
]);

/** The management-account stack's status (`StackStatus`) as an account result. */
export function managementStackResult(
  accountId: string,
  stackStatus: string | undefined,
  reason: string | undefined,
): AccountDeploymentResult {
  const withReason = (status: AccountDeploymentStatus): AccountDeploymentResult =>
    reason ? { accountId, status, reason } : { accountId, status };
  if (stackStatus === undefined) return { accountId, status: 'notDeployed' };
  if (ROLE_EXISTS_STATUSES.has(stackStatus)) return withReason('succeeded');
  // A rollback or a deletion in progress ends without the role, whatever happens next.
  const losing = stackStatus.includes('ROLLBACK') || stackStatus.startsWith('DELETE_');
  if (stackStatus.endsWith('_IN_PROGRESS') && !losing) return withReason('inProgress');
  return { accountId, status: 'failed', reason: reason || stackStatus };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

export async function readDeploymentStatus(
  input: DeploymentCheckInput,
  options: ReadDeploymentStatusOptions,
): Promise<DeploymentStatus> {
  const {
    DescribeStackSetCommand,
    DescribeStackSetOperationCommand,
    DescribeStacksCommand,
    ListStackInstancesCommand,
  } = cloudFormationSdk();
  const { client } = options;
  const signal = options.signal ?? new AbortController().signal;
  const limit = options.limit ?? createLimiter(options.concurrency ?? 4);
  const send = <T>(what: string, call: () => Promise<T>): Promise<T> =>
    limit(() => {
      signal.throwIfAborted();
      return withThrottlingRetries(call, signal, options.retry);
    }).catch((error: unknown) => {
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
    const trustedAccess = await readTrustedAccess(client, signal, {
      limit,
      retry: options.retry,
    });
    if (trustedAccess === 'disabled' || trustedAccess === 'disabledPermanently') {
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
