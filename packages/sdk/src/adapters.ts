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
  DeploymentPrerequisites,
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

/**
 * AWS as the wizard needs it, through the host's backend: the management accounts the
 * platform has onboarded, each one's organisation tree, the platform's deployment settings and
 * how the deployment is doing. A host's server reads AWS with the management account's
 * credentials; `createHttpAdapters` reaches such a server, and `createAwsSdkAdapter` (server
 * entry) implements this on the AWS SDK v3.
 */
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
  /**
   * Whether trusted access between CloudFormation StackSets and AWS Organizations is on, and
   * whether the organisation has all features, both of which service-managed StackSets need.
   * Read when the Deploy step opens, to tell the user what to fix before running the StackSet
   * command; a call AWS does not answer is `unknown`, never a failure. When omitted, the
   * wizard shows no such notice.
   */
  getDeploymentPrerequisites?(
    input: { managementAccountId: string },
    options: AdapterCallOptions,
  ): Promise<DeploymentPrerequisites>;
  /** AWS managed policies to offer; the wizard falls back to a built-in list when omitted or empty. */
  listManagedPolicies?(options: AdapterCallOptions): Promise<ManagedPolicy[]>;
  /** How the StackSet deployment and the management-account stack are doing, per account. */
  getDeploymentStatus(
    input: {
      /** The management account the StackSets live in. */
      managementAccountId: string;
      /** The StackSets the connection's plan creates, by name (one or two). */
      stackSetNames: string[];
      /** The one Region the StackSets and the management-account stack live in. */
      region: string;
      /** The full role name, `doit-cloudflow-…`, which also names the management-account stack. */
      roleName: string;
      /** The accounts the scope covers now, the management account included when in scope. */
      accountIds: string[];
    },
    options: AdapterCallOptions,
  ): Promise<DeploymentStatus>;
}

/**
 * The platform's connection records: whether a name is free, creating a connection exactly
 * once per *Finish connection*, and reading it back while it becomes active.
 */
export interface ConnectionsAdapter {
  /** Whether no connection of the organisation already uses this name. */
  isNameAvailable(input: { name: string }, options: AdapterCallOptions): Promise<boolean>;
  /**
   * Creates a connection. Called again with the same `idempotencyKey` after a failure or a
   * reload, it must return the connection the first call created instead of a second one.
   * A refusal for problems at fields (a name or role name already used, a scope the
   * organisation no longer allows) is an `AdapterError` with `problems`, which the wizard
   * shows at those fields.
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

/** The platform's users: who is signed in, and whom the creator can give access to. */
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
