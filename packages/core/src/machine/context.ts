/**
 * The wizard machine's context and the options a host can pass in. The values the user entered
 * (`values`) and the submission are plain data, so they can be saved as a draft and restored.
 * The rest is not: `options` holds the host's functions (clock, idempotency keys) and the loaded
 * organisation is kept indexed (`OrganizationIndex`, with a `Map`) so the scope rules stay fast.
 * Read it through the facade (`getWizardView`), never by serialising a snapshot.
 */
import type { DeploymentPrerequisites, DeploymentStatus } from '../model/deployment';
import type { ManagementAccount } from '../model/organization';
import {
  DEFAULT_ACCESS_LEVELS,
  EMPTY_SCOPE,
  type ConnectionPath,
  type Connection,
  type ConnectionRequest,
  type CurrentUser,
  type DeployTab,
  type DeploymentSettings,
  type DirectoryUser,
  type ManagedPolicy,
  type StepId,
  type WizardValues,
} from '../model/values';
import type { IamActionCatalogue } from '../policies';
import type { OrganizationIndex } from '../scope/types';
import type { Failure } from './failure';

export interface WizardOptions {
  /** Connection access levels offered in the User access step. @default ['owner', 'editor', 'user'] */
  accessLevels?: readonly string[];
  /** IAM's quota of managed policies per role in the customer's accounts. @default 10 */
  managedPolicyQuota?: number;
  /** Quiet time after typing before the connection name is checked. @default 400 */
  nameCheckDelayMs?: number;
  /** Quiet time after a change before the draft is saved. @default 500 */
  draftSaveDelayMs?: number;
  /** Quiet time after typing before the user directory is searched. @default 250 */
  userSearchDelayMs?: number;
  /** The wait before a pending connection's status is first read; it doubles after each read. @default 2000 */
  statusPollIntervalMs?: number;
  /** The longest wait between two reads of a pending connection's status. @default 30000 */
  statusPollMaxIntervalMs?: number;
  /**
   * After this long, a submission that is still running says so and lets the user go back to
   * the steps (or close the wizard) while the platform carries on. @default 60000
   */
  submissionSlowAfterMs?: number;
  /** Makes the idempotency key of one *Finish connection*. @default crypto.randomUUID */
  createIdempotencyKey?: () => string;
  /** The clock used to stamp drafts. @default () => new Date() */
  now?: () => Date;
}

export type ResolvedWizardOptions = Required<WizardOptions>;

export function resolveOptions(options: WizardOptions = {}): ResolvedWizardOptions {
  return {
    accessLevels: options.accessLevels ?? DEFAULT_ACCESS_LEVELS,
    managedPolicyQuota: options.managedPolicyQuota ?? 10,
    nameCheckDelayMs: options.nameCheckDelayMs ?? 400,
    draftSaveDelayMs: options.draftSaveDelayMs ?? 500,
    userSearchDelayMs: options.userSearchDelayMs ?? 250,
    statusPollIntervalMs: options.statusPollIntervalMs ?? 2000,
    statusPollMaxIntervalMs: options.statusPollMaxIntervalMs ?? 30_000,
    submissionSlowAfterMs: options.submissionSlowAfterMs ?? 60_000,
    createIdempotencyKey: options.createIdempotencyKey ?? (() => globalThis.crypto.randomUUID()),
    now: options.now ?? (() => new Date()),
  };
}

/** The state of one call to an adapter, kept so the UI can show progress, failure and retry. */
export interface Resource<T> {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  value: T;
  failure: Failure | null;
}

export function idle<T>(value: T): Resource<T> {
  return { status: 'idle', value, failure: null };
}

export type NameCheckStatus = 'idle' | 'pending' | 'available' | 'taken' | 'failed';

export interface NameCheck {
  /** The trimmed name the status refers to. */
  name: string;
  status: NameCheckStatus;
  failure: Failure | null;
}

/**
 * `creating` while the platform is asked to create the connection, `activating` while its
 * status is followed until it is active, `failed` when either stopped, `active` at the end.
 */
export type SubmissionStatus = 'idle' | 'creating' | 'activating' | 'failed' | 'active';

/** What a failed submission failed at: the creation, reading the status, or the activation. */
export type SubmissionFailedAt = 'create' | 'status' | 'activation';

export interface Submission {
  status: SubmissionStatus;
  /** Built once at *Finish connection*; every retry and a reload resend exactly this. */
  request: ConnectionRequest | null;
  /** One per request: kept across retries and reloads, so the host creates one connection. */
  idempotencyKey: string | null;
  /** Known once the platform answered the creation; from then on its status is followed. */
  connectionId: string | null;
  connection: Connection | null;
  /** When *Finish connection* was pressed, as an ISO 8601 date-time. */
  startedAt: string | null;
  /** Reads of the pending connection's status so far; the wait between reads grows with it. */
  polls: number;
  /** The submission has run longer than `submissionSlowAfterMs`. */
  isSlow: boolean;
  failure: Failure | null;
  failedAt: SubmissionFailedAt | null;
}

/**
 * A problem the backend found at a field when it refused the connection. It stands while the
 * field still holds the value it was found in (`value`, as `getFieldValue` gives it), so the
 * user's first change to the field clears it.
 */
export interface ServerIssue {
  /** The wizard field path, e.g. `details.roleNameSuffix` or `scope.selected`. */
  field: string;
  code: string;
  params?: Record<string, string | number>;
  value: string;
}

export const NO_SUBMISSION: Submission = {
  status: 'idle',
  request: null,
  idempotencyKey: null,
  connectionId: null,
  connection: null,
  startedAt: null,
  polls: 0,
  isSlow: false,
  failure: null,
  failedAt: null,
};

export type DirectoryLookup = 'checking' | 'found' | 'missing' | 'failed';

export interface WizardContext {
  options: ResolvedWizardOptions;
  currentUser: CurrentUser | null;
  managementAccounts: Resource<ManagementAccount[]>;
  /** Which of the two paths the user is on; `null` until chosen. */
  path: ConnectionPath | null;
  values: WizardValues;
  openStep: StepId;
  furthestStep: StepId;
  /** Steps where the user pressed *Next* (or tried to finish): their errors show in full. */
  attemptedSteps: StepId[];
  /** Field paths the user changed: their errors show as soon as they are wrong. */
  touchedFields: string[];
  /**
   * The field the user is typing in and has not left yet (an access row's email): its errors
   * wait until they leave it, so a half-typed address is not called wrong.
   */
  editingField: string | null;
  /** *Finish connection* was pressed while the directory still checked an address. */
  finishRequested: boolean;
  /**
   * What the user directory said about each address given access, by normalised email:
   * `found` (a platform user), `missing` (no such user), `failed` (the directory did not answer).
   */
  directory: Record<string, DirectoryLookup>;
  /** *Next* was pressed while the open step was still waiting on a check. */
  nextRequested: boolean;
  nameCheck: NameCheck;
  organization: Resource<OrganizationIndex | null>;
  deploymentSettings: Resource<DeploymentSettings | null>;
  managedPolicies: Resource<ManagedPolicy[]>;
  /** The published IAM action names for the allowed-action lint; `null` until loaded. */
  iamActions: IamActionCatalogue | null;
  deployTab: DeployTab;
  deploymentCheck: Resource<DeploymentStatus | null>;
  /** Trusted access and the feature set, read when the Deploy step opens; `null` until read. */
  deploymentPrerequisites: Resource<DeploymentPrerequisites | null>;
  /** Problems the backend found at fields when it last refused the connection. */
  serverIssues: ServerIssue[];
  userSearch: Resource<DirectoryUser[]> & { query: string };
  draft: { status: 'idle' | 'saving' | 'saved' | 'failed'; failure: Failure | null };
  submission: Submission;
  /** Why the wizard could not start (current user or management accounts failed to load). */
  startFailure: Failure | null;
}

export function emptyValues(): WizardValues {
  return {
    details: { connectionName: '', roleNameSuffix: '', roleNameEdited: false, description: '' },
    managementAccountId: null,
    scope: EMPTY_SCOPE,
    policies: { managedPolicyArns: [], allowedActions: [''] },
    access: [],
    region: null,
  };
}

export function createInitialContext(options: WizardOptions | undefined): WizardContext {
  return {
    options: resolveOptions(options),
    currentUser: null,
    managementAccounts: idle([]),
    path: null,
    values: emptyValues(),
    openStep: 'details',
    furthestStep: 'details',
    attemptedSteps: [],
    touchedFields: [],
    editingField: null,
    finishRequested: false,
    directory: {},
    nextRequested: false,
    nameCheck: { name: '', status: 'idle', failure: null },
    organization: idle(null),
    deploymentSettings: idle(null),
    managedPolicies: idle([]),
    iamActions: null,
    deployTab: 'stackSet',
    deploymentCheck: idle(null),
    deploymentPrerequisites: idle(null),
    serverIssues: [],
    userSearch: { ...idle([]), query: '' },
    draft: { status: 'idle', failure: null },
    submission: NO_SUBMISSION,
    startFailure: null,
  };
}
