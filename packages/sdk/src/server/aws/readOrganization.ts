/**
 * Reads a whole organisation tree with the AWS Organizations API: `DescribeOrganization`,
 * `ListRoots`, then `ListOrganizationalUnitsForParent` and `ListAccountsForParent` for every
 * container, level by level. Each list is read to its end: AWS may return a page with fewer
 * items than asked, even none, and still give a `NextToken`, so only a missing token ends it
 * (Organizations API reference, "Using pagination"; `MaxResults` is at most 20).
 */
import type { Account as AwsAccount, OrganizationsClient } from '@aws-sdk/client-organizations';

import { OrganizationSchema } from '@aws-connection-wizard/core';
import type { Account, Organization, OrganizationalUnit } from '@aws-connection-wizard/core';

import { parseOrganization } from '../../validation';
import { organizationsSdk } from '../peers';
import { toAdapterError } from './errors';
import { createLimiter, withThrottlingRetries } from './throttle';
import type { Limiter, RetryOptions } from './throttle';

/** The largest page Organizations' List* operations return. */
export const ORGANIZATIONS_MAX_RESULTS = 20;

/** Organizations is a global service whose endpoint lives in us-east-1 (AWS General Reference, "AWS Organizations endpoints and quotas"). */
export const ORGANIZATIONS_REGION = 'us-east-1';

export interface ReadOrganizationOptions {
  /**
   * The client to use. Without one, a client for us-east-1 is made from the usual AWS
   * environment (`AWS_PROFILE`, `AWS_ACCESS_KEY_ID`, `AWS_ENDPOINT_URL`…) and `endpoint`.
   */
  client?: OrganizationsClient;
  /** An endpoint override, e.g. a local emulator at `http://127.0.0.1:5000`. */
  endpoint?: string;
  /**
   * How many List* calls run at once; ignored when `limit` is given.
   * @default 4
   */
  concurrency?: number;
  /**
   * A gate shared with other readers of the same management account (`createLimiter`), so
   * that concurrent reads together stay within one budget. By default each read has its own.
   */
  limit?: Limiter;
  /** Backoff when AWS throttles: the only retries, since the default client makes one attempt. */
  retry?: RetryOptions;
  /** Stops the reading: no AWS call starts after it aborts, and the read rejects with its reason. */
  signal?: AbortSignal;
}

const ACCOUNT_STATES = new Set([
  'PENDING_ACTIVATION',
  'ACTIVE',
  'SUSPENDED',
  'PENDING_CLOSURE',
  'CLOSED',
]);

/**
 * An account's lifecycle state. `State` replaces the older `Status` field (ACTIVE, SUSPENDED,
 * PENDING_CLOSURE), which AWS retires in September 2026; older answers only carry `Status`.
 */
function accountState(account: AwsAccount): string {
  if (account.State !== undefined && ACCOUNT_STATES.has(account.State)) return account.State;
  return account.Status ?? 'ACTIVE';
}

/** Reads every page of one List* operation, following `NextToken` until it is absent. */
async function readAllPages<T>(
  readPage: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await readPage(nextToken);
    items.push(...page.items);
    nextToken = page.nextToken || undefined;
  } while (nextToken !== undefined);
  return items;
}

/**
 * An Organizations client from the usual AWS environment, for us-east-1, making one attempt per
 * call: `withThrottlingRetries` is the only retry, so a throttled call is not tried
 * `maxAttempts` × the SDK's own 3 times with both backoffs stacked.
 */
export function createOrganizationsClient(endpoint?: string): OrganizationsClient {
  const { OrganizationsClient } = organizationsSdk();
  return new OrganizationsClient({
    region: ORGANIZATIONS_REGION,
    maxAttempts: 1,
    ...(endpoint === undefined ? {} : { endpoint }),
  });
}

/**
 * The organisation the credentials' account belongs to, read from AWS and checked with core's
 * schema and tree rules. Must run in the management account or a delegated administrator.
 * Fails with an `AdapterError` (`forbidden`, `notFound`, `throttled`, `unavailable`…).
 */
export async function readOrganizationFromAws(
  options: ReadOrganizationOptions = {},
): Promise<Organization> {
  const {
    DescribeOrganizationCommand,
    ListAccountsForParentCommand,
    ListOrganizationalUnitsForParentCommand,
    ListRootsCommand,
  } = organizationsSdk();
  const client = options.client ?? createOrganizationsClient(options.endpoint);
  const signal = options.signal ?? new AbortController().signal;
  const limit = options.limit ?? createLimiter(options.concurrency ?? 4);
  // A call waiting for its turn checks the signal before it starts, so an aborted read sends
  // nothing more to AWS.
  const send = <T>(what: string, call: () => Promise<T>): Promise<T> =>
    limit(() => {
      signal.throwIfAborted();
      return withThrottlingRetries(call, signal, options.retry);
    }).catch((error: unknown) => {
      if (signal.aborted) throw signal.reason;
      throw toAdapterError(error, what);
    });

  const [description, roots] = await Promise.all([
    send('DescribeOrganization', () =>
      client.send(new DescribeOrganizationCommand({}), { abortSignal: signal }),
    ),
    readAllPages((NextToken) =>
      send('ListRoots', async () => {
        const page = await client.send(
          new ListRootsCommand({ MaxResults: ORGANIZATIONS_MAX_RESULTS, NextToken }),
          { abortSignal: signal },
        );
        return { items: page.Roots ?? [], nextToken: page.NextToken };
      }),
    ),
  ]);
  const root = roots[0];

  const organizationalUnits: OrganizationalUnit[] = [];
  const accounts: Account[] = [];
  const listChildren = async (parentId: string): Promise<string[]> => {
    const [units, members] = await Promise.all([
      readAllPages((NextToken) =>
        send(`ListOrganizationalUnitsForParent ${parentId}`, async () => {
          const page = await client.send(
            new ListOrganizationalUnitsForParentCommand({
              ParentId: parentId,
              MaxResults: ORGANIZATIONS_MAX_RESULTS,
              NextToken,
            }),
            { abortSignal: signal },
          );
          return { items: page.OrganizationalUnits ?? [], nextToken: page.NextToken };
        }),
      ),
      readAllPages((NextToken) =>
        send(`ListAccountsForParent ${parentId}`, async () => {
          const page = await client.send(
            new ListAccountsForParentCommand({
              ParentId: parentId,
              MaxResults: ORGANIZATIONS_MAX_RESULTS,
              NextToken,
            }),
            { abortSignal: signal },
          );
          return { items: page.Accounts ?? [], nextToken: page.NextToken };
        }),
      ),
    ]);
    for (const unit of units) {
      organizationalUnits.push({ id: unit.Id ?? '', name: unit.Name ?? '', parentId });
    }
    for (const account of members) {
      accounts.push({
        id: account.Id ?? '',
        name: account.Name ?? '',
        email: account.Email ?? '',
        state: accountState(account) as Account['state'],
        parentId,
      });
    }
    return units.map((unit) => unit.Id ?? '');
  };

  // Breadth first: every container of one level is listed (within the concurrency limit)
  // before the next level starts. AWS allows five OU levels below the root.
  let level = root?.Id === undefined ? [] : [root.Id];
  while (level.length > 0) {
    const children = await Promise.all(level.map(listChildren));
    level = children.flat();
  }

  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return parseOrganization(
    OrganizationSchema,
    {
      id: description.Organization?.Id,
      managementAccountId: description.Organization?.MasterAccountId,
      root: { id: root?.Id, name: root?.Name },
      organizationalUnits: organizationalUnits.sort(byId),
      accounts: accounts.sort(byId),
    },
    'The organisation read from AWS Organizations',
  );
}
