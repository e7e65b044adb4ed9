/**
 * The REST contract's server side (`packages/sdk/openapi.yaml`) as one function from a standard
 * `Request` to a `Response`, so any Node framework can mount it: hono, Next.js route handlers,
 * or Express through an adapter. Errors are RFC 9457 problem details carrying the
 * `AdapterError` kind, which the sdk's HTTP adapter turns back into the same kind.
 */
import { createHash, randomUUID } from 'node:crypto';

import * as z from 'zod/mini';

import {
  ConnectionSchema,
  DEFAULT_ACCESS_LEVELS,
  DraftSchema,
  ROLE_NAME_PREFIX,
  validateAccess,
  validateDetails,
} from '@aws-connection-wizard/core';
import type { Connection, ConnectionStatus, DirectoryUser } from '@aws-connection-wizard/core';

import type { AwsAdapter } from '../adapters';
import type { AdapterError } from '../errors';
import { isAdapterError } from '../errors';
import { IDEMPOTENCY_KEY_HEADER, PROBLEM_CONTENT_TYPE, STATUS_BY_KIND } from '../http/contract';
import type { ConnectionRole } from '../http/contract';
import { DEFAULT_ACCESS_RULES, canAccessConnection, canCreateConnection } from './authorization';
import type { AccessRules, Caller } from './authorization';
import type { ConnectionStore } from './storage/store';

export interface ConnectionHandlersOptions {
  /** Where the handlers are mounted, e.g. `/api/aws-connections`. @default '' */
  basePath?: string;
  /** Organisations and deployment status: `createAwsSdkAdapter(...)` or any `AwsAdapter`. */
  aws: AwsAdapter;
  store: ConnectionStore;
  /** The signed-in user of a request, from the host's session or token; `null` for anonymous. */
  getCaller: (request: Request) => Caller | null | Promise<Caller | null>;
  /** Platform users the creator can give access to. */
  searchUsers: (query: string, caller: Caller) => DirectoryUser[] | Promise<DirectoryUser[]>;
  /** Which access levels may read and use a connection. @default DEFAULT_ACCESS_RULES */
  accessRules?: AccessRules;
  /** The access levels a connection's list may use. @default ['owner', 'editor', 'user'] */
  accessLevels?: readonly string[];
  /**
   * The status a new connection is stored with. `pending` suits a host whose provisioning
   * later calls `store.setConnectionStatus`.
   * @default 'active'
   */
  newConnectionStatus?: ConnectionStatus;
  /** Told about unexpected errors (answered as 500) so the host can log them. */
  onError?: (error: unknown, request: Request) => void;
}

const ConnectionRequestSchema = z.omit(ConnectionSchema, { id: true, status: true, enabled: true });

const DeploymentCheckSchema = z.object({
  stackSetNames: z.array(z.string()),
  region: z.string(),
  roleName: z.string(),
  accountIds: z.array(z.string()),
});

/** A refusal with its HTTP status; `kind` is what the HTTP adapter will raise. */
class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly kind?: AdapterError['kind'],
  ) {
    super(detail);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

function problem(status: number, detail: string, kind?: string, retryable?: boolean): Response {
  const body = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(kind === undefined ? {} : { kind }),
    ...(retryable === undefined ? {} : { retryable }),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': PROBLEM_CONTENT_TYPE,
      'cache-control': 'no-store',
      ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}),
    },
  });
}

async function readBody<T>(request: Request, schema: z.ZodMiniType<T>, what: string): Promise<T> {
  let value: unknown;
  try {
    value = await request.json();
  } catch (_notJson) {
    throw new HttpProblem(400, `${what} must be JSON`);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const paths = result.error.issues.map((issue) => issue.path.join('.') || '(body)');
    throw new HttpProblem(400, `${what} is not valid at: ${[...new Set(paths)].join(', ')}`);
  }
  return result.data;
}

/** The connection-name, description and access-list rules the wizard applies, applied again. */
function checkConnectionRequest(
  request: z.infer<typeof ConnectionRequestSchema>,
  caller: Caller,
  levels: readonly string[],
): void {
  const roleName = request.awsConfig.roleName;
  const fieldErrors = {
    ...validateDetails({
      connectionName: request.name,
      roleNameSuffix: roleName.startsWith(ROLE_NAME_PREFIX)
        ? roleName.slice(ROLE_NAME_PREFIX.length)
        : '',
      roleNameEdited: true,
      description: request.description,
    }),
    ...validateAccess(
      request.collaborators.map((entry) => ({ email: entry.email, level: entry.role })),
      { levels, creatorEmail: caller.email },
    ),
  };
  const fields = Object.entries(fieldErrors).map(([field, issue]) => `${field} (${issue.code})`);
  if (fields.length > 0) {
    throw new HttpProblem(422, `The connection is not valid: ${fields.join(', ')}`);
  }
}

function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

type Route = (request: Request, caller: Caller, params: string[]) => Promise<Response>;

export function createConnectionHandlers(
  options: ConnectionHandlersOptions,
): (request: Request) => Promise<Response> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const rules = options.accessRules ?? DEFAULT_ACCESS_RULES;
  const levels = options.accessLevels ?? DEFAULT_ACCESS_LEVELS;
  const { aws, store } = options;

  const requireCreator = (caller: Caller) => {
    if (!canCreateConnection(caller)) {
      throw new HttpProblem(
        403,
        'Only a CloudFlow Owner or CloudFlow Editor may create connections',
        'forbidden',
      );
    }
  };

  /** A connection the caller may act on; not on its list, they learn nothing, not even that it exists. */
  const connectionFor = async (caller: Caller, connectionId: string, action: 'read' | 'use') => {
    const connection = await store.getConnection(connectionId);
    const hidden = new HttpProblem(404, `No connection has the id ${connectionId}`, 'notFound');
    if (connection === null) throw hidden;
    if (!canAccessConnection(caller, action, connection, rules)) {
      if (!canAccessConnection(caller, 'use', connection, rules)) throw hidden;
      throw new HttpProblem(
        403,
        `Your access level does not allow to ${action} this connection`,
        'forbidden',
      );
    }
    return connection;
  };

  const signalOf = (request: Request) => ({ signal: request.signal });

  const routes: { method: string; pattern: RegExp; handle: Route }[] = [
    { method: 'GET', pattern: /^\/me$/, handle: async (_request, caller) => json(caller) },
    {
      method: 'GET',
      pattern: /^\/users$/,
      handle: async (request, caller) => {
        requireCreator(caller);
        const query = new URL(request.url).searchParams.get('query') ?? '';
        return json(await options.searchUsers(query, caller));
      },
    },
    {
      method: 'GET',
      pattern: /^\/management-accounts$/,
      handle: async (request, caller) => {
        requireCreator(caller);
        return json(await aws.listManagementAccounts(signalOf(request)));
      },
    },
    {
      method: 'GET',
      pattern: /^\/management-accounts\/([^/]+)\/organization$/,
      handle: async (request, caller, [managementAccountId = '']) => {
        requireCreator(caller);
        return json(await aws.getOrganization({ managementAccountId }, signalOf(request)));
      },
    },
    {
      method: 'GET',
      pattern: /^\/management-accounts\/([^/]+)\/deployment-settings$/,
      handle: async (request, caller, [managementAccountId = '']) => {
        requireCreator(caller);
        return json(await aws.getDeploymentSettings({ managementAccountId }, signalOf(request)));
      },
    },
    {
      method: 'POST',
      pattern: /^\/management-accounts\/([^/]+)\/deployment-status$/,
      handle: async (request, caller, [managementAccountId = '']) => {
        requireCreator(caller);
        const check = await readBody(request, DeploymentCheckSchema, 'The deployment check');
        return json(
          await aws.getDeploymentStatus({ managementAccountId, ...check }, signalOf(request)),
        );
      },
    },
    {
      method: 'GET',
      pattern: /^\/managed-policies$/,
      handle: async (request, caller) => {
        requireCreator(caller);
        // An empty list lets the wizard offer its built-in managed policies.
        return json((await aws.listManagedPolicies?.(signalOf(request))) ?? []);
      },
    },
    {
      method: 'GET',
      pattern: /^\/connection-names\/availability$/,
      handle: async (request, caller) => {
        requireCreator(caller);
        const name = new URL(request.url).searchParams.get('name');
        if (name === null) throw new HttpProblem(400, 'The query parameter "name" is missing');
        return json({ available: await store.isNameAvailable(name) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/connections$/,
      handle: async (_request, caller) => {
        const all = await store.listConnections();
        return json(
          all.filter((connection) => canAccessConnection(caller, 'read', connection, rules)),
        );
      },
    },
    {
      method: 'POST',
      pattern: /^\/connections$/,
      handle: async (request, caller) => {
        requireCreator(caller);
        const idempotencyKey = request.headers.get(IDEMPOTENCY_KEY_HEADER)?.trim() ?? '';
        if (idempotencyKey === '' || idempotencyKey.length > 255) {
          throw new HttpProblem(
            400,
            `The ${IDEMPOTENCY_KEY_HEADER} header must hold 1-255 characters`,
          );
        }
        const body = await readBody(request, ConnectionRequestSchema, 'The connection');
        checkConnectionRequest(body, caller, levels);
        const connection: Connection = {
          ...body,
          name: body.name.trim(),
          id: randomUUID(),
          enabled: true,
          status: options.newConnectionStatus ?? 'active',
        };
        const result = await store.insertConnection({
          connection,
          createdBy: caller.email,
          idempotencyKey,
          fingerprint: fingerprintOf(body),
        });
        switch (result.outcome) {
          case 'created':
            return json(result.connection, 201);
          case 'replayed':
            return json(result.connection, 200);
          case 'nameTaken':
            throw new HttpProblem(
              409,
              `A connection named "${connection.name}" already exists`,
              'conflict',
            );
          case 'keyReused':
            throw new HttpProblem(
              422,
              `The ${IDEMPOTENCY_KEY_HEADER} was already used for a different connection`,
            );
        }
      },
    },
    {
      method: 'GET',
      pattern: /^\/connections\/([^/]+)$/,
      handle: async (_request, caller, [connectionId = '']) =>
        json(await connectionFor(caller, connectionId, 'read')),
    },
    {
      method: 'GET',
      pattern: /^\/connections\/([^/]+)\/role$/,
      handle: async (_request, caller, [connectionId = '']) => {
        const connection = await connectionFor(caller, connectionId, 'use');
        const role: ConnectionRole = {
          connectionId: connection.id,
          managementAccount: connection.awsConfig.managementAccount,
          roleName: connection.awsConfig.roleName,
          region: connection.awsConfig.region,
          accountIds: connection.awsConfig.resolvedAccountIds,
        };
        return json(role);
      },
    },
    {
      method: 'GET',
      pattern: /^\/draft$/,
      handle: async (_request, caller) => {
        const draft = await store.loadDraft(caller.email);
        return draft === null ? new Response(null, { status: 204 }) : json(draft);
      },
    },
    {
      method: 'PUT',
      pattern: /^\/draft$/,
      handle: async (request, caller) => {
        await store.saveDraft(caller.email, await readBody(request, DraftSchema, 'The draft'));
        return new Response(null, { status: 204 });
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/draft$/,
      handle: async (_request, caller) => {
        await store.clearDraft(caller.email);
        return new Response(null, { status: 204 });
      },
    },
  ];

  return async (request) => {
    const pathname = new URL(request.url).pathname;
    if (basePath !== '' && pathname !== basePath && !pathname.startsWith(`${basePath}/`)) {
      return problem(404, `${pathname} is not part of this API`);
    }
    const path = pathname.slice(basePath.length) || '/';
    const matching = routes
      .map((route) => ({ route, match: route.pattern.exec(path) }))
      .filter((candidate) => candidate.match !== null);
    if (matching.length === 0) return problem(404, `${path} is not part of this API`);
    const found = matching.find(({ route }) => route.method === request.method);
    if (found === undefined) {
      const allowed = matching.map(({ route }) => route.method).join(', ');
      const response = problem(405, `${request.method} is not allowed on ${path}`);
      response.headers.set('allow', allowed);
      return response;
    }

    try {
      const caller = await options.getCaller(request);
      if (caller === null) return problem(401, 'Sign in to use this API', 'forbidden');
      const params = (found.match?.slice(1) ?? []).map((part) => decodeURIComponent(part));
      return await found.route.handle(request, caller, params);
    } catch (error) {
      if (error instanceof HttpProblem) return problem(error.status, error.detail, error.kind);
      if (isAdapterError(error)) {
        return problem(STATUS_BY_KIND[error.kind], error.message, error.kind, error.retryable);
      }
      options.onError?.(error, request);
      return problem(500, 'The server failed to answer', 'unavailable');
    }
  };
}
