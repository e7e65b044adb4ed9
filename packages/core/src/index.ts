export {};
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
  DeploymentStatusSchema,
} from './model/deployment';
export type {
  AccountDeploymentResult,
  AccountDeploymentStatus,
  DeploymentStatus,
} from './model/deployment';
export {
  AccessEntrySchema,
  CREATE_CONNECTION_PERMISSIONS,
  ConnectionPathSchema,
  ConnectionSchema,
  ConnectionStatusSchema,
  CurrentUserSchema,
  DEFAULT_ACCESS_LEVELS,
  DRAFT_SCHEMA_VERSION,
  DeployTabSchema,
  DeploymentSettingsSchema,
  DetailsSchema,
  DirectoryUserSchema,
  DraftSchema,
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
  Draft,
  ManagedPolicy,
  ManagementAccountDecision,
  Policies,
  ScopeSelection,
  StepId,
  WizardValues,
} from './model/values';
export { wizardActors } from './machine/actors';
export type {
  CheckConnectionNameInput,
  CheckConnectionNameOutput,
  CheckDeploymentInput,
  CreateConnectionInput,
  LoadConnectionInput,
  LoadDeploymentSettingsInput,
  LoadOrganizationInput,
  SaveDraftInput,
  SearchUsersInput,
  WizardActors,
} from './machine/actors';
