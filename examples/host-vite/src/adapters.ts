/**
 * The adapters this host console gives the wizard: the sdk's in-memory backend, on its sample
 * organisations or, when an end-to-end test supplies one, on the test's organisation. Drafts go
 * to localStorage, so a reload keeps what the user entered.
 */
import { createInMemoryAdapters, localStorageDraftStore } from '@aws-connection-wizard/sdk';
import type { InMemoryAdaptersOptions } from '@aws-connection-wizard/sdk';

/** What a test may supply; every field is optional and falls back to the sdk's samples. */
export type ExampleFixture = Pick<
  InMemoryAdaptersOptions,
  'organizations' | 'managementAccounts' | 'deploymentSettings'
>;

declare global {
  interface Window {
    /** Set by a test (Playwright's `addInitScript`) before the app starts. */
    __AWS_CONNECTION_WIZARD_EXAMPLE__?: ExampleFixture;
  }
}

const fixture = window.__AWS_CONNECTION_WIZARD_EXAMPLE__ ?? {};

export const adapters = createInMemoryAdapters({
  organizations: fixture.organizations,
  managementAccounts: fixture.managementAccounts,
  deploymentSettings: fixture.deploymentSettings,
  draftStore: localStorageDraftStore(),
});
