/**
 * The request handlers on the in-memory AWS adapter and an in-memory SQLite store: what the
 * server refuses before it reads anything (paths, bodies), what it judges again on every
 * create, and how tenants are kept apart. The same handlers against moto are in moto.test.ts.
 */
import type { ConnectionRequest, Draft } from '@aws-connection-wizard/core';
import { DRAFT_SCHEMA_VERSION, createInitialContext } from '@aws-connection-wizard/core';

import type { AdapterCallOptions } from '../adapters';
import { createInMemoryAdapters } from '../memory/inMemoryAdapters';
import { CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID } from '../samples/contosoHealth';
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID } from '../samples/northwind';
import type { Caller } from './authorization';
import { createConnectionHandlers } from './handlers';
import type { ConnectionHandlersOptions } from './handlers';
import { createSqliteConnectionStore } from './storage/sqliteStore';
import type { SqliteConnectionStore } from './storage/sqliteStore';

const BASE = 'http://console.test/api';

/** `Bearer email` or `Bearer email tenant`: who the test's host says the caller is. */
function callerOf(request: Request): Caller | null {
  const [scheme, email, tenantId] = (request.headers.get('authorization') ?? '').split(' ');
  if (scheme !== 'Bearer' || email === undefined) return null;
  return {
    email,
    name: email,
    permissions: ['cloudflow.owner'],
    ...(tenantId === undefined ? {} : { tenantId }),
  };
}

function requestNamed(
  name: string,
  owner: string,
  config: Partial<ConnectionRequest['awsConfig']> = {},
): ConnectionRequest {
  return {
    name,
    description: '',
    collaborators: [{ email: owner, role: 'owner' }],
    awsConfig: {
      managementAccount: NORTHWIND_MANAGEMENT_ACCOUNT_ID,
      roleName: 'doit-cloudflow-billing',
      organizationRootId: 'r-nw7k',
      region: 'us-east-1',
      usesExistingPermissions: false,
      scopeTargetedOrganizationalUnitIds: [],
      scopeExplicitAccountIds: ['282184450280'],
      scopeExcludedAccountIds: [],
      scopeManagementAccountExplicitInScope: false,
      resolvedAccountIds: ['282184450280'],
      managedPolicyArns: [],
      allowedActions: ['ce:GetCostAndUsage'],
      ...config,
    },
  };
}

describe('given the connection handlers', () => {
  let store: SqliteConnectionStore;
  let onError: ReturnType<typeof vi.fn<(error: unknown) => void>>;

  function handlers(options: Partial<ConnectionHandlersOptions> = {}) {
    return createConnectionHandlers({
      basePath: '/api',
      aws: createInMemoryAdapters({ latencyMs: 0 }).aws,
      store,
      getCaller: callerOf,
      searchUsers: () => [],
      onError,
      ...options,
    });
  }

  async function send(
    handle: (request: Request) => Promise<Response>,
    path: string,
    init: RequestInit & { as?: string } = {},
  ) {
    const { as = 'amelia@example.com', headers, ...rest } = init;
    const response = await handle(
      new Request(`${BASE}${path}`, {
        ...rest,
        headers: { authorization: `Bearer ${as}`, ...(headers as Record<string, string>) },
      }),
    );
    const text = await response.text();
    return {
      status: response.status,
      body: (text === '' ? null : JSON.parse(text)) as Record<string, unknown> | null,
    };
  }

  const create = (
    handle: (request: Request) => Promise<Response>,
    body: unknown,
    key: string,
    as = 'amelia@example.com',
  ) =>
    send(handle, '/connections', {
      method: 'POST',
      as,
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });

  beforeEach(() => {
    store = createSqliteConnectionStore({ filename: ':memory:' });
    onError = vi.fn<(error: unknown) => void>();
  });

  afterEach(() => {
    store.close();
  });

  describe('when a path parameter is not valid percent-encoding', () => {
    it('should answer 400 without calling the host', async () => {
      const getCaller = vi.fn(callerOf);
      const handle = handlers({ getCaller });

      const answers = [
        await send(handle, '/connections/%E0%A4%A'),
        await send(handle, '/connections/%ZZ/role'),
        await send(handle, '/management-accounts/%C3%28/organization'),
      ].map(({ status, body }) => [status, body?.title, body?.detail]);

      expect(answers).toEqual(
        Array.from({ length: 3 }, () => [
          400,
          'Bad Request',
          'The path is not valid percent-encoding',
        ]),
      );
      expect(getCaller).not.toHaveBeenCalled();
      expect(onError).not.toHaveBeenCalled();
    });
  });

  describe('when a body is larger than the server accepts', () => {
    const draftOf = (padding: string): Draft => ({
      schemaVersion: DRAFT_SCHEMA_VERSION,
      savedAt: '2026-01-01T00:00:00.000Z',
      userEmail: 'amelia@example.com',
      path: 'dedicatedRole',
      values: {
        ...createInitialContext({}).values,
        details: {
          ...createInitialContext({}).values.details,
          description: padding,
        },
      },
      openStep: 'details',
      furthestStep: 'details',
      submission: null,
    });

    it('should answer 413 whether the size is declared or only streamed', async () => {
      const handle = handlers({ maxBodyBytes: 2048 });
      const large = JSON.stringify(draftOf('x'.repeat(4096)));
      const streamed = new ReadableStream<Uint8Array>({
        start(controller) {
          // In pieces, with no Content-Length, as a chunked upload arrives.
          for (let start = 0; start < large.length; start += 512) {
            controller.enqueue(new TextEncoder().encode(large.slice(start, start + 512)));
          }
          controller.close();
        },
      });

      const declared = await send(handle, '/draft', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: large,
      });
      const chunked = await send(handle, '/draft', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: streamed,
        duplex: 'half',
      } as RequestInit);
      const small = await send(handle, '/draft', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(draftOf('fits')),
      });

      expect([declared.status, declared.body?.title]).toEqual([413, 'Content Too Large']);
      expect([chunked.status, chunked.body?.title]).toEqual([413, 'Content Too Large']);
      expect(small.status).toBe(204);
      expect((await store.loadDraft('', 'amelia@example.com'))?.values.details.description).toBe(
        'fits',
      );
    });
  });

  describe('when the client goes away', () => {
    it('should pass the request’s signal to the host’s functions and answer without a 500', async () => {
      const seen: AbortSignal[] = [];
      const client = new AbortController();
      const handle = handlers({
        getCaller: (request, options: AdapterCallOptions) => {
          seen.push(options.signal);
          return callerOf(request);
        },
        searchUsers: (_query, _caller, { signal }) =>
          new Promise((_resolve, reject) => {
            seen.push(signal);
            // A directory call that only ends when the request is aborted.
            signal.addEventListener('abort', () => reject(new Error('search cancelled')));
            client.abort();
          }),
      });

      const response = await handle(
        new Request(`${BASE}/users?query=am`, {
          headers: { authorization: 'Bearer amelia@example.com' },
          signal: client.signal,
        }),
      );

      expect(seen).toHaveLength(2);
      expect(seen.map((signal) => signal.aborted)).toEqual([true, true]);
      expect(response.status).toBe(503);
      expect(onError).not.toHaveBeenCalled();
    });
  });

  describe('when the same idempotency key comes with another body', () => {
    it('should answer 422 with the conflict kind and the key as the field', async () => {
      const handle = handlers();
      const first = await create(handle, requestNamed('Billing', 'amelia@example.com'), 'key-1');
      const other = await create(
        handle,
        requestNamed('Billing 2', 'amelia@example.com', { roleName: 'doit-cloudflow-billing-2' }),
        'key-1',
      );

      expect(first.status).toBe(201);
      expect([other.status, other.body?.kind, other.body?.retryable, other.body?.problems]).toEqual(
        [422, 'conflict', false, [{ field: 'idempotencyKey', code: 'idempotencyKey.reused' }]],
      );
    });
  });

  describe('when a create breaks a rule of the wizard', () => {
    it('should answer 422 with each problem at the wizard’s field', async () => {
      const handle = handlers();
      const invalid = await create(
        handle,
        requestNamed('Billing', 'amelia@example.com', {
          allowedActions: ['ce:GetCostAndUsage', 'not an action'],
        }),
        'invalid-policy',
      );
      const notConnected = await create(
        handle,
        requestNamed('Health', 'amelia@example.com', {
          managementAccount: CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID,
          usesExistingPermissions: true,
        }),
        'not-connected',
      );

      expect([invalid.status, invalid.body?.problems]).toEqual([
        422,
        [{ field: 'policies.allowedActions.1', code: 'action.invalid' }],
      ]);
      expect([notConnected.status, notConnected.body?.problems]).toEqual([
        422,
        [
          {
            field: 'managementAccountId',
            code: 'managementAccount.notConnected',
            params: { accountId: CONTOSO_HEALTH_MANAGEMENT_ACCOUNT_ID },
          },
        ],
      ]);
      expect(await store.listConnections('')).toEqual([]);
    });
  });

  describe('when two platform organisations share the server', () => {
    it('should keep names, connections and drafts per tenant, and role names per management account', async () => {
      const handle = handlers();
      const ameliaOfA = 'amelia@example.com tenant-a';
      const bashirOfB = 'bashir@example.com tenant-b';

      const a = await create(handle, requestNamed('Billing', 'amelia@example.com'), 'a', ameliaOfA);
      const sameNameInB = await create(
        handle,
        requestNamed('billing', 'bashir@example.com', { roleName: 'doit-cloudflow-billing-b' }),
        'b1',
        bashirOfB,
      );
      const sameRoleInB = await create(
        handle,
        requestNamed('Reports', 'bashir@example.com', { roleName: 'doit-cloudflow-BILLING' }),
        'b2',
        bashirOfB,
      );
      const sameNameInA = await create(
        handle,
        requestNamed(' BILLING ', 'amelia@example.com', { roleName: 'doit-cloudflow-other' }),
        'a2',
        ameliaOfA,
      );
      const id = (a.body as { id: string }).id;

      expect([a.status, sameNameInB.status]).toEqual([201, 201]);
      expect([sameRoleInB.status, sameRoleInB.body?.problems]).toEqual([
        409,
        [
          {
            field: 'details.roleName',
            code: 'roleName.taken',
            params: { roleName: 'doit-cloudflow-BILLING' },
          },
        ],
      ]);
      expect([sameNameInA.status, sameNameInA.body?.problems]).toEqual([
        409,
        [{ field: 'details.connectionName', code: 'connectionName.taken' }],
      ]);
      expect((await send(handle, `/connections/${id}`, { as: ameliaOfA })).status).toBe(200);
      expect((await send(handle, `/connections/${id}`, { as: bashirOfB })).status).toBe(404);
      const names = async (as: string) =>
        ((await send(handle, '/connections', { as })).body as unknown as { name: string }[]).map(
          (connection) => connection.name,
        );
      expect([await names(ameliaOfA), await names(bashirOfB)]).toEqual([['Billing'], ['billing']]);
      const availability = async (as: string) =>
        (await send(handle, '/connection-names/availability?name=Reports', { as })).body;
      expect([await availability(ameliaOfA), await availability(bashirOfB)]).toEqual([
        { available: true },
        { available: true },
      ]);
    });
  });
});
