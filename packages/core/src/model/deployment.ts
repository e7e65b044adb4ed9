/**
 * Results of the optional deployment check in the Deploy step: how the StackSet's stack
 * instances and the management-account stack are doing, account by account. Feedback only; the
 * wizard never waits for it.
 */
import * as z from 'zod/mini';

import { AccountIdSchema } from './ids';

export const AccountDeploymentStatusSchema = z.enum([
  /** The role exists in the account. */
  'succeeded',
  /** Queued or running. */
  'inProgress',
  'failed',
  /** AWS skipped the account (for example, it is suspended). */
  'skipped',
  /** Nothing has been deployed to this account yet. */
  'notDeployed',
]);
export type AccountDeploymentStatus = z.infer<typeof AccountDeploymentStatusSchema>;

export const AccountDeploymentResultSchema = z.object({
  accountId: AccountIdSchema,
  status: AccountDeploymentStatusSchema,
  /** AWS's own reason, when it gave one. */
  reason: z.optional(z.string()),
});
export type AccountDeploymentResult = z.infer<typeof AccountDeploymentResultSchema>;

export const DeploymentStatusSchema = z.object({
  checkedAt: z.string(),
  /** False when no StackSet with the expected name exists yet in the Region. */
  stackSetFound: z.boolean(),
  accounts: z.array(AccountDeploymentResultSchema),
  /** The stack in the management account, when the scope includes it. */
  managementAccount: z.nullable(AccountDeploymentResultSchema),
});
export type DeploymentStatus = z.infer<typeof DeploymentStatusSchema>;
