/**
 * Waits `ms` milliseconds unless `signal` aborts first, in which case it rejects with the
 * signal's reason at once. Shared by the in-memory backend's latency and the server's retry
 * backoff, so neither keeps a caller waiting after it gave up.
 */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();

  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
