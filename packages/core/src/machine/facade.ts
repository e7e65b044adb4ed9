/**
 * The wizard as a UI sees it. A snapshot of the machine becomes a plain `WizardView` (which
 * phase, which steps, what each step shows, what is wrong where), and `createWizardSenders` gives
 * named functions for everything a user can do. Views read only these: they never look into the
 * machine's context or state names, and they re-derive no rule.
 */
import type { ActorRefFrom, SnapshotFrom } from 'xstate';

import { BASE_PERMISSIONS } from '../artefacts';
import { artefactErrorIssue } from '../artefacts/errors';
import type { ArtefactErrorCode, ArtefactErrorReason } from '../artefacts/errors';
import type { Artefacts } from '../artefacts/types';
import type { AccountDeploymentResult } from '../model/deployment';
import type {
  AccessEntry,
  Connection,
  ConnectionPath,
  DeployTab,
  ManagementAccountDecision,
  StepId,
} from '../model/values';
import { normalizeEmail } from '../model/validation';
import { ROLE_NAME_PREFIX } from '../model/values';
import type { SubmissionFailedAt, SubmissionStatus, WizardContext } from './context';
import type { AccessField, DetailsField, WizardEvent } from './events';
import type { Failure } from './failure';
import {
  canLeaveSubmission,
  canRetrySubmission,
  getArtefactError,
  getArtefacts,
  getDeploymentNotices,
  getFullRoleName,
  getOfferedManagementAccounts,
  getPathSteps,
  getPlan,
  getPolicyReport,
  getRegion,
  getScopeView,
  getStackSetNames,
  getStepIssues,
  hasPickedAccounts,
  isStepPending,
  isStepReachable,
  isStepValid,
  type DeploymentNotice,
  type WizardIssue,
  type WizardIssues,
} from './rules';
import type { WizardMachine } from './wizardMachine';

export type WizardSnapshot = SnapshotFrom<WizardMachine>;
export type WizardActorRef = ActorRefFrom<WizardMachine>;

export type WizardPhase =
  | 'loading'
  | 'forbidden'
  | 'startFailed'
  | 'noManagementAccounts'
  | 'choosingPath'
  | 'editing'
  | 'submitting'
  | 'complete';

/**
 * How a step's header shows it: `upcoming` (not reached or not completed yet), `current` (open,
 * with nothing wrong shown), `complete`, or `invalid` (problems the user can see, open or not).
 */
export type StepState = 'upcoming' | 'current' | 'complete' | 'invalid';

export interface StepView {
  id: StepId;
  /** 1-based position on the current path. */
  number: number;
  state: StepState;
  isOpen: boolean;
  /** Whether the user can open it now. */
  isReachable: boolean;
  /** Waiting on something other than the user (a name check, the organisation, settings). */
  isPending: boolean;
  /** Problems the user can see now. */
  issueCount: number;
}

export interface ArtefactFile {
  id: 'template' | 'stackSetScript' | 'managementAccountScript' | 'terraform';
  fileName: string;
  mimeType: string;
  content: string;
}

export interface WizardView {
  phase: WizardPhase;
  path: ConnectionPath | null;
  /** Whether the user may go back to the choice between the two paths. */
  canChangePath: boolean;
  steps: StepView[];
  openStep: StepId;
  /** Whether *Next* on the open step (or *Finish connection*) can go ahead now. */
  canContinue: boolean;
  isLastStep: boolean;
  startFailure: Failure | null;
  currentUser: WizardContext['currentUser'];
  managementAccounts: WizardContext['managementAccounts']['value'];
  /** The management accounts the user may choose on the current path. */
  managementAccountOptions: WizardContext['managementAccounts']['value'];
  draft: WizardContext['draft'];
  details: {
    connectionName: string;
    roleNamePrefix: string;
    roleNameSuffix: string;
    roleName: string;
    description: string;
    nameCheck: WizardContext['nameCheck'];
    managementAccountId: string | null;
    issues: WizardIssues;
  };
  scope: {
    managementAccountId: string | null;
    organization: Omit<WizardContext['organization'], 'value'>;
    index: WizardContext['organization']['value'];
    selection: WizardContext['values']['scope'];
    scopeView: ReturnType<typeof getScopeView>;
    plan: ReturnType<typeof getPlan>;
    /**
     * Whether the user picked accounts one by one (the management account aside), which asks
     * whether automatic deployment may reach their OUs' new accounts too.
     */
    hasPickedAccounts: boolean;
    issues: WizardIssues;
  };
  policies: {
    managedPolicyArns: string[];
    allowedActions: string[];
    available: WizardContext['managedPolicies'];
    /** The most managed policies the role may have (the account's quota, within 0–20). */
    quota: number;
    /** How many managed policies the role gets, each ARN counted once, as the quota counts. */
    managedPolicyCount: number;
    basePermissions: typeof BASE_PERMISSIONS;
    /** The allowed actions as they will be written: normalised and de-duplicated. */
    effectiveAllowedActions: string[];
    warnings: ReturnType<typeof getPolicyReport>['warnings'];
    issues: WizardIssues;
  };
  deploy: {
    tab: DeployTab;
    settings: WizardContext['deploymentSettings'];
    region: string | null;
    roleName: string;
    stackSetNames: string[];
    artefacts: Artefacts | null;
    /**
     * Why no artefacts could be generated although the earlier steps are valid: the input field
     * at fault, why, and an English sentence with the figures.
     */
    artefactError: {
      code: ArtefactErrorCode;
      reason: ArtefactErrorReason;
      message: string;
      /** The same problem as a translatable issue. */
      issue: WizardIssue;
    } | null;
    files: ArtefactFile[];
    check: WizardContext['deploymentCheck'];
    checkResults: AccountDeploymentResult[];
    /**
     * The deployment prerequisites as read when the step opened, and what to tell the user to
     * fix before running the StackSet command. Informative: *Next* never depends on them.
     */
    prerequisites: WizardContext['deploymentPrerequisites'] & { notices: DeploymentNotice[] };
  };
  access: {
    entries: WizardContext['values']['access'];
    levels: readonly string[];
    creatorEmail: string;
    search: WizardContext['userSearch'];
    /** What the directory said about each row's address, by row; `null` before it was asked. */
    directory: (WizardContext['directory'][string] | null)[];
    issues: WizardIssues;
  };
  submission: SubmissionView;
}

/** The submission as the user follows it: a stage, how long it has run, and the ways out. */
export interface SubmissionView {
  /** `creating` the connection, `activating` (waiting for it to become active), `failed`, `active`. */
  stage: SubmissionStatus;
  /** When *Finish connection* was pressed (ISO 8601), for showing the elapsed time. */
  startedAt: string | null;
  /** It has run long enough to say that it is still going and offer the way back. */
  isSlow: boolean;
  /** What a failed submission failed at. */
  failedAt: SubmissionFailedAt | null;
  failure: Failure | null;
  /** Whether *Retry* makes sense: only where the same call may succeed later. */
  canRetry: boolean;
  /** Whether the user may go back to the steps, every value kept. */
  canReturnToEditing: boolean;
  connection: Connection | null;
}

const PHASE_BY_STATE: Record<string, WizardPhase> = {
  loadingUser: 'loading',
  loadingDraft: 'loading',
  loadingManagementAccounts: 'loading',
  routing: 'loading',
  discardingDraft: 'loading',
  forbidden: 'forbidden',
  startFailed: 'startFailed',
  noManagementAccounts: 'noManagementAccounts',
  choosingPath: 'choosingPath',
  editing: 'editing',
  submitting: 'submitting',
  complete: 'complete',
};

function getPhase(snapshot: WizardSnapshot): WizardPhase {
  const value = snapshot.value;
  const top = typeof value === 'string' ? value : Object.keys(value)[0];
  return PHASE_BY_STATE[top] ?? 'loading';
}

/**
 * The problems of a step the user should see now: all once they tried to leave it, else those of
 * touched fields; the field still being typed in shows its problems once the user leaves it.
 * A list's own problem (such as the inline policies growing too large) shows as soon as one of
 * its rows is touched, since editing a row is what changes it.
 */
function getVisibleIssues(context: WizardContext, step: StepId): WizardIssues {
  const attempted = context.attemptedSteps.includes(step);
  const visible: WizardIssues = {};
  for (const [field, issue] of Object.entries(getStepIssues(context, step))) {
    if (field === context.editingField) continue;
    if (attempted || context.touchedFields.some((touched) => concerns(touched, field))) {
      visible[field] = issue;
    }
  }
  return visible;
}

/** Whether touching `touched` makes the problems of `field` due: the field, a part, or its list. */
function concerns(touched: string, field: string): boolean {
  if (field === touched || field.startsWith(`${touched}.`)) return true;
  return touched.startsWith(`${field}.`) && /^\d+$/.test(touched.slice(field.length + 1));
}

function getSteps(context: WizardContext): StepView[] {
  const steps = getPathSteps(context);
  const furthest = steps.indexOf(context.furthestStep);

  return steps.map((id, position) => {
    const valid = isStepValid(context, id);
    const pending = isStepPending(context, id);
    const visited = context.attemptedSteps.includes(id) || position < furthest;
    const visibleIssues = Object.keys(getVisibleIssues(context, id)).length;
    const isOpen = context.openStep === id;
    let state: StepState = isOpen ? 'current' : 'upcoming';
    if (visited && !valid && !pending && (visibleIssues > 0 || position < furthest)) {
      state = 'invalid';
    } else if (visited && valid && !isOpen) {
      state = 'complete';
    }

    return {
      id,
      number: position + 1,
      state,
      isOpen,
      isReachable: isStepReachable(context, id),
      isPending: pending,
      issueCount: visibleIssues,
    };
  });
}

function getArtefactFiles(context: WizardContext, artefacts: Artefacts | null): ArtefactFile[] {
  if (!artefacts) return [];
  const roleName = getFullRoleName(context);
  const files: ArtefactFile[] = [
    {
      id: 'template',
      fileName: `${roleName}.template.yaml`,
      mimeType: 'application/yaml',
      content: artefacts.template,
    },
  ];
  if (artefacts.stackSetScript !== null) {
    files.push({
      id: 'stackSetScript',
      fileName: `${roleName}.stackset.sh`,
      mimeType: 'text/x-shellscript',
      content: artefacts.stackSetScript,
    });
  }
  if (artefacts.managementAccountScript !== null) {
    files.push({
      id: 'managementAccountScript',
      fileName: `${roleName}.management-account.sh`,
      mimeType: 'text/x-shellscript',
      content: artefacts.managementAccountScript,
    });
  }
  files.push({
    id: 'terraform',
    fileName: `${roleName}.tf`,
    mimeType: 'text/plain',
    content: artefacts.terraform,
  });
  return files;
}

function buildView(snapshot: WizardSnapshot): WizardView {
  const context = snapshot.context;
  const phase = getPhase(snapshot);
  const steps = getSteps(context);
  const pathSteps = getPathSteps(context);
  const policyReport = getPolicyReport(context);
  const showsArtefacts = phase === 'editing' || phase === 'submitting';
  const artefacts = showsArtefacts ? getArtefacts(context) : null;
  const artefactError = showsArtefacts ? getArtefactError(context) : null;
  const openStep = context.openStep;

  return {
    phase,
    path: context.path,
    canChangePath: context.managementAccounts.value.some((account) => account.connected),
    steps,
    openStep,
    canContinue:
      openStep === pathSteps.at(-1)
        ? pathSteps.every((step) => isStepValid(context, step))
        : isStepValid(context, openStep),
    isLastStep: openStep === pathSteps.at(-1),
    startFailure: context.startFailure,
    currentUser: context.currentUser,
    managementAccounts: context.managementAccounts.value,
    managementAccountOptions: getOfferedManagementAccounts(context),
    draft: context.draft,
    details: {
      connectionName: context.values.details.connectionName,
      roleNamePrefix: ROLE_NAME_PREFIX,
      roleNameSuffix: context.values.details.roleNameSuffix,
      roleName: getFullRoleName(context),
      description: context.values.details.description,
      nameCheck: context.nameCheck,
      managementAccountId: context.values.managementAccountId,
      issues: getVisibleIssues(context, 'details'),
    },
    scope: {
      managementAccountId: context.values.managementAccountId,
      organization: { status: context.organization.status, failure: context.organization.failure },
      index: context.organization.value,
      selection: context.values.scope,
      scopeView: getScopeView(context),
      plan: getPlan(context),
      hasPickedAccounts: hasPickedAccounts(context),
      issues: getVisibleIssues(context, 'scope'),
    },
    policies: {
      managedPolicyArns: context.values.policies.managedPolicyArns,
      allowedActions: context.values.policies.allowedActions,
      available: context.managedPolicies,
      quota: policyReport.managedPolicyQuota,
      managedPolicyCount: policyReport.managedPolicyCount,
      basePermissions: BASE_PERMISSIONS,
      effectiveAllowedActions: policyReport.allowedActions,
      warnings: policyReport.warnings,
      issues: getVisibleIssues(context, 'policies'),
    },
    deploy: {
      tab: context.deployTab,
      settings: context.deploymentSettings,
      region: getRegion(context),
      roleName: getFullRoleName(context),
      stackSetNames: getStackSetNames(context),
      artefacts,
      artefactError: artefactError
        ? {
            code: artefactError.code,
            reason: artefactError.reason,
            message: artefactError.message,
            issue: artefactErrorIssue(artefactError),
          }
        : null,
      files: getArtefactFiles(context, artefacts),
      check: context.deploymentCheck,
      checkResults: context.deploymentCheck.value
        ? [
            ...(context.deploymentCheck.value.managementAccount
              ? [context.deploymentCheck.value.managementAccount]
              : []),
            ...context.deploymentCheck.value.accounts,
          ]
        : [],
      prerequisites: {
        ...context.deploymentPrerequisites,
        notices: getDeploymentNotices(context),
      },
    },
    access: {
      entries: context.values.access,
      levels: context.options.accessLevels,
      creatorEmail: context.currentUser?.email ?? '',
      search: context.userSearch,
      directory: context.values.access.map(
        (entry) => context.directory[normalizeEmail(entry.email)] ?? null,
      ),
      issues: getVisibleIssues(context, 'access'),
    },
    submission: getSubmissionView(context),
  };
}

function getSubmissionView(context: WizardContext): SubmissionView {
  const { submission } = context;
  return {
    stage: submission.status,
    startedAt: submission.startedAt,
    isSlow: submission.isSlow,
    failedAt: submission.failedAt,
    failure: submission.failure,
    canRetry: canRetrySubmission(context),
    canReturnToEditing: canLeaveSubmission(context),
    connection: submission.connection,
  };
}

// One view per snapshot: every selector over the same snapshot shares it, and an unchanged
// snapshot gives back the same object, so React's `useSelector` can compare by identity.
const views = new WeakMap<WizardSnapshot, WizardView>();

export function getWizardView(snapshot: WizardSnapshot): WizardView {
  let view = views.get(snapshot);
  if (!view) {
    view = buildView(snapshot);
    views.set(snapshot, view);
  }
  return view;
}

/** Named senders for everything a user can do; each sends one event. */
export function createWizardSenders(send: (event: WizardEvent) => void) {
  return {
    retryStart: () => send({ type: 'wizard.retry' }),
    choosePath: (path: ConnectionPath) => send({ type: 'path.choose', path }),
    changePath: () => send({ type: 'path.change' }),
    openStep: (step: StepId) => send({ type: 'step.open', step }),
    next: () => send({ type: 'step.next' }),
    changeDetails: (field: DetailsField, value: string) =>
      send({ type: 'details.change', field, value }),
    retryNameCheck: () => send({ type: 'nameCheck.retry' }),
    selectManagementAccount: (accountId: string) =>
      send({ type: 'managementAccount.select', accountId }),
    retryOrganization: () => send({ type: 'organization.retry' }),
    toggleScopeNode: (nodeId: string) => send({ type: 'scope.toggle', nodeId }),
    clearScope: () => send({ type: 'scope.clear' }),
    setPickedAccountsAutoDeployment: (value: 'off' | 'on') =>
      send({ type: 'scope.setPickedAccountsAutoDeployment', value }),
    decideManagementAccount: (decision: ManagementAccountDecision) =>
      send({ type: 'managementAccount.decide', decision }),
    addManagedPolicy: (arn: string) => send({ type: 'policies.addManagedPolicy', arn }),
    removeManagedPolicy: (arn: string) => send({ type: 'policies.removeManagedPolicy', arn }),
    retryManagedPolicies: () => send({ type: 'policies.retry' }),
    addAllowedAction: () => send({ type: 'policies.addAction' }),
    changeAllowedAction: (index: number, value: string) =>
      send({ type: 'policies.changeAction', index, value }),
    removeAllowedAction: (index: number) => send({ type: 'policies.removeAction', index }),
    setAllowedActions: (allowedActions: string[]) =>
      send({ type: 'policies.setAllowedActions', allowedActions }),
    setManagedPolicies: (managedPolicyArns: string[]) =>
      send({ type: 'policies.setManagedPolicies', managedPolicyArns }),
    selectDeployTab: (tab: DeployTab) => send({ type: 'deploy.selectTab', tab }),
    changeRegion: (region: string) => send({ type: 'deploy.changeRegion', region }),
    checkDeployment: () => send({ type: 'deploy.check' }),
    checkPrerequisites: () => send({ type: 'prerequisites.check' }),
    retrySettings: () => send({ type: 'settings.retry' }),
    addAccess: () => send({ type: 'access.add' }),
    changeAccess: (index: number, field: AccessField, value: string) =>
      send({ type: 'access.change', index, field, value }),
    removeAccess: (index: number) => send({ type: 'access.remove', index }),
    setAccess: (entries: AccessEntry[]) => send({ type: 'access.set', entries }),
    commitAccess: (index: number) => send({ type: 'access.commit', index }),
    searchUsers: (query: string) => send({ type: 'access.search', query }),
    finish: () => send({ type: 'wizard.finish' }),
    retrySubmission: () => send({ type: 'submission.retry' }),
    returnToEditing: () => send({ type: 'submission.edit' }),
    discardDraft: () => send({ type: 'draft.discard' }),
  };
}

export type WizardSenders = ReturnType<typeof createWizardSenders>;
