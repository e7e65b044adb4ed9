/**
 * The side effects the wizard machine needs, declared but not implemented. The machine only
 * knows their inputs and outputs; `@aws-connection-wizard/sdk` turns a host's adapters into
 * these actors (`bindAdapters`), and tests swap them with `machine.provide({ actors })`.
 */
import { fromPromise } from 'xstate';

import type { DeploymentPrerequisites, DeploymentStatus } from '../model/deployment';
import { loadIamActionCatalogue, type IamActionCatalogue } from '../policies';
import type { ManagementAccount, Organization } from '../model/organization';
import type {
  Connection,
  ConnectionRequest,
  CurrentUser,
  DeploymentSettings,
  DirectoryUser,
  ManagedPolicy,
} from '../model/values';
import type { Draft } from '../model/draft';

export interface LoadOrganizationInput {
  managementAccountId: string;
}

export interface LoadDeploymentSettingsInput {
  managementAccountId: string;
}

export interface LoadDeploymentPrerequisitesInput {
  managementAccountId: string;
}

export interface CheckConnectionNameInput {
  name: string;
}

export interface CheckConnectionNameOutput {
  available: boolean;
}

export interface CheckDeploymentInput {
  managementAccountId: string;
  stackSetNames: string[];
  region: string;
  roleName: string;
  /** Accounts the scope covers now, the management account included when in scope. */
  accountIds: string[];
}

export interface SearchUsersInput {
  query: string;
}

/** Whose draft to read or forget: the signed-in user's email, lower-cased. */
export interface LoadDraftInput {
  userEmail: string;
}

/** The draft names its user (`draft.userEmail`), so a store can keep one per user. */
export interface SaveDraftInput {
  draft: Draft;
}

export type ClearDraftInput = LoadDraftInput;

export interface CreateConnectionInput {
  request: ConnectionRequest;
  /** The same key for every retry of one *Finish connection*, so the host creates one connection. */
  idempotencyKey: string;
}

export interface LoadConnectionInput {
  connectionId: string;
}

function notProvided(name: string): never {
  throw new Error(
    `The wizard's "${name}" actor was not provided. Bind adapters with bindAdapters() from @aws-connection-wizard/sdk, or pass it to machine.provide({ actors }).`,
  );
}

/** The actors every wizard machine declares. Each one rejects until a host provides it, but for `loadIamActions`. */
export const wizardActors = {
  loadCurrentUser: fromPromise<CurrentUser>(async () => notProvided('loadCurrentUser')),
  loadManagementAccounts: fromPromise<ManagementAccount[]>(async () =>
    notProvided('loadManagementAccounts'),
  ),
  loadOrganization: fromPromise<Organization, LoadOrganizationInput>(async () =>
    notProvided('loadOrganization'),
  ),
  loadDeploymentSettings: fromPromise<DeploymentSettings, LoadDeploymentSettingsInput>(async () =>
    notProvided('loadDeploymentSettings'),
  ),
  loadDeploymentPrerequisites: fromPromise<
    DeploymentPrerequisites,
    LoadDeploymentPrerequisitesInput
  >(async () => notProvided('loadDeploymentPrerequisites')),
  loadManagedPolicies: fromPromise<ManagedPolicy[]>(async () => notProvided('loadManagedPolicies')),
  checkConnectionName: fromPromise<CheckConnectionNameOutput, CheckConnectionNameInput>(async () =>
    notProvided('checkConnectionName'),
  ),
  checkDeployment: fromPromise<DeploymentStatus, CheckDeploymentInput>(async () =>
    notProvided('checkDeployment'),
  ),
  searchUsers: fromPromise<DirectoryUser[], SearchUsersInput>(async () =>
    notProvided('searchUsers'),
  ),
  loadDraft: fromPromise<Draft | null, LoadDraftInput>(async () => notProvided('loadDraft')),
  saveDraft: fromPromise<void, SaveDraftInput>(async () => notProvided('saveDraft')),
  clearDraft: fromPromise<void, ClearDraftInput>(async () => notProvided('clearDraft')),
  createConnection: fromPromise<Connection, CreateConnectionInput>(async () =>
    notProvided('createConnection'),
  ),
  loadConnection: fromPromise<Connection, LoadConnectionInput>(async () =>
    notProvided('loadConnection'),
  ),
  /**
   * Core's own data rather than a host's backend: the published IAM action names that the
   * allowed-action lint checks against, loaded on demand. Provided here; a host need not.
   */
  loadIamActions: fromPromise<IamActionCatalogue>(() => loadIamActionCatalogue()),
};

export type WizardActors = typeof wizardActors;
