/**
 * Field problems a backend reports when it refuses a connection: where in the connection each
 * problem is, in the wizard's own field paths, with a code the wizard translates. The sdk's
 * reference server re-runs core's validation on every create and reports what it finds this
 * way, so the wizard can show each problem at its field, as if it had found it itself.
 *
 * Field paths are the wizard's (`details.connectionName`, `scope.selected`,
 * `policies.allowedActions.2`, `access.1.email`, `deploy.region`, `managementAccountId`), with
 * one difference: a connection carries the full role name, so its problems are at
 * `details.roleName`, which the wizard shows at the role name field (`details.roleNameSuffix`).
 */
import * as z from 'zod/mini';

export const FieldProblemSchema = z.object({
  /** Where the problem is, as a field path. */
  field: z.string(),
  /** What is wrong, as a code the wizard translates. */
  code: z.string(),
  /** Values for the translated message. */
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

/**
 * Codes only a backend can report, since only it knows the platform's records and the
 * organisation as AWS reports it at creation time.
 */
export const CONNECTION_PROBLEM_CODES = [
  /** Another connection in this management account has this role name (and so its StackSets). */
  'roleName.taken',
  /** The role name does not start with the fixed prefix. */
  'roleName.prefixMissing',
  /** The selection names a root, OU or account the organisation does not hold (now). */
  'scope.unknownId',
  /** The selection picks an account that cannot take a stack instance (suspended, closing). */
  'scope.notSelectable',
  /** An excluded account is not inside a selected root or OU. */
  'scope.excludedOutsideScope',
  /** The management account is excluded; its place in the scope is a decision instead. */
  'scope.excludedManagementAccount',
  /** The management-account decision contradicts the selection. */
  'scope.managementAccountDecision.contradicts',
  /** The connection's organisation root is not the organisation's root. */
  'scope.rootMismatch',
  /** The platform fixes the Region and the connection names another. */
  'region.locked',
  /** The idempotency key was used before for a different connection. */
  'idempotencyKey.reused',
] as const;
export type ConnectionProblemCode = (typeof CONNECTION_PROBLEM_CODES)[number];

/** The wizard field a problem's field path is shown at. */
export function wizardFieldOf(field: string): string {
  return field === 'details.roleName' ? 'details.roleNameSuffix' : field;
}
