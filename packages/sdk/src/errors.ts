/**
 * The one error type adapters reject with. The wizard machine reads only `kind` and `retryable`
 * (see core's `describeFailure`), so a host's own errors become one of these at the boundary.
 */

export const ADAPTER_ERROR_KINDS = [
  'notFound',
  'forbidden',
  'conflict',
  'throttled',
  'unavailable',
  'invalidResponse',
  'timeout',
] as const;

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
}

export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly kind: AdapterErrorKind;
  /** Whether offering *Retry* makes sense. */
  readonly retryable: boolean;

  constructor(kind: AdapterErrorKind, message: string, options: AdapterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(kind);
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
