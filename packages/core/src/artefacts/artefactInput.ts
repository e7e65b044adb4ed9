/**
 * The one way from the wizard's values to the generators' input. The wizard machine (Deploy
 * step) and the headless `plan` command both build their `ArtefactInput` here, so the same
 * values, plan and platform settings give the same bytes wherever the artefacts are made.
 */
import type { DeploymentSettings, WizardValues } from '../model/values';
import { ROLE_NAME_PREFIX } from '../model/values';
import { validatePolicies } from '../policies';
import type { IamActionCatalogue } from '../policies';
import type { DeploymentPlan } from '../scope/types';
import { stackSetNameFor } from './names';
import type { ArtefactInput } from './types';

/** What the platform decides for the artefacts; `region` is its default Region. */
export type ArtefactSettings = Pick<
  DeploymentSettings,
  'trustedAccountId' | 'externalId' | 'region' | 'templateUrl'
>;

/**
 * The Region the artefacts use: the one chosen in the Deploy step, else the platform's default.
 * Whether the platform lets the user choose is the caller's rule (`regionLocked`).
 */
export function resolveRegion(
  values: Pick<WizardValues, 'region'>,
  settings: Pick<DeploymentSettings, 'region'>,
): string {
  return values.region ?? settings.region;
}

/**
 * The generators' input for `values`, the deployment plan of their scope, and the platform's
 * settings. Names and the description are trimmed as they are shown; allowed actions are the
 * validated, de-duplicated list (invalid rows are left out, so callers check the Policies step
 * first); managed policy ARNs are passed in the user's order. With the IAM action catalogue, the
 * allowed actions it does not list are named too, so the template can say so to cfn-lint.
 */
export function buildArtefactInput(
  values: Pick<WizardValues, 'details' | 'policies' | 'region'>,
  plan: DeploymentPlan,
  settings: ArtefactSettings,
  iamActions: IamActionCatalogue | null = null,
): ArtefactInput {
  const roleName = ROLE_NAME_PREFIX + values.details.roleNameSuffix;
  const report = validatePolicies(values.policies, { iamActions });
  return {
    connectionName: values.details.connectionName.trim(),
    roleName,
    description: values.details.description.trim(),
    managedPolicyArns: values.policies.managedPolicyArns,
    allowedActions: report.allowedActions,
    unlistedActions: report.unlistedActions,
    trustedAccountId: settings.trustedAccountId,
    externalId: settings.externalId,
    region: resolveRegion(values, settings),
    stackSetName: stackSetNameFor(roleName),
    plan,
    ...(settings.templateUrl !== undefined ? { templateUrl: settings.templateUrl } : {}),
  };
}
