/**
 * What the server keeps: connections, each user's draft, and the idempotency keys of create
 * requests. A host may keep them in its own database by implementing `ConnectionStore`; the
 * SQLite store is the reference implementation.
 *
 * Records belong to a tenant: the platform organisation (the host's customer) whose users
 * created them, named by `Caller.tenantId`. One server can so serve many platform
 * organisations: connection names are unique within a tenant, as SPEC's Details step asks
 * ("unique among the organisation's connections"), and one tenant never sees another's
 * connections or drafts. A single-tenant host leaves `tenantId` out; every record then belongs
 * to the tenant `''`.
 */
import type { Connection, ConnectionStatus, Draft } from '@aws-connection-wizard/core';

/**
 * The key connection names are unique by: Unicode NFC, trimmed, lower case, so names that read
 * the same to a user cannot both exist (`Prod` and ` prod `).
 */
export function connectionNameKey(name: string): string {
  return name.normalize('NFC').trim().toLowerCase();
}

/**
 * The key role names are unique by within one management account. IAM compares role names
 * case-insensitively (IAM User Guide, "IAM object quotas": names must be unique and are not
 * distinguished by case), and the StackSets and the management-account stack are named after
 * the role, so two connections whose role names differ only in case would collide in AWS.
 */
export function roleNameKey(roleName: string): string {
  return roleName.toLowerCase();
}

export interface NewConnectionRecord {
  /** The platform organisation the connection belongs to; `''` for a single-tenant host. */
  tenantId: string;
  connection: Connection;
  /** The email of the user who asked for it. */
  createdBy: string;
  /** The client's key for this create; unique per tenant and user. */
  idempotencyKey: string;
  /** A digest of the request, so one key reused for a different request is noticed. */
  fingerprint: string;
}

export type InsertConnectionResult =
  /** Stored now. */
  | { outcome: 'created'; connection: Connection }
  /** The key was seen before with the same request: the connection that request created. */
  | { outcome: 'replayed'; connection: Connection }
  /**
   * Not stored: another connection of the tenant has a name with the same key (`name`), or
   * another connection in the same management account, of any tenant, has the same role name
   * (`roleName`), so their roles and StackSets would be the same ones in AWS.
   */
  | { outcome: 'taken'; name: boolean; roleName: boolean }
  /** The key was seen before with a different request. */
  | { outcome: 'keyReused' };

export interface ConnectionStore {
  /**
   * Stores a connection unless its idempotency key was already used (then the first result is
   * returned) or its name or role name is taken. Must be atomic: two concurrent inserts of one
   * name give one `created` and one `taken`, whatever process they run in.
   */
  insertConnection(record: NewConnectionRecord): Promise<InsertConnectionResult>;
  /** A connection of the tenant by its id, or `null` when the tenant has none with that id. */
  getConnection(tenantId: string, connectionId: string): Promise<Connection | null>;
  /** Every connection of the tenant, oldest first. */
  listConnections(tenantId: string): Promise<Connection[]>;
  /** Whether no connection of the tenant has a name with the same key (`connectionNameKey`). */
  isNameAvailable(tenantId: string, name: string): Promise<boolean>;
  /**
   * Records the status a host's provisioning reached, by the connection's id (unique across
   * tenants); false when no such connection exists.
   */
  setConnectionStatus(connectionId: string, status: ConnectionStatus): Promise<boolean>;
  /** The draft of one user of the tenant, found by email, or `null` when there is none. */
  loadDraft(tenantId: string, owner: string): Promise<Draft | null>;
  /** Replaces the draft of one user of the tenant. */
  saveDraft(tenantId: string, owner: string, draft: Draft): Promise<void>;
  /** Forgets the draft of one user of the tenant; nothing happens when there is none. */
  clearDraft(tenantId: string, owner: string): Promise<void>;
}
