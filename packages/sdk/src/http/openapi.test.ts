/**
 * The OpenAPI document and the handlers describe one contract: the document is valid OpenAPI
 * 3.1 (judged by openapi-spec-validator), it lists exactly the operations the handlers serve
 * and the client calls, every status an operation can answer with, the query parameters the
 * handlers read, and the same fields as the zod schemas the client validates answers with.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as z from 'zod/mini';

import {
  ConnectionRequestSchema,
  CurrentUserSchema,
  DRAFT_SCHEMA_VERSION,
  DeploymentPrerequisitesSchema,
  DeploymentSettingsSchema,
  DeploymentStatusSchema,
  DirectoryUserSchema,
  DraftSchema,
  FieldProblemSchema,
  ManagedPolicySchema,
  ManagementAccountSchema,
  OrganizationSchema,
  createInitialContext,
} from '@aws-connection-wizard/core';
import type { ConnectionRequest } from '@aws-connection-wizard/core';

import type { AwsAdapter } from '../adapters';
import { ADAPTER_ERROR_KINDS, AdapterError } from '../errors';
import { createInMemoryAdapters } from '../memory/inMemoryAdapters';
import { NORTHWIND_MANAGEMENT_ACCOUNT_ID } from '../samples/northwind';
import type { Caller } from '../server/authorization';
import { createConnectionHandlers } from '../server/handlers';
import type { ConnectionStore } from '../server/storage/store';
import { createSqliteConnectionStore } from '../server/storage/sqliteStore';
import { CONTRACT_PATHS, ProblemSchema } from './contract';

const documentPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../openapi.yaml',
);

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  $ref?: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}
type JsonSchema = Record<string, unknown>;
interface OpenApiDocument {
  paths: Record<string, Record<string, unknown> & { parameters?: Parameter[] }>;
  components: { parameters: Record<string, Parameter>; schemas: Record<string, JsonSchema> };
}

function loadDocument(): OpenApiDocument {
  const toJson = spawnSync(
    'python3',
    [
      '-c',
      'import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))',
      documentPath,
    ],
    { encoding: 'utf8' },
  );
  expect(toJson.stderr).toBe('');
  return JSON.parse(toJson.stdout) as OpenApiDocument;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function operationsOf(document: OpenApiDocument) {
  const resolve = (parameter: Parameter): Parameter =>
    parameter.$ref === undefined
      ? parameter
      : document.components.parameters[parameter.$ref.split('/').pop() ?? '']!;
  return Object.entries(document.paths).flatMap(([template, item]) =>
    METHODS.filter((method) => method in item).map((method) => {
      const operation = item[method] as Operation;
      return {
        method,
        template,
        operation,
        parameters: [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolve),
      };
    }),
  );
}

describe('given the OpenAPI document of the REST contract', () => {
  const document = loadDocument();

  it('should be valid OpenAPI 3.1', () => {
    const run = spawnSync('openapi-spec-validator', [documentPath], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toContain('OK');
    expect(run.status).toBe(0);
  });

  it('should list exactly the operations the handlers serve on the paths the client calls', async () => {
    const store = createSqliteConnectionStore({ filename: ':memory:' });
    const handle = createConnectionHandlers({
      basePath: '/api',
      aws: createInMemoryAdapters({ latencyMs: 0, managedPolicies: [] }).aws,
      store,
      getCaller: () => null,
      searchUsers: () => [],
    });
    const concrete = (value: string | ((id: string) => string)) =>
      typeof value === 'string' ? value : value('123456789012');

    // Anonymous, every operation is refused with 401 and every other method with 405.
    const served: string[] = [];
    for (const clientPath of Object.values(CONTRACT_PATHS).map(concrete)) {
      for (const method of METHODS) {
        const response = await handle(
          new Request(`http://host.test/api${clientPath}`, { method: method.toUpperCase() }),
        );
        expect([method, clientPath, [401, 405]]).toEqual([
          method,
          clientPath,
          expect.arrayContaining([response.status]),
        ]);
        if (response.status === 401) served.push(`${method} ${clientPath}`);
      }
    }
    const documented = operationsOf(document).map(
      ({ method, template }) => `${method} ${template.replace(/\{[^}]+\}/g, '123456789012')}`,
    );

    expect(documented.sort()).toEqual(served.sort());
    expect((await handle(new Request('http://host.test/api/accounts'))).status).toBe(404);
    store.close();
  });

  describe('when every operation is called in every way the handlers answer differently', () => {
    const owner: Caller = {
      email: 'amelia@example.com',
      name: 'Amelia',
      permissions: ['cloudflow.owner'],
    };
    const withoutPermissions: Caller = { ...owner, permissions: [] };
    const AWS_KINDS = ADAPTER_ERROR_KINDS.filter((kind) => kind !== 'conflict');

    function failing<T extends object>(target: T, error: () => Error): T {
      return new Proxy(target, {
        get: (object, property) => {
          const value = Reflect.get(object, property) as unknown;
          return typeof value === 'function' && property !== 'close'
            ? () => Promise.reject(error())
            : value;
        },
      });
    }

    const connectionRequest = (name: string, accountId = NORTHWIND_MANAGEMENT_ACCOUNT_ID) =>
      ({
        name,
        description: '',
        collaborators: [{ email: owner.email, role: 'owner' }],
        awsConfig: {
          managementAccount: accountId,
          roleName: '',
          organizationRootId: '',
          region: '',
          usesExistingPermissions: true,
          scopeTargetedOrganizationalUnitIds: [],
          scopeExplicitAccountIds: [],
          scopeExcludedAccountIds: [],
          scopeManagementAccountExplicitInScope: false,
          resolvedAccountIds: [],
          managedPolicyArns: [],
          allowedActions: [],
        },
      }) satisfies ConnectionRequest;

    const BODIES: Record<string, unknown[]> = {
      'post /management-accounts/{managementAccountId}/deployment-status': [
        {
          stackSetNames: ['doit-cloudflow-x'],
          region: 'us-east-1',
          roleName: 'doit-cloudflow-x',
          accountIds: ['282184450280'],
        },
      ],
      // Created, replayed, name taken, key reused with another body, refused at a field.
      'post /connections': [
        connectionRequest('Billing'),
        connectionRequest('Billing'),
        connectionRequest('Billing'),
        connectionRequest('Billing again'),
        connectionRequest('Billing', '111122223333'),
      ],
      'put /draft': [
        {
          schemaVersion: DRAFT_SCHEMA_VERSION,
          savedAt: '2026-01-01T00:00:00.000Z',
          userEmail: owner.email,
          path: 'dedicatedRole',
          values: createInitialContext({}).values,
          openStep: 'details',
          furthestStep: 'details',
          submission: null,
        },
      ],
    };
    const KEYS = ['key-1', 'key-1', 'key-2', 'key-1', 'key-3'];

    async function statusesOf(
      operation: ReturnType<typeof operationsOf>[number],
    ): Promise<Set<number>> {
      const statuses = new Set<number>();
      const key = `${operation.method} ${operation.template}`;
      const pathParams = operation.parameters.filter((parameter) => parameter.in === 'path');
      const required = operation.parameters.filter(
        (parameter) => parameter.in === 'query' && parameter.required === true,
      );
      const query = operation.parameters
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => `${parameter.name}=Billing`)
        .join('&');
      const bodies = BODIES[key] ?? [undefined];

      const run = async (options: {
        caller?: Caller | null;
        aws?: AwsAdapter;
        store?: ConnectionStore;
        getCallerFails?: boolean;
        pathValue?: string;
        withQuery?: boolean;
        body?: { text: string; type: string };
        bodies?: unknown[];
      }) => {
        const store = createSqliteConnectionStore({ filename: ':memory:' });
        const handle = createConnectionHandlers({
          basePath: '/api',
          aws: options.aws ?? createInMemoryAdapters({ latencyMs: 0, managedPolicies: [] }).aws,
          store: options.store ?? store,
          getCaller: () => {
            if (options.getCallerFails) throw new Error('session store down');
            return options.caller === undefined ? owner : options.caller;
          },
          searchUsers: () => [],
          maxBodyBytes: 64 * 1024,
        });
        const concrete = operation.template.replace(
          /\{[^}]+\}/g,
          options.pathValue ?? NORTHWIND_MANAGEMENT_ACCOUNT_ID,
        );
        const url = `http://host.test/api${concrete}${options.withQuery === false || query === '' ? '' : `?${query}`}`;
        const sent = options.body
          ? [options.body]
          : (options.bodies ?? bodies).map((body) =>
              body === undefined
                ? undefined
                : { text: JSON.stringify(body), type: 'application/json' },
            );
        for (const [index, body] of sent.entries()) {
          const response = await handle(
            new Request(url, {
              method: operation.method.toUpperCase(),
              headers: {
                ...(body ? { 'content-type': body.type } : {}),
                'idempotency-key': KEYS[index] ?? 'key',
              },
              ...(body ? { body: body.text } : {}),
            }),
          );
          statuses.add(response.status);
          if (response.status >= 400) {
            // Every error is a problem the client can read a kind from.
            expect(ProblemSchema.safeParse(await response.json()).success).toBe(true);
          }
        }
        store.close();
      };

      await run({});
      await run({ caller: null });
      await run({ caller: withoutPermissions });
      await run({ getCallerFails: true });
      await run({
        store: failing(
          createSqliteConnectionStore({ filename: ':memory:' }),
          () => new Error('disk I/O error'),
        ),
      });
      for (const kind of AWS_KINDS) {
        await run({
          aws: failing(
            createInMemoryAdapters({ latencyMs: 0, managedPolicies: [] }).aws,
            () => new AdapterError(kind, kind),
          ),
        });
      }
      if (pathParams.length > 0) {
        await run({ pathValue: '123456789012' });
        await run({ pathValue: '%E0%A4%A' });
      }
      if (required.length > 0) await run({ withQuery: false });
      if (operation.operation.requestBody !== undefined) {
        await run({ body: { text: '{"not":', type: 'application/json' } });
        await run({ body: { text: '{}', type: 'application/json' } });
        await run({ body: { text: JSON.stringify(bodies[0]), type: 'text/plain' } });
        await run({ body: { text: `"${'x'.repeat(70 * 1024)}"`, type: 'application/json' } });
      }
      return statuses;
    }

    it('should document exactly the error statuses each operation answers with', async () => {
      const drift: Record<string, { documented: number[]; answered: number[] }> = {};
      for (const operation of operationsOf(document)) {
        const answered = [...(await statusesOf(operation))].sort();
        const documented = Object.keys(operation.operation.responses).map(Number).sort();
        const errors = (statuses: number[]) => statuses.filter((status) => status >= 400);
        const successesDocumented = answered
          .filter((status) => status < 400)
          .every((status) => documented.includes(status));
        if (
          !successesDocumented ||
          JSON.stringify(errors(answered)) !== JSON.stringify(errors(documented))
        ) {
          drift[`${operation.method} ${operation.template}`] = { documented, answered };
        }
      }
      expect(drift).toEqual({});
    });
  });

  it('should describe the same fields as the zod schemas the client validates with', () => {
    type Shape = string | { [key: string]: Shape } | Shape[];
    const { schemas } = document.components;

    /**
     * Property names and which are required, all the way down; a document object without
     * `properties` stands for a value the server stores as given.
     */
    function shape(schema: JsonSchema | undefined, root: 'doc' | 'zod'): Shape {
      if (schema === undefined) return 'missing';
      if (typeof schema.$ref === 'string') {
        return shape(schemas[schema.$ref.split('/').pop() ?? ''], root);
      }
      const variants = (schema.allOf ?? schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
      if (variants !== undefined) {
        const shapes = variants
          .filter((variant) => variant.type !== 'null')
          .map((variant) => shape(variant, root));
        if (schema.allOf === undefined) return shapes.length === 1 ? shapes[0]! : shapes;
        return Object.assign({}, ...shapes.map((part) => (typeof part === 'object' ? part : {})));
      }
      if (schema.type === 'array') return [shape(schema.items as JsonSchema, root)];
      if (schema.properties !== undefined) {
        const properties = schema.properties as Record<string, JsonSchema>;
        const required = new Set((schema.required as string[] | undefined) ?? []);
        return Object.fromEntries(
          Object.keys(properties)
            .sort()
            .map((name) => [
              `${name}${required.has(name) ? '' : '?'}`,
              shape(properties[name], root),
            ]),
        );
      }
      if (typeof schema.additionalProperties === 'object') return 'map';
      return schema.type === 'object' && root === 'doc' ? 'stored as given' : 'value';
    }
    const fromZod = (schema: z.ZodMiniType) =>
      shape(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema, 'zod');
    const opaque = (value: Shape): Shape =>
      // The draft's values are the wizard's business: the server stores them as given.
      typeof value === 'object' && !Array.isArray(value) && 'values' in value
        ? { ...value, values: 'stored as given' }
        : value;

    const pairs: Record<string, z.ZodMiniType> = {
      CurrentUser: CurrentUserSchema,
      DirectoryUser: DirectoryUserSchema,
      ManagementAccount: ManagementAccountSchema,
      Organization: OrganizationSchema,
      DeploymentSettings: DeploymentSettingsSchema,
      DeploymentPrerequisites: DeploymentPrerequisitesSchema,
      ManagedPolicy: ManagedPolicySchema,
      DeploymentStatus: DeploymentStatusSchema,
      ConnectionRequest: ConnectionRequestSchema,
      FieldProblem: FieldProblemSchema,
      Problem: ProblemSchema,
      Draft: DraftSchema,
    };
    const documented = Object.fromEntries(
      Object.keys(pairs).map((name) => [name, shape(schemas[name], 'doc')]),
    );
    const expected = Object.fromEntries(
      Object.entries(pairs).map(([name, schema]) => [
        name,
        name === 'Draft' ? opaque(fromZod(schema)) : fromZod(schema),
      ]),
    );

    expect(documented).toEqual(expected);
  });
});
