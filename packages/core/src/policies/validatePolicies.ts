/**
 * Validation of the Policies and permissions step: errors that block the step, risk warnings
 * that do not, and the allowed actions as the artefacts receive them.
 */
import { INLINE_POLICY_MAX_CHARACTERS, inlinePolicySize } from '../artefacts/permissions';
import type { FieldErrors } from '../model/validation';
import { regionPartition } from '../model/validation';
import { ROLE_NAME_PREFIX } from '../model/values';
import { lintAllowedAction, type IamActionCatalogue } from './actionCatalogue';
import type { Policies } from '../model/values';
import {
  allowedActionKey,
  allowedActionWarnings,
  checkAllowedActionSyntax,
  grantsPassRole,
  normalizeAllowedAction,
  type PolicyWarning,
} from './actions';
import {
  BROAD_MANAGED_POLICY_NAMES,
  effectiveManagedPolicyQuota,
  isServiceLinkedPolicyArn,
  MANAGED_POLICY_ARN_MAX_LENGTH,
  MANAGED_POLICY_ARN_PATTERN,
  MANAGED_POLICY_PATH_MAX_LENGTH,
  managedPolicyName,
  managedPolicyPartition,
  managedPolicyPath,
} from './managedPolicies';

/** Lint codes for an action IAM's published list does not hold. */
const UNLISTED_CODES = new Set<PolicyWarning['code']>([
  'action.unknownService',
  'action.unknownAction',
  'action.matchesNothing',
]);

export interface ValidatePoliciesOptions {
  /**
   * The account's quota of managed policies per role (`AttachedPoliciesPerRoleQuota` of
   * `aws iam get-account-summary`). Defaults to 10; values above 20 count as 20.
   */
  managedPolicyQuota?: number;
  /**
   * The full role name, which the base policy's resource ARN contains. The combined size of the
   * inline policies depends on it; without it, the longest role name IAM allows is assumed.
   */
  roleName?: string;
  /**
   * The published IAM actions (`loadIamActionCatalogue()`): when given, allowed actions are
   * also linted against it for unknown services and actions, and overlap with managed policies.
   */
  iamActions?: IamActionCatalogue | null;
  /**
   * The Region the role is deployed in. When given, a managed policy of another partition (an
   * `arn:aws-cn:` policy for `us-east-1`) is an error: IAM attaches policies of the role's own
   * partition only.
   */
  region?: string | null;
}

export interface PolicyReport {
  /** Blocking problems, keyed by `policies`, `policies.managedPolicyArns[.<row>]` or `policies.allowedActions.<row>`. */
  errors: FieldErrors;
  /** Risks to show but not block on, keyed like `errors`; rows without a risk are absent. */
  warnings: Record<string, PolicyWarning[]>;
  /**
   * The valid allowed actions, normalised, without blanks or duplicates (compared as IAM does,
   * case-insensitively), in the order the user first entered them.
   */
  allowedActions: string[];
  /** The valid managed policy ARNs without duplicates, in the user's order. */
  managedPolicyArns: string[];
  /** How many managed policies the role gets, each ARN counted once, as IAM counts them. */
  managedPolicyCount: number;
  /** The most managed policies the role may have: the account's quota, within 0–20. */
  managedPolicyQuota: number;
  /**
   * The valid allowed actions the IAM action catalogue does not list (an unknown service or
   * action, or a wildcard that matches none); empty without `iamActions`.
   */
  unlistedActions: string[];
}

export function validatePolicies(
  policies: Policies,
  options: ValidatePoliciesOptions = {},
): PolicyReport {
  const errors: FieldErrors = {};
  const warnings: Record<string, PolicyWarning[]> = {};

  // Managed policies.
  const arns: string[] = [];
  const arnRows = new Map<string, number>();
  const partition = options.region ? regionPartition(options.region) : null;
  policies.managedPolicyArns.forEach((arn, row) => {
    const path = `policies.managedPolicyArns.${row}`;
    if (arn.length > MANAGED_POLICY_ARN_MAX_LENGTH) {
      errors[path] = {
        code: 'managedPolicy.arnTooLong',
        params: { max: MANAGED_POLICY_ARN_MAX_LENGTH, length: arn.length },
      };
    } else if (!MANAGED_POLICY_ARN_PATTERN.test(arn)) {
      errors[path] = { code: 'managedPolicy.invalidArn' };
    } else if (managedPolicyPath(arn).length > MANAGED_POLICY_PATH_MAX_LENGTH) {
      errors[path] = {
        code: 'managedPolicy.pathTooLong',
        params: { max: MANAGED_POLICY_PATH_MAX_LENGTH, length: managedPolicyPath(arn).length },
      };
    } else if (partition !== null && managedPolicyPartition(arn) !== partition) {
      errors[path] = {
        code: 'managedPolicy.partitionMismatch',
        params: {
          partition: managedPolicyPartition(arn),
          region: options.region ?? '',
          expected: partition,
        },
      };
    } else if (isServiceLinkedPolicyArn(arn)) {
      errors[path] = {
        code: 'managedPolicy.serviceLinked',
        params: { name: managedPolicyName(arn) },
      };
    } else if (arnRows.has(arn)) {
      errors[path] = { code: 'managedPolicy.duplicate', params: { row: arnRows.get(arn) ?? 0 } };
    } else {
      arnRows.set(arn, row);
      arns.push(arn);
      const name = managedPolicyName(arn);
      if (BROAD_MANAGED_POLICY_NAMES.includes(name)) {
        warnings[path] = [{ code: 'managedPolicy.broadAccess', params: { name } }];
      }
    }
  });
  const quota = effectiveManagedPolicyQuota(options.managedPolicyQuota);
  const attachedCount = new Set(policies.managedPolicyArns).size;
  if (attachedCount > quota) {
    errors['policies.managedPolicyArns'] = {
      code: 'managedPolicies.quotaExceeded',
      params: { quota, count: attachedCount },
    };
  }

  // Allowed actions.
  const actions: { row: number; action: string }[] = [];
  const actionRows = new Map<string, number>();
  let enteredActionCount = 0;
  policies.allowedActions.forEach((value, row) => {
    const action = normalizeAllowedAction(value);
    if (action === '') return;
    enteredActionCount += 1;
    const path = `policies.allowedActions.${row}`;
    const syntaxError = checkAllowedActionSyntax(action);
    const key = allowedActionKey(action);
    if (syntaxError) {
      errors[path] = { code: syntaxError };
    } else if (actionRows.has(key)) {
      errors[path] = { code: 'action.duplicate', params: { row: actionRows.get(key) ?? 0 } };
    } else {
      actionRows.set(key, row);
      actions.push({ row, action });
    }
  });
  const allowedActions = actions.map(({ action }) => action);
  const passRoleGranted = grantsPassRole(allowedActions);
  for (const { row, action } of actions) {
    const risks = allowedActionWarnings(action, passRoleGranted);
    if (risks.length > 0) warnings[`policies.allowedActions.${row}`] = risks;
  }

  const unlistedActions: string[] = [];
  if (options.iamActions) {
    for (const { row, action } of actions) {
      const lint = lintAllowedAction(action, options.iamActions, arns);
      if (lint.some(({ code }) => UNLISTED_CODES.has(code))) unlistedActions.push(action);
      if (lint.length > 0) {
        const path = `policies.allowedActions.${row}`;
        warnings[path] = [...(warnings[path] ?? []), ...lint];
      }
    }
  }

  // IAM counts the inline policies of a role together, whitespace aside.
  const roleName =
    options.roleName ?? `${ROLE_NAME_PREFIX}${'x'.repeat(64 - ROLE_NAME_PREFIX.length)}`;
  const size = inlinePolicySize(roleName, allowedActions);
  if (size > INLINE_POLICY_MAX_CHARACTERS && !errors['policies.allowedActions']) {
    errors['policies.allowedActions'] = {
      code: 'policies.inlinePolicyTooLarge',
      params: { size, max: INLINE_POLICY_MAX_CHARACTERS },
    };
  }

  // Invalid rows still count as an attempt: their own errors say what to fix.
  if (enteredActionCount === 0 && policies.managedPolicyArns.length === 0) {
    errors.policies = { code: 'policies.empty' };
  }
  return {
    errors,
    warnings,
    allowedActions,
    managedPolicyArns: arns,
    managedPolicyCount: attachedCount,
    managedPolicyQuota: quota,
    unlistedActions,
  };
}
