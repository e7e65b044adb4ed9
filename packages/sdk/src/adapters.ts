/**
 * What a host implements to run the wizard on its own backends. Three groups, one per concern:
 * AWS (organisation, deployment settings and status), connections (persistence and drafts) and
 * the user directory (who is signed in, who can be given access). Every method takes an
 * `AbortSignal` and returns plain data, which `bindAdapters` validates with core's schemas.
 */
import type {
  Connection,
  ConnectionRequest,
  CurrentUser,
  DeploymentSettings,
  DeploymentStatus,
  DirectoryUser,
  Draft,
  ManagedPolicy,
  ManagementAccount,
  Organization,
} from '@aws-connection-wizard/core';

/** Options every adapter method receives. */
export interface AdapterCallOptions {
  /** Aborted when the wizard no longer needs the answer (the user moved on, or it timed out). */
  signal: AbortSignal;
}

export interface AwsAdapter {
  /** The management accounts already onboarded in the platform. */
  listManagementAccounts(options: AdapterCallOptions): Promise<ManagementAccount[]>;
  /** The whole organisation tree that a management account sees. */
  getOrganization(
    input: { managementAccountId: string },
    options: AdapterCallOptions,
  ): Promise<Organization>;
  /** The trusted account, this customer's external ID and the Region, decided by the platform. */
  getDeploymentSettings(
    input: { managementAccountId: string },
    options: AdapterCallOptions,
  ): Promise<DeploymentSettings>;
  /** AWS managed policies to offer; the wizard falls back to a built-in list when omitted. */
  listManagedPolicies?(options: AdapterCallOptions): Promise<ManagedPolicy[]>;
  /** How the StackSet deployment and the management-account stack are doing, per account. */
  getDeploymentStatus(
    input: {
      managementAccountId: string;
      stackSetNames: string[];
      region: string;
      roleName: string;
      accountIds: string[];
    },
    options: AdapterCallOptions,
  ): Promise<DeploymentStatus>;
}

export interface ConnectionsAdapter {
  /** Whether no connection of the organisation already uses this name. */
  isNameAvailable(input: { name: string }, options: AdapterCallOptions): Promise<boolean>;
  /**
   * Creates a connection. Called again with the same `idempotencyKey` after a failure or a
   * reload, it must return the connection the first call created instead of a second one.
   */
  createConnection(
    input: { request: ConnectionRequest; idempotencyKey: string },
    options: AdapterCallOptions,
  ): Promise<Connection>;
  /** Reads a connection, to follow its status until it is active. */
  getConnection(input: { connectionId: string }, options: AdapterCallOptions): Promise<Connection>;
}

export interface DraftStore {
  load(options: AdapterCallOptions): Promise<Draft | null>;
  save(draft: Draft, options: AdapterCallOptions): Promise<void>;
  clear(options: AdapterCallOptions): Promise<void>;
}

export interface DirectoryAdapter {
  getCurrentUser(options: AdapterCallOptions): Promise<CurrentUser>;
  searchUsers(input: { query: string }, options: AdapterCallOptions): Promise<DirectoryUser[]>;
}

/** Everything the wizard needs from its host. */
export interface WizardAdapters {
  aws: AwsAdapter;
  connections: ConnectionsAdapter;
  directory: DirectoryAdapter;
  drafts: DraftStore;
}
