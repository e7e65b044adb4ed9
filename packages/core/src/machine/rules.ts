/**
 * The wizard's own rules, derived from the context on demand rather than stored: which steps
 * the current path has, what is wrong in each step, which steps are reachable, and what the
 * finished connection looks like. The machine's guards and the facade's selectors both use
 * these, so the view never re-derives a rule.
 */
import {
  ArtefactError,
  artefactErrorIssue,
  generateArtefacts,
  stackSetNameFor,
  stackSetNameForKey,
} from '../artefacts';
import { buildArtefactInput } from '../artefacts/artefactInput';
import type { Artefacts } from '../artefacts/types';
import {
  normalizeEmail,
  validateAccess,
  validateDetails,
  validateRegion,
  type ValidationCode,
} from '../model/validation';
import type { ConnectionProblemCode } from '../model/problems';
import { ROLE_NAME_PREFIX, STEP_IDS, type ConnectionRequest, type StepId } from '../model/values';
import { validatePolicies } from '../policies';
import { createScopeView, planDeployment } from '../scope';
import type { ManagementAccount } from '../model/organization';
import type { DeploymentPlan, OrganizationIndex } from '../scope/types';
import type { WizardContext } from './context';

/** Problems only the wizard itself can see (the field schemas cannot). */
export type WizardIssueCode =
  | 'connectionName.taken'
  | 'managementAccount.required'
  | 'managementAccount.notOnboarded'
  | 'managementAccount.notConnected'
  | 'scope.required'
  | 'scope.managementAccountDecision.required'
  | 'access.email.notPlatformUser';

export interface WizardIssue {
  /** A code of core's validation, of the wizard, or of a backend that refused the connection. */
  code: ValidationCode | WizardIssueCode | ConnectionProblemCode;
  params?: Record<string, string | number>;
}

/** Field path → the first problem with that field. */
export type WizardIssues = Record<string, WizardIssue>;

const EXISTING_PERMISSIONS_STEPS: readonly StepId[] = ['details', 'access'];

/** The steps of the path the user is on, in order. */
export function getPathSteps(context: Pick<WizardContext, 'path'>): readonly StepId[] {
  return context.path === 'existingPermissions' ? EXISTING_PERMISSIONS_STEPS : STEP_IDS;
}

/**
 * The management accounts the user may choose: those the platform has onboarded, and on the
 * existing-permissions path only those it is already connected to, whose permissions are reused.
 */
export function getOfferedManagementAccounts(
  context: Pick<WizardContext, 'path' | 'managementAccounts'>,
): ManagementAccount[] {
  const accounts = context.managementAccounts.value;
  if (context.path !== 'existingPermissions') return accounts;
  // The same list object while the accounts are, so a view selecting it re-renders only then.
  return memoizedConnectedAccounts([accounts], () =>
    accounts.filter((account) => account.connected),
  );
}

export function isOfferedManagementAccount(
  context: Pick<WizardContext, 'path' | 'managementAccounts'>,
  accountId: string,
): boolean {
  return getOfferedManagementAccounts(context).some((account) => account.accountId === accountId);
}

/** The problem with the chosen management account, if any (a draft may hold a stale one). */
function getManagementAccountIssue(context: WizardContext): WizardIssue | undefined {
  const accountId = context.values.managementAccountId;
  if (!accountId) return { code: 'managementAccount.required' };
  if (isOfferedManagementAccount(context, accountId)) return undefined;
  return context.path === 'existingPermissions'
    ? { code: 'managementAccount.notConnected', params: { accountId } }
    : { code: 'managementAccount.notOnboarded', params: { accountId } };
}

export function getFullRoleName(context: WizardContext): string {
  return ROLE_NAME_PREFIX + context.values.details.roleNameSuffix;
}

/** The signed-in user's email in the form drafts are filed under. */
export function getUserEmail(context: Pick<WizardContext, 'currentUser'>): string {
  return normalizeEmail(context.currentUser?.email ?? '');
}

/**
 * Whether two requests ask for the same connection. Both come from
 * {@link buildConnectionRequest} (or a draft of one), which writes every field in a fixed order,
 * so their JSON is equal exactly when their content is.
 */
export function isSameConnectionRequest(a: ConnectionRequest, b: ConnectionRequest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function getTrimmedConnectionName(context: WizardContext): string {
  return context.values.details.connectionName.trim();
}

/** Remembers the last result while every dependency is the same object or value. */
function memoizeOnDependencies<R>() {
  let dependencies: readonly unknown[] | null = null;
  let result: R;

  return (next: readonly unknown[], compute: () => R): R => {
    const changed =
      dependencies === null ||
      dependencies.length !== next.length ||
      dependencies.some((dependency, position) => dependency !== next[position]);
    if (changed) {
      result = compute();
      dependencies = next;
    }
    return result;
  };
}

// On organisations of tens of thousands of accounts the plan and the artefacts are large: keep
// the last result while their inputs are the same objects, which they are between unrelated
// events (the machine replaces a value only when it changes).
const memoizedPlan = memoizeOnDependencies<DeploymentPlan>();
const memoizedScopeView = memoizeOnDependencies<ReturnType<typeof createScopeView>>();
const memoizedArtefacts = memoizeOnDependencies<Artefacts | ArtefactError>();
const memoizedConnectedAccounts = memoizeOnDependencies<ManagementAccount[]>();

/** The deployment plan for the current selection, or `null` while the organisation is not loaded. */
export function getPlan(context: WizardContext): DeploymentPlan | null {
  const index = context.organization.value;
  const { scope } = context.values;
  return index ? memoizedPlan([index, scope], () => planDeployment(index, scope)) : null;
}

/** The tree's check states, read from the plan so the tree and the summary never disagree. */
export function getScopeView(context: WizardContext) {
  const index: OrganizationIndex | null = context.organization.value;
  const plan = getPlan(context);
  return index && plan
    ? memoizedScopeView([index, plan], () => createScopeView(index, plan))
    : null;
}

export function getPolicyReport(context: WizardContext) {
  return validatePolicies(context.values.policies, {
    managedPolicyQuota: context.options.managedPolicyQuota,
    roleName: getFullRoleName(context),
    iamActions: context.iamActions,
    region: getRegion(context),
  });
}

export function getRegion(context: WizardContext): string | null {
  return context.values.region ?? context.deploymentSettings.value?.region ?? null;
}

/**
 * The generated template, scripts and Terraform, or `null` until the organisation and the
 * platform's deployment settings are loaded.
 */
export function getArtefacts(context: WizardContext): Artefacts | null {
  const result = getArtefactsOrError(context);
  return result instanceof ArtefactError ? null : result;
}

/**
 * Why the artefacts cannot be generated from valid steps (a template larger than CloudFormation
 * accepts inline with no template URL, or a value no artefact can carry), as data for the
 * Deploy step to show; `null` when they can, or are not ready yet. The machine never throws it.
 */
export function getArtefactError(context: WizardContext): ArtefactError | null {
  const result = getArtefactsOrError(context);
  return result instanceof ArtefactError ? result : null;
}

function getArtefactsOrError(context: WizardContext): Artefacts | ArtefactError | null {
  const plan = getPlan(context);
  const settings = context.deploymentSettings.value;
  const region = getRegion(context);
  if (!plan || !settings || !region) return null;

  const { details, policies } = context.values;
  // The headless `plan` command builds its input through the same function.
  const { iamActions } = context;
  return memoizedArtefacts([plan, settings, region, details, policies, iamActions], () => {
    try {
      return generateArtefacts(buildArtefactInput(context.values, plan, settings, iamActions));
    } catch (error) {
      if (error instanceof ArtefactError) return error;
      throw error;
    }
  });
}

/**
 * The StackSets the plan creates, by name: the one for the selected root and OUs is named after
 * the role; the one for accounts picked one by one adds `-accounts`.
 */
export function getStackSetNames(context: WizardContext): string[] {
  const baseName = stackSetNameFor(getFullRoleName(context));
  return (getPlan(context)?.stackSets ?? []).map((stackSet) =>
    stackSetNameForKey(baseName, stackSet.key),
  );
}

export function hasPickedAccounts(context: WizardContext): boolean {
  const index = context.organization.value;
  if (!index) return false;
  return context.values.scope.selected.some(
    (id) => id !== index.managementAccountId && index.nodes.get(id)?.kind === 'account',
  );
}

/** The step that shows a wizard field, or `null` for a path no step shows. */
export function getStepOfField(context: WizardContext, field: string): StepId | null {
  const [first = ''] = field.split('.');
  if (field === 'managementAccountId') {
    return context.path === 'existingPermissions' ? 'details' : 'scope';
  }
  const step = first === 'region' ? 'deploy' : first;
  return (getPathSteps(context) as readonly string[]).includes(step) ? (step as StepId) : null;
}

/**
 * What a field holds now, as text to compare with what it held when a backend found a problem
 * there. Rows of a list stand for the whole list, since a change of one row renumbers others.
 */
export function getFieldValue(context: WizardContext, field: string): string {
  const { values } = context;
  const [first, second] = field.split('.');
  switch (first) {
    case 'details':
      return JSON.stringify(values.details[second as keyof typeof values.details] ?? null);
    case 'managementAccountId':
      return JSON.stringify(values.managementAccountId);
    case 'scope':
      return JSON.stringify(values.scope);
    case 'policies':
      return JSON.stringify(values.policies);
    case 'deploy':
      return JSON.stringify(getRegion(context));
    case 'access':
      return JSON.stringify(values.access);
    default:
      return '';
  }
}

/** The backend's problems in one step that still stand (their field has not changed since). */
function getServerIssues(context: WizardContext, step: StepId): WizardIssues {
  const issues: WizardIssues = {};
  for (const { field, code, params, value } of context.serverIssues) {
    if (issues[field] || getStepOfField(context, field) !== step) continue;
    if (getFieldValue(context, field) !== value) continue;
    issues[field] = { code: code as WizardIssue['code'], ...(params ? { params } : {}) };
  }
  return issues;
}

/** Every problem in one step, whether or not the user has seen it yet. */
export function getStepIssues(context: WizardContext, step: StepId): WizardIssues {
  const issues = getLocalStepIssues(context, step);
  if (context.serverIssues.length === 0) return issues;
  // The wizard's own finding at a field comes first; the backend's fills the rest.
  return { ...getServerIssues(context, step), ...issues };
}

function getLocalStepIssues(context: WizardContext, step: StepId): WizardIssues {
  switch (step) {
    case 'details':
      return getDetailsIssues(context);
    case 'scope':
      return getScopeIssues(context);
    case 'policies':
      return getPolicyReport(context).errors;
    case 'deploy': {
      // The Region may come from the user (when the platform does not lock it) or the platform.
      const region = getRegion(context);
      const issue = region === null ? undefined : validateRegion(region);
      if (issue) return { 'deploy.region': issue };
      // Valid answers can still ask for what AWS does not accept (a template too large to pass
      // inline with no template URL): the step cannot be complete without its commands.
      const artefactError = getArtefactError(context);
      return artefactError ? { 'deploy.artefacts': artefactErrorIssue(artefactError) } : {};
    }
    case 'access':
      return getAccessIssues(context);
  }
}

function getAccessIssues(context: WizardContext): WizardIssues {
  const issues: WizardIssues = validateAccess(context.values.access, {
    levels: context.options.accessLevels,
    creatorEmail: context.currentUser?.email ?? '',
  });
  context.values.access.forEach((entry, row) => {
    const field = `access.${row}.email`;
    const email = normalizeEmail(entry.email);
    if (!issues[field] && context.directory[email] === 'missing') {
      issues[field] = {
        code: 'access.email.notPlatformUser',
        params: { email: entry.email.trim() },
      };
    }
  });
  return issues;
}

/**
 * The addresses the directory should confirm now: well-formed emails of rows the user has left
 * (or of every row once they tried to finish), other than the creator's own. The row still being
 * typed in waits, so the directory is asked once per address rather than once per keystroke.
 */
export function getDueDirectoryEmails(
  context: WizardContext,
  options: { everyRow?: boolean } = {},
): string[] {
  const creator = normalizeEmail(context.currentUser?.email ?? '');
  const attempted = options.everyRow === true || context.attemptedSteps.includes('access');
  const formatIssues = validateAccess(context.values.access, {
    levels: context.options.accessLevels,
    creatorEmail: context.currentUser?.email ?? '',
  });
  const due = new Set<string>();
  context.values.access.forEach((entry, row) => {
    const field = `access.${row}.email`;
    const email = normalizeEmail(entry.email);
    if (email === '' || email === creator || formatIssues[field]) return;
    if (field === context.editingField && options.everyRow !== true) return;
    if (attempted || context.touchedFields.includes(field)) due.add(email);
  });
  return [...due];
}

/** The next address to look up in the directory, or `undefined` when every due one is known. */
export function getUncheckedDirectoryEmail(context: WizardContext): string | undefined {
  return getDueDirectoryEmails(context).find((email) => context.directory[email] === undefined);
}

/** Whether a due address is still waiting for the directory's answer. */
function isDirectoryCheckPending(context: WizardContext): boolean {
  return getDueDirectoryEmails(context).some(
    (email) => context.directory[email] === undefined || context.directory[email] === 'checking',
  );
}

function getDetailsIssues(context: WizardContext): WizardIssues {
  const issues: WizardIssues = { ...validateDetails(context.values.details) };
  if (context.path === 'existingPermissions') {
    // This path reuses an existing role: there is no role name to check, but the management
    // account whose permissions are reused must be chosen here.
    for (const field of Object.keys(issues)) {
      if (!field.startsWith('details.connectionName')) delete issues[field];
    }
    const accountIssue = getManagementAccountIssue(context);
    if (accountIssue) issues.managementAccountId = accountIssue;
  }
  const { nameCheck } = context;
  if (
    !issues['details.connectionName'] &&
    nameCheck.status === 'taken' &&
    nameCheck.name === getTrimmedConnectionName(context)
  ) {
    issues['details.connectionName'] = { code: 'connectionName.taken' };
  }
  return issues;
}

function getScopeIssues(context: WizardContext): WizardIssues {
  const accountIssue = getManagementAccountIssue(context);
  if (accountIssue) return { managementAccountId: accountIssue };
  const plan = getPlan(context);
  if (!plan) return {};

  const issues: WizardIssues = {};
  if (context.values.scope.selected.length === 0) {
    issues['scope.selected'] = { code: 'scope.required' };
  }
  if (plan.managementAccount.needsDecision) {
    issues['scope.managementAccount'] = { code: 'scope.managementAccountDecision.required' };
  }
  return issues;
}

/**
 * Whether a step waits for something other than the user (a name check, the organisation, the
 * platform's settings) before *Next* can move on.
 */
export function isStepPending(context: WizardContext, step: StepId): boolean {
  switch (step) {
    case 'details':
      return context.nameCheck.status === 'pending';
    case 'scope':
      return Boolean(context.values.managementAccountId) && context.organization.status !== 'ready';
    case 'deploy':
      return context.deploymentSettings.status !== 'ready';
    case 'access':
      return isDirectoryCheckPending(context);
    default:
      return false;
  }
}

export function isStepValid(context: WizardContext, step: StepId): boolean {
  return !isStepPending(context, step) && Object.keys(getStepIssues(context, step)).length === 0;
}

function stepPosition(context: WizardContext, step: StepId): number {
  return getPathSteps(context).indexOf(step);
}

/** A step is reachable once the user got that far and while every step before it is valid. */
export function isStepReachable(context: WizardContext, step: StepId): boolean {
  const steps = getPathSteps(context);
  const position = stepPosition(context, step);
  if (position < 0 || position > stepPosition(context, context.furthestStep)) return false;
  return steps.slice(0, position).every((earlier) => isStepValid(context, earlier));
}

export function getNextStep(context: WizardContext, step: StepId): StepId | null {
  const steps = getPathSteps(context);
  return steps[steps.indexOf(step) + 1] ?? null;
}

/** Whether the directory has answered for every address on the list, typed or left. */
function isDirectorySettled(context: WizardContext): boolean {
  return getDueDirectoryEmails(context, { everyRow: true }).every((email) => {
    const lookup = context.directory[email];
    return lookup !== undefined && lookup !== 'checking';
  });
}

export function canFinish(context: WizardContext): boolean {
  return (
    getPathSteps(context).every((step) => isStepValid(context, step)) && isDirectorySettled(context)
  );
}

/** Nothing is wrong, but a check (the directory's, usually) has not answered yet. */
export function canFinishOnceChecked(context: WizardContext): boolean {
  const steps = getPathSteps(context);
  return (
    (steps.some((step) => isStepPending(context, step)) || !isDirectorySettled(context)) &&
    steps.every((step) => Object.keys(getStepIssues(context, step)).length === 0)
  );
}

/** *Retry* on a failed submission only where the same call may succeed later. */
export function canRetrySubmission(context: WizardContext): boolean {
  return context.submission.status === 'failed' && context.submission.failure?.retryable === true;
}

/** Back to the steps once the submission stopped, or has run long enough to say so. */
export function canLeaveSubmission(context: WizardContext): boolean {
  return context.submission.status === 'failed' || context.submission.isSlow;
}

/** What the persistence adapter is asked to create, built from the values and the plan. */
export function buildConnectionRequest(context: WizardContext): ConnectionRequest {
  const { values } = context;
  const collaborators = values.access
    .filter((entry) => entry.email.trim() !== '')
    .map((entry) => ({ email: entry.email.trim().toLowerCase(), role: entry.level }));
  const base = {
    name: getTrimmedConnectionName(context),
    description: values.details.description.trim(),
    collaborators,
  };
  const managementAccount = values.managementAccountId ?? '';

  if (context.path === 'existingPermissions') {
    return {
      ...base,
      awsConfig: {
        managementAccount,
        roleName: '',
        organizationRootId: '',
        region: getRegion(context) ?? '',
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
  }

  const index = context.organization.value;
  const plan = getPlan(context);
  const selected = values.scope.selected;
  const containers = selected.filter((id) => index?.nodes.get(id)?.kind !== 'account');

  return {
    ...base,
    awsConfig: {
      managementAccount,
      roleName: getFullRoleName(context),
      organizationRootId: index?.rootId ?? '',
      region: getRegion(context) ?? '',
      usesExistingPermissions: false,
      scopeTargetedOrganizationalUnitIds: containers,
      scopeExplicitAccountIds: selected.filter((id) => !containers.includes(id)),
      scopeExcludedAccountIds: [...values.scope.excluded],
      scopeManagementAccountExplicitInScope: plan?.managementAccount.inScope ?? false,
      resolvedAccountIds: plan ? [...plan.coverage.now] : [],
      managedPolicyArns: [...values.policies.managedPolicyArns],
      allowedActions: getPolicyReport(context).allowedActions,
    },
  };
}

/**
 * What the Deploy step should tell the user to fix before running the StackSet command, from
 * the deployment prerequisites: `trustedAccessOff` when trusted access between StackSets and
 * Organizations is off, `allFeaturesOff` when the organisation has only consolidated billing.
 * Nothing for what is fine or could not be read: the notices inform, they never block.
 */
export type DeploymentNotice = 'trustedAccessOff' | 'allFeaturesOff';

export function getDeploymentNotices(context: WizardContext): DeploymentNotice[] {
  const prerequisites = context.deploymentPrerequisites.value;
  if (context.path !== 'dedicatedRole' || prerequisites === null) return [];
  const notices: DeploymentNotice[] = [];
  if (
    prerequisites.trustedAccess === 'disabled' ||
    prerequisites.trustedAccess === 'disabledPermanently'
  ) {
    notices.push('trustedAccessOff');
  }
  if (prerequisites.featureSet === 'consolidatedBilling') notices.push('allFeaturesOff');
  return notices;
}
