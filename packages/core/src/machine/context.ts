/**
 * The wizard machine's context and the options a host can pass in. Everything here is plain
 * data, so a snapshot can be inspected, persisted in part as a draft, and rendered by any UI.
 */
import type { DeploymentPrerequisites, DeploymentStatus } from '../model/deployment';
import type { ManagementAccount } from '../model/organization';
import {
  DEFAULT_ACCESS_LEVELS,
  EMPTY_SCOPE,
  type ConnectionPath,
  type Connection,
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
  /** How often a pending connection's status is read. @default 2000 */
  statusPollIntervalMs?: number;
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

export type SubmissionStatus = 'idle' | 'creating' | 'waiting' | 'failed' | 'active';

export interface Submission {
  status: SubmissionStatus;
  /** Kept from the first *Finish connection* until the connection is active, reloads included. */
  idempotencyKey: string | null;
  connection: Connection | null;
  failure: Failure | null;
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
    submission: { status: 'idle', idempotencyKey: null, connection: null, failure: null },
    startFailure: null,
  };
}
