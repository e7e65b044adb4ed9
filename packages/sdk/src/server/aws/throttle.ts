/**
 * Calling AWS politely: a limit on how many calls run at once, and retries with exponential
 * backoff and full jitter when AWS throttles. Organizations shares one request budget per
 * management account among all its callers, so a big tree must not be read with unbounded
 * parallelism (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html#throttling-limits).
 * Backoff follows "Exponential Backoff And Jitter" on the AWS Architecture Blog.
 */
import { abortableDelay } from '../../abortableDelay';

/** Error names AWS uses for throttling. Organizations answers `TooManyRequestsException`. */
const THROTTLING_ERROR_NAMES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'SlowDown',
]);

/** Whether an error from the AWS SDK means AWS throttled the call. */
export function isThrottlingError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const candidate = error as { name?: unknown; $metadata?: { httpStatusCode?: number } };

  return (
    (typeof candidate.name === 'string' && THROTTLING_ERROR_NAMES.has(candidate.name)) ||
    candidate.$metadata?.httpStatusCode === 429
  );
}

export interface RetryOptions {
  /**
   * How many times one call is tried in all.
   * @default 6
   */
  maxAttempts?: number;
  /**
   * The first backoff ceiling; each retry doubles it.
   * @default 200
   */
  baseDelayMs?: number;
  /**
   * The largest backoff ceiling.
   * @default 5000
   */
  maxDelayMs?: number;
  /** The random source for jitter, in [0, 1). @default Math.random */
  random?: () => number;
}

/**
 * Runs `call`, and runs it again after a random wait of up to `base × 2^attempt` (capped) each
 * time AWS throttles it. Any other error, or the last throttling error, is thrown as it is.
 */
export async function withThrottlingRetries<T>(
  call: () => Promise<T>,
  signal: AbortSignal,
  options: RetryOptions = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 6;
  const baseDelayMs = options.baseDelayMs ?? 200;
  const maxDelayMs = options.maxDelayMs ?? 5000;
  const random = options.random ?? Math.random;

  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isThrottlingError(error) || attempt >= maxAttempts || signal.aborted) throw error;
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      await abortableDelay(random() * ceiling, signal);
    }
  }
}

/** Runs a task when a slot is free; see `createLimiter`. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A gate that lets at most `limit` tasks run at the same time; the others wait their turn, in
 * the order they came. Share one gate among every caller of one budget (one per management
 * account) so that concurrent requests do not multiply the load.
 */
export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`The concurrency limit must be a positive integer, not ${limit}`);
  }
  let running = 0;
  const waiting: (() => void)[] = [];

  // A finishing task hands its slot straight to the next waiting one, so a task arriving in
  // between can never slip past the limit.
  const release = () => {
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  };

  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
