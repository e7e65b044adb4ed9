/** The scope rules: the organisation index, selection, tree check states and the deployment plan. */
export { compareIds, indexOrganization, isSelectableAccount } from './organizationIndex';
export { createScopeView } from './nodeScope';
export type { ScopeView } from './nodeScope';
export { MAX_ORGANIZATIONAL_UNITS_PER_OPERATION, planDeployment } from './plan';
export {
  getManagementAccountScope,
  normalizeSelection,
  setManagementAccountDecision,
} from './selection';
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
