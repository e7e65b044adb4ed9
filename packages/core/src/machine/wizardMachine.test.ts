import { SimulatedClock, createActor, fromPromise, waitFor } from 'xstate';

import type { ManagementAccount } from '../model/organization';
import { INLINE_POLICY_MAX_CHARACTERS, inlinePolicySize } from '../artefacts/permissions';
import { DRAFT_SCHEMA_VERSION, type Draft } from '../model/draft';
import type { DeploymentPrerequisites } from '../model/deployment';
import type { Connection, CurrentUser, DeploymentSettings } from '../model/values';
import { OU_MANAGED, ROOT_MANAGED } from '../testing/smallOrganizations';
import type { CreateConnectionInput, LoadConnectionInput } from './actors';
import type { WizardOptions } from './context';
import { createWizardSenders, getWizardView } from './facade';
import { wizardMachine } from './wizardMachine';

const OWNER: CurrentUser = {
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  permissions: ['cloudflow.owner'],
};

/** The platform's users, as the directory's search finds them by name or email. */
const DIRECTORY = [
  { email: 'grace@example.com', name: 'Grace Hopper' },
  { email: 'alan@example.com', name: 'Alan Turing' },
];

const MANAGEMENT_ACCOUNTS: ManagementAccount[] = [
  { accountId: ROOT_MANAGED.managementAccountId, name: 'Root managed', connected: false },
  { accountId: OU_MANAGED.managementAccountId, name: 'OU managed', connected: false },
];

interface FakeBackend {
  created: CreateConnectionInput[];
  /** Every status read, by connection id. */
  polled: LoadConnectionInput[];
  /** Connections the platform holds, by id. */
  connections: Map<string, Connection>;
  /** Makes each creation fail with this error while it is set. */
  createFailure: (Error & { kind: string; retryable: boolean }) | null;
  /** When set, creations wait for it (a promise that never settles: a reload mid-way). */
  createGate: Promise<void> | null;
  /** The status a connection ends in once `activateAfterPolls` reads have passed. */
  finalStatus: Connection['status'];
  drafts: Draft[];
  takenNames: string[];
  organizationFailures: number;
  activateAfterPolls: number;
  managedPolicyLoads: number;
  /** When set, the deployment settings load only once it resolves. */
  settingsGate: Promise<void> | null;
  /** Whether the user directory's search fails (unreachable). */
  directoryDown: boolean;
  /** What AWS says of trusted access and the feature set, read by the Deploy step. */
  prerequisites: DeploymentPrerequisites;
  prerequisiteReads: number;
}

function createBackend(overrides: Partial<FakeBackend> = {}): FakeBackend {
  return {
    created: [],
    polled: [],
    connections: new Map(),
    createFailure: null,
    createGate: null,
    finalStatus: 'active',
    drafts: [],
    takenNames: ['Existing'],
    organizationFailures: 0,
    activateAfterPolls: 1,
    managedPolicyLoads: 0,
    settingsGate: null,
    directoryDown: false,
    prerequisites: { trustedAccess: 'enabled', featureSet: 'all' },
    prerequisiteReads: 0,
    ...overrides,
  };
}

function connectionFrom(input: CreateConnectionInput, status: Connection['status']): Connection {
  return { id: `conn-${input.idempotencyKey}`, enabled: true, status, ...input.request };
}

function startWizard(
  options: {
    user?: CurrentUser;
    accounts?: ManagementAccount[];
    draft?: Draft | null;
    backend?: FakeBackend;
    input?: WizardOptions;
    clock?: SimulatedClock;
  } = {},
) {
  const backend = options.backend ?? createBackend();
  const machine = wizardMachine.provide({
    actors: {
      loadCurrentUser: fromPromise(async () => options.user ?? OWNER),
      loadDraft: fromPromise(async () => options.draft ?? null),
      saveDraft: fromPromise(async ({ input }) => {
        backend.drafts.push(input.draft);
      }),
      clearDraft: fromPromise(async () => {
        backend.drafts.push({ cleared: true } as unknown as Draft);
      }),
      loadManagementAccounts: fromPromise(async () => options.accounts ?? MANAGEMENT_ACCOUNTS),
      loadOrganization: fromPromise(async ({ input }) => {
        if (backend.organizationFailures > 0) {
          backend.organizationFailures -= 1;
          throw Object.assign(new Error('Organizations is throttling'), {
            kind: 'throttled',
            retryable: true,
          });
        }
        return input.managementAccountId === ROOT_MANAGED.managementAccountId
          ? ROOT_MANAGED
          : OU_MANAGED;
      }),
      loadDeploymentSettings: fromPromise(async (): Promise<DeploymentSettings> => {
        await backend.settingsGate;
        return {
          trustedAccountId: '068664126052',
          externalId: 'ext-1234',
          region: 'us-east-1',
          regionLocked: false,
        };
      }),
      loadDeploymentPrerequisites: fromPromise(async () => {
        backend.prerequisiteReads += 1;
        return backend.prerequisites;
      }),
      loadManagedPolicies: fromPromise(async () => {
        backend.managedPolicyLoads += 1;
        return [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess' }];
      }),
      checkConnectionName: fromPromise(async ({ input }) => ({
        available: !backend.takenNames.includes(input.name),
      })),
      checkDeployment: fromPromise(async ({ input }) => ({
        checkedAt: '2026-01-01T00:00:00.000Z',
        stackSetFound: true,
        accounts: input.accountIds.map((accountId) => ({
          accountId,
          status: 'succeeded' as const,
        })),
        managementAccount: null,
      })),
      searchUsers: fromPromise(async ({ input }) => {
        if (backend.directoryDown) {
          throw Object.assign(new Error('Directory unreachable'), {
            kind: 'network',
            retryable: true,
          });
        }
        return DIRECTORY.filter((user) =>
          `${user.name} ${user.email}`.toLowerCase().includes(input.query.toLowerCase()),
        );
      }),
      createConnection: fromPromise(async ({ input }) => {
        backend.created.push(input);
        if (backend.takenNames.includes(input.request.name)) {
          throw Object.assign(new Error('taken'), { kind: 'conflict', retryable: false });
        }
        if (backend.createFailure) throw backend.createFailure;
        await backend.createGate;
        const connection = connectionFrom(input, 'pending');
        backend.connections.set(connection.id, connection);
        return connection;
      }),
      loadConnection: fromPromise(async ({ input }) => {
        backend.polled.push(input);
        const connection = backend.connections.get(input.connectionId);
        if (!connection) throw Object.assign(new Error('no such'), { kind: 'notFound' });
        const polls = backend.polled.filter((read) => read.connectionId === input.connectionId);
        const done = polls.length >= backend.activateAfterPolls;
        return { ...connection, status: done ? backend.finalStatus : 'pending' };
      }),
    },
  });
  const actor = createActor(machine, {
    ...(options.clock ? { clock: options.clock } : {}),
    input: {
      nameCheckDelayMs: 0,
      draftSaveDelayMs: 0,
      userSearchDelayMs: 0,
      statusPollIntervalMs: 0,
      createIdempotencyKey: () => `key-${backend.created.length}`,
      now: () => new Date('2026-01-01T00:00:00.000Z'),
      ...options.input,
    },
  });
  actor.start();
  const senders = createWizardSenders(actor.send);
  const view = () => getWizardView(actor.getSnapshot());
  const until = (predicate: (v: ReturnType<typeof view>) => boolean) =>
    waitFor(actor, (snapshot) => predicate(getWizardView(snapshot)), { timeout: 2000 });

  return { actor, senders, view, until, backend };
}

async function completeDetails(wizard: ReturnType<typeof startWizard>, name = 'Prod Finance') {
  await wizard.until((v) => v.phase === 'editing');
  wizard.senders.changeDetails('connectionName', name);
  await wizard.until((v) => v.details.nameCheck.status === 'available');
  wizard.senders.next();
}

describe('given a user without CloudFlow Owner or Editor', () => {
  it('should stop at the permission gate', async () => {
    const wizard = startWizard({ user: { ...OWNER, permissions: ['cloudflow.user'] } });

    await wizard.until((v) => v.phase !== 'loading');

    expect(wizard.view().phase).toBe('forbidden');
  });
});

describe('given no onboarded management account', () => {
  it('should show the empty state', async () => {
    const wizard = startWizard({ accounts: [] });

    await wizard.until((v) => v.phase !== 'loading');

    expect(wizard.view().phase).toBe('noManagementAccounts');
  });
});

describe('given an onboarded management account already connected', () => {
  it('should offer both paths and shorten the existing-permissions path to two steps', async () => {
    const wizard = startWizard({
      accounts: [{ ...MANAGEMENT_ACCOUNTS[0], connected: true }],
    });
    await wizard.until((v) => v.phase === 'choosingPath');

    wizard.senders.choosePath('existingPermissions');

    await wizard.until((v) => v.phase === 'editing');
    expect(wizard.view().steps.map((step) => step.id)).toEqual(['details', 'access']);
  });
});

describe('given management accounts of which only one is connected', () => {
  const accounts = [{ ...MANAGEMENT_ACCOUNTS[0], connected: true }, MANAGEMENT_ACCOUNTS[1]];

  it('should offer and accept only the connected one on the existing-permissions path', async () => {
    const wizard = startWizard({ accounts });
    await wizard.until((v) => v.phase === 'choosingPath');
    wizard.senders.choosePath('existingPermissions');
    await wizard.until((v) => v.phase === 'editing');

    expect(wizard.view().managementAccountOptions).toEqual([accounts[0]]);
    wizard.senders.selectManagementAccount(OU_MANAGED.managementAccountId);
    expect(wizard.view().details.managementAccountId).toBeNull();
    wizard.senders.next();
    expect(wizard.view().details.issues.managementAccountId).toEqual({
      code: 'managementAccount.required',
    });

    wizard.senders.selectManagementAccount(ROOT_MANAGED.managementAccountId);
    expect(wizard.view().details.managementAccountId).toBe(ROOT_MANAGED.managementAccountId);
    expect(wizard.view().details.issues.managementAccountId).toBeUndefined();
  });

  it('should offer every onboarded one on the dedicated-role path', async () => {
    const wizard = startWizard({ accounts });
    await wizard.until((v) => v.phase === 'choosingPath');
    wizard.senders.choosePath('dedicatedRole');
    await completeDetails(wizard);

    expect(wizard.view().managementAccountOptions).toEqual(accounts);
    wizard.senders.selectManagementAccount('999999999999');
    expect(wizard.view().scope.managementAccountId).toBeNull();
    wizard.senders.selectManagementAccount(OU_MANAGED.managementAccountId);
    await wizard.until((v) => v.scope.organization.status === 'ready');
  });
});

describe('given a draft whose management account is no longer onboarded', () => {
  it('should say so at the field and not load its organisation', async () => {
    const wizard = startWizard({
      accounts: [MANAGEMENT_ACCOUNTS[0]],
      draft: {
        schemaVersion: DRAFT_SCHEMA_VERSION,
        savedAt: '2026-01-01T00:00:00.000Z',
        userEmail: OWNER.email,
        path: 'dedicatedRole',
        values: {
          details: {
            connectionName: 'Restored',
            roleNameSuffix: 'restored',
            roleNameEdited: false,
            description: '',
          },
          managementAccountId: OU_MANAGED.managementAccountId,
          scope: {
            selected: [],
            excluded: [],
            managementAccount: null,
            pickedAccountsAutoDeployment: 'off',
          },
          policies: { managedPolicyArns: [], allowedActions: [''] },
          access: [{ email: OWNER.email, level: 'owner' }],
          region: null,
        },
        openStep: 'scope',
        furthestStep: 'scope',
        submission: null,
      },
    });
    await wizard.until((v) => v.phase === 'editing');

    wizard.senders.next();

    expect(wizard.view().scope.issues.managementAccountId).toEqual({
      code: 'managementAccount.notOnboarded',
      params: { accountId: OU_MANAGED.managementAccountId },
    });
    expect(wizard.view().scope.organization.status).toBe('idle');
    expect(wizard.view().openStep).toBe('scope');
  });
});

describe('given the Details step', () => {
  it('should derive the role name until the user edits it', async () => {
    const wizard = startWizard();
    await wizard.until((v) => v.phase === 'editing');

    wizard.senders.changeDetails('connectionName', 'Prod Finance');
    expect(wizard.view().details.roleName).toBe('doit-cloudflow-prod-finance');

    wizard.senders.changeDetails('roleNameSuffix', 'finance');
    wizard.senders.changeDetails('connectionName', 'Something else');
    expect(wizard.view().details.roleName).toBe('doit-cloudflow-finance');
  });

  it('should refuse a name another connection uses, at the field', async () => {
    const wizard = startWizard();
    await wizard.until((v) => v.phase === 'editing');

    wizard.senders.changeDetails('connectionName', 'Existing');
    await wizard.until((v) => v.details.nameCheck.status === 'taken');
    wizard.senders.next();

    const view = wizard.view();
    expect(view.openStep).toBe('details');
    expect(view.details.issues['details.connectionName']).toEqual({ code: 'connectionName.taken' });
    expect(view.steps[0]).toMatchObject({ state: 'invalid', issueCount: 1 });
  });

  it('should show the open step as current, and a finished one as complete', async () => {
    const wizard = startWizard();
    await wizard.until((v) => v.phase === 'editing');
    expect(wizard.view().steps.map((step) => step.state)).toEqual([
      'current',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);

    await completeDetails(wizard);

    expect(
      wizard
        .view()
        .steps.map((step) => step.state)
        .slice(0, 3),
    ).toEqual(['complete', 'current', 'upcoming']);
  });

  it('should not open a later step before the earlier ones are valid', async () => {
    const wizard = startWizard();
    await wizard.until((v) => v.phase === 'editing');

    wizard.senders.openStep('policies');

    expect(wizard.view().openStep).toBe('details');
  });
});

describe('given the Scope step', () => {
  it('should load the organisation, retry after a failure, and keep the selection', async () => {
    const wizard = startWizard({ backend: createBackend({ organizationFailures: 1 }) });
    await completeDetails(wizard);
    expect(wizard.view().openStep).toBe('scope');

    wizard.senders.selectManagementAccount(ROOT_MANAGED.managementAccountId);
    await wizard.until((v) => v.scope.organization.status === 'failed');
    expect(wizard.view().scope.organization.failure).toMatchObject({
      kind: 'throttled',
      retryable: true,
    });

    wizard.senders.retryOrganization();
    await wizard.until((v) => v.scope.organization.status === 'ready');
    wizard.senders.toggleScopeNode('ou-abcd-sandbox1');

    expect(wizard.view().scope.plan?.coverage.now).toEqual(['333333333331']);
    expect(wizard.view().details.connectionName).toBe('Prod Finance');
  });

  it('should hold Next until the management-account prompt is answered', async () => {
    const wizard = startWizard();
    await completeDetails(wizard);
    wizard.senders.selectManagementAccount(ROOT_MANAGED.managementAccountId);
    await wizard.until((v) => v.scope.organization.status === 'ready');

    wizard.senders.toggleScopeNode(ROOT_MANAGED.root.id);
    wizard.senders.next();
    expect(wizard.view().openStep).toBe('scope');
    expect(wizard.view().scope.issues['scope.managementAccount']).toEqual({
      code: 'scope.managementAccountDecision.required',
    });

    wizard.senders.decideManagementAccount('include');
    wizard.senders.next();
    expect(wizard.view().openStep).toBe('policies');
    expect(wizard.view().scope.plan?.managementAccount.inScope).toBe(true);
  });
});

/** Fills in the five steps and opens User access, ready for *Finish connection*. */
async function fillAll(wizard: ReturnType<typeof startWizard>) {
  await completeDetails(wizard);
  wizard.senders.selectManagementAccount(ROOT_MANAGED.managementAccountId);
  await wizard.until((v) => v.scope.organization.status === 'ready');
  wizard.senders.toggleScopeNode('ou-abcd-prod0001');
  wizard.senders.next();
  wizard.senders.changeAllowedAction(0, 'ec2:DescribeInstances');
  wizard.senders.addAllowedAction();
  wizard.senders.changeAllowedAction(1, 'EC2:DescribeInstances');
  wizard.senders.next();
  expect(wizard.view().policies.issues['policies.allowedActions.1']).toMatchObject({
    code: 'action.duplicate',
  });
  wizard.senders.removeAllowedAction(1);
  wizard.senders.next();
  await wizard.until((v) => v.deploy.artefacts !== null);
}
describe('given every step filled in', () => {
  it('should generate the artefacts, check the deployment and create one connection', async () => {
    const wizard = startWizard();
    const created: Connection[] = [];
    wizard.actor.on('connection.created', (event) => created.push(event.connection));
    await fillAll(wizard);

    const deploy = wizard.view().deploy;
    expect(deploy.stackSetNames).toEqual(['doit-cloudflow-prod-finance']);
    expect(deploy.files.map((file) => file.id)).toEqual([
      'template',
      'stackSetScript',
      'terraform',
    ]);
    expect(deploy.artefacts?.stackSetScript).toContain('doit-cloudflow-prod-finance');

    wizard.senders.checkDeployment();
    await wizard.until((v) => v.deploy.check.status === 'ready');
    expect(wizard.view().deploy.checkResults.map((result) => result.accountId)).toEqual([
      '111111111111',
      '111111111112',
      '222222222221',
    ]);

    wizard.senders.next();
    expect(wizard.view().openStep).toBe('access');
    expect(wizard.view().access.entries).toEqual([{ email: OWNER.email, level: 'owner' }]);
    wizard.senders.addAccess();
    wizard.senders.changeAccess(1, 'email', 'grace@example.com');
    wizard.senders.finish();

    await wizard.until((v) => v.phase === 'complete');
    expect(wizard.backend.created).toHaveLength(1);
    const request = wizard.backend.created[0].request;
    expect(request.collaborators).toEqual([
      { email: 'ada@example.com', role: 'owner' },
      { email: 'grace@example.com', role: 'user' },
    ]);
    expect(request.awsConfig).toMatchObject({
      roleName: 'doit-cloudflow-prod-finance',
      scopeTargetedOrganizationalUnitIds: ['ou-abcd-prod0001'],
      resolvedAccountIds: ['111111111111', '111111111112', '222222222221'],
      allowedActions: ['ec2:DescribeInstances'],
    });
    expect(created).toHaveLength(1);
    expect(created[0].status).toBe('active');
  });

  it('should say nothing about an address while it is typed, and check it once the user leaves it', async () => {
    const wizard = startWizard();
    await fillAll(wizard);
    wizard.senders.next();
    wizard.senders.addAccess();
    wizard.senders.changeAccess(1, 'email', 'grace@');
    const typing = wizard.view();
    expect(typing.access.issues).toEqual({});
    expect(typing.steps.find((step) => step.id === 'access')?.issueCount).toBe(0);

    wizard.senders.commitAccess(1);
    expect(wizard.view().access.issues['access.1.email']).toMatchObject({
      code: 'access.email.invalid',
    });

    wizard.senders.changeAccess(1, 'email', 'grace@example.co');
    expect(wizard.view().access.issues).toEqual({});
    wizard.senders.changeAccess(1, 'email', 'Grace@Example.com');
    wizard.senders.commitAccess(1);
    await wizard.until((v) => v.access.directory[1] === 'found');
    expect(wizard.view().access.issues).toEqual({});
  });

  it('should refuse an address the directory does not know, at its field, and create nothing', async () => {
    const wizard = startWizard();
    await fillAll(wizard);
    wizard.senders.next();
    wizard.senders.addAccess();
    wizard.senders.changeAccess(1, 'email', 'mallory@example.com');
    wizard.senders.commitAccess(1);
    await wizard.until((v) => v.access.directory[1] === 'missing');
    expect(wizard.view().access.issues['access.1.email']).toEqual({
      code: 'access.email.notPlatformUser',
      params: { email: 'mallory@example.com' },
    });

    wizard.senders.finish();
    expect(wizard.view().phase).toBe('editing');
    expect(wizard.view().steps.find((step) => step.id === 'access')).toMatchObject({
      state: 'invalid',
      issueCount: 1,
    });

    // Fixing the address clears the refusal and lets the connection be created.
    wizard.senders.changeAccess(1, 'email', 'alan@example.com');
    wizard.senders.finish();
    await wizard.until((v) => v.phase === 'complete');
    expect(wizard.backend.created).toHaveLength(1);
    expect(wizard.backend.created[0].request.collaborators).toContainEqual({
      email: 'alan@example.com',
      role: 'user',
    });
  });

  it('should not hold the connection back when the directory cannot be reached', async () => {
    const wizard = startWizard({ backend: createBackend({ directoryDown: true }) });
    await fillAll(wizard);
    wizard.senders.next();
    wizard.senders.addAccess();
    wizard.senders.changeAccess(1, 'email', 'grace@example.com');
    wizard.senders.finish();
    await wizard.until((v) => v.phase === 'complete');
    expect(wizard.view().access.directory).toEqual([null, 'failed']);
    expect(wizard.backend.created[0].request.collaborators).toContainEqual({
      email: 'grace@example.com',
      role: 'user',
    });
  });

  it('should not finish by itself later when the finish was refused for a wrong field', async () => {
    const wizard = startWizard();
    await fillAll(wizard);
    wizard.senders.next();
    wizard.senders.addAccess();
    wizard.senders.changeAccess(1, 'email', 'not an email');
    wizard.senders.finish();
    expect(wizard.view().access.issues['access.1.email']).toMatchObject({
      code: 'access.email.invalid',
    });
    wizard.senders.changeAccess(1, 'email', 'grace@example.com');
    wizard.senders.commitAccess(1);
    await wizard.until((v) => v.access.directory[1] === 'found');
    expect(wizard.view().phase).toBe('editing');
    expect(wizard.backend.created).toHaveLength(0);
  });

  it('should resend exactly the first request with its key after a reload mid-creation', async () => {
    const first = startWizard({ backend: createBackend({ createGate: new Promise(() => {}) }) });
    await fillAll(first);
    first.senders.next();
    first.senders.finish();
    await vi.waitFor(() => expect(first.backend.created).toHaveLength(1));
    const inFlight = first.backend.drafts.filter((draft) => draft.submission).at(-1)!;
    first.actor.stop();
    expect(inFlight.submission).toEqual({
      request: first.backend.created[0].request,
      idempotencyKey: first.backend.created[0].idempotencyKey,
      connectionId: null,
      startedAt: '2026-01-01T00:00:00.000Z',
    });

    const second = startWizard({ draft: JSON.parse(JSON.stringify(inFlight)) as Draft });
    await second.until((v) => v.phase === 'complete');

    expect(second.backend.created).toEqual([first.backend.created[0]]);
    expect(second.backend.created[0].request.awsConfig).toMatchObject({
      organizationRootId: ROOT_MANAGED.root.id,
      region: 'us-east-1',
      scopeTargetedOrganizationalUnitIds: ['ou-abcd-prod0001'],
      resolvedAccountIds: ['111111111111', '111111111112', '222222222221'],
    });
    expect(second.view().details.connectionName).toBe('Prod Finance');
  });

  it('should follow a connection already created instead of creating it again', async () => {
    const first = startWizard({ backend: createBackend({ activateAfterPolls: Infinity }) });
    await fillAll(first);
    first.senders.next();
    first.senders.finish();
    await first.until((v) => v.submission.stage === 'activating');
    await vi.waitFor(() =>
      expect(first.backend.drafts.at(-1)?.submission?.connectionId).toBe('conn-key-0'),
    );
    const inFlight = first.backend.drafts.at(-1)!;
    first.actor.stop();

    const backend = createBackend({ connections: first.backend.connections });
    const second = startWizard({ backend, draft: inFlight });
    await second.until((v) => v.phase === 'complete');

    expect(backend.created).toEqual([]);
    expect(backend.polled.map((read) => read.connectionId)).toEqual(['conn-key-0']);
    expect(second.view().submission.connection?.status).toBe('active');
  });
  it('should show the problems the backend names at their fields, until the user changes them', async () => {
    const backend = createBackend({
      createFailure: Object.assign(new Error('refused'), {
        kind: 'conflict',
        retryable: false,
        problems: [
          {
            field: 'details.roleName',
            code: 'roleName.taken',
            params: { roleName: 'doit-cloudflow-prod-finance' },
          },
          { field: 'scope.selected', code: 'scope.unknownId', params: { id: 'ou-abcd-prod0001' } },
        ],
      }),
    });
    const wizard = startWizard({ backend });
    await fillAll(wizard);
    wizard.senders.next();

    wizard.senders.finish();

    await wizard.until((v) => v.phase === 'editing' && v.openStep === 'details');
    expect(wizard.view().details.issues['details.roleNameSuffix']).toEqual({
      code: 'roleName.taken',
      params: { roleName: 'doit-cloudflow-prod-finance' },
    });
    expect(wizard.view().scope.issues['scope.selected']).toEqual({
      code: 'scope.unknownId',
      params: { id: 'ou-abcd-prod0001' },
    });
    // The draft no longer holds the refused submission, so a reload does not resend it.
    await vi.waitFor(() => expect(backend.drafts.at(-1)?.submission).toBeNull());

    wizard.senders.changeDetails('roleNameSuffix', 'prod-finance-2');
    expect(wizard.view().details.issues['details.roleNameSuffix']).toBeUndefined();
    expect(wizard.view().scope.issues['scope.selected']).toEqual({
      code: 'scope.unknownId',
      params: { id: 'ou-abcd-prod0001' },
    });
  });

  it('should send the user back to Details when the name was taken meanwhile', async () => {
    const backend = createBackend();
    const wizard = startWizard({ backend });
    await fillAll(wizard);
    wizard.senders.next();
    backend.takenNames.push('Prod Finance');

    wizard.senders.finish();

    await wizard.until((v) => v.phase === 'editing' && v.openStep === 'details');
    expect(wizard.view().details.issues['details.connectionName']).toEqual({
      code: 'connectionName.taken',
    });
  });
});

describe('given a saved draft', () => {
  it('should restore every value and the open step', async () => {
    const draft: Draft = {
      schemaVersion: DRAFT_SCHEMA_VERSION,
      savedAt: '2026-01-01T00:00:00.000Z',
      userEmail: OWNER.email,
      path: 'dedicatedRole',
      values: {
        details: {
          connectionName: 'Restored',
          roleNameSuffix: 'restored',
          roleNameEdited: false,
          description: '',
        },
        managementAccountId: OU_MANAGED.managementAccountId,
        scope: {
          selected: ['ou-wxyz-work0001'],
          excluded: [],
          managementAccount: null,
          pickedAccountsAutoDeployment: 'off',
        },
        policies: { managedPolicyArns: [], allowedActions: ['s3:ListBucket'] },
        access: [{ email: OWNER.email, level: 'owner' }],
        region: null,
      },
      openStep: 'policies',
      furthestStep: 'policies',
      submission: null,
    };
    const wizard = startWizard({ draft });

    await wizard.until((v) => v.scope.organization.status === 'ready');

    const view = wizard.view();
    expect(view.openStep).toBe('policies');
    expect(view.details.connectionName).toBe('Restored');
    expect(view.scope.plan?.coverage.now).toEqual(['666666666661']);
    expect(view.policies.allowedActions).toEqual(['s3:ListBucket']);
  });
});

describe('given Next pressed while the connection name is still being checked', () => {
  it('should move on by itself once the name is free', async () => {
    const wizard = startWizard();
    await wizard.until((v) => v.phase === 'editing');

    wizard.senders.changeDetails('connectionName', 'Prod Finance');
    await wizard.until((v) => v.details.nameCheck.status === 'pending');
    wizard.senders.next();

    await wizard.until((v) => v.openStep === 'scope');
    expect(wizard.view().steps[0].state).toBe('complete');
  });
});

describe('given the user types in one field after another', () => {
  it('should keep every other check and load running, not start them again', async () => {
    const wizard = startWizard();
    await wizard.until((v) => v.phase === 'editing' && v.policies.available.status === 'ready');
    const loads = wizard.backend.managedPolicyLoads;

    wizard.senders.changeDetails('connectionName', 'Prod Finance');
    wizard.senders.changeDetails('description', 'Cost reports');
    await wizard.until((v) => v.details.nameCheck.status === 'available');

    expect(wizard.view().details.nameCheck.name).toBe('Prod Finance');
    expect(wizard.backend.managedPolicyLoads).toBe(loads);
  });
});

describe('given a user search that found nobody', () => {
  it('should not answer the next query with the results of the last one', async () => {
    const wizard = startWizard();
    await wizard.until((v) => v.phase === 'editing');
    wizard.senders.searchUsers('nobody@nowhere.example');
    await wizard.until((v) => v.access.search.status === 'ready');
    expect(wizard.view().access.search.value).toEqual([]);

    wizard.senders.searchUsers('grace');

    // Until the directory has answered "grace", there is no answer to it yet.
    expect(wizard.view().access.search).toMatchObject({ query: 'grace', status: 'loading' });
    await wizard.until((v) => v.access.search.status === 'ready');
    expect(wizard.view().access.search.value).toEqual([
      { email: 'grace@example.com', name: 'Grace Hopper' },
    ]);
  });
});

describe('given an allowed action that IAM does not publish', () => {
  it('should warn at its row once the action names have loaded', async () => {
    const wizard = startWizard();
    await wizard.until((v) => v.phase === 'editing');

    wizard.senders.setAllowedActions(['ec2:DescribeInstancez']);

    await wizard.until((v) => (v.policies.warnings['policies.allowedActions.0'] ?? []).length > 0);
    expect(wizard.view().policies.warnings['policies.allowedActions.0']).toEqual([
      expect.objectContaining({ code: 'action.unknownAction' }),
    ]);
  });
});

describe('given a host that unmounts the wizard as soon as the connection is created', () => {
  it('should have cleared the draft before it says so', async () => {
    const wizard = startWizard();
    let draftsWhenAnnounced = -1;
    wizard.actor.on('connection.created', () => {
      draftsWhenAnnounced = wizard.backend.drafts.length;
      wizard.actor.stop();
    });
    await completeDetails(wizard);
    wizard.senders.selectManagementAccount(ROOT_MANAGED.managementAccountId);
    await wizard.until((v) => v.scope.organization.status === 'ready');
    wizard.senders.toggleScopeNode('ou-abcd-sandbox1');
    wizard.senders.next();
    wizard.senders.setAllowedActions(['ce:GetCostAndUsage']);
    wizard.senders.next();
    await wizard.until((v) => v.deploy.artefacts !== null);
    wizard.senders.next();
    wizard.senders.finish();

    await vi.waitFor(() => expect(draftsWhenAnnounced).toBeGreaterThan(0));
    expect(wizard.backend.drafts.at(-1)).toEqual({ cleared: true });
    expect(draftsWhenAnnounced).toBe(wizard.backend.drafts.length);
  });
});

describe('given valid steps whose template is larger than CloudFormation accepts inline', () => {
  it('should not let the Deploy step count as complete, nor the connection be created', async () => {
    const roleName = 'doit-cloudflow-prod-finance';
    // The longest policy paths and names the quota allows, and as many short actions as the
    // inline policies hold: each valid, together more than a template body may be.
    const managedPolicyArns = Array.from(
      { length: 20 },
      (_, index) => `arn:aws:iam::aws:policy/${'p'.repeat(510)}/${'n'.repeat(120)}${index}`,
    );
    const allowedActions: string[] = [];
    for (let index = 0; ; index += 1) {
      const next = `${Math.floor(index / 36).toString(36)}:${(index % 36).toString(36)}`;
      if (inlinePolicySize(roleName, [...allowedActions, next]) > INLINE_POLICY_MAX_CHARACTERS) {
        break;
      }
      allowedActions.push(next);
    }
    const wizard = startWizard({ input: { managedPolicyQuota: 20 } });
    await completeDetails(wizard);
    wizard.senders.changeDetails('description', 'd'.repeat(1000));
    wizard.senders.selectManagementAccount(ROOT_MANAGED.managementAccountId);
    await wizard.until((v) => v.scope.organization.status === 'ready');
    wizard.senders.toggleScopeNode('ou-abcd-prod0001');
    wizard.senders.next();
    wizard.senders.setManagedPolicies(managedPolicyArns);
    wizard.senders.setAllowedActions(allowedActions);
    wizard.senders.next();
    expect(wizard.view().policies.issues).toEqual({});
    await wizard.until((v) => v.deploy.artefactError !== null);
    expect(wizard.view().deploy.artefactError?.issue).toEqual({
      code: 'template.tooLarge',
      params: { max: 51_200 },
    });

    wizard.senders.next();
    const view = wizard.view();
    expect(view.openStep).toBe('deploy');
    expect(view.steps.find((step) => step.id === 'deploy')).toMatchObject({
      state: 'invalid',
      issueCount: 1,
    });
    wizard.senders.finish();
    expect(wizard.view().openStep).toBe('deploy');
    expect(wizard.backend.created).toHaveLength(0);
  });
});

describe('given Next pressed on the Deploy step while the deployment settings still load', () => {
  it('should move on by itself once they have loaded', async () => {
    let releaseSettings = () => {};
    const backend = createBackend({
      settingsGate: new Promise<void>((resolve) => {
        releaseSettings = resolve;
      }),
    });
    const wizard = startWizard({ backend });
    await completeDetails(wizard);
    wizard.senders.selectManagementAccount(ROOT_MANAGED.managementAccountId);
    await wizard.until((v) => v.scope.organization.status === 'ready');
    wizard.senders.toggleScopeNode('ou-abcd-sandbox1');
    wizard.senders.next();
    wizard.senders.setAllowedActions(['ce:GetCostAndUsage']);
    wizard.senders.next();
    expect(wizard.view().openStep).toBe('deploy');

    wizard.senders.next();
    expect(wizard.view().openStep).toBe('deploy');
    releaseSettings();

    await wizard.until((v) => v.openStep === 'access');
    expect(wizard.view().steps.find((step) => step.id === 'deploy')?.state).toBe('complete');
  });
});

describe('given a submission the platform refuses for good', () => {
  it('should say what failed, offer no retry, and go back to the steps with everything kept', async () => {
    const backend = createBackend({
      createFailure: Object.assign(new Error('not allowed'), {
        kind: 'forbidden',
        retryable: false,
      }),
    });
    const wizard = startWizard({ backend });
    await fillAll(wizard);
    wizard.senders.next();
    wizard.senders.finish();

    await wizard.until((v) => v.submission.stage === 'failed');
    expect(wizard.view().submission).toMatchObject({
      failedAt: 'create',
      failure: { kind: 'forbidden', retryable: false },
      canRetry: false,
      canReturnToEditing: true,
    });
    wizard.senders.retrySubmission();
    expect(wizard.view().submission.stage).toBe('failed');
    expect(backend.created).toHaveLength(1);

    wizard.senders.returnToEditing();
    await wizard.until((v) => v.phase === 'editing' && v.draft.status === 'saved');
    expect(wizard.view().openStep).toBe('access');
    expect(wizard.view().details.connectionName).toBe('Prod Finance');
    expect(wizard.view().scope.selection.selected).toEqual(['ou-abcd-prod0001']);
    expect(backend.drafts.at(-1)?.submission).toBeNull();

    // Finishing again with nothing changed is the same request: it keeps its key.
    backend.createFailure = null;
    wizard.senders.finish();
    await wizard.until((v) => v.phase === 'complete');
    expect(backend.created.map((input) => input.idempotencyKey)).toEqual(['key-0', 'key-0']);
  });
});

describe('given a submission that fails for a while', () => {
  it('should retry with the same request and key', async () => {
    const backend = createBackend({
      createFailure: Object.assign(new Error('busy'), { kind: 'throttled', retryable: true }),
    });
    const wizard = startWizard({ backend });
    await fillAll(wizard);
    wizard.senders.next();
    wizard.senders.finish();
    await wizard.until((v) => v.submission.stage === 'failed');
    expect(wizard.view().submission).toMatchObject({ canRetry: true, canReturnToEditing: true });

    backend.createFailure = null;
    wizard.senders.retrySubmission();

    await wizard.until((v) => v.phase === 'complete');
    expect(backend.created).toHaveLength(2);
    expect(backend.created[1]).toEqual(backend.created[0]);
  });
});

describe('given a connection that stays pending', () => {
  it('should say it is still being created, keep reading, and let the user go back', async () => {
    const backend = createBackend({ activateAfterPolls: Infinity });
    const wizard = startWizard({ backend, input: { submissionSlowAfterMs: 0 } });
    await fillAll(wizard);
    wizard.senders.next();
    wizard.senders.finish();

    await wizard.until((v) => v.submission.isSlow && v.submission.stage === 'activating');
    await vi.waitFor(() => expect(backend.polled.length).toBeGreaterThan(2));
    expect(wizard.view().submission).toMatchObject({ canRetry: false, canReturnToEditing: true });

    wizard.senders.returnToEditing();
    await wizard.until((v) => v.phase === 'editing');
    expect(wizard.view().details.connectionName).toBe('Prod Finance');

    // Finishing again unchanged follows the connection already created.
    backend.activateAfterPolls = 0;
    wizard.senders.finish();
    await wizard.until((v) => v.phase === 'complete');
    expect(backend.created).toHaveLength(1);
  });

  it('should read its status less often each time, up to the longest wait', async () => {
    const pending: Connection = {
      id: 'conn-1',
      enabled: true,
      status: 'pending',
      name: 'Northwind flows',
      description: '',
      collaborators: [{ email: OWNER.email, role: 'owner' }],
      awsConfig: {
        managementAccount: ROOT_MANAGED.managementAccountId,
        roleName: '',
        organizationRootId: '',
        region: '',
        usesExistingPermissions: true,
        scopeTargetedOrganizationalUnitIds: [],
        scopeExplicitAccountIds: [],
        scopeExcludedAccountIds: [],
        scopeManagementAccountExplicitInScope: false,
        resolvedAccountIds: [],
        managedPolicyArns: [],
        allowedActions: [],
      },
    };
    const { id: _id, enabled: _enabled, status: _status, ...request } = pending;
    const clock = new SimulatedClock();
    const backend = createBackend({
      activateAfterPolls: Infinity,
      connections: new Map([[pending.id, pending]]),
    });
    const wizard = startWizard({
      backend,
      clock,
      input: { statusPollIntervalMs: 100, statusPollMaxIntervalMs: 400 },
      draft: {
        schemaVersion: DRAFT_SCHEMA_VERSION,
        savedAt: '2026-01-01T00:00:00.000Z',
        userEmail: OWNER.email,
        path: 'existingPermissions',
        values: {
          details: {
            connectionName: 'Northwind flows',
            roleNameSuffix: '',
            roleNameEdited: false,
            description: '',
          },
          managementAccountId: ROOT_MANAGED.managementAccountId,
          scope: {
            selected: [],
            excluded: [],
            managementAccount: null,
            pickedAccountsAutoDeployment: 'off',
          },
          policies: { managedPolicyArns: [], allowedActions: [] },
          access: [{ email: OWNER.email, level: 'owner' }],
          region: null,
        },
        openStep: 'access',
        furthestStep: 'access',
        submission: {
          request,
          idempotencyKey: 'key-0',
          connectionId: pending.id,
          startedAt: '2026-01-01T00:00:00.000Z',
        },
      },
    });
    await wizard.until((v) => v.submission.stage === 'activating');

    const readsAfter = async (ms: number) => {
      clock.increment(ms);
      // Let the status read (a promise) settle and schedule the next one.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return backend.polled.length;
    };
    expect(await readsAfter(99)).toBe(0);
    expect(await readsAfter(1)).toBe(1);
    expect(await readsAfter(199)).toBe(1);
    expect(await readsAfter(1)).toBe(2);
    expect(await readsAfter(399)).toBe(2);
    expect(await readsAfter(1)).toBe(3);
    expect(await readsAfter(399)).toBe(3);
    expect(await readsAfter(1)).toBe(4);
    expect(backend.created).toEqual([]);
  });
});

describe('given a connection the platform could not activate', () => {
  it('should offer no retry, and ask for a new connection when finishing again', async () => {
    const backend = createBackend({ finalStatus: 'failed' });
    const wizard = startWizard({ backend });
    await fillAll(wizard);
    wizard.senders.next();
    wizard.senders.finish();

    await wizard.until((v) => v.submission.stage === 'failed');
    expect(wizard.view().submission).toMatchObject({
      failedAt: 'activation',
      canRetry: false,
      canReturnToEditing: true,
    });

    wizard.senders.returnToEditing();
    await wizard.until((v) => v.phase === 'editing');
    backend.finalStatus = 'active';
    wizard.senders.finish();
    await wizard.until((v) => v.phase === 'complete');
    expect(backend.created.map((input) => input.idempotencyKey)).toEqual(['key-0', 'key-1']);
  });
});

describe('given a draft saved by another user of the same browser', () => {
  it('should start afresh with the signed-in user as Owner', async () => {
    const wizard = startWizard({
      draft: {
        schemaVersion: DRAFT_SCHEMA_VERSION,
        savedAt: '2026-01-01T00:00:00.000Z',
        userEmail: 'grace@example.com',
        path: 'dedicatedRole',
        values: {
          details: {
            connectionName: 'Grace’s',
            roleNameSuffix: 'grace',
            roleNameEdited: false,
            description: '',
          },
          managementAccountId: null,
          scope: {
            selected: [],
            excluded: [],
            managementAccount: null,
            pickedAccountsAutoDeployment: 'off',
          },
          policies: { managedPolicyArns: [], allowedActions: [''] },
          access: [{ email: 'grace@example.com', level: 'owner' }],
          region: null,
        },
        openStep: 'scope',
        furthestStep: 'scope',
        submission: null,
      },
    });

    await wizard.until((v) => v.phase === 'editing');

    expect(wizard.view().details.connectionName).toBe('');
    expect(wizard.view().access.entries).toEqual([{ email: OWNER.email, level: 'owner' }]);
  });
});

describe('given the Deploy step of a management account without trusted access', () => {
  it('should say what to turn on, and read again when asked', async () => {
    const backend = createBackend({
      prerequisites: { trustedAccess: 'disabled', featureSet: 'consolidatedBilling' },
    });
    const wizard = startWizard({ backend });
    await fillAll(wizard);

    await wizard.until((v) => v.deploy.prerequisites.status === 'ready');
    expect(wizard.view().deploy.prerequisites.notices).toEqual([
      'trustedAccessOff',
      'allFeaturesOff',
    ]);
    // Informative only: Next is not held back by them.
    expect([wizard.view().openStep, wizard.view().canContinue]).toEqual(['deploy', true]);

    backend.prerequisites = { trustedAccess: 'enabled', featureSet: 'all' };
    wizard.senders.checkPrerequisites();
    await wizard.until(
      (v) =>
        v.deploy.prerequisites.status === 'ready' && v.deploy.prerequisites.notices.length === 0,
    );
    expect(backend.prerequisiteReads).toBe(2);
  });

  it('should show nothing when AWS could not say', async () => {
    const backend = createBackend({
      prerequisites: { trustedAccess: 'unknown', featureSet: 'unknown' },
    });
    const wizard = startWizard({ backend });
    await fillAll(wizard);

    await wizard.until((v) => v.deploy.prerequisites.status === 'ready');
    expect(wizard.view().deploy.prerequisites.notices).toEqual([]);
  });
});
