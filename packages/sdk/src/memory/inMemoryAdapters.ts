/**
 * The embedded default backend: everything the wizard needs, kept in memory, with the sample
 * organisations and users. Latency and failures can be dialled in per method, so stories and
 * tests can show every loading and error state without a server.
 */
import type {
  Connection,
  CurrentUser,
  DeploymentPrerequisites,
  DeploymentSettings,
  DirectoryUser,
  ManagedPolicy,
  ManagementAccount,
  Organization,
} from '@aws-connection-wizard/core';

import type { AdapterCallOptions, DraftStore, WizardAdapters } from '../adapters';
import { memoryDraftStore } from '../drafts';
import { AdapterError } from '../errors';
import type { AdapterErrorKind } from '../errors';
import { SAMPLE_MANAGEMENT_ACCOUNTS, SAMPLE_ORGANIZATIONS } from '../samples/managementAccounts';
import { DeploymentSimulator } from './deploymentStatus';
import { abortableDelay as delay } from '../abortableDelay';
import { externalIdFor, seededRandom } from './simulation';
import { SAMPLE_CURRENT_USER, SAMPLE_USERS, searchDirectory } from './users';

export type InMemoryMethod =
  | 'listManagementAccounts'
  | 'getOrganization'
  | 'getDeploymentSettings'
  | 'getDeploymentPrerequisites'
  | 'listManagedPolicies'
  | 'getDeploymentStatus'
  | 'isNameAvailable'
  | 'createConnection'
  | 'getConnection'
  | 'getCurrentUser'
  | 'searchUsers'
  | 'loadDraft'
  | 'saveDraft'
  | 'clearDraft';

export interface FaultSpec {
  /** The kind of `AdapterError` the call fails with. */
  kind: AdapterErrorKind;
  /**
   * How many of the next calls fail, or `'always'` until cleared.
   * @default 1
   */
  times?: number | 'always';
  /** The error's message; a generic one names the method. */
  message?: string;
  /**
   * `'before'` fails without doing anything; `'after'` does the work and then fails, as when
   * the response is lost on the way back (the case idempotency keys exist for).
   * @default 'before'
   */
  when?: 'before' | 'after';
}

export type FaultPlan = Partial<Record<InMemoryMethod, FaultSpec>>;

/** The trusted account of DoiT's public CloudFlow templates. */
export const SAMPLE_TRUSTED_ACCOUNT_ID = '068664126052';

export interface InMemoryAdaptersOptions {
  /** Organisations, found by their management account. @default the two sample organisations */
  organizations?: readonly Organization[];
  /** Onboarded management accounts; `[]` shows the empty state. @default both samples */
  managementAccounts?: readonly ManagementAccount[];
  /** The user directory. @default 25 sample users */
  users?: readonly DirectoryUser[];
  /** The signed-in user. @default a CloudFlow Owner from the sample directory */
  currentUser?: CurrentUser;
  /** Overrides of the platform's settings; the external ID is otherwise derived per account. */
  deploymentSettings?: Partial<DeploymentSettings>;
  /**
   * The deployment prerequisites of each management account, by its id, so the Deploy step's
   * notices can be shown (trusted access off, consolidated billing only). Accounts not listed
   * have trusted access on and all features.
   */
  deploymentPrerequisites?: Readonly<Record<string, Partial<DeploymentPrerequisites>>>;
  /** When given, the adapter offers these managed policies; otherwise the wizard's built-in list applies. */
  managedPolicies?: readonly ManagedPolicy[];
  /** Delay of every call: a fixed time or a range. @default { min: 150, max: 400 } */
  latencyMs?: number | { min: number; max: number };
  /** Failures to inject from the start; more can be added with `injectFault`. */
  faults?: FaultPlan;
  /** Where drafts go. @default memoryDraftStore() */
  draftStore?: DraftStore;
  /** Connections that already exist, so a name can be taken. @default none */
  connections?: readonly Connection[];
  /** How long a new connection stays `pending` before it is `active`. @default 4000 */
  activationDelayMs?: number;
  /** How long the simulated StackSet deployment takes to reach every account. @default 12000 */
  deploymentDurationMs?: number;
  /** The clock, in milliseconds. @default Date.now */
  now?: () => number;
}

export interface InMemoryAdapters extends WizardAdapters {
  /** Every connection, in creation order, with its current status: for the example host app. */
  listConnections(): Connection[];
  /** Makes the next calls of `method` fail (replacing any fault already set for it). */
  injectFault(method: InMemoryMethod, fault: FaultSpec): void;
  /** Removes the fault of one method, or of all. */
  clearFaults(method?: InMemoryMethod): void;
  /** How many times `method` has been called, failed calls included. */
  callCount(method: InMemoryMethod): number;
}

interface StoredConnection {
  connection: Connection;
  /** When it was created; `null` for connections passed in, which keep their status. */
  createdAt: number | null;
}

/** Names are unique ignoring case and surrounding spaces, as the user reads them. */
function nameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/**
 * The role name of a connection with its own role, as IAM compares role names (ignoring case),
 * or `null` for one that reuses existing permissions.
 */
function roleKey(connection: Pick<Connection, 'awsConfig'>): string | null {
  const { usesExistingPermissions, roleName } = connection.awsConfig;
  return usesExistingPermissions || roleName === '' ? null : roleName.toLowerCase();
}

function connectionId(sequence: number): string {
  return `conn-${String(sequence).padStart(4, '0')}`;
}

const DEFAULT_LATENCY = { min: 150, max: 400 } as const;

export function createInMemoryAdapters(options: InMemoryAdaptersOptions = {}): InMemoryAdapters {
  const organizations = options.organizations ?? SAMPLE_ORGANIZATIONS;
  const managementAccounts = options.managementAccounts ?? SAMPLE_MANAGEMENT_ACCOUNTS;
  const users = options.users ?? SAMPLE_USERS;
  const currentUser = options.currentUser ?? SAMPLE_CURRENT_USER;
  const draftStore = options.draftStore ?? memoryDraftStore();
  const activationDelayMs = options.activationDelayMs ?? 4000;
  const now = options.now ?? Date.now;
  const latency = options.latencyMs ?? DEFAULT_LATENCY;
  const random = seededRandom(0x5eed);
  const deployments = new DeploymentSimulator(options.deploymentDurationMs ?? 12_000);

  const faults = new Map<InMemoryMethod, { spec: FaultSpec; remaining: number }>();
  const calls = new Map<InMemoryMethod, number>();
  const injectFault = (method: InMemoryMethod, spec: FaultSpec) => {
    const times = spec.times ?? 1;
    faults.set(method, { spec, remaining: times === 'always' ? Number.POSITIVE_INFINITY : times });
  };
  for (const [method, spec] of Object.entries(options.faults ?? {})) {
    if (spec !== undefined) injectFault(method as InMemoryMethod, spec);
  }

  const connections = new Map<string, StoredConnection>();
  const byIdempotencyKey = new Map<string, string>();
  for (const connection of options.connections ?? []) {
    connections.set(connection.id, { connection: structuredClone(connection), createdAt: null });
  }

  const nextLatency = () =>
    typeof latency === 'number' ? latency : latency.min + random() * (latency.max - latency.min);

  const takeFault = (method: InMemoryMethod): FaultSpec | null => {
    const fault = faults.get(method);
    if (fault === undefined || fault.remaining <= 0) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults.delete(method);
    return fault.spec;
  };

  /** One simulated call: latency, then the work, with an injected fault before or after it. */
  const run = async <T>(
    method: InMemoryMethod,
    { signal }: AdapterCallOptions,
    work: () => T | Promise<T>,
  ): Promise<T> => {
    calls.set(method, (calls.get(method) ?? 0) + 1);
    await delay(nextLatency(), signal);
    if (signal.aborted) throw signal.reason;

    const fault = takeFault(method);
    const failure = fault
      ? new AdapterError(fault.kind, fault.message ?? `${method} failed (injected ${fault.kind})`)
      : null;
    if (failure && fault?.when !== 'after') throw failure;
    const result = await work();
    if (failure) throw failure;

    // Callers get copies, so nothing they change alters the backend's state.
    return structuredClone(result);
  };

  const organizationOf = (managementAccountId: string): Organization => {
    const organization = organizations.find(
      (candidate) => candidate.managementAccountId === managementAccountId,
    );
    if (organization === undefined) {
      throw new AdapterError(
        'notFound',
        `No organisation is known for management account ${managementAccountId}`,
      );
    }
    return organization;
  };

  const requireOnboarded = (managementAccountId: string) => {
    if (!managementAccounts.some((account) => account.accountId === managementAccountId)) {
      throw new AdapterError(
        'notFound',
        `Management account ${managementAccountId} is not onboarded in the platform`,
      );
    }
  };

  /** A stored connection as it is now: pending ones turn active once their delay has passed. */
  const current = ({ connection, createdAt }: StoredConnection): Connection =>
    connection.status === 'pending' && createdAt !== null && now() - createdAt >= activationDelayMs
      ? { ...connection, status: 'active' }
      : connection;

  const nameTaken = (name: string) =>
    [...connections.values()].some((stored) => nameKey(stored.connection.name) === nameKey(name));
  // Two connections with one role name in one management account would share its role and
  // StackSets in AWS.
  const roleNameTaken = (request: Pick<Connection, 'awsConfig'>) => {
    const key = roleKey(request);
    return (
      key !== null &&
      [...connections.values()].some(
        ({ connection }) =>
          connection.awsConfig.managementAccount === request.awsConfig.managementAccount &&
          roleKey(connection) === key,
      )
    );
  };

  return {
    aws: {
      listManagementAccounts: (call) =>
        run('listManagementAccounts', call, () => [...managementAccounts]),
      getOrganization: ({ managementAccountId }, call) =>
        run('getOrganization', call, () => {
          requireOnboarded(managementAccountId);
          return organizationOf(managementAccountId);
        }),
      getDeploymentSettings: ({ managementAccountId }, call) =>
        run('getDeploymentSettings', call, () => {
          requireOnboarded(managementAccountId);
          return {
            trustedAccountId: SAMPLE_TRUSTED_ACCOUNT_ID,
            externalId: externalIdFor(managementAccountId),
            region: 'us-east-1',
            regionLocked: false,
            ...options.deploymentSettings,
          };
        }),
      getDeploymentPrerequisites: ({ managementAccountId }, call) =>
        run('getDeploymentPrerequisites', call, () => {
          requireOnboarded(managementAccountId);
          return {
            trustedAccess: 'enabled' as const,
            featureSet: 'all' as const,
            ...options.deploymentPrerequisites?.[managementAccountId],
          };
        }),
      ...(options.managedPolicies === undefined
        ? {}
        : {
            listManagedPolicies: (call: AdapterCallOptions) =>
              run('listManagedPolicies', call, () => [...(options.managedPolicies ?? [])]),
          }),
      getDeploymentStatus: (input, call) =>
        run('getDeploymentStatus', call, () =>
          deployments.status(organizationOf(input.managementAccountId), input, now()),
        ),
    },
    connections: {
      isNameAvailable: ({ name }, call) => run('isNameAvailable', call, () => !nameTaken(name)),
      createConnection: ({ request, idempotencyKey }, call) =>
        run('createConnection', call, () => {
          const existingId = byIdempotencyKey.get(idempotencyKey);
          const existing = existingId === undefined ? undefined : connections.get(existingId);
          if (existing !== undefined) return current(existing);
          const name = nameTaken(request.name);
          const role = roleNameTaken(request);
          if (name || role) {
            throw new AdapterError(
              'conflict',
              name
                ? `A connection named "${request.name.trim()}" already exists`
                : `A connection in ${request.awsConfig.managementAccount} already has the role ${request.awsConfig.roleName}`,
              {
                problems: [
                  ...(name
                    ? [{ field: 'details.connectionName', code: 'connectionName.taken' }]
                    : []),
                  ...(role
                    ? [
                        {
                          field: 'details.roleName',
                          code: 'roleName.taken',
                          params: { roleName: request.awsConfig.roleName },
                        },
                      ]
                    : []),
                ],
              },
            );
          }

          let sequence = connections.size + 1;
          while (connections.has(connectionId(sequence))) sequence += 1;
          const id = connectionId(sequence);
          const connection: Connection = {
            ...structuredClone(request),
            id,
            enabled: true,
            status: 'pending',
          };
          connections.set(id, { connection, createdAt: now() });
          byIdempotencyKey.set(idempotencyKey, id);
          return connection;
        }),
      getConnection: ({ connectionId }, call) =>
        run('getConnection', call, () => {
          const stored = connections.get(connectionId);
          if (stored === undefined) {
            throw new AdapterError('notFound', `No connection has the id ${connectionId}`);
          }
          return current(stored);
        }),
    },
    directory: {
      getCurrentUser: (call) => run('getCurrentUser', call, () => currentUser),
      searchUsers: ({ query }, call) =>
        run('searchUsers', call, () => searchDirectory(users, query)),
    },
    drafts: {
      load: (call) => run('loadDraft', call, () => draftStore.load(call)),
      save: (draft, call) => run('saveDraft', call, () => draftStore.save(draft, call)),
      clear: (call) => run('clearDraft', call, () => draftStore.clear(call)),
    },
    listConnections: () =>
      [...connections.values()].map((stored) => structuredClone(current(stored))),
    injectFault,
    clearFaults: (method) => {
      if (method === undefined) faults.clear();
      else faults.delete(method);
    },
    callCount: (method) => calls.get(method) ?? 0,
  };
}
