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

/**
 * Whether trusted access between CloudFormation StackSets and AWS Organizations is on, as
 * `DescribeOrganizationsAccess` reports it (`ENABLED`, `DISABLED`, `DISABLED_PERMANENTLY`).
 * Service-managed StackSets need it; `aws cloudformation activate-organizations-access`, run in
 * the management account, turns it on (CloudFormation API reference,
 * ActivateOrganizationsAccess). `unknown` when AWS could not be asked.
 */
export const TrustedAccessStatusSchema = z.enum([
  'enabled',
  'disabled',
  'disabledPermanently',
  'unknown',
]);
export type TrustedAccessStatus = z.infer<typeof TrustedAccessStatusSchema>;

/**
 * The organisation's feature set, as `DescribeOrganization` reports it (`ALL` or
 * `CONSOLIDATED_BILLING`). Service-managed StackSets need all features (CloudFormation User
 * Guide, "Activate trusted access for stack sets with AWS Organizations"). `unknown` when AWS
 * could not be asked.
 */
export const OrganizationFeatureSetSchema = z.enum(['all', 'consolidatedBilling', 'unknown']);
export type OrganizationFeatureSet = z.infer<typeof OrganizationFeatureSetSchema>;

/**
 * What the management account must have in place before the StackSet command can work, read
 * when the Deploy step opens. Informative only: the wizard never blocks on it.
 */
export const DeploymentPrerequisitesSchema = z.object({
  trustedAccess: TrustedAccessStatusSchema,
  featureSet: OrganizationFeatureSetSchema,
});
export type DeploymentPrerequisites = z.infer<typeof DeploymentPrerequisitesSchema>;
