/**
 * How an end-to-end test hands its own organisation to the example host console: the app reads
 * `window.__AWS_CONNECTION_WIZARD_EXAMPLE__` once at start-up and passes it to
 * `createInMemoryAdapters`, so the wizard shows exactly the tree the test seeded.
 */
import type {
  DeploymentSettings,
  ManagementAccount,
  Organization,
} from '@aws-connection-wizard/core';

export const EXAMPLE_GLOBAL = '__AWS_CONNECTION_WIZARD_EXAMPLE__';

export interface ExampleFixture {
  /** One organisation per onboarded management account. */
  organizations: Organization[];
  /** The management accounts the wizard offers; defaults to one per organisation. */
  managementAccounts?: ManagementAccount[];
  /** The trusted account, external ID and Region the platform decides. */
  deploymentSettings?: Partial<DeploymentSettings>;
}

/**
 * The script text for Playwright's `context.addInitScript`, which runs before the app's own
 * code on every navigation. The fixture is embedded as JSON, never as code.
 */
export function exampleInitScript(fixture: ExampleFixture): string {
  const managementAccounts =
    fixture.managementAccounts ??
    fixture.organizations.map((organization) => ({
      accountId: organization.managementAccountId,
      name:
        organization.accounts.find((account) => account.id === organization.managementAccountId)
          ?.name ?? organization.managementAccountId,
      connected: false,
    }));
  const value = JSON.stringify({ ...fixture, managementAccounts });
  return `window[${JSON.stringify(EXAMPLE_GLOBAL)}] = JSON.parse(${JSON.stringify(value)});`;
}
