/**
 * Who may do what. Creating a connection needs the platform permission CloudFlow Owner or
 * CloudFlow Editor; reading or using one is decided by the connection's own access list
 * (`collaborators`), by access level. The caller's identity is the host's to establish: the
 * handlers only ever see what `getCaller` returns.
 */
import { CREATE_CONNECTION_PERMISSIONS } from '@aws-connection-wizard/core';
import type { Connection, CurrentUser } from '@aws-connection-wizard/core';

/** The signed-in user as the host's authentication knows them. */
export interface Caller extends CurrentUser {
  /**
   * The platform organisation (the host's customer) the user acts for. Connections, their
   * names and drafts are kept per tenant, so one server can serve many platform organisations.
   * Leave it out in a single-tenant host: everything then belongs to the tenant `''`.
   */
  tenantId?: string;
}

/** What a caller does with an existing connection. */
export type ConnectionAction = 'read' | 'use';

/** The access levels that allow each action on a connection. */
export type AccessRules = Readonly<Record<ConnectionAction, readonly string[]>>;

/**
 * Owners and editors see a connection's whole configuration (scope, policies, access list);
 * users only use it in flows, which needs the role and where it exists.
 */
export const DEFAULT_ACCESS_RULES: AccessRules = {
  read: ['owner', 'editor'],
  use: ['owner', 'editor', 'user'],
};

/** Whether the caller holds CloudFlow Owner or CloudFlow Editor, which creating needs. */
export function canCreateConnection(caller: Caller): boolean {
  return caller.permissions.some((permission) =>
    (CREATE_CONNECTION_PERMISSIONS as readonly string[]).includes(permission),
  );
}

/** The caller's access level on the connection, or `null` when they are not on its list. */
export function accessLevelOf(caller: Caller, connection: Connection): string | null {
  const email = caller.email.trim().toLowerCase();
  const entry = connection.collaborators.find(
    (collaborator) => collaborator.email.trim().toLowerCase() === email,
  );
  return entry?.role ?? null;
}

/** Whether the caller's access level on the connection allows `action` under `rules`. */
export function canAccessConnection(
  caller: Caller,
  action: ConnectionAction,
  connection: Connection,
  rules: AccessRules = DEFAULT_ACCESS_RULES,
): boolean {
  const level = accessLevelOf(caller, connection);
  return level !== null && rules[action].includes(level);
}
