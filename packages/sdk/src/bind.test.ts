import { createActor, toPromise } from 'xstate';

import {
  DEFAULT_MANAGED_POLICIES,
  DRAFT_SCHEMA_VERSION,
  wizardActors,
} from '@aws-connection-wizard/core';
import type { Draft, ManagedPolicy } from '@aws-connection-wizard/core';

import type { WizardAdapters } from './adapters';
import { bindAdapters } from './bind';
import { isAdapterError } from './errors';
import { createInMemoryAdapters } from './memory/inMemoryAdapters';
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID, NORTHWIND_ORGANIZATION } from './samples/northwind';

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}

const northwind = { managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID };

describe('given adapters bound to the wizard’s actors', () => {
  it('should provide exactly the actors the machine declares', () => {
    const actors = bindAdapters(createInMemoryAdapters({ latencyMs: 0 }));

    expect(Object.keys(actors).sort()).toEqual(Object.keys(wizardActors).sort());
  });

  it('should pass valid answers through', async () => {
    const actors = bindAdapters(createInMemoryAdapters({ latencyMs: 0 }));
    const organization = await toPromise(
      createActor(actors.loadOrganization, { input: northwind }).start(),
    );
    const name = await toPromise(
      createActor(actors.checkConnectionName, { input: { name: 'Anything' } }).start(),
    );

    expect(organization).toEqual(NORTHWIND_ORGANIZATION);
    expect(name).toEqual({ available: true });
  });
});

describe('given an adapter that answers with data that breaks the schema', () => {
  it('should reject with invalidResponse naming what was wrong', async () => {
    const base = createInMemoryAdapters({ latencyMs: 0 });
    const broken = {
      ...NORTHWIND_ORGANIZATION,
      accounts: [{ ...NORTHWIND_ORGANIZATION.accounts[0]!, id: '5344395891' }],
    };
    const adapters: WizardAdapters = {
      ...base,
      aws: { ...base.aws, getOrganization: async () => broken },
    };
    const failure = await failureOf(
      toPromise(createActor(bindAdapters(adapters).loadOrganization, { input: northwind }).start()),
    );

    expect(isAdapterError(failure) && failure.kind).toBe('invalidResponse');
    expect((failure as Error).message).toMatch(/organisation of management account 534439589175/);
    expect((failure as Error).message).toMatch(/accounts\.0\.id/);
  });

  it('should reject an organisation of another management account than the one asked for', async () => {
    const base = createInMemoryAdapters({ latencyMs: 0 });
    const adapters: WizardAdapters = {
      ...base,
      aws: { ...base.aws, getOrganization: async () => NORTHWIND_ORGANIZATION },
    };
    const failure = await failureOf(
      toPromise(
        createActor(bindAdapters(adapters).loadOrganization, {
          input: { managementAccountId: '184474343888' },
        }).start(),
      ),
    );

    expect(failure).toMatchObject({ kind: 'invalidResponse' });
    expect((failure as Error).message).toMatch(/its management account is 534439589175/);
  });

  it('should reject a name check that is not a boolean', async () => {
    const base = createInMemoryAdapters({ latencyMs: 0 });
    const adapters: WizardAdapters = {
      ...base,
      connections: {
        ...base.connections,
        isNameAvailable: async () => 'yes' as unknown as boolean,
      },
    };
    const failure = await failureOf(
      toPromise(
        createActor(bindAdapters(adapters).checkConnectionName, { input: { name: 'x' } }).start(),
      ),
    );

    expect(failure).toMatchObject({ kind: 'invalidResponse', retryable: false });
  });
});

describe('given an actor stopped while its adapter call runs', () => {
  it('should abort the adapter’s signal and produce no result', async () => {
    const base = createInMemoryAdapters({ latencyMs: 0 });
    let seen: AbortSignal | undefined;
    let finish: () => void = () => undefined;
    const adapters: WizardAdapters = {
      ...base,
      directory: {
        ...base.directory,
        searchUsers: (input, options) => {
          seen = options.signal;
          return new Promise((resolve) => {
            finish = () => resolve([{ name: 'Late', email: 'late@example.com' }]);
          });
        },
      },
    };
    const actor = createActor(bindAdapters(adapters).searchUsers, { input: { query: 'l' } });
    actor.start();
    actor.stop();
    finish();
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(seen?.aborted).toBe(true);
    expect(actor.getSnapshot().status).toBe('stopped');
    expect(actor.getSnapshot().output).toBeUndefined();
  });
});

describe('given an adapter that takes too long', () => {
  it('should abort the call and reject with a retryable timeout, even if the adapter ignores its signal', async () => {
    const base = createInMemoryAdapters({ latencyMs: 0 });
    let seen: AbortSignal | undefined;
    const adapters: WizardAdapters = {
      ...base,
      aws: {
        ...base.aws,
        listManagementAccounts: (options) => {
          seen = options.signal;
          return new Promise(() => undefined);
        },
      },
    };
    const failure = await failureOf(
      toPromise(
        createActor(bindAdapters(adapters, { timeoutMs: 30 }).loadManagementAccounts).start(),
      ),
    );

    expect(failure).toMatchObject({ kind: 'timeout', retryable: true });
    expect(seen?.aborted).toBe(true);
  });

  it('should time out the in-memory backend’s latency too', async () => {
    const adapters = createInMemoryAdapters({ latencyMs: 5_000 });
    const failure = await failureOf(
      toPromise(
        createActor(bindAdapters(adapters, { timeoutMs: 20 }).loadDeploymentSettings, {
          input: northwind,
        }).start(),
      ),
    );

    expect(failure).toMatchObject({ kind: 'timeout' });
  });
});

describe('given an adapter that fails', () => {
  it('should keep an AdapterError it threw as it is', async () => {
    const adapters = createInMemoryAdapters({
      latencyMs: 0,
      faults: { getConnection: { kind: 'forbidden', message: 'not yours' } },
    });
    const failure = await failureOf(
      toPromise(
        createActor(bindAdapters(adapters).loadConnection, {
          input: { connectionId: 'conn-0001' },
        }).start(),
      ),
    );

    expect(failure).toMatchObject({ kind: 'forbidden', message: 'not yours' });
  });

  it('should turn any other error into a retryable unavailable error keeping the cause', async () => {
    const base = createInMemoryAdapters({ latencyMs: 0 });
    const cause = new TypeError('Failed to fetch');
    const adapters: WizardAdapters = {
      ...base,
      directory: {
        ...base.directory,
        getCurrentUser: async () => {
          throw cause;
        },
      },
    };
    const failure = await failureOf(
      toPromise(createActor(bindAdapters(adapters).loadCurrentUser).start()),
    );

    expect(failure).toMatchObject({ kind: 'unavailable', retryable: true, cause });
    expect((failure as Error).message).toBe('The current user failed: Failed to fetch');
  });
});

describe('given managed policies', () => {
  const fallback: ManagedPolicy[] = [
    { arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess' },
  ];

  it('should fall back to core’s built-in list when neither adapter nor host offers one', async () => {
    const actors = bindAdapters(createInMemoryAdapters({ latencyMs: 0 }));
    const policies = await toPromise(createActor(actors.loadManagedPolicies).start());

    expect(policies).toEqual(DEFAULT_MANAGED_POLICIES);
    expect(policies.length).toBeGreaterThan(0);
  });

  it('should fall back to the host’s default list when the adapter offers none', async () => {
    const actors = bindAdapters(createInMemoryAdapters({ latencyMs: 0 }), {
      defaultManagedPolicies: fallback,
    });

    expect(await toPromise(createActor(actors.loadManagedPolicies).start())).toEqual(fallback);
  });

  it('should fall back to the host’s default list when the adapter answers an empty one', async () => {
    const actors = bindAdapters(createInMemoryAdapters({ latencyMs: 0, managedPolicies: [] }), {
      defaultManagedPolicies: fallback,
    });

    expect(await toPromise(createActor(actors.loadManagedPolicies).start())).toEqual(fallback);
  });

  it('should use the adapter’s list when it has one', async () => {
    const offered: ManagedPolicy[] = [
      { arn: 'arn:aws:iam::aws:policy/SecurityAudit', name: 'SecurityAudit' },
    ];
    const actors = bindAdapters(
      createInMemoryAdapters({ latencyMs: 0, managedPolicies: offered }),
      { defaultManagedPolicies: fallback },
    );

    expect(await toPromise(createActor(actors.loadManagedPolicies).start())).toEqual(offered);
  });
});

describe('given drafts', () => {
  it('should save, load and clear through the draft store', async () => {
    const actors = bindAdapters(createInMemoryAdapters({ latencyMs: 0 }));
    const userEmail = 'amelia.hart@example.com';
    const draft: Draft = {
      schemaVersion: DRAFT_SCHEMA_VERSION,
      savedAt: '2026-12-03T10:00:00.000Z',
      userEmail,
      path: 'existingPermissions',
      values: {
        details: {
          connectionName: 'A',
          roleNameSuffix: 'a',
          roleNameEdited: false,
          description: '',
        },
        managementAccountId: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
        scope: {
          selected: [],
          excluded: [],
          managementAccount: null,
          pickedAccountsAutoDeployment: 'off',
        },
        policies: { managedPolicyArns: [], allowedActions: [] },
        access: [],
        region: 'eu-west-1',
      },
      openStep: 'access',
      furthestStep: 'access',
      submission: {
        request: {
          name: 'A',
          description: '',
          collaborators: [{ email: userEmail, role: 'owner' }],
          awsConfig: {
            managementAccount: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
            roleName: '',
            organizationRootId: '',
            region: 'eu-west-1',
            usesExistingPermissions: true,
            scopeTargetedOrganizationalUnitIds: [],
            scopeExplicitAccountIds: [],
            scopeExcludedAccountIds: [],
            scopeManagementAccountExplicitInScope: false,
            resolvedAccountIds: [],
            managedPolicyArns: [],
            allowedActions: [],
          },
        },
        idempotencyKey: 'k-1',
        connectionId: null,
        startedAt: '2026-12-03T10:00:00.000Z',
      },
    };
    const load = () => toPromise(createActor(actors.loadDraft, { input: { userEmail } }).start());

    await toPromise(createActor(actors.saveDraft, { input: { draft } }).start());
    expect(await load()).toEqual(draft);
    expect(
      await toPromise(
        createActor(actors.loadDraft, { input: { userEmail: 'diego@example.com' } }).start(),
      ),
    ).toBeNull();
    await toPromise(createActor(actors.clearDraft, { input: { userEmail } }).start());
    expect(await load()).toBeNull();
  });

  it('should start afresh when a host’s store gives back a draft of another version', async () => {
    const base = createInMemoryAdapters({ latencyMs: 0 });
    const adapters: WizardAdapters = {
      ...base,
      drafts: { ...base.drafts, load: async () => ({ schemaVersion: 0 }) as never },
    };

    expect(
      await toPromise(
        createActor(bindAdapters(adapters).loadDraft, {
          input: { userEmail: 'amelia.hart@example.com' },
        }).start(),
      ),
    ).toBeNull();
  });
});
