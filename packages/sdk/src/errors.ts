/**
 * The one error type adapters reject with. The wizard machine reads only `kind`, `retryable`
 * and `problems` (see core's `describeFailure`), so a host's own errors become one of these at
 * the boundary.
 */
import type { FieldProblem } from '@aws-connection-wizard/core';

/** Every kind of failure an adapter can report; the wizard has a message for each. */
export const ADAPTER_ERROR_KINDS = [
  'notFound',
  'forbidden',
  'conflict',
  'throttled',
  'unavailable',
  'invalidResponse',
  'timeout',
] as const;

/**
 * What went wrong, as the wizard tells the user: `notFound`, `forbidden`, `conflict` (a name
 * taken, or a change meanwhile), `throttled`, `unavailable`, `invalidResponse` (an answer that
 * breaks the contract) or `timeout`.
 */
export type AdapterErrorKind = (typeof ADAPTER_ERROR_KINDS)[number];

/** Kinds where the same call may succeed if tried again later. */
const RETRYABLE_BY_DEFAULT: ReadonlySet<AdapterErrorKind> = new Set<AdapterErrorKind>([
  'throttled',
  'unavailable',
  'timeout',
]);

export interface AdapterErrorOptions {
  /** Overrides the kind's default (true for `throttled`, `unavailable` and `timeout`). */
  retryable?: boolean;
  /** The underlying error, kept for hosts that log. */
  cause?: unknown;
  /** Problems at fields of what was sent, which the wizard shows at those fields. */
  problems?: readonly FieldProblem[];
}

/** A failed adapter call: what went wrong, whether retrying may help, and where. */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  /** What went wrong; the wizard's message for the failure depends on it alone. */
  readonly kind: AdapterErrorKind;
  /** Whether offering *Retry* makes sense. */
  readonly retryable: boolean;
  /** Problems at fields (e.g. `details.roleName` taken); empty when the failure names none. */
  readonly problems: readonly FieldProblem[];

  /**
   * @param kind what went wrong.
   * @param message for hosts that log; the wizard never shows it as its main text.
   * @param options whether a retry may help (the kind's default otherwise), the cause, and
   *   problems at fields.
   */
  constructor(kind: AdapterErrorKind, message: string, options: AdapterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(kind);
    this.problems = options.problems === undefined ? [] : [...options.problems];
  }
}

/**
 * True for an `AdapterError`, including one made by another copy of this package (two bundles
 * on one page), which `instanceof` would miss.
 */
export function isAdapterError(value: unknown): value is AdapterError {
  if (value instanceof AdapterError) return true;
  if (typeof value !== 'object' || value === null) return false;

  const candidate = value as Record<string, unknown>;

  return (
    candidate.name === 'AdapterError' &&
    typeof candidate.kind === 'string' &&
    (ADAPTER_ERROR_KINDS as readonly string[]).includes(candidate.kind) &&
    typeof candidate.retryable === 'boolean'
  );
}
