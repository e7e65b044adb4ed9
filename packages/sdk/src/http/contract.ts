/**
 * The REST contract between the wizard in the browser and the host's backend, shared by the
 * HTTP adapter and the server handlers: the paths, the error body and how each `AdapterError`
 * kind travels as an HTTP status. `packages/sdk/openapi.yaml` documents the same contract.
 *
 * Errors are RFC 9457 problem details (`application/problem+json`) with one extension member,
 * `kind`, so the browser gets back the exact kind the server meant.
 */
import * as z from 'zod/mini';

import { FieldProblemSchema } from '@aws-connection-wizard/core';

import { ADAPTER_ERROR_KINDS } from '../errors';
import type { AdapterErrorKind } from '../errors';

/** The header that carries a create request's idempotency key (IETF draft-ietf-httpapi-idempotency-key-header). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** The media type of error bodies (RFC 9457). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Every path of the contract, relative to the base URL the host mounts the handlers at. */
export const CONTRACT_PATHS = {
  currentUser: '/me',
  users: '/users',
  managementAccounts: '/management-accounts',
  organization: (managementAccountId: string) =>
    `/management-accounts/${encodeURIComponent(managementAccountId)}/organization`,
  deploymentSettings: (managementAccountId: string) =>
    `/management-accounts/${encodeURIComponent(managementAccountId)}/deployment-settings`,
  deploymentPrerequisites: (managementAccountId: string) =>
    `/management-accounts/${encodeURIComponent(managementAccountId)}/deployment-prerequisites`,
  deploymentStatus: (managementAccountId: string) =>
    `/management-accounts/${encodeURIComponent(managementAccountId)}/deployment-status`,
  managedPolicies: '/managed-policies',
  nameAvailability: '/connection-names/availability',
  connections: '/connections',
  connection: (connectionId: string) => `/connections/${encodeURIComponent(connectionId)}`,
  connectionRole: (connectionId: string) => `/connections/${encodeURIComponent(connectionId)}/role`,
  draft: '/draft',
} as const;

/**
 * The status each kind is sent with. `forbidden` is 403 for a signed-in caller; an anonymous
 * one gets 401 (RFC 9110 §15.5.2), which the adapter reads back as `forbidden` too.
 */
export const STATUS_BY_KIND: Readonly<Record<AdapterErrorKind, number>> = {
  notFound: 404,
  forbidden: 403,
  conflict: 409,
  throttled: 429,
  unavailable: 503,
  invalidResponse: 502,
  timeout: 504,
};

/** The kind a status means when the body does not name one (a proxy's own error page, say). */
export function kindForStatus(status: number): AdapterErrorKind {
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'notFound';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'throttled';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 502) return 'invalidResponse';
  if (status >= 500) return 'unavailable';
  // A 4xx the contract does not use means this client and the server disagree on the contract.
  return 'invalidResponse';
}

/**
 * An error body: RFC 9457 problem details with three extension members, the adapter error
 * `kind`, whether a retry may help, and `problems` at fields of the request.
 */
export const ProblemSchema = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  kind: z.optional(z.enum(ADAPTER_ERROR_KINDS)),
  retryable: z.optional(z.boolean()),
  problems: z.optional(z.array(FieldProblemSchema)),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** The answer of the name check. */
export const NameAvailabilitySchema = z.object({ available: z.boolean() });

/** What a flow needs to use a connection: the role to assume and where it exists. */
export const ConnectionRoleSchema = z.object({
  connectionId: z.string(),
  managementAccount: z.string(),
  roleName: z.string(),
  region: z.string(),
  accountIds: z.array(z.string()),
});
export type ConnectionRole = z.infer<typeof ConnectionRoleSchema>;
