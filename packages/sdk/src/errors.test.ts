import { AdapterError, isAdapterError } from './errors';

describe('given an adapter error', () => {
  it('should make throttling, unavailability and timeouts retryable by default', () => {
    expect(new AdapterError('throttled', 'slow down').retryable).toBe(true);
    expect(new AdapterError('unavailable', 'down').retryable).toBe(true);
    expect(new AdapterError('timeout', 'late').retryable).toBe(true);
    expect(new AdapterError('conflict', 'taken').retryable).toBe(false);
    expect(new AdapterError('invalidResponse', 'bad').retryable).toBe(false);
  });

  it('should let the thrower override retryable and keep the cause', () => {
    const cause = new Error('socket closed');
    const error = new AdapterError('notFound', 'gone', { retryable: true, cause });

    expect(error.retryable).toBe(true);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('gone');
    expect(error).toBeInstanceOf(Error);
  });

  it('should be recognised by isAdapterError, also as a structural copy', () => {
    const copy = Object.assign(new Error('x'), {
      name: 'AdapterError',
      kind: 'forbidden',
      retryable: false,
    });

    expect(isAdapterError(new AdapterError('forbidden', 'no'))).toBe(true);
    expect(isAdapterError(copy)).toBe(true);
    expect(isAdapterError(new Error('plain'))).toBe(false);
    expect(isAdapterError({ name: 'AdapterError', kind: 'nope', retryable: true })).toBe(false);
    expect(isAdapterError(null)).toBe(false);
  });
});
