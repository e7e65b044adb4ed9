/**
 * The wizard's adapters over the REST contract (`packages/sdk/openapi.yaml`), for hosts whose
 * backend holds the AWS credentials and the connection records. Every answer is validated with
 * core's schemas before the wizard sees it, and every failure becomes an `AdapterError` of the
 * kind the server named, or of the kind its HTTP status means.
 */
import * as z from 'zod/mini';

import {
  ConnectionSchema,
  CurrentUserSchema,
  DeploymentPrerequisitesSchema,
  DeploymentSettingsSchema,
  DeploymentStatusSchema,
  DirectoryUserSchema,
  DraftSchema,
  ManagedPolicySchema,
  ManagementAccountSchema,
  OrganizationSchema,
} from '@aws-connection-wizard/core';

import type { Connection } from '@aws-connection-wizard/core';

import type { AdapterCallOptions, DraftStore, WizardAdapters } from '../adapters';
import { AdapterError, isAdapterError } from '../errors';
import { parseAnswer, parseOrganization } from '../validation';
import {
  CONTRACT_PATHS,
  IDEMPOTENCY_KEY_HEADER,
  NameAvailabilitySchema,
  ProblemSchema,
  kindForStatus,
} from './contract';

export interface HttpAdaptersOptions {
  /** Where the host mounted the handlers, e.g. `https://console.example.com/api/aws-connections`. */
  baseUrl: string;
  /**
   * The fetch to use; a host passes its own to add authentication or tracing.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /** Headers sent with every request, e.g. a CSRF token. */
  headers?: Record<string, string>;
  /**
   * Whether cookies go with each request (the Fetch standard's `credentials`).
   * @default 'same-origin'
   */
  credentials?: RequestCredentials;
  /**
   * Where drafts are kept. By default on the server, per signed-in user, so a draft follows the
   * user between browsers; pass `localStorageDraftStore()` to keep them in this browser.
   */
  drafts?: DraftStore;
}

interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  headers?: Record<string, string>;
}

function joinUrl(baseUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
  const search = new URLSearchParams(query).toString();
  return search === '' ? url : `${url}?${search}`;
}

async function readJson(response: Response, what: string): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    throw new AdapterError('invalidResponse', `${what} is not JSON`, { cause: error });
  }
}

async function toAdapterError(response: Response, what: string): Promise<AdapterError> {
  const fallbackKind = kindForStatus(response.status);
  let body: unknown = null;
  try {
    body = await response.json();
  } catch (_notJson) {
    // A proxy's HTML error page, or nothing: the status alone decides.
  }
  const problem = ProblemSchema.safeParse(body);
  const detail = problem.success ? (problem.data.detail ?? problem.data.title) : undefined;

  return new AdapterError(
    problem.success && problem.data.kind !== undefined ? problem.data.kind : fallbackKind,
    detail ?? `${what} failed with HTTP ${response.status}`,
    {
      ...(problem.success && problem.data.retryable !== undefined
        ? { retryable: problem.data.retryable }
        : {}),
      ...(problem.success && problem.data.problems !== undefined
        ? { problems: problem.data.problems }
        : {}),
    },
  );
}

/** The HTTP adapters, with the connection list a host's own pages show. */
export interface HttpAdapters extends WizardAdapters {
  /** The connections the signed-in user may read (`GET /connections`), oldest first. */
  listConnections(options: AdapterCallOptions): Promise<Connection[]>;
}

const ConnectionsSchema = z.array(ConnectionSchema);

/**
 * The wizard's adapters over the REST contract of `packages/sdk/openapi.yaml`, for a host whose
 * backend holds the AWS credentials and the connection records (such as one mounting
 * `createConnectionHandlers`).
 */
export function createHttpAdapters(options: HttpAdaptersOptions): HttpAdapters {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  /** One request; resolves with the response when it is 2xx, rejects with an AdapterError. */
  const request = async (call: Call, what: string, { signal }: AdapterCallOptions) => {
    let response: Response;
    try {
      response = await fetchImpl(joinUrl(options.baseUrl, call.path, call.query), {
        method: call.method ?? 'GET',
        credentials: options.credentials ?? 'same-origin',
        headers: {
          accept: 'application/json',
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
          ...call.headers,
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (isAdapterError(error)) throw error;
      throw new AdapterError('unavailable', `${what}: the backend could not be reached`, {
        cause: error,
      });
    }
    if (!response.ok) throw await toAdapterError(response, what);
    return response;
  };

  const getJson = async <T>(
    schema: z.ZodMiniType<T>,
    call: Call,
    what: string,
    callOptions: AdapterCallOptions,
  ): Promise<T> => {
    const response = await request(call, what, callOptions);
    return parseAnswer(schema, await readJson(response, what), what);
  };

  const serverDrafts: DraftStore = {
    load: async (call) => {
      const response = await request({ path: CONTRACT_PATHS.draft }, 'Loading the draft', call);
      if (response.status === 204) return null;
      return parseAnswer(DraftSchema, await readJson(response, 'The draft'), 'The draft');
    },
    save: async (draft, call) => {
      await request(
        { method: 'PUT', path: CONTRACT_PATHS.draft, body: draft },
        'Saving the draft',
        call,
      );
    },
    clear: async (call) => {
      await request({ method: 'DELETE', path: CONTRACT_PATHS.draft }, 'Clearing the draft', call);
    },
  };

  return {
    aws: {
      listManagementAccounts: (call) =>
        getJson(
          z.array(ManagementAccountSchema),
          { path: CONTRACT_PATHS.managementAccounts },
          'The list of management accounts',
          call,
        ),
      getOrganization: async ({ managementAccountId }, call) => {
        const what = `The organisation of ${managementAccountId}`;
        const response = await request(
          { path: CONTRACT_PATHS.organization(managementAccountId) },
          what,
          call,
        );
        return parseOrganization(OrganizationSchema, await readJson(response, what), what);
      },
      getDeploymentPrerequisites: ({ managementAccountId }, call) =>
        getJson(
          DeploymentPrerequisitesSchema,
          { path: CONTRACT_PATHS.deploymentPrerequisites(managementAccountId) },
          `The deployment prerequisites of ${managementAccountId}`,
          call,
        ),
      getDeploymentSettings: ({ managementAccountId }, call) =>
        getJson(
          DeploymentSettingsSchema,
          { path: CONTRACT_PATHS.deploymentSettings(managementAccountId) },
          `The deployment settings of ${managementAccountId}`,
          call,
        ),
      listManagedPolicies: (call) =>
        getJson(
          z.array(ManagedPolicySchema),
          { path: CONTRACT_PATHS.managedPolicies },
          'The list of managed policies',
          call,
        ),
      getDeploymentStatus: ({ managementAccountId, ...check }, call) =>
        getJson(
          DeploymentStatusSchema,
          {
            method: 'POST',
            path: CONTRACT_PATHS.deploymentStatus(managementAccountId),
            body: check,
          },
          'The deployment status',
          call,
        ),
    },
    connections: {
      isNameAvailable: async ({ name }, call) => {
        const answer = await getJson(
          NameAvailabilitySchema,
          { path: CONTRACT_PATHS.nameAvailability, query: { name } },
          'The name check',
          call,
        );
        return answer.available;
      },
      createConnection: ({ request: connectionRequest, idempotencyKey }, call) =>
        getJson(
          ConnectionSchema,
          {
            method: 'POST',
            path: CONTRACT_PATHS.connections,
            body: connectionRequest,
            headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
          },
          'The created connection',
          call,
        ),
      getConnection: ({ connectionId }, call) =>
        getJson(
          ConnectionSchema,
          { path: CONTRACT_PATHS.connection(connectionId) },
          `The connection ${connectionId}`,
          call,
        ),
    },
    directory: {
      getCurrentUser: (call) =>
        getJson(CurrentUserSchema, { path: CONTRACT_PATHS.currentUser }, 'The current user', call),
      searchUsers: ({ query }, call) =>
        getJson(
          z.array(DirectoryUserSchema),
          { path: CONTRACT_PATHS.users, query: { query } },
          'The user search',
          call,
        ),
    },
    drafts: options.drafts ?? serverDrafts,
    listConnections: (call) =>
      getJson(ConnectionsSchema, { path: CONTRACT_PATHS.connections }, 'The connections', call),
  };
}
