/**
 * Input and output of the artefact generators. Generators are pure: the same input gives the
 * same bytes, in the browser and headless.
 */
import type { DeploymentPlan } from '../scope/types';

export interface ArtefactInput {
  connectionName: string;
  /** The full role name, prefix included: `doit-cloudflow-<name>`. */
  roleName: string;
  description: string;
  managedPolicyArns: readonly string[];
  /** Already validated and de-duplicated allowed actions. */
  allowedActions: readonly string[];
  /**
   * The allowed actions that the IAM action catalogue does not list: an unknown service or
   * action, or a wildcard that matches none. The Policies step warns about them; IAM accepts
   * them, and new actions appear before the catalogue has them. Empty or absent when every
   * action is listed, or when the catalogue was not consulted.
   */
  unlistedActions?: readonly string[];
  trustedAccountId: string;
  externalId: string;
  region: string;
  /** Name of the StackSet that targets the selected root and OUs; others derive from it. */
  stackSetName: string;
  plan: DeploymentPlan;
  /**
   * Where the host has put the template, for templates larger than the 51,200 bytes
   * CloudFormation accepts inline: an `https` Amazon S3 URL. Used only when the template is
   * that large; a smaller one is always passed inline.
   */
  templateUrl?: string;
}

export interface Artefacts {
  /** The CloudFormation template (YAML) shared by the StackSets and the management-account stack. */
  template: string;
  /** Bash for CloudShell that creates the StackSets and their stack instances; null when none is needed. */
  stackSetScript: string | null;
  /** Bash to run in the management account when it is in scope; null otherwise. */
  managementAccountScript: string | null;
  /** A Terraform configuration to apply in each account of `terraformAccounts`. */
  terraform: string;
  /** Accounts the Terraform configuration must be applied in, sorted. */
  terraformAccounts: string[];
}
