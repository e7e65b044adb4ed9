import { createLimiter, isThrottlingError, withThrottlingRetries } from './throttle';

function throttled(): Error {
  const error = new Error('Rate exceeded');
  error.name = 'TooManyRequestsException';
  return error;
}

describe('given AWS throttling', () => {
  it('should retry TooManyRequestsException with growing waits until the call succeeds', async () => {
    const ceilings: number[] = [];
    let attempts = 0;
    const started = Date.now();
    const result = await withThrottlingRetries(
      async () => {
        attempts += 1;
        if (attempts < 4) throw throttled();
        return 'tree';
      },
      new AbortController().signal,
      {
        baseDelayMs: 10,
        // The jitter source is asked once per wait; 1 - ε waits nearly the whole ceiling.
        random: () => {
          ceilings.push(Date.now() - started);
          return 0.999;
        },
      },
    );

    expect(result).toBe('tree');
    expect(attempts).toBe(4);
    expect(ceilings).toHaveLength(3);
    // Waits of about 10, 20 and 40 ms: at least 70 ms in all.
    expect(Date.now() - started).toBeGreaterThanOrEqual(65);
  });

  it('should give up after the last attempt and rethrow the throttling error', async () => {
    let attempts = 0;
    const failure = await withThrottlingRetries(
      async () => {
        attempts += 1;
        throw throttled();
      },
      new AbortController().signal,
      { maxAttempts: 3, baseDelayMs: 1 },
    ).catch((error: unknown) => error);

    expect(attempts).toBe(3);
    expect(isThrottlingError(failure)).toBe(true);
  });

  it('should not retry other errors', async () => {
    let attempts = 0;
    const denied = new Error('no');
    denied.name = 'AccessDeniedException';
    await expect(
      withThrottlingRetries(async () => {
        attempts += 1;
        throw denied;
      }, new AbortController().signal),
    ).rejects.toBe(denied);
    expect(attempts).toBe(1);
  });

  it('should stop waiting as soon as the call is aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = withThrottlingRetries(
      async () => {
        throw throttled();
      },
      controller.signal,
      { baseDelayMs: 60_000, random: () => 0.999 },
    );
    setTimeout(() => controller.abort(new Error('moved on')), 20);

    await expect(pending).rejects.toThrow('moved on');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('given a concurrency limit', () => {
  it('should never run more tasks at once than the limit, and run them all', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        limit(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((resolve) => setTimeout(resolve, 1 + (index % 4)));
          running -= 1;
          return index;
        }),
      ),
    );

    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, index) => index));
  });

  it('should free a slot when a task fails', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit(async () => 'next')).resolves.toBe('next');
  });
});
