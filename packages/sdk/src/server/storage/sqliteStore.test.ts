/**
 * The SQLite store shared by several server processes, as a host running more than one Node
 * worker has it: two processes that create a connection of the same name at the same moment
 * get one `created` and one `taken`, and the file holds one connection. The store is bundled
 * with esbuild and run by Node in two child processes that start their insert together.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import Database from 'better-sqlite3';
import { build } from 'esbuild';

import { createInitialContext } from '@aws-connection-wizard/core';
import type { Connection } from '@aws-connection-wizard/core';

import { createSqliteConnectionStore } from './sqliteStore';

const sdkRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function connectionNamed(name: string, id: string, roleName: string): Connection {
  return {
    id,
    name,
    description: '',
    enabled: true,
    status: 'active',
    collaborators: [{ email: 'amelia@example.com', role: 'owner' }],
    awsConfig: {
      managementAccount: '534439589175',
      roleName,
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
    },
  };
}

describe('given two server processes sharing one SQLite file', () => {
  let dir: string;

  beforeAll(async () => {
    // Inside the package's node_modules, so the bundle finds better-sqlite3 as a host would.
    const cache = path.join(sdkRoot, 'node_modules', '.cache');
    await mkdir(cache, { recursive: true });
    dir = await mkdtemp(path.join(cache, 'sqlite-store-'));
    await build({
      entryPoints: [path.join(sdkRoot, 'src/server/storage/sqliteStore.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile: path.join(dir, 'store.mjs'),
      logLevel: 'silent',
      conditions: ['@aws-connection-wizard/source'],
      external: ['better-sqlite3'],
    });
    // Opens the store, says "ready", waits for "go", inserts, prints the outcome.
    await writeFile(
      path.join(dir, 'insert.mjs'),
      `import { createInterface } from 'node:readline';
import { createSqliteConnectionStore } from './store.mjs';
const [filename, record] = [process.argv[2], JSON.parse(process.argv[3])];
const store = createSqliteConnectionStore({ filename });
process.stdout.write('ready\\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'go') continue;
  const result = await store.insertConnection(record);
  process.stdout.write(JSON.stringify(result.outcome === 'taken' ? result : { outcome: result.outcome }) + '\\n');
  store.close();
  process.exit(0);
}
`,
    );
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function startInsert(filename: string, connection: Connection, key: string) {
    const child = spawn(
      process.execPath,
      [
        'insert.mjs',
        filename,
        JSON.stringify({
          tenantId: '',
          connection,
          createdBy: 'amelia@example.com',
          idempotencyKey: key,
          fingerprint: key,
        }),
      ],
      { cwd: dir },
    );
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const next = async () => {
      const line = await lines.next();
      if (line.done) throw new Error(`The process ended early: ${stderr}`);
      return line.value;
    };
    // Listened for from the start: a process that exits before anyone asks must still count.
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { child, next, exited };
  }

  it('should create the name once, whichever process is first', async () => {
    const filename = path.join(dir, 'connections.db');
    // The file and its tables exist before either process starts, as after a deploy.
    createSqliteConnectionStore({ filename }).close();
    const one = startInsert(
      filename,
      connectionNamed('Payments', 'id-1', 'doit-cloudflow-payments-1'),
      'key-1',
    );
    const two = startInsert(
      filename,
      connectionNamed('PAYMENTS ', 'id-2', 'doit-cloudflow-payments-2'),
      'key-2',
    );
    expect([await one.next(), await two.next()]).toEqual(['ready', 'ready']);

    one.child.stdin.write('go\n');
    two.child.stdin.write('go\n');
    const outcomes = [JSON.parse(await one.next()), JSON.parse(await two.next())] as {
      outcome: string;
    }[];
    expect(await Promise.all([one.exited, two.exited])).toEqual([0, 0]);

    expect(outcomes.map((result) => JSON.stringify(result)).sort()).toEqual([
      JSON.stringify({ outcome: 'created' }),
      JSON.stringify({ outcome: 'taken', name: true, roleName: false }),
    ]);
    const store = createSqliteConnectionStore({ filename });
    expect((await store.listConnections('')).map((connection) => connection.id)).toEqual([
      outcomes[0]!.outcome === 'created' ? 'id-1' : 'id-2',
    ]);
    store.close();
  });
});

describe('given a file written by the store before tenants and role names', () => {
  it('should bring it up to date, keeping its connections, keys and drafts in the tenant ""', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sqlite-store-'));
    const filename = path.join(dir, 'connections.db');
    const old = new Database(filename);
    // The layout of the first version, with one connection, its idempotency key and a draft.
    old.exec(`
      CREATE TABLE connections (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL,
        status TEXT NOT NULL, body TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE UNIQUE INDEX connections_name_key ON connections (name_key);
      CREATE TABLE idempotency_keys (caller TEXT NOT NULL, idempotency_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL, connection_id TEXT NOT NULL REFERENCES connections (id),
        created_at TEXT NOT NULL, PRIMARY KEY (caller, idempotency_key));
      CREATE TABLE drafts (owner TEXT PRIMARY KEY, body TEXT NOT NULL, saved_at TEXT NOT NULL);
    `);
    const existing = connectionNamed('Payments', 'id-old', 'doit-cloudflow-Payments');
    old
      .prepare('INSERT INTO connections VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(
        existing.id,
        existing.name,
        'payments',
        'active',
        JSON.stringify(existing),
        'amelia@example.com',
        '2026-01-01',
      );
    old
      .prepare('INSERT INTO idempotency_keys VALUES (?, ?, ?, ?, ?)')
      .run('amelia@example.com', 'key-old', 'print-old', existing.id, '2026-01-01');
    // A version 1 draft, which had no owner field and nothing being submitted.
    const values = createInitialContext({}).values;
    old.prepare('INSERT INTO drafts VALUES (?, ?, ?)').run(
      'amelia@example.com',
      JSON.stringify({
        schemaVersion: 1,
        savedAt: '2026-01-01T00:00:00.000Z',
        path: 'dedicatedRole',
        values,
        openStep: 'scope',
        furthestStep: 'scope',
        submission: null,
      }),
      '2026-01-01',
    );
    old.close();

    const store = createSqliteConnectionStore({ filename });
    const replay = await store.insertConnection({
      tenantId: '',
      connection: connectionNamed('Payments', 'id-new', 'doit-cloudflow-payments'),
      createdBy: 'amelia@example.com',
      idempotencyKey: 'key-old',
      fingerprint: 'print-old',
    });
    const sameRole = await store.insertConnection({
      tenantId: '',
      connection: connectionNamed('Ledger', 'id-ledger', 'doit-cloudflow-PAYMENTS'),
      createdBy: 'amelia@example.com',
      idempotencyKey: 'key-ledger',
      fingerprint: 'print-ledger',
    });

    expect(await store.listConnections('')).toEqual([existing]);
    expect(replay).toEqual({ outcome: 'replayed', connection: existing });
    expect(sameRole).toEqual({ outcome: 'taken', name: false, roleName: true });
    expect(await store.isNameAvailable('', 'PAYMENTS')).toBe(false);
    expect(await store.isNameAvailable('tenant-b', 'PAYMENTS')).toBe(true);
    expect(await store.loadDraft('', 'Amelia@Example.com')).toEqual({
      schemaVersion: 2,
      savedAt: '2026-01-01T00:00:00.000Z',
      userEmail: 'amelia@example.com',
      path: 'dedicatedRole',
      values,
      openStep: 'scope',
      furthestStep: 'scope',
      submission: null,
    });
    expect(await store.loadDraft('tenant-b', 'amelia@example.com')).toBeNull();
    store.close();
    await rm(dir, { recursive: true, force: true });
  });
});
