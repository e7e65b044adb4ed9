/**
 * Allowed actions: their syntax, the one spelling the wizard keeps, wildcard matching, and the
 * risks a reviewer should see before the role is created.
 *
 * An action is `*` alone or `<service-prefix>:<action-name>`. Both parts are case-insensitive
 * and the name may hold the wildcards `*` (any run of characters) and `?` (one character)
 * anywhere (IAM User Guide, "IAM JSON policy elements: Action",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
 * Every service prefix AWS publishes is lower-case letters, digits and hyphens; action names are
 * letters and digits, with one hyphenated exception, so those are the characters accepted.
 */
import type { ValidationCode } from '../model/validation';

const SERVICE_PREFIX_PATTERN = /^[a-z0-9-]+$/i;
const ACTION_NAME_PATTERN = /^[a-z0-9*?-]+$/i;

/**
 * The form the wizard keeps and the artefacts receive: trimmed, with the service prefix
 * lower-cased as AWS documents it; the action name keeps the user's case, which is easier to
 * read (`s3:GetObject`) and means the same to IAM.
 */
export function normalizeAllowedAction(value: string): string {
  const trimmed = value.trim();
  const colon = trimmed.indexOf(':');
  if (colon === -1) return trimmed;
  return trimmed.slice(0, colon).toLowerCase() + trimmed.slice(colon);
}

/** Why an allowed action is not valid IAM syntax, or `undefined` when it is. */
export function checkAllowedActionSyntax(value: string): ValidationCode | undefined {
  const action = value.trim();
  if (action === '*') return undefined;
  const colon = action.indexOf(':');
  // Without a colon, or with nothing after it, the form itself is what is missing.
  if (colon === -1 || colon === action.length - 1) return 'action.invalid';
  if (!SERVICE_PREFIX_PATTERN.test(action.slice(0, colon))) return 'action.invalidServicePrefix';
  if (!ACTION_NAME_PATTERN.test(action.slice(colon + 1))) return 'action.invalidName';
  return undefined;
}

export function isValidAllowedAction(value: string): boolean {
  return checkAllowedActionSyntax(value) === undefined;
}

/** The key under which IAM treats two actions as the same: `S3:getobject` equals `s3:GetObject`. */
export function allowedActionKey(value: string): string {
  return value.trim().toLowerCase();
}

function wildcardToRegExp(pattern: string): RegExp {
  const source = [...pattern]
    .map((character) => {
      if (character === '*') return '.*';
      if (character === '?') return '.';
      return character.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

/**
 * Whether an allowed action (wildcards allowed) grants a concrete action, as IAM would match
 * it: case-insensitively, `*` for any run of characters and `?` for exactly one.
 */
export function matchesAction(allowedAction: string, action: string): boolean {
  return wildcardToRegExp(allowedAction.trim()).test(action.trim());
}

/**
 * Actions that let whoever holds them gain permissions beyond those granted: by rewriting or
 * attaching policies, taking over another identity's credentials, assuming another role, or
 * running code or commands under a role that already exists. They are warned about, not refused:
 * a connection may have a real need for them, but the reviewer must see the risk.
 * See "Security best practices in IAM" and "Grant a user permissions to pass a role to an AWS
 * service" in the IAM User Guide
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html).
 */
export const PRIVILEGE_ESCALATION_ACTIONS: readonly string[] = [
  // Change the policies that define what a role, user or group may do, itself included.
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachRolePolicy',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:PutRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePermissionsBoundary',
  'iam:PutUserPermissionsBoundary',
  'iam:DeleteRolePermissionsBoundary',
  'iam:DeleteUserPermissionsBoundary',
  'iam:AddUserToGroup',
  // Take over another identity.
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:UpdateAssumeRolePolicy',
  'sts:AssumeRole',
  // Hand any role to a service; with the actions below, that runs code as the role.
  'iam:PassRole',
  // Run code or commands under the role an existing function or instance already has.
  'lambda:UpdateFunctionCode',
  'lambda:UpdateFunctionConfiguration',
  'ssm:SendCommand',
  'ssm:StartSession',
  'glue:UpdateDevEndpoint',
];

/**
 * Actions that create something running under a role the caller passes. Alone they cannot
 * choose a role; together with `iam:PassRole` they run code with any role that can be passed.
 */
export const PASS_ROLE_ESCALATION_ACTIONS: readonly string[] = [
  'ec2:RunInstances',
  'lambda:CreateFunction',
  'cloudformation:CreateStack',
  'glue:CreateDevEndpoint',
  'datapipeline:CreatePipeline',
  'codebuild:CreateProject',
  'sagemaker:CreateNotebookInstance',
  'ecs:RunTask',
];

export const POLICY_WARNING_CODES = [
  'action.wildcardAll',
  'action.serviceWildcard',
  'action.nameWildcard',
  'action.privilegeEscalation',
  'action.passRoleEscalation',
  'managedPolicy.broadAccess',
  'action.unknownService',
  'action.unknownAction',
  'action.matchesNothing',
  'action.grantedByManagedPolicy',
] as const;

export type PolicyWarningCode = (typeof POLICY_WARNING_CODES)[number];

export interface PolicyWarning {
  code: PolicyWarningCode;
  /** Values for the translated message, e.g. `{ actions: 'iam:PassRole, sts:AssumeRole' }`. */
  params?: Record<string, string | number>;
}

/** The concrete actions of `list` that an allowed action grants, in the list's order. */
function grantedFrom(allowedAction: string, list: readonly string[]): string[] {
  const pattern = wildcardToRegExp(allowedAction.trim());
  return list.filter((action) => pattern.test(action));
}

/** Whether any of the allowed actions grants `iam:PassRole`. */
export function grantsPassRole(allowedActions: readonly string[]): boolean {
  return allowedActions.some((allowed) => matchesAction(allowed, 'iam:PassRole'));
}

/**
 * The risks of one syntactically valid allowed action. `passRoleGranted` says whether the whole
 * set of allowed actions grants `iam:PassRole`, which turns the pass-role actions into risks.
 */
export function allowedActionWarnings(
  allowedAction: string,
  passRoleGranted: boolean,
): PolicyWarning[] {
  const action = allowedAction.trim();
  // `*` is every action of every service: escalation and all. One warning says it all.
  if (action === '*') return [{ code: 'action.wildcardAll' }];

  const warnings: PolicyWarning[] = [];
  const name = action.slice(action.indexOf(':') + 1);
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  if (/^\*+$/.test(name)) {
    warnings.push({ code: 'action.serviceWildcard', params: { service } });
  } else if (/[*?]/.test(name)) {
    warnings.push({ code: 'action.nameWildcard' });
  }

  const escalating = grantedFrom(action, PRIVILEGE_ESCALATION_ACTIONS);
  if (escalating.length > 0) {
    warnings.push({
      code: 'action.privilegeEscalation',
      params: { actions: escalating.join(', '), count: escalating.length },
    });
  }
  const withPassRole = passRoleGranted ? grantedFrom(action, PASS_ROLE_ESCALATION_ACTIONS) : [];
  if (withPassRole.length > 0) {
    warnings.push({
      code: 'action.passRoleEscalation',
      params: { actions: withPassRole.join(', '), count: withPassRole.length },
    });
  }
  return warnings;
}
