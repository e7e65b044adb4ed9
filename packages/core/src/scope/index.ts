/** The scope rules: the organisation index, selection, tree check states and the deployment plan. */
export {
  compareIds,
  indexOrganization,
  isSelectableAccount,
  pathOf,
  selectedAncestorOf,
} from './organizationIndex';
export { createScopeView } from './nodeScope';
export type { ScopeView } from './nodeScope';
export {
  MAX_ACCOUNTS_PER_OPERATION,
  MAX_ORGANIZATIONAL_UNITS_PER_OPERATION,
  planDeployment,
} from './plan';
export {
  getManagementAccountScope,
  normalizeSelection,
  setManagementAccountDecision,
} from './selection';
export { getScopeSummary } from './summary';
export type {
  FutureCoverage,
  ManagementAccountStanding,
  ScopeSummaryView,
  SummaryWarning,
} from './summary';
export { toggleNode } from './toggle';
export type {
  AccountFilterType,
  CheckState,
  DeploymentPlan,
  ManagementAccountCoverage,
  ManagementAccountScope,
  NodeKind,
  NodeScope,
  OrganizationIndex,
  OrganizationNode,
  PlannedStackSet,
  ScopeReason,
  ScopeWarning,
  ScopeWarningCode,
  StackSetOperation,
} from './types';
