/**
 * The reference `ConnectionStore` on SQLite (better-sqlite3). Unique names are the database's
 * job: a UNIQUE index on the normalised name, so concurrent creates, even from several
 * processes sharing the file, cannot both succeed. Each insert runs in an IMMEDIATE transaction
 * (it takes the write lock at once), so the idempotency check and the insert see one state
 * (https://www.sqlite.org/lang_transaction.html).
 */
import Database from 'better-sqlite3';

import { ConnectionSchema, DraftSchema } from '@aws-connection-wizard/core';
import type { Connection, ConnectionStatus, Draft } from '@aws-connection-wizard/core';

import { connectionNameKey } from './store';
import type { ConnectionStore, InsertConnectionResult, NewConnectionRecord } from './store';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS connections (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS connections_name_key ON connections (name_key);
CREATE TABLE IF NOT EXISTS idempotency_keys (
  caller TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  connection_id TEXT NOT NULL REFERENCES connections (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (caller, idempotency_key)
);
CREATE TABLE IF NOT EXISTS drafts (
  owner TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  saved_at TEXT NOT NULL
);
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

export interface SqliteConnectionStore extends ConnectionStore {
  /** Closes the database file. */
  close(): void;
}

function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export function createSqliteConnectionStore(
  options: SqliteConnectionStoreOptions,
): SqliteConnectionStore {
  const db = new Database(options.filename, { timeout: options.busyTimeoutMs ?? 5000 });
  // Write-ahead logging lets readers go on while one writer works (https://www.sqlite.org/wal.html).
  if (options.filename !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);

  const statements = {
    connectionById: db.prepare<[string], ConnectionRow>(
      'SELECT body, status FROM connections WHERE id = ?',
    ),
    allConnections: db.prepare<[], ConnectionRow>(
      'SELECT body, status FROM connections ORDER BY created_at, rowid',
    ),
    nameTaken: db.prepare<[string], { found: number }>(
      'SELECT 1 AS found FROM connections WHERE name_key = ?',
    ),
    insertConnection: db.prepare(
      `INSERT INTO connections (id, name, name_key, status, body, created_by, created_at)
       VALUES (@id, @name, @nameKey, @status, @body, @createdBy, @createdAt)`,
    ),
    keyLookup: db.prepare<[string, string], { fingerprint: string; connection_id: string }>(
      'SELECT fingerprint, connection_id FROM idempotency_keys WHERE caller = ? AND idempotency_key = ?',
    ),
    insertKey: db.prepare(
      `INSERT INTO idempotency_keys (caller, idempotency_key, fingerprint, connection_id, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    setStatus: db.prepare('UPDATE connections SET status = ? WHERE id = ?'),
    draftOf: db.prepare<[string], { body: string }>('SELECT body FROM drafts WHERE owner = ?'),
    saveDraft: db.prepare(
      `INSERT INTO drafts (owner, body, saved_at) VALUES (?, ?, ?)
       ON CONFLICT (owner) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at`,
    ),
    clearDraft: db.prepare('DELETE FROM drafts WHERE owner = ?'),
  };

  const toConnection = (row: ConnectionRow): Connection =>
    ConnectionSchema.parse({ ...JSON.parse(row.body), status: row.status });

  const insert = db.transaction((record: NewConnectionRecord): InsertConnectionResult => {
    const caller = emailKey(record.createdBy);
    const previous = statements.keyLookup.get(caller, record.idempotencyKey);
    if (previous !== undefined) {
      if (previous.fingerprint !== record.fingerprint) return { outcome: 'keyReused' };
      const row = statements.connectionById.get(previous.connection_id);
      if (row !== undefined) return { outcome: 'replayed', connection: toConnection(row) };
    }

    const { connection } = record;
    const createdAt = new Date().toISOString();
    try {
      statements.insertConnection.run({
        id: connection.id,
        name: connection.name,
        nameKey: connectionNameKey(connection.name),
        status: connection.status,
        body: JSON.stringify(connection),
        createdBy: caller,
        createdAt,
      });
    } catch (error) {
      if (isUniqueViolation(error)) return { outcome: 'nameTaken' };
      throw error;
    }
    statements.insertKey.run(
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
    getConnection: async (connectionId) => {
      const row = statements.connectionById.get(connectionId);
      return row === undefined ? null : toConnection(row);
    },
    listConnections: async () => statements.allConnections.all().map(toConnection),
    isNameAvailable: async (name) =>
      statements.nameTaken.get(connectionNameKey(name)) === undefined,
    setConnectionStatus: async (connectionId, status: ConnectionStatus) =>
      statements.setStatus.run(status, connectionId).changes > 0,
    loadDraft: async (owner) => {
      const row = statements.draftOf.get(emailKey(owner));
      if (row === undefined) return null;
      // A draft of an older schema version is dropped, as the browser draft stores do.
      const result = DraftSchema.safeParse(JSON.parse(row.body));
      return result.success ? result.data : null;
    },
    saveDraft: async (owner, draft: Draft) => {
      statements.saveDraft.run(emailKey(owner), JSON.stringify(draft), new Date().toISOString());
    },
    clearDraft: async (owner) => {
      statements.clearDraft.run(emailKey(owner));
    },
    close: () => db.close(),
  };
}
