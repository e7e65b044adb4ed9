/**
 * The adapters this host console gives the wizard: the sdk's in-memory backend, on its sample
 * organisations or, when an end-to-end test supplies one, on the test's organisation. Drafts go
 * to localStorage, so a reload keeps what the user entered.
 *
 * With `?backend=<url>` (e.g. `?backend=http://127.0.0.1:8787/api`) the console talks to the
 * reference backend of `examples/server` instead, over the sdk's HTTP adapter, signed in as the
 * sample CloudFlow Owner (that server's stand-in sign-in reads `Authorization: Bearer <email>`).
 */
import {
  SAMPLE_CURRENT_USER,
  createHttpAdapters,
  createInMemoryAdapters,
  localStorageDraftStore,
} from '@aws-connection-wizard/sdk';
import type { InMemoryAdaptersOptions, WizardAdapters } from '@aws-connection-wizard/sdk';
import type { Connection } from '@aws-connection-wizard/core';

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
const backendUrl = new URLSearchParams(window.location.search).get('backend');

/** The HTTP adapters, remembering the connections created or read in this page for the table. */
function httpBackend(baseUrl: string): WizardAdapters & { listConnections(): Connection[] } {
  const http = createHttpAdapters({
    baseUrl,
    headers: { authorization: `Bearer ${SAMPLE_CURRENT_USER.email}` },
    drafts: localStorageDraftStore(),
  });
  const seen = new Map<string, Connection>();
  const remember = (connection: Connection) => {
    seen.set(connection.id, connection);
    return connection;
  };

  return {
    ...http,
    connections: {
      ...http.connections,
      createConnection: (input, call) =>
        http.connections.createConnection(input, call).then(remember),
      getConnection: (input, call) => http.connections.getConnection(input, call).then(remember),
    },
    listConnections: () => [...seen.values()],
  };
}

export const adapters =
  backendUrl === null
    ? createInMemoryAdapters({
        organizations: fixture.organizations,
        managementAccounts: fixture.managementAccounts,
        deploymentSettings: fixture.deploymentSettings,
        draftStore: localStorageDraftStore(),
      })
    : httpBackend(backendUrl);
