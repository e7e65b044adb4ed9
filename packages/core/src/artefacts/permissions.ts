/**
 * The permissions every connection role gets, whatever the user chose: reading its own policies
 * and the managed policies attached to it, and listing Regions. Generators build the inline
 * policies from this list, and the Policies step shows the same list read-only.
 */

/** Name of the inline policy that lets the role read its own permissions. */
export const BASE_POLICY_NAME = 'DoitCloudFlowConnectionBasePolicy';

/** Name of the inline policy that holds `ec2:DescribeRegions` and the allowed actions. */
export const ALLOWED_ACTIONS_POLICY_NAME = 'DoitCloudFlowConnectionAllowedActionsPolicy';

export interface BasePermission {
  /** The inline policy the statement belongs to. */
  policyName: string;
  /** Statement ID: alphanumeric, as IAM requires. */
  sid: string;
  actions: readonly string[];
  /** `role`: the connection role itself; `any`: `*`. */
  resource: 'role' | 'any';
}

export const BASE_PERMISSIONS: readonly BasePermission[] = [
  {
    policyName: BASE_POLICY_NAME,
    sid: 'ReadOwnPolicies',
    actions: ['iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:GetRolePolicy'],
    resource: 'role',
  },
  {
    policyName: BASE_POLICY_NAME,
    sid: 'ReadManagedPolicies',
    actions: ['iam:GetPolicy', 'iam:GetPolicyVersion'],
    resource: 'any',
  },
  {
    policyName: ALLOWED_ACTIONS_POLICY_NAME,
    sid: 'AllowedActions',
    actions: ['ec2:DescribeRegions'],
    resource: 'any',
  },
];

/** Statements of one inline policy, in a form each generator renders in its own language. */
export interface PolicyStatementSpec {
  sid: string;
  actions: readonly string[];
  resource: 'role' | 'any';
}

/**
 * The statements of one inline policy. The allowed actions join the base statement of their
 * policy; one that repeats a base action (IAM compares actions case-insensitively) is left
 * out, because it grants nothing more.
 */
export function policyStatements(
  policyName: string,
  allowedActions: readonly string[],
): PolicyStatementSpec[] {
  return BASE_PERMISSIONS.filter((permission) => permission.policyName === policyName).map(
    (permission) => {
      if (policyName !== ALLOWED_ACTIONS_POLICY_NAME) return { ...permission };
      const base = new Set(permission.actions.map((action) => action.toLowerCase()));
      const extra = allowedActions.filter((action) => !base.has(action.toLowerCase()));
      return {
        sid: permission.sid,
        actions: [...permission.actions, ...extra],
        resource: permission.resource,
      };
    },
  );
}

/**
 * IAM's quota on the combined size of a role's inline policies: 10,240 characters, whitespace
 * not counted ("IAM and AWS STS quotas", IAM User Guide, "Role policy size").
 */
export const INLINE_POLICY_MAX_CHARACTERS = 10_240;

/**
 * The inline policy documents as IAM stores them once CloudFormation or Terraform has resolved
 * the role's own ARN. The commercial partition and a twelve-digit account give the length every
 * account of the scope sees, except in GovCloud (US), whose ARNs are seven characters longer.
 */
export function inlinePolicyDocuments(
  roleName: string,
  allowedActions: readonly string[],
): { policyName: string; document: string }[] {
  const roleArn = `arn:aws:iam::123456789012:role/${roleName}`;
  return [BASE_POLICY_NAME, ALLOWED_ACTIONS_POLICY_NAME].map((policyName) => ({
    policyName,
    document: JSON.stringify({
      Version: '2012-10-17',
      Statement: policyStatements(policyName, allowedActions).map((spec) => ({
        Sid: spec.sid,
        Effect: 'Allow',
        Action: spec.actions,
        Resource: spec.resource === 'any' ? '*' : roleArn,
      })),
    }),
  }));
}

/** The combined size IAM counts for the role's inline policies: characters other than whitespace. */
export function inlinePolicySize(roleName: string, allowedActions: readonly string[]): number {
  return inlinePolicyDocuments(roleName, allowedActions).reduce(
    (total, { document }) => total + document.replace(/\s/g, '').length,
    0,
  );
}
