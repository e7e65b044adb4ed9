/**
 * The server side against a local AWS API emulator (moto on a loopback port): the organisation
 * read through the AWS SDK adapter, the deployment check, and the REST handlers with their
 * authorisation, unique names and idempotency, reached through the browser's HTTP adapter.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

import {
  CloudFormationClient,
  CreateStackCommand,
  CreateStackInstancesCommand,
  CreateStackSetCommand,
} from '@aws-sdk/client-cloudformation';
import { OrganizationsClient } from '@aws-sdk/client-organizations';

import {
  deriveRoleNameSuffix,
  indexOrganization,
  planDeployment,
  stackSetNameFor,
} from '@aws-connection-wizard/core';
import type {
  Account,
  Connection,
  ConnectionRequest,
  Organization,
  OrganizationalUnit,
} from '@aws-connection-wizard/core';

import { createHttpAdapters } from '../http/httpAdapters';
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from '../samples/northwind';
import { toAwsOrganizationJson } from '../samples/awsJson';
import { isAdapterError } from '../errors';
import { createAwsSdkAdapter } from './aws/awsSdkAdapter';
import { readOrganizationFromAws } from './aws/readOrganization';
import { seedEmulatorOrganization } from './aws/seedEmulator';
import type { SeededOrganization } from './aws/seedEmulator';
import type { Caller } from './authorization';
import { createConnectionHandlers } from './handlers';
import { createSqliteConnectionStore } from './storage/sqliteStore';
import type { SqliteConnectionStore } from './storage/sqliteStore';

const SANDBOX_OU = 'ou-nw7k-s6puq80i';
const REGION = 'us-east-1';
const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** Northwind with 24 more accounts and 21 more OUs inside Sandbox: pages of 20 are not enough. */
const LARGE_NORTHWIND: Organization = {
  ...NORTHWIND_ORGANIZATION,
  organizationalUnits: [
    ...NORTHWIND_ORGANIZATION.organizationalUnits,
    ...Array.from({ length: 21 }, (_, index): OrganizationalUnit => ({
      id: `ou-nw7k-team${String(index).padStart(4, '0')}`,
      name: `Team ${index + 1}`,
      parentId: SANDBOX_OU,
    })),
  ],
  accounts: [
    ...NORTHWIND_ORGANIZATION.accounts,
    ...Array.from({ length: 24 }, (_, index): Account => ({
      id: `90000000${String(index).padStart(4, '0')}`,
      name: `Sandbox ${index + 1}`,
      email: `aws+sandbox-${index + 1}@northwind.example`,
      state: 'ACTIVE',
      parentId: SANDBOX_OU,
    })),
  ],
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('No port was assigned')),
      );
    });
  });
}

let moto: ChildProcess | undefined;
let endpoint = '';
let organizations: OrganizationsClient;
let cloudFormation: CloudFormationClient;
let seeded: SeededOrganization;

beforeAll(async () => {
  const port = await freePort();
  endpoint = `http://127.0.0.1:${port}`;
  const outside = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')),
  );
  moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    env: { ...outside, MOTO_ACCOUNT_ID: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
    stdio: 'ignore',
  });
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).ok) break;
    } catch (error) {
      if (attempt > 150) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  organizations = new OrganizationsClient({ region: REGION, endpoint, credentials });
  cloudFormation = new CloudFormationClient({ region: REGION, endpoint, credentials });
  seeded = await seedEmulatorOrganization(toAwsOrganizationJson(LARGE_NORTHWIND), organizations);
}, 60_000);

afterAll(async () => {
  if (moto?.pid === undefined) return;
  const exited = new Promise((resolve) => moto?.once('exit', resolve));
  process.kill(moto.pid, 'SIGTERM');
  await exited;
});

function sorted(organization: Organization): Organization {
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return {
    ...organization,
    organizationalUnits: [...organization.organizationalUnits].sort(byId),
    accounts: [...organization.accounts].sort(byId),
  };
}

describe('given an organisation with more than 20 children on one level', () => {
  it('should read the tree exactly as seeded, following every NextToken', async () => {
    const pagesWithToken: string[] = [];
    const counted = new OrganizationsClient({ region: REGION, endpoint, credentials });
    counted.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { NextToken?: string };
        if (input.NextToken !== undefined) pagesWithToken.push(context.commandName ?? '');
        return next(args);
      },
      { step: 'initialize', name: 'countPages' },
    );

    const organization = await readOrganizationFromAws({ client: counted, concurrency: 3 });

    const sandbox = seeded.emulatorIds.get(SANDBOX_OU);
    const seededInSandbox = LARGE_NORTHWIND.accounts.filter((a) => a.parentId === SANDBOX_OU);
    expect(seededInSandbox.length).toBeGreaterThan(20);
    expect(organization.accounts.filter((a) => a.parentId === sandbox)).toHaveLength(
      seededInSandbox.length,
    );
    expect(organization.organizationalUnits.filter((u) => u.parentId === sandbox)).toHaveLength(21);
    expect(pagesWithToken).toContain('ListAccountsForParentCommand');
    expect(pagesWithToken).toContain('ListOrganizationalUnitsForParentCommand');
    expect(organization).toEqual(sorted(seeded.organization));
    expect(organization.accounts.filter((account) => account.state === 'SUSPENDED')).toHaveLength(
      3,
    );
  });

  it('should refuse an organisation whose management account is not the one asked for', async () => {
    const adapter = createAwsSdkAdapter({
      managementAccounts: [{ accountId: '111122223333', name: 'Other', connected: false }],
      deploymentSettings: () => {
        throw new Error('not asked');
      },
      clientsFor: () => ({ organizations, cloudFormation: () => cloudFormation }),
    });
    const failure = await adapter
      .getOrganization(
        { managementAccountId: '111122223333' },
        { signal: AbortSignal.timeout(20_000) },
      )
      .catch((error: unknown) => error);
    expect(isAdapterError(failure) && failure.kind).toBe('invalidResponse');
  });
});

describe('given a StackSet deployed to one OU and a management-account stack', () => {
  const roleName = 'doit-cloudflow-moto-check';
  const stackSetName = stackSetNameFor(roleName);
  const template = JSON.stringify({
    Resources: { Marker: { Type: 'AWS::CloudFormation::WaitConditionHandle' } },
  });

  it('should report each account from its stack instance', async () => {
    const adapter = createAwsSdkAdapter({
      managementAccounts: [
        { accountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID, name: 'Northwind', connected: false },
      ],
      deploymentSettings: () => ({
        trustedAccountId: '068664126052',
        externalId: 'x',
        region: REGION,
        regionLocked: true,
      }),
      clientsFor: () => ({ organizations, cloudFormation: () => cloudFormation }),
    });
    const securityProd = seeded.emulatorIds.get('ou-nw7k-benyjqwx') ?? '';
    const deployedIds = seeded.organization.accounts
      .filter((account) => account.parentId === securityProd)
      .map((account) => account.id);
    const elsewhere = seeded.emulatorIds.get('718744967223') ?? '';
    const accountIds = [...deployedIds, elsewhere, NORTHWIND_MANAGEMENT_ACCOUNT_ID];
    const check = {
      managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
      stackSetNames: [stackSetName],
      region: REGION,
      roleName,
      accountIds,
    };
    const call = { signal: AbortSignal.timeout(20_000) };

    const before = await adapter.getDeploymentStatus(check, call);
    expect(before.stackSetFound).toBe(false);
    expect(before.accounts.map((result) => result.status)).toEqual(
      accountIds.slice(0, -1).map(() => 'notDeployed'),
    );
    expect(before.managementAccount).toEqual({
      accountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
      status: 'notDeployed',
    });

    await cloudFormation.send(
      new CreateStackSetCommand({
        StackSetName: stackSetName,
        TemplateBody: template,
        PermissionModel: 'SERVICE_MANAGED',
        AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      }),
    );
    await cloudFormation.send(
      new CreateStackInstancesCommand({
        StackSetName: stackSetName,
        DeploymentTargets: { OrganizationalUnitIds: [securityProd], AccountFilterType: 'NONE' },
        Regions: [REGION],
      }),
    );
    await cloudFormation.send(
      new CreateStackCommand({ StackName: stackSetName, TemplateBody: template }),
    );

    const after = await adapter.getDeploymentStatus(check, call);
    expect(deployedIds).toHaveLength(3);
    expect(after.stackSetFound).toBe(true);
    expect(after.accounts).toEqual([
      ...deployedIds.map((accountId) => ({ accountId, status: 'succeeded' })),
      { accountId: elsewhere, status: 'notDeployed' },
    ]);
    expect(after.managementAccount).toEqual({
      accountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
      status: 'succeeded',
    });
  });
});

describe('given the REST handlers on SQLite and the AWS SDK adapter', () => {
  const people: Record<string, Caller> = {
    user: { email: 'uma@northwind.example', name: 'Uma', permissions: [] },
    editor: { email: 'eli@northwind.example', name: 'Eli', permissions: ['cloudflow.editor'] },
    owner: { email: 'ola@northwind.example', name: 'Ola', permissions: ['cloudflow.owner'] },
    outsider: { email: 'oz@northwind.example', name: 'Oz', permissions: ['cloudflow.editor'] },
  };
  let store: SqliteConnectionStore;
  let handle: (request: Request) => Promise<Response>;

  beforeEach(() => {
    store = createSqliteConnectionStore({ filename: ':memory:' });
    handle = createConnectionHandlers({
      basePath: '/api',
      aws: createAwsSdkAdapter({
        managementAccounts: [
          { accountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID, name: 'Northwind', connected: false },
        ],
        deploymentSettings: () => ({
          trustedAccountId: '068664126052',
          externalId: 'northwind-external-id',
          region: REGION,
          regionLocked: false,
        }),
        clientsFor: () => ({ organizations, cloudFormation: () => cloudFormation }),
      }),
      store,
      getCaller: (request) =>
        people[request.headers.get('authorization')?.replace(/^Bearer /, '') ?? ''] ?? null,
      searchUsers: (query) =>
        Object.values(people).filter((person) => person.email.includes(query)),
    });
  });

  afterEach(() => store.close());

  function adaptersAs(who: string | null) {
    return createHttpAdapters({
      baseUrl: 'http://console.test/api',
      headers: who === null ? {} : { authorization: `Bearer ${who}` },
      fetch: async (input, init) => handle(new Request(input, init)),
    });
  }

  const northwind = (id: string) => seeded.emulatorIds.get(id) ?? id;

  function requestFor(name: string, creator: Caller): ConnectionRequest {
    const account = northwind('282184450280');
    return {
      name,
      description: '',
      collaborators: [
        { email: creator.email, role: 'owner' },
        ...[
          { email: people.editor!.email, role: 'editor' },
          { email: people.user!.email, role: 'user' },
        ].filter((entry) => entry.email !== creator.email),
      ],
      awsConfig: {
        managementAccount: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
        roleName: `doit-cloudflow-${deriveRoleNameSuffix(name)}`,
        organizationRootId: seeded.organization.root.id,
        region: REGION,
        usesExistingPermissions: false,
        scopeTargetedOrganizationalUnitIds: [],
        scopeExplicitAccountIds: [account],
        scopeExcludedAccountIds: [],
        scopeManagementAccountExplicitInScope: false,
        resolvedAccountIds: [account],
        managedPolicyArns: [],
        allowedActions: ['ce:GetCostAndUsage'],
      },
    };
  }

  const call = () => ({ signal: AbortSignal.timeout(20_000) });

  it('should serve the seeded organisation through the HTTP adapter', async () => {
    const organization = await adaptersAs('owner').aws.getOrganization(
      { managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
      call(),
    );
    expect(organization).toEqual(sorted(seeded.organization));
  });

  it('should let only callers allowed by the matrix create, read and use', async () => {
    const created = await adaptersAs('owner').connections.createConnection(
      { request: requestFor('Finance', people.owner!), idempotencyKey: 'k-owner' },
      call(),
    );
    const statusOf = async (who: string | null, method: string, path: string, body?: unknown) => {
      const response = await handle(
        new Request(`http://console.test/api${path}`, {
          method,
          headers: {
            ...(who === null ? {} : { authorization: `Bearer ${who}` }),
            'content-type': 'application/json',
            'idempotency-key': `matrix-${who}`,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
      return response.status;
    };

    const matrix: Record<string, [create: number, read: number, use: number]> = {};
    for (const who of [null, 'user', 'editor', 'owner', 'outsider']) {
      const creator = who === null ? people.owner! : people[who]!;
      matrix[who ?? 'anonymous'] = [
        await statusOf(who, 'POST', '/connections', requestFor(`Made by ${who}`, creator)),
        await statusOf(who, 'GET', `/connections/${created.id}`),
        await statusOf(who, 'GET', `/connections/${created.id}/role`),
      ];
    }

    expect(matrix).toEqual({
      anonymous: [401, 401, 401],
      user: [403, 403, 200],
      editor: [201, 200, 200],
      owner: [201, 200, 200],
      outsider: [201, 404, 404],
    });
  });

  it('should turn refusals into adapter errors of the matching kind', async () => {
    const failure = await adaptersAs('user')
      .aws.listManagementAccounts(call())
      .catch((error: unknown) => error);
    expect(isAdapterError(failure) && [failure.kind, failure.retryable]).toEqual([
      'forbidden',
      false,
    ]);
    const missing = await adaptersAs('owner')
      .aws.getOrganization({ managementAccountId: '111122223333' }, call())
      .catch((error: unknown) => error);
    expect(isAdapterError(missing) && missing.kind).toBe('notFound');
  });

  it('should give one success and one conflict for two simultaneous creates of one name', async () => {
    const adapters = adaptersAs('owner');
    const results = await Promise.allSettled([
      adapters.connections.createConnection(
        { request: requestFor('Payments', people.owner!), idempotencyKey: 'first' },
        call(),
      ),
      adaptersAs('editor').connections.createConnection(
        { request: requestFor(' payments ', people.editor!), idempotencyKey: 'second' },
        call(),
      ),
    ]);

    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result) => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    const reason = (rejected[0] as PromiseRejectedResult).reason;
    expect(isAdapterError(reason) && reason.kind).toBe('conflict');
    expect(await adapters.connections.isNameAvailable({ name: 'PAYMENTS' }, call())).toBe(false);
    expect((await store.listConnections('')).map((connection) => connection.name)).toEqual([
      (fulfilled[0] as PromiseFulfilledResult<Connection>).value.name,
    ]);
  });

  it('should return the first result when a create is repeated with its idempotency key', async () => {
    const adapters = adaptersAs('editor');
    const input = { request: requestFor('Analytics', people.editor!), idempotencyKey: 'retry-1' };
    const first = await adapters.connections.createConnection(input, call());
    const again = await adapters.connections.createConnection(input, call());

    expect(again).toEqual(first);
    expect(await store.listConnections('')).toEqual([first]);
    const otherRequest = await adapters.connections
      .createConnection({ ...input, request: requestFor('Analytics 2', people.editor!) }, call())
      .catch((error: unknown) => error);
    expect(isAdapterError(otherRequest) && [otherRequest.kind, otherRequest.problems]).toEqual([
      'conflict',
      [{ field: 'idempotencyKey', code: 'idempotencyKey.reused' }],
    ]);
  });

  it('should read the deployment prerequisites: all features, trusted access unknown in moto', async () => {
    // moto answers DescribeOrganizationsAccess with HTTP 500 (not implemented), so AWS's answer
    // is unknown there; the organisation was created with all features.
    const prerequisites = await adaptersAs('owner').aws.getDeploymentPrerequisites?.(
      { managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
      call(),
    );
    expect(prerequisites).toEqual({ trustedAccess: 'unknown', featureSet: 'all' });
  });

  describe('when a create breaks a rule only AWS and the platform can judge', () => {
    async function create(body: unknown, key: string, contentType = 'application/json') {
      const response = await handle(
        new Request('http://console.test/api/connections', {
          method: 'POST',
          headers: {
            authorization: 'Bearer owner',
            'content-type': contentType,
            'idempotency-key': key,
          },
          body: JSON.stringify(body),
        }),
      );
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }
    const base = () => requestFor('Checked', people.owner!);
    const withConfig = (config: Partial<ConnectionRequest['awsConfig']>): ConnectionRequest => ({
      ...base(),
      awsConfig: { ...base().awsConfig, ...config },
    });

    it('should answer 422 with each problem at its field', async () => {
      const cases: Record<string, ConnectionRequest> = {
        notOnboarded: withConfig({ managementAccount: '111122223333' }),
        unknownOu: withConfig({
          scopeTargetedOrganizationalUnitIds: ['ou-nw7k-zzzzzzzz'],
          scopeExplicitAccountIds: [],
        }),
        suspended: withConfig({ scopeExplicitAccountIds: [northwind('300980329511')] }),
        contradiction: withConfig({
          scopeExplicitAccountIds: [NORTHWIND_MANAGEMENT_ACCOUNT_ID],
          scopeManagementAccountExplicitInScope: false,
        }),
        wrongRoot: withConfig({ organizationRootId: 'r-xxxx' }),
      };
      const answers: Record<string, unknown> = {};
      for (const [name, body] of Object.entries(cases)) {
        const { status, body: problem } = await create(body, `bad-${name}`);
        answers[name] = [status, problem.kind, problem.problems];
      }

      expect(answers).toEqual({
        notOnboarded: [
          422,
          'conflict',
          [
            {
              field: 'managementAccountId',
              code: 'managementAccount.notOnboarded',
              params: { accountId: '111122223333' },
            },
          ],
        ],
        unknownOu: [
          422,
          'conflict',
          [
            {
              field: 'scope.selected',
              code: 'scope.unknownId',
              params: { id: 'ou-nw7k-zzzzzzzz', organization: seeded.organization.id },
            },
          ],
        ],
        suspended: [
          422,
          'conflict',
          [
            {
              field: 'scope.selected',
              code: 'scope.notSelectable',
              params: { id: northwind('300980329511'), state: 'SUSPENDED' },
            },
          ],
        ],
        contradiction: [
          422,
          'conflict',
          [
            {
              field: 'scope.managementAccount',
              code: 'scope.managementAccountDecision.contradicts',
              params: { id: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
            },
          ],
        ],
        wrongRoot: [
          422,
          'conflict',
          [{ field: 'scope.selected', code: 'scope.rootMismatch', params: { id: 'r-xxxx' } }],
        ],
      });
      expect(await store.listConnections('')).toEqual([]);
    });

    it('should refuse a body that is not sent as JSON', async () => {
      const { status, body } = await create(base(), 'plain-text', 'text/plain');
      expect([status, body.title]).toEqual([415, 'Unsupported Media Type']);
    });

    it('should store the accounts the scope covers as AWS reports them, not as sent', async () => {
      const root = seeded.organization.root.id;
      const { status, body } = await create(
        withConfig({
          scopeTargetedOrganizationalUnitIds: [root],
          scopeExplicitAccountIds: [],
          scopeManagementAccountExplicitInScope: false,
          resolvedAccountIds: ['000000000000'],
        }),
        'whole-organisation',
      );
      const plan = planDeployment(indexOrganization(seeded.organization), {
        selected: [root],
        excluded: [],
        managementAccount: 'exclude',
        pickedAccountsAutoDeployment: 'off',
      });

      expect(status).toBe(201);
      expect((body as unknown as Connection).awsConfig.resolvedAccountIds).toEqual(
        plan.coverage.now,
      );
      expect(plan.coverage.now).toHaveLength(LARGE_NORTHWIND.accounts.length - 1 - 3);
    });

    it('should refuse a second connection with the same role in the management account', async () => {
      const first = await create(requestFor('Finance', people.owner!), 'role-1');
      const second = await create(
        { ...requestFor('Finance team', people.owner!), awsConfig: first.body.awsConfig },
        'role-2',
      );

      expect(first.status).toBe(201);
      expect([second.status, second.body.kind, second.body.problems]).toEqual([
        409,
        'conflict',
        [
          {
            field: 'details.roleName',
            code: 'roleName.taken',
            params: { roleName: 'doit-cloudflow-finance' },
          },
        ],
      ]);
    });
  });
});
