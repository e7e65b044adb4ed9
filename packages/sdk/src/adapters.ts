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

/** Options of a draft store's calls: besides the signal, whose draft it is. */
export interface DraftCallOptions extends AdapterCallOptions {
  /**
   * The signed-in user's email, lower-cased. A store that several people can reach (one
   * browser, shared by two users) keeps a draft for each, so nobody sees another's entries.
   */
  userEmail: string;
}

/** Where the wizard keeps what the user entered, so a reload or a failure loses nothing. */
export interface DraftStore {
  /** The user's saved draft, or `null` when there is none (or it is unreadable: start afresh). */
  load(options: DraftCallOptions): Promise<Draft | null>;
  /** Replaces the user's saved draft; called shortly after every change and when a submission starts. */
  save(draft: Draft, options: DraftCallOptions): Promise<void>;
  /** Forgets the user's draft: when the connection is active, or the user starts over. */
  clear(options: DraftCallOptions): Promise<void>;
}

export interface DirectoryAdapter {
  /** Who is signed in, with the platform permissions that decide whether they may create. */
  getCurrentUser(options: AdapterCallOptions): Promise<CurrentUser>;
  /** Platform users whose name or email matches `query`, for the User access step. */
  searchUsers(input: { query: string }, options: AdapterCallOptions): Promise<DirectoryUser[]>;
}

/** Everything the wizard needs from its host. */
export interface WizardAdapters {
  /** AWS Organizations and CloudFormation, through the host's backend. */
  aws: AwsAdapter;
  /** Connection records: name checks, creation and status. */
  connections: ConnectionsAdapter;
  /** The platform's users and the signed-in user. */
  directory: DirectoryAdapter;
  /** Saved drafts; `localStorageDraftStore()` in a browser. */
  drafts: DraftStore;
}
