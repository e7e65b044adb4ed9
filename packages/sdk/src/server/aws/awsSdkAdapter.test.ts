/**
 * The AWS SDK adapter against a scripted AWS that answers from a sample organisation in small
 * pages: how many calls run at once for one management account, whatever request they serve;
 * pages that come back empty but with a NextToken; throttling in the middle of a read; and
 * the one attempt per call the default clients make. The adapter against moto is in
 * ../moto.test.ts.
 */
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { OrganizationsClient } from '@aws-sdk/client-organizations';

import type { Organization } from '@aws-connection-wizard/core';

import { isAdapterError } from '../../errors';
import { SAMPLE_ORGANIZATIONS } from '../../samples/managementAccounts';
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from '../../samples/northwind';
import { CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID } from '../../samples/contosoHealth';
import { createAwsSdkAdapter, environmentClients } from './awsSdkAdapter';
import { readDeploymentStatus } from './deploymentStatus';

const PAGE_SIZE = 3;

interface ScriptedAws {
  client: OrganizationsClient;
  /** The most calls that were running at once. */
  peak: () => number;
  /** Every call's command name and NextToken, in order. */
  calls: { command: string; nextToken: string | undefined }[];
}

function throttled(): Error {
  return Object.assign(new Error('Rate exceeded'), {
    name: 'TooManyRequestsException',
    $metadata: { httpStatusCode: 400 },
  });
}

/**
 * Organizations answering from `organization` in pages of PAGE_SIZE. Every list ends with one
 * empty page that still carries a NextToken, as AWS may send (Organizations API reference,
 * "NextToken": a page can be empty while more results follow). `throttle` decides per call
 * whether AWS refuses it.
 */
function scriptedOrganizations(
  organization: Organization,
  state: { running: number; peak: number } = { running: 0, peak: 0 },
  throttle: (command: string, input: Record<string, string | undefined>) => boolean = () => false,
): ScriptedAws {
  const calls: ScriptedAws['calls'] = [];

  const page = <T>(items: T[], token: string | undefined) => {
    if (token === 'end') return { slice: [], nextToken: undefined };
    const start = token === undefined ? 0 : Number(token);
    // After the last items: one more, empty page that still has a token, then the end.
    if (start >= items.length) return { slice: [], nextToken: 'end' };
    return { slice: items.slice(start, start + PAGE_SIZE), nextToken: String(start + PAGE_SIZE) };
  };

  const answer = (command: string, input: Record<string, string | undefined>) => {
    switch (command) {
      case 'DescribeOrganizationCommand':
        return {
          Organization: {
            Id: organization.id,
            MasterAccountId: organization.managementAccountId,
            FeatureSet: 'ALL',
          },
        };
      case 'ListRootsCommand':
        return { Roots: [{ Id: organization.root.id, Name: organization.root.name }] };
      case 'ListOrganizationalUnitsForParentCommand': {
        const { slice, nextToken } = page(
          organization.organizationalUnits.filter((unit) => unit.parentId === input.ParentId),
          input.NextToken,
        );
        return {
          OrganizationalUnits: slice.map((unit) => ({ Id: unit.id, Name: unit.name })),
          NextToken: nextToken,
        };
      }
      case 'ListAccountsForParentCommand': {
        const { slice, nextToken } = page(
          organization.accounts.filter((account) => account.parentId === input.ParentId),
          input.NextToken,
        );
        return {
          Accounts: slice.map((account) => ({
            Id: account.id,
            Name: account.name,
            Email: account.email,
            State: account.state,
          })),
          NextToken: nextToken,
        };
      }
      default:
        throw new Error(`Not scripted: ${command}`);
    }
  };

  const client = {
    send: async (command: { input: Record<string, string | undefined> }) => {
      const name = command.constructor.name;
      calls.push({ command: name, nextToken: command.input.NextToken });
      state.running += 1;
      state.peak = Math.max(state.peak, state.running);
      try {
        // Let every other ready call start before this one answers.
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (throttle(name, command.input)) throw throttled();
        return answer(name, command.input);
      } finally {
        state.running -= 1;
      }
    },
  } as unknown as OrganizationsClient;

  return { client, peak: () => state.peak, calls };
}

function sorted(organization: Organization): Organization {
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return {
    ...organization,
    organizationalUnits: [...organization.organizationalUnits].sort(byId),
    accounts: [...organization.accounts].sort(byId),
  };
}

const call = () => ({ signal: new AbortController().signal });
const unusedCloudFormation = () => {
  throw new Error('CloudFormation is not asked here');
};
const settings = () => ({
  trustedAccountId: '111122223333',
  externalId: 'external',
  region: 'us-east-1',
  regionLocked: false,
});

function adapterOn(clientsFor: (managementAccountId: string) => OrganizationsClient) {
  return createAwsSdkAdapter({
    managementAccounts: [
      { accountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID, name: 'Northwind', connected: true },
      { accountId: CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID, name: 'Contoso', connected: false },
    ],
    deploymentSettings: settings,
    clientsFor: (managementAccountId) => ({
      organizations: clientsFor(managementAccountId),
      cloudFormation: unusedCloudFormation,
    }),
    concurrency: 2,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
  });
}

describe('given the AWS SDK adapter reading organisations', () => {
  it('should read every page, empty ones with a NextToken included', async () => {
    const aws = scriptedOrganizations(NORTHWIND_ORGANIZATION);
    const adapter = adapterOn(() => aws.client);

    const organization = await adapter.getOrganization(
      { managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
      call(),
    );

    expect(organization).toEqual(sorted(NORTHWIND_ORGANIZATION));
    // Each list was followed past its empty page to the end.
    const emptyPages = aws.calls.filter((entry) => entry.nextToken === 'end');
    expect(emptyPages.length).toBeGreaterThan(0);
  });

  it('should share one gate per management account between requests, and none between accounts', async () => {
    const northwind = { running: 0, peak: 0 };
    const contoso = { running: 0, peak: 0 };
    const both = { running: 0, peak: 0 };
    const count = (own: typeof northwind) => ({
      get running() {
        return own.running;
      },
      set running(value: number) {
        both.running += value - own.running;
        both.peak = Math.max(both.peak, both.running);
        own.running = value;
      },
      get peak() {
        return own.peak;
      },
      set peak(value: number) {
        own.peak = value;
      },
    });
    const clients = new Map([
      [
        NORTHWIND_MANAGEMENT_ACCOUNT_ID,
        scriptedOrganizations(NORTHWIND_ORGANIZATION, count(northwind)).client,
      ],
      [
        CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
        scriptedOrganizations(
          SAMPLE_ORGANIZATIONS.find(
            (organization) =>
              organization.managementAccountId === CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
          )!,
          count(contoso),
        ).client,
      ],
    ]);
    const adapter = adapterOn((id) => clients.get(id)!);
    const read = (managementAccountId: string) =>
      adapter.getOrganization({ managementAccountId }, call());

    // Three requests for Northwind at once (three users opening the wizard), one for Contoso.
    const results = await Promise.all([
      read(NORTHWIND_MANAGEMENT_ACCOUNT_ID),
      read(NORTHWIND_MANAGEMENT_ACCOUNT_ID),
      read(NORTHWIND_MANAGEMENT_ACCOUNT_ID),
      read(CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID),
    ]);

    expect(results.map((organization) => organization.managementAccountId)).toEqual([
      NORTHWIND_MANAGEMENT_ACCOUNT_ID,
      NORTHWIND_MANAGEMENT_ACCOUNT_ID,
      NORTHWIND_MANAGEMENT_ACCOUNT_ID,
      CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
    ]);
    expect([northwind.peak, contoso.peak]).toEqual([2, 2]);
    expect(both.peak).toBeGreaterThan(2);
  });

  it('should retry calls AWS throttles in the middle of a read, and give up as throttled', async () => {
    // Every page of ListAccountsForParent is refused once, then answered.
    const refusedOnce = new Set<string>();
    const some = scriptedOrganizations(NORTHWIND_ORGANIZATION, undefined, (command, input) => {
      if (command !== 'ListAccountsForParentCommand') return false;
      const key = `${input.ParentId} ${input.NextToken}`;
      if (refusedOnce.has(key)) return false;
      refusedOnce.add(key);
      return true;
    });
    const always = scriptedOrganizations(
      NORTHWIND_ORGANIZATION,
      undefined,
      (command) => command === 'ListOrganizationalUnitsForParentCommand',
    );

    const read = await adapterOn(() => some.client).getOrganization(
      { managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
      call(),
    );
    const failure = await adapterOn(() => always.client)
      .getOrganization({ managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID }, call())
      .catch((error: unknown) => error);

    expect(read).toEqual(sorted(NORTHWIND_ORGANIZATION));
    expect(refusedOnce.size).toBeGreaterThan(10);
    expect(isAdapterError(failure) && [failure.kind, failure.retryable]).toEqual([
      'throttled',
      true,
    ]);
    // The default six attempts, each a single call: no retries of the SDK's own on top.
    const firstUnit = always.calls.filter(
      (entry) => entry.command === 'ListOrganizationalUnitsForParentCommand',
    );
    expect(firstUnit).toHaveLength(6);
  });
});

describe('given the stack instances of a StackSet in several pages', () => {
  it('should follow every NextToken, past an empty page, to every account', async () => {
    const accountIds = Array.from(
      { length: 7 },
      (_, index) => `1000000000${String(index).padStart(2, '0')}`,
    );
    const seenTokens: (string | undefined)[] = [];
    const client = {
      send: async (command: { input: Record<string, string | undefined> }) => {
        const name = command.constructor.name;
        if (name === 'DescribeStackSetCommand') return { StackSet: { StackSetName: 'set' } };
        if (name === 'DescribeStackSetOperationCommand') {
          return { StackSetOperation: { OperationId: 'op-1', Status: 'SUCCEEDED' } };
        }
        if (name !== 'ListStackInstancesCommand') throw new Error(`Not scripted: ${name}`);
        seenTokens.push(command.input.NextToken);
        const start = Number(command.input.NextToken ?? '0');
        if (start === 3 && !command.input.NextToken?.endsWith('.')) {
          // A page with nothing on it that still says more follow.
          return { Summaries: [], NextToken: '3.' };
        }
        const summaries = accountIds.slice(start, start + 3).map((Account) => ({
          Account,
          Region: 'us-east-1',
          Status: 'CURRENT',
          StackInstanceStatus: { DetailedStatus: 'SUCCEEDED' },
          LastOperationId: 'op-1',
        }));
        const next = start + 3;
        return {
          Summaries: summaries,
          NextToken: next < accountIds.length ? String(next) : undefined,
        };
      },
    } as unknown as CloudFormationClient;

    const status = await readDeploymentStatus(
      {
        managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
        stackSetNames: ['set'],
        region: 'us-east-1',
        roleName: 'doit-cloudflow-x',
        accountIds,
      },
      { client, now: () => new Date('2026-01-01T00:00:00Z') },
    );

    expect(seenTokens).toEqual([undefined, '3', '3.', '6']);
    expect(status.accounts).toEqual(
      accountIds.map((accountId) => ({ accountId, status: 'succeeded' })),
    );
  });
});

describe('given the clients built from the AWS environment', () => {
  it('should make one attempt per call, the adapter’s throttling retries being the only ones', async () => {
    const clients = environmentClients('http://127.0.0.1:1');

    expect([
      await clients.organizations.config.maxAttempts(),
      await clients.cloudFormation('eu-west-1').config.maxAttempts(),
    ]).toEqual([1, 1]);
  });
});
