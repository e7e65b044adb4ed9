export {
  allowedActionKey,
  allowedActionWarnings,
  checkAllowedActionSyntax,
  grantsPassRole,
  isValidAllowedAction,
  matchesAction,
  normalizeAllowedAction,
  PASS_ROLE_ESCALATION_ACTIONS,
  POLICY_WARNING_CODES,
  PRIVILEGE_ESCALATION_ACTIONS,
} from './actions';
export type { PolicyWarning, PolicyWarningCode } from './actions';
export {
  BROAD_MANAGED_POLICY_NAMES,
  DEFAULT_MANAGED_POLICIES,
  DEFAULT_MANAGED_POLICY_QUOTA,
  effectiveManagedPolicyQuota,
  isManagedPolicyArn,
  isServiceLinkedPolicyArn,
  MANAGED_POLICY_ARN_MAX_LENGTH,
  MANAGED_POLICY_ARN_PATTERN,
  MANAGED_POLICY_PATH_MAX_LENGTH,
  MAX_MANAGED_POLICY_QUOTA,
  managedPolicyName,
  SERVICE_LINKED_POLICY_PATH,
} from './managedPolicies';
export {
  createIamActionCatalogue,
  getLoadedIamActionCatalogue,
  lintAllowedAction,
  loadIamActionCatalogue,
} from './actionCatalogue';
export type { IamActionCatalogue, ManagedPolicyGrant } from './actionCatalogue';
export { validatePolicies } from './validatePolicies';
export type { PolicyReport, ValidatePoliciesOptions } from './validatePolicies';
