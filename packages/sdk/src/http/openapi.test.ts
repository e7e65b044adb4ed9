/**
 * The OpenAPI document and the handlers describe one contract: the document is valid OpenAPI
 * 3.1 (judged by openapi-spec-validator), and every operation it lists is served.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createInMemoryAdapters } from '../memory/inMemoryAdapters';
import { createConnectionHandlers } from '../server/handlers';
import { createSqliteConnectionStore } from '../server/storage/sqliteStore';

const documentPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../openapi.yaml',
);

describe('given the OpenAPI document of the REST contract', () => {
  it('should be valid OpenAPI 3.1', () => {
    const run = spawnSync('openapi-spec-validator', [documentPath], { encoding: 'utf8' });
    expect(run.stdout + run.stderr).toContain('OK');
    expect(run.status).toBe(0);
  });

  it('should list exactly the operations the handlers serve', async () => {
    const toJson = spawnSync(
      'python3',
      [
        '-c',
        'import json,sys,yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))',
        documentPath,
      ],
      { encoding: 'utf8' },
    );
    const document = JSON.parse(toJson.stdout) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const store = createSqliteConnectionStore({ filename: ':memory:' });
    const handle = createConnectionHandlers({
      basePath: '/api',
      aws: createInMemoryAdapters({ latencyMs: 0 }).aws,
      store,
      getCaller: () => null,
      searchUsers: () => [],
    });
    const methods = ['get', 'put', 'post', 'delete', 'patch'];

    const answers: Record<string, number> = {};
    for (const [template, item] of Object.entries(document.paths)) {
      const concrete = template.replace(/\{[^}]+\}/g, '123456789012');
      for (const method of methods) {
        const response = await handle(
          new Request(`http://host.test/api${concrete}`, { method: method.toUpperCase() }),
        );
        answers[`${method} ${template}`] = response.status;
        // An anonymous caller reaches every documented operation and is refused with 401;
        // any other method is not allowed on a documented path.
        expect([`${method} ${template}`, response.status]).toEqual([
          `${method} ${template}`,
          method in item ? 401 : 405,
        ]);
      }
    }
    expect(Object.values(answers).filter((status) => status === 401)).toHaveLength(15);
    expect((await handle(new Request('http://host.test/api/accounts'))).status).toBe(404);
    store.close();
  });
});
