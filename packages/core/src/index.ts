export {
  ACCOUNT_ID_PATTERN,
  AccountIdSchema,
  ORGANIZATION_ID_PATTERN,
  OU_ID_PATTERN,
  OrganizationIdSchema,
  OrganizationalUnitIdSchema,
  ROOT_ID_PATTERN,
  RootIdSchema,
  isAccountId,
  isOrganizationalUnitId,
  isRootId,
} from './model/ids';
export {
  AccountSchema,
  AccountStateSchema,
  ManagementAccountSchema,
  OrganizationSchema,
  OrganizationalUnitSchema,
} from './model/organization';
export type {
  Account,
  AccountState,
  ManagementAccount,
  Organization,
  OrganizationalUnit,
} from './model/organization';
export {
  AccountDeploymentResultSchema,
  AccountDeploymentStatusSchema,
  DeploymentPrerequisitesSchema,
  DeploymentStatusSchema,
  OrganizationFeatureSetSchema,
  TrustedAccessStatusSchema,
} from './model/deployment';
export type {
  AccountDeploymentResult,
  AccountDeploymentStatus,
  DeploymentPrerequisites,
  DeploymentStatus,
  OrganizationFeatureSet,
  TrustedAccessStatus,
} from './model/deployment';
export {
  AccessEntrySchema,
  CREATE_CONNECTION_PERMISSIONS,
  ConnectionPathSchema,
  ConnectionRequestSchema,
  ConnectionSchema,
  ConnectionStatusSchema,
  CurrentUserSchema,
  DEFAULT_ACCESS_LEVELS,
  DeployTabSchema,
  DeploymentSettingsSchema,
  DetailsSchema,
  DirectoryUserSchema,
  EMPTY_SCOPE,
  ManagedPolicySchema,
  ManagementAccountDecisionSchema,
  PoliciesSchema,
  ROLE_NAME_PREFIX,
  STEP_IDS,
  ScopeSelectionSchema,
  StepIdSchema,
  WizardValuesSchema,
} from './model/values';
export type {
  AccessEntry,
  Connection,
  ConnectionPath,
  ConnectionRequest,
  ConnectionStatus,
  CurrentUser,
  DeployTab,
  DeploymentSettings,
  Details,
  DirectoryUser,
  ManagedPolicy,
  ManagementAccountDecision,
  Policies,
  ScopeSelection,
  StepId,
  WizardValues,
} from './model/values';
export { CONNECTION_PROBLEM_CODES, FieldProblemSchema, wizardFieldOf } from './model/problems';
export type { ConnectionProblemCode, FieldProblem } from './model/problems';
export {
  DRAFT_SCHEMA_VERSION,
  DraftSchema,
  DraftSubmissionSchema,
  parseDraft,
} from './model/draft';
export type { Draft, DraftSubmission } from './model/draft';
export { wizardActors } from './machine/actors';
export type {
  CheckConnectionNameInput,
  CheckConnectionNameOutput,
  CheckDeploymentInput,
  ClearDraftInput,
  CreateConnectionInput,
  LoadConnectionInput,
  LoadDeploymentPrerequisitesInput,
  LoadDeploymentSettingsInput,
  LoadDraftInput,
  LoadOrganizationInput,
  SaveDraftInput,
  SearchUsersInput,
  WizardActors,
} from './machine/actors';
export {
  CONNECTION_NAME_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  ROLE_NAME_MAX_LENGTH,
  ROLE_NAME_SUFFIX_MAX_LENGTH,
  EXTERNAL_ID_PATTERN,
  REGION_PATTERN,
  DESCRIPTION_INVALID_CHARACTER,
  TEMPLATE_URL_PATTERN,
  templateObject,
  VALIDATION_CODES,
  ValidDeploymentSettingsSchema,
  deriveRoleNameSuffix,
  describeDeploymentSettingsErrors,
  isValidRegion,
  regionPartition,
  validateDeploymentSettings,
  validateRegion,
  isValidEmail,
  normalizeEmail,
  validateAccess,
  validateDetails,
} from './model/validation';
export type {
  DeploymentSettingsInput,
  FieldErrors,
  ValidateAccessOptions,
  ValidationCode,
  TemplateObject,
  ValidationIssue,
} from './model/validation';
export {
  BROAD_MANAGED_POLICY_NAMES,
  DEFAULT_MANAGED_POLICIES,
  DEFAULT_MANAGED_POLICY_QUOTA,
  MANAGED_POLICY_ARN_PATTERN,
  MANAGED_POLICY_PATH_MAX_LENGTH,
  MAX_MANAGED_POLICY_QUOTA,
  POLICY_WARNING_CODES,
  PRIVILEGE_ESCALATION_ACTIONS,
  createIamActionCatalogue,
  getLoadedIamActionCatalogue,
  isManagedPolicyArn,
  isValidAllowedAction,
  lintAllowedAction,
  loadIamActionCatalogue,
  managedPolicyName,
  normalizeAllowedAction,
  validatePolicies,
} from './policies';
export type {
  IamActionCatalogue,
  ManagedPolicyGrant,
  PolicyReport,
  PolicyWarning,
  PolicyWarningCode,
} from './policies';
export {
  MAX_ACCOUNTS_PER_OPERATION,
  MAX_ORGANIZATIONAL_UNITS_PER_OPERATION,
  createScopeView,
  getManagementAccountScope,
  getScopeSummary,
  indexOrganization,
  isSelectableAccount,
  normalizeSelection,
  pathOf,
  planDeployment,
  selectedAncestorOf,
  setManagementAccountDecision,
  toggleNode,
} from './scope';
export type {
  AccountFilterType,
  CheckState,
  DeploymentPlan,
  FutureCoverage,
  ManagementAccountCoverage,
  ManagementAccountScope,
  ManagementAccountStanding,
  NodeKind,
  NodeScope,
  OrganizationIndex,
  OrganizationNode,
  PlannedStackSet,
  ScopeReason,
  ScopeSummaryView,
  ScopeView,
  ScopeWarning,
  ScopeWarningCode,
  StackSetOperation,
  SummaryWarning,
} from './scope';
export {
  ArtefactError,
  artefactErrorIssue,
  BASE_PERMISSIONS,
  INLINE_POLICY_MAX_CHARACTERS,
  MAX_TEMPLATE_BODY_BYTES,
  inlinePolicySize,
  generateArtefacts,
  generateManagementAccountScript,
  generateStackSetScript,
  generateTemplate,
  generateTerraform,
  stackSetNameFor,
  stackSetNameForKey,
} from './artefacts';
export type { ArtefactInput, Artefacts, BasePermission } from './artefacts';
export { buildArtefactInput, resolveRegion } from './artefacts/artefactInput';
export type { ArtefactSettings } from './artefacts/artefactInput';
export { wizardMachine } from './machine/wizardMachine';
export type { WizardMachine } from './machine/wizardMachine';
export { createInitialContext, resolveOptions } from './machine/context';
export type {
  ServerIssue,
  SubmissionFailedAt,
  SubmissionStatus,
  WizardContext,
  WizardOptions,
} from './machine/context';
export type { AccessField, DetailsField, WizardEmitted, WizardEvent } from './machine/events';
export { describeFailure } from './machine/failure';
export type { Failure, FailureKind } from './machine/failure';
export type { DeploymentNotice, WizardIssue, WizardIssueCode, WizardIssues } from './machine/rules';
export { createWizardSenders, getWizardView } from './machine/facade';
export type {
  ArtefactFile,
  StepState,
  StepView,
  SubmissionView,
  WizardActorRef,
  WizardPhase,
  WizardSenders,
  WizardSnapshot,
  WizardView,
} from './machine/facade';
