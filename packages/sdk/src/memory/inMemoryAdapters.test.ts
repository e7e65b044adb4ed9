import { DeploymentStatusSchema } from '@aws-connection-wizard/core';
import type { ConnectionRequest } from '@aws-connection-wizard/core';

import { isAdapterError } from '../errors';
import { CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID } from '../samples/contosoHealth';
import { SAMPLE_MANAGEMENT_ACCOUNTS } from '../samples/managementAccounts';
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from '../samples/northwind';
import { createInMemoryAdapters } from './inMemoryAdapters';

const call = () => ({ signal: new AbortController().signal });

function requestNamed(name: string): ConnectionRequest {
  return {
    name,
    description: '',
    collaborators: [{ email: 'amelia.hart@example.com', role: 'owner' }],
    awsConfig: {
      managementAccount: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
      roleName: 'doit-cloudflow-prod',
      organizationRootId: 'r-nw7k',
      region: 'us-east-1',
      usesExistingPermissions: false,
      scopeTargetedOrganizationalUnitIds: ['ou-nw7k-886vompz'],
      scopeExplicitAccountIds: [],
      scopeExcludedAccountIds: [],
      scopeManagementAccountExplicitInScope: false,
      resolvedAccountIds: ['560805363094'],
      managedPolicyArns: [],
      allowedActions: ['ec2:DescribeInstances'],
    },
  };
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

describe('given the in-memory adapters with their defaults', () => {
  const adapters = createInMemoryAdapters({ latencyMs: 0 });

  it('should list the sample management accounts and load their organisations', async () => {
    expect(await adapters.aws.listManagementAccounts(call())).toEqual(SAMPLE_MANAGEMENT_ACCOUNTS);
    expect(
      await adapters.aws.getOrganization(
        { managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
        call(),
      ),
    ).toEqual(NORTHWIND_ORGANIZATION);
  });

  it('should answer notFound for a management account that is not onboarded', async () => {
    const failure = await failureOf(
      adapters.aws.getOrganization({ managementAccountId: '999999999999' }, call()),
    );

    expect(isAdapterError(failure) && failure.kind).toBe('notFound');
  });

  it('should give deployment settings with a stable external ID unique per management account', async () => {
    const northwind = await adapters.aws.getDeploymentSettings(
      { managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
      call(),
    );
    const again = await adapters.aws.getDeploymentSettings(
      { managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID },
      call(),
    );
    const contoso = await adapters.aws.getDeploymentSettings(
      { managementAccountId: CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID },
      call(),
    );

    expect(northwind).toMatchObject({
      trustedAccountId: '068664126052',
      region: 'us-east-1',
      regionLocked: false,
    });
    expect(northwind.externalId).toMatch(/^[\w+=,.@:/-]{2,1224}$/);
    expect(northwind.externalId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(again.externalId).toBe(northwind.externalId);
    expect(contoso.externalId).not.toBe(northwind.externalId);
  });

  it('should sign in a CloudFlow Owner and find users by name or email, ignoring case', async () => {
    const me = await adapters.directory.getCurrentUser(call());
    const byName = await adapters.directory.searchUsers({ query: '  PRIYA ' }, call());
    const byEmail = await adapters.directory.searchUsers({ query: 'EGO.RAMOS@EXAMPLE' }, call());
    const everyone = await adapters.directory.searchUsers({ query: '' }, call());

    expect(me.permissions).toContain('cloudflow.owner');
    expect(byName).toEqual([{ name: 'Priya Natarajan', email: 'priya.natarajan@example.com' }]);
    expect(byEmail.map((user) => user.name)).toEqual(['Diego Ramos']);
    expect(everyone).toHaveLength(25);
    expect(everyone.every((user) => user.email.endsWith('@example.com'))).toBe(true);
    expect(everyone.map((user) => user.name)).toEqual(
      [...everyone.map((user) => user.name)].sort((a, b) => a.localeCompare(b, 'en')),
    );
  });

  it('should not offer managed policies of its own, so the built-in list applies', () => {
    expect(adapters.aws.listManagedPolicies).toBeUndefined();
    expect(createInMemoryAdapters({ managedPolicies: [] }).aws.listManagedPolicies).toBeInstanceOf(
      Function,
    );
  });
});

describe('given connections kept in memory', () => {
  it('should create one connection per idempotency key, however often it is retried', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const first = await adapters.connections.createConnection(
      { request: requestNamed('Production'), idempotencyKey: 'finish-1' },
      call(),
    );
    const retry = await adapters.connections.createConnection(
      { request: requestNamed('Production'), idempotencyKey: 'finish-1' },
      call(),
    );

    expect(retry.id).toBe(first.id);
    expect(adapters.listConnections()).toHaveLength(1);
    expect(first).toMatchObject({ name: 'Production', enabled: true, status: 'pending' });
  });

  it('should treat names as taken ignoring case and surrounding spaces', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    await adapters.connections.createConnection(
      { request: requestNamed('Production'), idempotencyKey: 'finish-1' },
      call(),
    );

    expect(await adapters.connections.isNameAvailable({ name: '  PRODUCTION ' }, call())).toBe(
      false,
    );
    expect(await adapters.connections.isNameAvailable({ name: 'Production EU' }, call())).toBe(
      true,
    );
    const failure = await failureOf(
      adapters.connections.createConnection(
        { request: requestNamed('production '), idempotencyKey: 'finish-2' },
        call(),
      ),
    );
    expect(failure).toMatchObject({ kind: 'conflict', retryable: false });
    expect(adapters.listConnections()).toHaveLength(1);
  });

  it('should report a new connection pending until its activation delay has passed', async () => {
    let clock = 1_000;
    const adapters = createInMemoryAdapters({
      latencyMs: 0,
      activationDelayMs: 5_000,
      now: () => clock,
    });
    const created = await adapters.connections.createConnection(
      { request: requestNamed('Staging'), idempotencyKey: 'k' },
      call(),
    );

    clock = 5_999;
    expect(
      (await adapters.connections.getConnection({ connectionId: created.id }, call())).status,
    ).toBe('pending');
    clock = 6_000;
    expect(
      (await adapters.connections.getConnection({ connectionId: created.id }, call())).status,
    ).toBe('active');
    expect(adapters.listConnections()[0]?.status).toBe('active');
  });

  it('should answer notFound for an unknown connection id', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const failure = await failureOf(
      adapters.connections.getConnection({ connectionId: 'conn-9999' }, call()),
    );

    expect(failure).toMatchObject({ kind: 'notFound' });
  });
});

describe('given injected faults', () => {
  it('should fail the next calls the given number of times, then recover', async () => {
    const adapters = createInMemoryAdapters({
      latencyMs: 0,
      faults: { listManagementAccounts: { kind: 'throttled', times: 2 } },
    });

    expect(await failureOf(adapters.aws.listManagementAccounts(call()))).toMatchObject({
      kind: 'throttled',
      retryable: true,
    });
    expect(await failureOf(adapters.aws.listManagementAccounts(call()))).toMatchObject({
      kind: 'throttled',
    });
    expect(await adapters.aws.listManagementAccounts(call())).toHaveLength(2);
    expect(adapters.callCount('listManagementAccounts')).toBe(3);
  });

  it('should keep failing when told always, until the fault is cleared', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    adapters.injectFault('searchUsers', { kind: 'unavailable', times: 'always', message: 'down' });

    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await failureOf(adapters.directory.searchUsers({ query: 'a' }, call()))).toMatchObject(
        { kind: 'unavailable', message: 'down' },
      );
    }
    adapters.clearFaults();
    expect((await adapters.directory.searchUsers({ query: 'amelia' }, call())).length).toBe(1);
  });

  it('should create once when the first response is lost and the call is retried', async () => {
    const adapters = createInMemoryAdapters({
      latencyMs: 0,
      faults: { createConnection: { kind: 'unavailable', when: 'after' } },
    });
    const input = { request: requestNamed('Finance'), idempotencyKey: 'finish-42' };

    expect(await failureOf(adapters.connections.createConnection(input, call()))).toMatchObject({
      kind: 'unavailable',
    });
    const retried = await adapters.connections.createConnection(input, call());

    expect(adapters.listConnections()).toEqual([retried]);
  });
});

describe('given simulated latency', () => {
  it('should stop waiting and do nothing when the call is aborted', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 60_000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = adapters.connections.createConnection(
      { request: requestNamed('Slow'), idempotencyKey: 'k' },
      { signal: controller.signal },
    );
    controller.abort(new Error('the user moved on'));

    await expect(pending).rejects.toThrow('the user moved on');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(adapters.listConnections()).toEqual([]);
  });

  it('should wait within the configured range', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: { min: 40, max: 60 } });
    const started = performance.now();
    await adapters.aws.listManagementAccounts(call());

    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
  });
});

describe('given a simulated StackSet deployment', () => {
  const suspended = NORTHWIND_ORGANIZATION.accounts.find((a) => a.state === 'SUSPENDED')!.id;
  const active = NORTHWIND_ORGANIZATION.accounts
    .filter((a) => a.state === 'ACTIVE' && a.id !== NORTHWIND_MANAGEMENT_ACCOUNT_ID)
    .map((a) => a.id);
  const input = {
    managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
    stackSetNames: ['doit-cloudflow-prod'],
    region: 'us-east-1',
    roleName: 'doit-cloudflow-prod',
    accountIds: [...active, suspended, NORTHWIND_MANAGEMENT_ACCOUNT_ID, '111111111111'],
  };

  it('should show progress at first and success for every active account later', async () => {
    let clock = 0;
    const adapters = createInMemoryAdapters({
      latencyMs: 0,
      deploymentDurationMs: 10_000,
      now: () => clock,
    });
    const first = await adapters.aws.getDeploymentStatus(input, call());
    clock = 10_000;
    const later = await adapters.aws.getDeploymentStatus(input, call());
    const statusOf = (status: typeof first, id: string) =>
      status.accounts.find((result) => result.accountId === id)?.status;

    expect(DeploymentStatusSchema.safeParse(first).success).toBe(true);
    expect(first.stackSetFound).toBe(true);
    expect(first.accounts.filter((r) => r.status === 'inProgress').length).toBeGreaterThan(0);
    expect(active.every((id) => statusOf(later, id) === 'succeeded')).toBe(true);
    expect(statusOf(later, suspended)).toBe('skipped');
    expect(statusOf(later, '111111111111')).toBe('failed');
    expect(later.accounts.some((r) => r.accountId === NORTHWIND_MANAGEMENT_ACCOUNT_ID)).toBe(false);
    expect(later.managementAccount).toEqual({
      accountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
      status: 'succeeded',
    });
  });

  it('should give the same answer for the same inputs at the same moment', async () => {
    const make = () => createInMemoryAdapters({ latencyMs: 0, now: () => 0 });
    const a = make();
    const b = make();
    await a.aws.getDeploymentStatus(input, call());
    await b.aws.getDeploymentStatus(input, call());

    expect(await a.aws.getDeploymentStatus(input, call())).toEqual(
      await b.aws.getDeploymentStatus(input, call()),
    );
  });

  it('should report nothing deployed when no StackSet is expected', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 0 });
    const status = await adapters.aws.getDeploymentStatus(
      { ...input, stackSetNames: [], accountIds: [active[0]!] },
      call(),
    );

    expect(status).toMatchObject({
      stackSetFound: false,
      accounts: [{ accountId: active[0], status: 'notDeployed' }],
      managementAccount: null,
    });
  });
});
