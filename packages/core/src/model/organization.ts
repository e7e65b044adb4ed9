/**
 * An AWS Organization as the wizard sees it: one root, nested organizational units and
 * accounts, each with exactly one parent. This is the shape adapters return; the scope rules
 * index it once (see `scope/organizationIndex.ts`).
 */
import * as z from 'zod/mini';

import {
  AccountIdSchema,
  OrganizationIdSchema,
  OrganizationalUnitIdSchema,
  RootIdSchema,
} from './ids';

/** Account lifecycle states reported by AWS Organizations (`Account.State`). */
export const AccountStateSchema = z.enum([
  'PENDING_ACTIVATION',
  'ACTIVE',
  'SUSPENDED',
  'PENDING_CLOSURE',
  'CLOSED',
]);
export type AccountState = z.infer<typeof AccountStateSchema>;

export const AccountSchema = z.object({
  id: AccountIdSchema,
  name: z.string(),
  email: z.string(),
  state: AccountStateSchema,
  /** The root or OU that directly contains the account. */
  parentId: z.string(),
});
export type Account = z.infer<typeof AccountSchema>;

export const OrganizationalUnitSchema = z.object({
  id: OrganizationalUnitIdSchema,
  name: z.string(),
  /** The root or OU that directly contains this OU. */
  parentId: z.string(),
});
export type OrganizationalUnit = z.infer<typeof OrganizationalUnitSchema>;

export const OrganizationSchema = z.object({
  id: OrganizationIdSchema,
  managementAccountId: AccountIdSchema,
  root: z.object({ id: RootIdSchema, name: z.string() }),
  organizationalUnits: z.array(OrganizationalUnitSchema),
  accounts: z.array(AccountSchema),
});
export type Organization = z.infer<typeof OrganizationSchema>;

/**
 * A management account the platform has already onboarded. Only these can be chosen in the
 * Scope step. `connected` is true when the platform already holds permissions in it, which
 * offers the "create a connection from existing permissions" path.
 */
export const ManagementAccountSchema = z.object({
  accountId: AccountIdSchema,
  name: z.string(),
  connected: z.boolean(),
});
export type ManagementAccount = z.infer<typeof ManagementAccountSchema>;
