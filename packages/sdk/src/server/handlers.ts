/**
 * The REST contract's server side (`packages/sdk/openapi.yaml`) as one function from a standard
 * `Request` to a `Response`, so any Node framework can mount it: hono, Next.js route handlers,
 * or Express through an adapter. Errors are RFC 9457 problem details carrying the
 * `AdapterError` kind, which the sdk's HTTP adapter turns back into the same kind, and, when
 * the request is refused for what it holds, the problems at its fields.
 */
import { createHash, randomUUID } from 'node:crypto';

import * as z from 'zod/mini';

import {
  ConnectionSchema,
  DEFAULT_ACCESS_LEVELS,
  DEFAULT_MANAGED_POLICY_QUOTA,
  DraftSchema,
} from '@aws-connection-wizard/core';
import type {
  Connection,
  ConnectionStatus,
  DirectoryUser,
  FieldProblem,
} from '@aws-connection-wizard/core';

import type { AdapterCallOptions, AwsAdapter } from '../adapters';
import type { AdapterErrorKind } from '../errors';
import { isAdapterError } from '../errors';
import { IDEMPOTENCY_KEY_HEADER, PROBLEM_CONTENT_TYPE, STATUS_BY_KIND } from '../http/contract';
import type { ConnectionRole } from '../http/contract';
import { DEFAULT_ACCESS_RULES, canAccessConnection, canCreateConnection } from './authorization';
import type { AccessRules, Caller } from './authorization';
import { checkConnection } from './checkConnection';
import type { ConnectionStore } from './storage/store';

/** The largest request body the handlers read, in bytes, unless told otherwise: 256 KiB. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export interface ConnectionHandlersOptions {
  /** Where the handlers are mounted, e.g. `/api/aws-connections`. @default '' */
  basePath?: string;
  /** Organisations and deployment status: `createAwsSdkAdapter(...)` or any `AwsAdapter`. */
  aws: AwsAdapter;
  /** Where connections, drafts and idempotency keys are kept: `createSqliteConnectionStore`. */
  store: ConnectionStore;
  /**
   * The signed-in user of a request, from the host's session or token; `null` for anonymous.
   * Its `tenantId` names the platform organisation the user acts for. Receives the request's
   * signal, aborted when the client goes away.
   */
  getCaller: (
    request: Request,
    options: AdapterCallOptions,
  ) => Caller | null | Promise<Caller | null>;
  /** Platform users the creator can give access to; receives the request's signal. */
  searchUsers: (
    query: string,
    caller: Caller,
    options: AdapterCallOptions,
  ) => DirectoryUser[] | Promise<DirectoryUser[]>;
  /** Which access levels may read and use a connection. @default DEFAULT_ACCESS_RULES */
  accessRules?: AccessRules;
  /** The access levels a connection's list may use. @default ['owner', 'editor', 'user'] */
  accessLevels?: readonly string[];
  /**
   * IAM's quota of managed policies per role in the customers' accounts, checked on create.
   * @default 10
   */
  managedPolicyQuota?: number;
  /**
   * The status a new connection is stored with. `pending` suits a host whose provisioning
   * later calls `store.setConnectionStatus`.
   * @default 'active'
   */
  newConnectionStatus?: ConnectionStatus;
  /** The largest request body accepted, in bytes; larger ones get 413. @default 262144 */
  maxBodyBytes?: number;
  /**
   * Told about unexpected errors (answered as 500) so the host can log them; the handlers
   * themselves log nothing.
   */
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
    readonly kind?: AdapterErrorKind,
    readonly problems?: readonly FieldProblem[],
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
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
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

function problem(
  status: number,
  detail: string,
  extensions: { kind?: string; retryable?: boolean; problems?: readonly FieldProblem[] } = {},
): Response {
  const body = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(extensions.kind === undefined ? {} : { kind: extensions.kind }),
    ...(extensions.retryable === undefined ? {} : { retryable: extensions.retryable }),
    ...(extensions.problems === undefined || extensions.problems.length === 0
      ? {}
      : { problems: extensions.problems }),
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

/**
 * Whether a `Content-Type` is JSON: `application/json` or a `+json` type (RFC 6839), with no
 * charset or UTF-8, the only encoding JSON has between systems (RFC 8259 §8.1).
 */
function isJson(contentType: string | null): boolean {
  if (contentType === null) return false;
  const [essence = '', ...parameters] = contentType.split(';').map((part) => part.trim());
  const type = essence.toLowerCase();
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return false;
  return parameters.every((parameter) => {
    const [name = '', value = ''] = parameter.split('=').map((part) => part.trim().toLowerCase());
    return name !== 'charset' || value.replace(/"/g, '') === 'utf-8';
  });
}

/** The body as text, refusing with 413 as soon as it grows past `maxBytes`. */
async function readCappedText(request: Request, maxBytes: number, what: string): Promise<string> {
  const tooLarge = () =>
    new HttpProblem(413, `${what} is larger than the ${maxBytes} bytes this server accepts`);
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (request.body === null) return '';

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (_notUtf8) {
    throw new HttpProblem(400, `${what} is not UTF-8`);
  }
}

async function readBody<T>(
  request: Request,
  schema: z.ZodMiniType<T>,
  what: string,
  maxBytes: number,
): Promise<T> {
  if (!isJson(request.headers.get('content-type'))) {
    throw new HttpProblem(415, `${what} must be sent as application/json`);
  }
  const text = await readCappedText(request, maxBytes, what);
  let value: unknown;
  try {
    value = JSON.parse(text);
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

/**
 * What identifies a create request for its idempotency key. The resolved accounts are left
 * out: the server works them out itself from the organisation, and a wizard reloaded after a
 * change in the organisation sends other ones for the same connection.
 */
function fingerprintOf(request: z.infer<typeof ConnectionRequestSchema>): string {
  const { resolvedAccountIds: _decidedByTheServer, ...awsConfig } = request.awsConfig;
  return createHash('sha256')
    .update(JSON.stringify({ ...request, awsConfig }))
    .digest('hex');
}

/** Splits a route's path parameters; `null` when one is not valid percent-encoding. */
function decodeParams(parts: readonly string[]): string[] | null {
  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch (_malformed) {
    return null;
  }
}

type Route = (request: Request, caller: Caller, params: string[]) => Promise<Response>;

/**
 * The REST contract's request handler: authorisation by `getCaller`, AWS through `aws`,
 * records in `store`. Every create is judged again on the server (`checkConnection`), names
 * are unique per tenant and role names per management account, and a repeated create with
 * the same `Idempotency-Key` returns the first result.
 */
export function createConnectionHandlers(
  options: ConnectionHandlersOptions,
): (request: Request) => Promise<Response> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const rules = options.accessRules ?? DEFAULT_ACCESS_RULES;
  const levels = options.accessLevels ?? DEFAULT_ACCESS_LEVELS;
  const managedPolicyQuota = options.managedPolicyQuota ?? DEFAULT_MANAGED_POLICY_QUOTA;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { aws, store } = options;
  const tenantOf = (caller: Caller) => caller.tenantId ?? '';

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
    const connection = await store.getConnection(tenantOf(caller), connectionId);
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

  const createConnection: Route = async (request, caller) => {
    requireCreator(caller);
    const idempotencyKey = request.headers.get(IDEMPOTENCY_KEY_HEADER)?.trim() ?? '';
    if (idempotencyKey === '' || idempotencyKey.length > 255) {
      throw new HttpProblem(400, `The ${IDEMPOTENCY_KEY_HEADER} header must hold 1-255 characters`);
    }
    const body = await readBody(request, ConnectionRequestSchema, 'The connection', maxBodyBytes);
    const check = await checkConnection(body, {
      aws,
      creatorEmail: caller.email,
      accessLevels: levels,
      managedPolicyQuota,
      signal: request.signal,
    });
    if (check.problems.length > 0) {
      const fields = [...new Set(check.problems.map((found) => found.field))];
      throw new HttpProblem(
        422,
        `The connection is not valid at: ${fields.join(', ')}`,
        'conflict',
        check.problems,
      );
    }
    const connection: Connection = {
      ...check.request,
      name: body.name.trim(),
      id: randomUUID(),
      enabled: true,
      status: options.newConnectionStatus ?? 'active',
    };
    const result = await store.insertConnection({
      tenantId: tenantOf(caller),
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
      case 'taken': {
        const problems: FieldProblem[] = [
          ...(result.name
            ? [{ field: 'details.connectionName', code: 'connectionName.taken' }]
            : []),
          ...(result.roleName
            ? [
                {
                  field: 'details.roleName',
                  code: 'roleName.taken',
                  params: { roleName: connection.awsConfig.roleName },
                },
              ]
            : []),
        ];
        const taken = [
          ...(result.name ? [`a connection named "${connection.name}"`] : []),
          ...(result.roleName
            ? [`a connection with the role ${connection.awsConfig.roleName} in this account`]
            : []),
        ];
        throw new HttpProblem(409, `There already is ${taken.join(' and ')}`, 'conflict', problems);
      }
      case 'keyReused':
        // 422, as the IETF Idempotency-Key header draft asks for a key reused with another body.
        throw new HttpProblem(
          422,
          `The ${IDEMPOTENCY_KEY_HEADER} was already used for a different connection`,
          'conflict',
          [{ field: 'idempotencyKey', code: 'idempotencyKey.reused' }],
        );
    }
  };

  const routes: { method: string; pattern: RegExp; handle: Route }[] = [
    {
      method: 'GET',
      pattern: /^\/me$/,
      handle: async (_request, caller) => json(publicUser(caller)),
    },
    {
      method: 'GET',
      pattern: /^\/users$/,
      handle: async (request, caller) => {
        requireCreator(caller);
        const query = new URL(request.url).searchParams.get('query') ?? '';
        return json(await options.searchUsers(query, caller, signalOf(request)));
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
      method: 'GET',
      pattern: /^\/management-accounts\/([^/]+)\/deployment-prerequisites$/,
      handle: async (request, caller, [managementAccountId = '']) => {
        requireCreator(caller);
        // An adapter without the method knows nothing: the wizard then shows no notice.
        return json(
          (await aws.getDeploymentPrerequisites?.({ managementAccountId }, signalOf(request))) ?? {
            trustedAccess: 'unknown',
            featureSet: 'unknown',
          },
        );
      },
    },
    {
      method: 'POST',
      pattern: /^\/management-accounts\/([^/]+)\/deployment-status$/,
      handle: async (request, caller, [managementAccountId = '']) => {
        requireCreator(caller);
        const check = await readBody(
          request,
          DeploymentCheckSchema,
          'The deployment check',
          maxBodyBytes,
        );
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
        return json({ available: await store.isNameAvailable(tenantOf(caller), name) });
      },
    },
    {
      method: 'GET',
      pattern: /^\/connections$/,
      handle: async (_request, caller) => {
        const all = await store.listConnections(tenantOf(caller));
        return json(
          all.filter((connection) => canAccessConnection(caller, 'read', connection, rules)),
        );
      },
    },
    { method: 'POST', pattern: /^\/connections$/, handle: createConnection },
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
        const draft = await store.loadDraft(tenantOf(caller), caller.email);
        return draft === null ? new Response(null, { status: 204 }) : json(draft);
      },
    },
    {
      method: 'PUT',
      pattern: /^\/draft$/,
      handle: async (request, caller) => {
        const draft = await readBody(request, DraftSchema, 'The draft', maxBodyBytes);
        await store.saveDraft(tenantOf(caller), caller.email, draft);
        return new Response(null, { status: 204 });
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/draft$/,
      handle: async (_request, caller) => {
        await store.clearDraft(tenantOf(caller), caller.email);
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
    // A path parameter that is not valid percent-encoding names nothing: a client error,
    // never one worth retrying.
    const params = decodeParams(found.match?.slice(1) ?? []);
    if (params === null) return problem(400, 'The path is not valid percent-encoding');

    try {
      const caller = await options.getCaller(request, signalOf(request));
      if (caller === null) return problem(401, 'Sign in to use this API', { kind: 'forbidden' });
      return await found.route.handle(request, caller, params);
    } catch (error) {
      if (error instanceof HttpProblem) {
        return problem(error.status, error.detail, {
          kind: error.kind,
          retryable: error.kind === undefined ? undefined : false,
          problems: error.problems,
        });
      }
      if (isAdapterError(error)) {
        return problem(STATUS_BY_KIND[error.kind], error.message, {
          kind: error.kind,
          retryable: error.retryable,
          problems: error.problems,
        });
      }
      // The client went away: nobody reads the answer, and it is no failure to report.
      if (request.signal.aborted)
        return problem(503, 'The request was aborted', { kind: 'unavailable' });
      options.onError?.(error, request);
      return problem(500, 'The server failed to answer', { kind: 'unavailable', retryable: true });
    }
  };
}

/** The caller as `GET /me` shows them: the wizard's current user, without the tenant. */
function publicUser(caller: Caller) {
  return { email: caller.email, name: caller.name, permissions: caller.permissions };
}
