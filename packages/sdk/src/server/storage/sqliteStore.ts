/**
 * The reference `ConnectionStore` on SQLite (better-sqlite3, an optional peer dependency).
 * Unique names are the database's job: a UNIQUE index on (tenant, normalised name), and one on
 * (management account, role name key) for connections with a role of their own, so concurrent
 * creates, even from several processes sharing the file, cannot both succeed. Each insert runs
 * in an IMMEDIATE transaction (it takes the write lock at once), so the idempotency check, the
 * name checks and the insert see one state (https://www.sqlite.org/lang_transaction.html).
 */
import { ConnectionSchema, parseDraft } from '@aws-connection-wizard/core';
import type { Connection, ConnectionStatus, Draft } from '@aws-connection-wizard/core';

import { sqliteDriver } from '../peers';
import { connectionNameKey, roleNameKey } from './store';
import type { ConnectionStore, InsertConnectionResult, NewConnectionRecord } from './store';

/** The schema's version, kept in `PRAGMA user_version`. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS connections (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  management_account TEXT,
  role_key TEXT,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS connections_tenant_name_key ON connections (tenant, name_key);
CREATE UNIQUE INDEX IF NOT EXISTS connections_role_key
  ON connections (management_account, role_key) WHERE role_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS idempotency_keys (
  tenant TEXT NOT NULL DEFAULT '',
  caller TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  connection_id TEXT NOT NULL REFERENCES connections (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (tenant, caller, idempotency_key)
);
CREATE TABLE IF NOT EXISTS drafts (
  tenant TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL,
  body TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (tenant, owner)
);
`;

/**
 * From the first, single-tenant layout (version 0, without tenants or role names): every
 * record moves to the tenant `''`, and each connection's management account and role name key
 * are read from its stored body. Tables whose primary key changes are copied into new ones.
 */
const MIGRATE_FROM_0 = `
ALTER TABLE connections ADD COLUMN tenant TEXT NOT NULL DEFAULT '';
ALTER TABLE connections ADD COLUMN management_account TEXT;
ALTER TABLE connections ADD COLUMN role_key TEXT;
UPDATE connections SET
  management_account = json_extract(body, '$.awsConfig.managementAccount'),
  role_key = CASE
    WHEN json_extract(body, '$.awsConfig.usesExistingPermissions') THEN NULL
    ELSE lower(json_extract(body, '$.awsConfig.roleName'))
  END;
DROP INDEX IF EXISTS connections_name_key;
ALTER TABLE idempotency_keys RENAME TO idempotency_keys_0;
ALTER TABLE drafts RENAME TO drafts_0;
`;
const COPY_FROM_0 = `
INSERT INTO idempotency_keys (tenant, caller, idempotency_key, fingerprint, connection_id, created_at)
  SELECT '', caller, idempotency_key, fingerprint, connection_id, created_at FROM idempotency_keys_0;
INSERT INTO drafts (tenant, owner, body, saved_at) SELECT '', owner, body, saved_at FROM drafts_0;
DROP TABLE idempotency_keys_0;
DROP TABLE drafts_0;
`;

interface ConnectionRow {
  body: string;
  status: string;
}

export interface SqliteConnectionStoreOptions {
  /** A file path, or `':memory:'` for a store that lives as long as the process. */
  filename: string;
  /**
   * How long a write waits for another process's lock before failing.
   * @default 5000
   */
  busyTimeoutMs?: number;
}

/** The SQLite store, which also holds an open database file. */
export interface SqliteConnectionStore extends ConnectionStore {
  /** Closes the database file. */
  close(): void;
}

function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

function uniqueViolation(error: unknown): string | null {
  const candidate = error as { code?: unknown; message?: unknown } | null;
  return candidate?.code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof candidate.message === 'string'
    ? candidate.message
    : null;
}

/** The role name key of a connection with a role of its own; `null` when it reuses one. */
function roleKeyOf(connection: Connection): string | null {
  const { usesExistingPermissions, roleName } = connection.awsConfig;
  return usesExistingPermissions || roleName === '' ? null : roleNameKey(roleName);
}

/**
 * Opens (or creates) the SQLite store at `options.filename`, bringing an older file's layout up
 * to date. Fails with a message naming the package when better-sqlite3 is not installed.
 */
export function createSqliteConnectionStore(
  options: SqliteConnectionStoreOptions,
): SqliteConnectionStore {
  const Database = sqliteDriver();
  const db = new Database(options.filename, { timeout: options.busyTimeoutMs ?? 5000 });
  // Write-ahead logging lets readers go on while one writer works (https://www.sqlite.org/wal.html).
  if (options.filename !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new Error(
        `${options.filename} has schema version ${version}; this store knows up to ${SCHEMA_VERSION}`,
      );
    }
    const columns = db.prepare<[], { name: string }>("PRAGMA table_info('connections')").all();
    const fromVersion0 = columns.length > 0 && !columns.some((column) => column.name === 'tenant');
    if (fromVersion0) db.exec(MIGRATE_FROM_0);
    db.exec(SCHEMA);
    if (fromVersion0) db.exec(COPY_FROM_0);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();

  const statements = {
    connectionById: db.prepare<[string, string], ConnectionRow>(
      'SELECT body, status FROM connections WHERE tenant = ? AND id = ?',
    ),
    connectionsOf: db.prepare<[string], ConnectionRow>(
      'SELECT body, status FROM connections WHERE tenant = ? ORDER BY created_at, rowid',
    ),
    nameTaken: db.prepare<[string, string], { found: number }>(
      'SELECT 1 AS found FROM connections WHERE tenant = ? AND name_key = ?',
    ),
    roleTaken: db.prepare<[string, string], { found: number }>(
      'SELECT 1 AS found FROM connections WHERE management_account = ? AND role_key = ?',
    ),
    insertConnection: db.prepare(
      `INSERT INTO connections
         (id, tenant, name, name_key, management_account, role_key, status, body, created_by, created_at)
       VALUES
         (@id, @tenant, @name, @nameKey, @managementAccount, @roleKey, @status, @body, @createdBy, @createdAt)`,
    ),
    keyLookup: db.prepare<[string, string, string], { fingerprint: string; connection_id: string }>(
      `SELECT fingerprint, connection_id FROM idempotency_keys
       WHERE tenant = ? AND caller = ? AND idempotency_key = ?`,
    ),
    insertKey: db.prepare(
      `INSERT INTO idempotency_keys
         (tenant, caller, idempotency_key, fingerprint, connection_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    setStatus: db.prepare('UPDATE connections SET status = ? WHERE id = ?'),
    draftOf: db.prepare<[string, string], { body: string }>(
      'SELECT body FROM drafts WHERE tenant = ? AND owner = ?',
    ),
    saveDraft: db.prepare(
      `INSERT INTO drafts (tenant, owner, body, saved_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (tenant, owner) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at`,
    ),
    clearDraft: db.prepare('DELETE FROM drafts WHERE tenant = ? AND owner = ?'),
  };

  const toConnection = (row: ConnectionRow): Connection =>
    ConnectionSchema.parse({ ...JSON.parse(row.body), status: row.status });

  const insert = db.transaction((record: NewConnectionRecord): InsertConnectionResult => {
    const { tenantId, connection } = record;
    const caller = emailKey(record.createdBy);
    const previous = statements.keyLookup.get(tenantId, caller, record.idempotencyKey);
    if (previous !== undefined) {
      if (previous.fingerprint !== record.fingerprint) return { outcome: 'keyReused' };
      const row = statements.connectionById.get(tenantId, previous.connection_id);
      if (row !== undefined) return { outcome: 'replayed', connection: toConnection(row) };
    }

    const nameKey = connectionNameKey(connection.name);
    const roleKey = roleKeyOf(connection);
    const managementAccount = connection.awsConfig.managementAccount;
    // The write lock is held, so these checks and the insert see one state; the unique
    // indexes stay the last word.
    const name = statements.nameTaken.get(tenantId, nameKey) !== undefined;
    const roleName =
      roleKey !== null && statements.roleTaken.get(managementAccount, roleKey) !== undefined;
    if (name || roleName) return { outcome: 'taken', name, roleName };

    const createdAt = new Date().toISOString();
    try {
      statements.insertConnection.run({
        id: connection.id,
        tenant: tenantId,
        name: connection.name,
        nameKey,
        managementAccount,
        roleKey,
        status: connection.status,
        body: JSON.stringify(connection),
        createdBy: caller,
        createdAt,
      });
    } catch (error) {
      const violation = uniqueViolation(error);
      if (violation === null) throw error;
      const onRole = violation.includes('role_key');
      return { outcome: 'taken', name: !onRole, roleName: onRole };
    }
    statements.insertKey.run(
      tenantId,
      caller,
      record.idempotencyKey,
      record.fingerprint,
      connection.id,
      createdAt,
    );
    return { outcome: 'created', connection };
  });

  return {
    insertConnection: async (record) => insert.immediate(record),
    getConnection: async (tenantId, connectionId) => {
      const row = statements.connectionById.get(tenantId, connectionId);
      return row === undefined ? null : toConnection(row);
    },
    listConnections: async (tenantId) => statements.connectionsOf.all(tenantId).map(toConnection),
    isNameAvailable: async (tenantId, name) =>
      statements.nameTaken.get(tenantId, connectionNameKey(name)) === undefined,
    setConnectionStatus: async (connectionId, status: ConnectionStatus) =>
      statements.setStatus.run(status, connectionId).changes > 0,
    loadDraft: async (tenantId, owner) => {
      const row = statements.draftOf.get(tenantId, emailKey(owner));
      if (row === undefined) return null;
      // Read as the browser draft stores read theirs: a version 1 draft is brought up to date
      // unless it was caught during a submission, and another user's draft is not handed over.
      return parseDraft(JSON.parse(row.body), { userEmail: owner });
    },
    saveDraft: async (tenantId, owner, draft: Draft) => {
      statements.saveDraft.run(
        tenantId,
        emailKey(owner),
        JSON.stringify(draft),
        new Date().toISOString(),
      );
    },
    clearDraft: async (tenantId, owner) => {
      statements.clearDraft.run(tenantId, emailKey(owner));
    },
    close: () => db.close(),
  };
}
