/**
 * Everything the user enters in the five steps, the settings the host supplies, and what the
 * wizard produces. Types come from these schemas; validation with messages for each field lives
 * in `validation.ts`.
 */
import * as z from 'zod/mini';

import { AccountIdSchema } from './ids';

/** The fixed part of every role the wizard creates. */
export const ROLE_NAME_PREFIX = 'doit-cloudflow-';

export const StepIdSchema = z.enum(['details', 'scope', 'policies', 'deploy', 'access']);
export type StepId = z.infer<typeof StepIdSchema>;
/** The five steps in the order the user meets them. */
export const STEP_IDS: readonly StepId[] = StepIdSchema.options;

export const DetailsSchema = z.object({
  /** Shown as text everywhere; never interpreted. */
  connectionName: z.string(),
  /** The part after {@link ROLE_NAME_PREFIX}. */
  roleNameSuffix: z.string(),
  /** Once the user edits the role name it stops following the connection name. */
  roleNameEdited: z.boolean(),
  description: z.string(),
});
export type Details = z.infer<typeof DetailsSchema>;

export const ManagementAccountDecisionSchema = z.enum(['include', 'exclude']);
export type ManagementAccountDecision = z.infer<typeof ManagementAccountDecisionSchema>;

/**
 * What the user picked in the organisation tree. Kept normalised by the scope rules: ids are
 * sorted, nothing is listed that a selected ancestor already covers, and every exclusion is an
 * account that a selected root or OU covers.
 */
export const ScopeSelectionSchema = z.object({
  /** The root, OUs and accounts the user selected. */
  selected: z.array(z.string()),
  /** Accounts left out of a selected root or OU. */
  excluded: z.array(AccountIdSchema),
  /**
   * The answer to the management-account prompt, asked when a selected root or OU covers the
   * management account. `null` while unanswered or not asked.
   */
  managementAccount: z.nullable(ManagementAccountDecisionSchema),
  /**
   * Automatic deployment is a StackSet-wide setting: every OU a StackSet targets passes the role
   * on to accounts added to it later. For accounts picked one by one, `off` (the default) gives
   * them their own StackSet with automatic deployment off, so exactly those accounts get the
   * role; `on` keeps one StackSet and accepts that new accounts of their OUs get it too.
   */
  pickedAccountsAutoDeployment: z.enum(['off', 'on']),
});
export type ScopeSelection = z.infer<typeof ScopeSelectionSchema>;

export const EMPTY_SCOPE: ScopeSelection = {
  selected: [],
  excluded: [],
  managementAccount: null,
  pickedAccountsAutoDeployment: 'off',
};

export const PoliciesSchema = z.object({
  /** AWS managed policy ARNs attached to the role. */
  managedPolicyArns: z.array(z.string()),
  /** `service:Action` entries, wildcards as IAM allows; one row per entry, blanks allowed while editing. */
  allowedActions: z.array(z.string()),
});
export type Policies = z.infer<typeof PoliciesSchema>;

/** The default connection access levels; a host may supply its own list. */
export const DEFAULT_ACCESS_LEVELS = ['owner', 'editor', 'user'] as const;

export const AccessEntrySchema = z.object({
  email: z.string(),
  level: z.string(),
});
export type AccessEntry = z.infer<typeof AccessEntrySchema>;

export const DeployTabSchema = z.enum(['stackSet', 'terraform']);
export type DeployTab = z.infer<typeof DeployTabSchema>;

/** All values of the five steps: what a draft saves and what a connection is built from. */
export const WizardValuesSchema = z.object({
  details: DetailsSchema,
  managementAccountId: z.nullable(AccountIdSchema),
  scope: ScopeSelectionSchema,
  policies: PoliciesSchema,
  access: z.array(AccessEntrySchema),
  /** The Region chosen in the Deploy step; `null` follows the platform's default. */
  region: z.nullable(z.string()),
});
export type WizardValues = z.infer<typeof WizardValuesSchema>;

/**
 * What the host's platform decides, never the user: the account the platform assumes the role
 * from, the external ID it generated for this customer, and the single Region the StackSet
 * lives in.
 */
export const DeploymentSettingsSchema = z.object({
  trustedAccountId: AccountIdSchema,
  externalId: z.string(),
  region: z.string(),
  /** When true the user cannot change the Region. */
  regionLocked: z.boolean(),
  /**
   * An https Amazon S3 URL where the platform hosts the role template, for templates larger
   * than CloudFormation accepts inline (51,200 bytes; `TemplateBody` in the CloudFormation API
   * reference). Without it such a template cannot be deployed.
   */
  templateUrl: z.optional(z.string()),
});
export type DeploymentSettings = z.infer<typeof DeploymentSettingsSchema>;

export const ManagedPolicySchema = z.object({
  arn: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

/** A platform user the directory adapter can find. */
export const DirectoryUserSchema = z.object({
  email: z.string(),
  name: z.string(),
});
export type DirectoryUser = z.infer<typeof DirectoryUserSchema>;

/** Platform permissions that allow creating a connection. */
export const CREATE_CONNECTION_PERMISSIONS = ['cloudflow.owner', 'cloudflow.editor'] as const;

export const CurrentUserSchema = z.object({
  email: z.string(),
  name: z.string(),
  /** Platform permissions, e.g. `cloudflow.owner`, `cloudflow.editor`. */
  permissions: z.array(z.string()),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const ConnectionStatusSchema = z.enum(['pending', 'active', 'failed']);
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

/**
 * A connection as the platform's public connection API describes it. `awsConfig` carries the
 * scope exactly as the user chose it and the accounts it resolves to today.
 */
export const ConnectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  status: ConnectionStatusSchema,
  collaborators: z.array(z.object({ email: z.string(), role: z.string() })),
  awsConfig: z.object({
    managementAccount: AccountIdSchema,
    roleName: z.string(),
    organizationRootId: z.string(),
    region: z.string(),
    usesExistingPermissions: z.boolean(),
    scopeTargetedOrganizationalUnitIds: z.array(z.string()),
    scopeExplicitAccountIds: z.array(z.string()),
    scopeExcludedAccountIds: z.array(z.string()),
    scopeManagementAccountExplicitInScope: z.boolean(),
    resolvedAccountIds: z.array(z.string()),
    managedPolicyArns: z.array(z.string()),
    allowedActions: z.array(z.string()),
  }),
});
export type Connection = z.infer<typeof ConnectionSchema>;

/** What the wizard asks the persistence adapter to create. */
export const ConnectionRequestSchema = z.omit(ConnectionSchema, {
  id: true,
  status: true,
  enabled: true,
});
export type ConnectionRequest = z.infer<typeof ConnectionRequestSchema>;

export const ConnectionPathSchema = z.enum(['dedicatedRole', 'existingPermissions']);
/**
 * `dedicatedRole` is the five-step wizard. `existingPermissions` reuses the role, scope and
 * policies of a management account the platform is already connected to: name and user access only.
 */
export type ConnectionPath = z.infer<typeof ConnectionPathSchema>;
