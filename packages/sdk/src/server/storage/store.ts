/**
 * What the server keeps: connections, each user's draft, and the idempotency keys of create
 * requests. A host may keep them in its own database by implementing `ConnectionStore`; the
 * SQLite store is the reference implementation.
 */
import type { Connection, ConnectionStatus, Draft } from '@aws-connection-wizard/core';

/**
 * The key connection names are unique by: Unicode NFC, trimmed, lower case, so names that read
 * the same to a user cannot both exist (`Prod` and ` prod `).
 */
export function connectionNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

export interface NewConnectionRecord {
  connection: Connection;
  /** The email of the user who asked for it. */
  createdBy: string;
  /** The client's key for this create; unique per user. */
  idempotencyKey: string;
  /** A digest of the request, so one key reused for a different request is noticed. */
  fingerprint: string;
}

export type InsertConnectionResult =
  /** Stored now. */
  | { outcome: 'created'; connection: Connection }
  /** The key was seen before with the same request: the connection that request created. */
  | { outcome: 'replayed'; connection: Connection }
  /** Another connection already has a name with the same key. */
  | { outcome: 'nameTaken' }
  /** The key was seen before with a different request. */
  | { outcome: 'keyReused' };

export interface ConnectionStore {
  /**
   * Stores a connection unless its idempotency key was already used (then the first result is
   * returned) or its name is taken. Must be atomic: two concurrent inserts of one name give one
   * `created` and one `nameTaken`, whatever process they run in.
   */
  insertConnection(record: NewConnectionRecord): Promise<InsertConnectionResult>;
  getConnection(connectionId: string): Promise<Connection | null>;
  /** Every connection, oldest first. */
  listConnections(): Promise<Connection[]>;
  isNameAvailable(name: string): Promise<boolean>;
  /** Records the status a host's provisioning reached; false when no such connection exists. */
  setConnectionStatus(connectionId: string, status: ConnectionStatus): Promise<boolean>;
  /** One draft per user, found by email. */
  loadDraft(owner: string): Promise<Draft | null>;
  saveDraft(owner: string, draft: Draft): Promise<void>;
  clearDraft(owner: string): Promise<void>;
}
