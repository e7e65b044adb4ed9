/**
 * Draft stores: where the wizard keeps what the user entered, so a reload brings it back. A
 * stored draft is JSON checked against core's `DraftSchema` on load; one from an older schema
 * version, or damaged, is discarded rather than thrown, so the wizard simply starts afresh.
 */
import { DraftSchema } from '@aws-connection-wizard/core';
import type { Draft } from '@aws-connection-wizard/core';

import type { AdapterCallOptions, DraftStore } from './adapters';
import { AdapterError } from './errors';

export const DEFAULT_DRAFT_KEY = 'aws-connection-wizard:draft';

export interface LocalStorageDraftStoreOptions {
  /**
   * The storage key; give each wizard on one origin its own.
   * @default 'aws-connection-wizard:draft'
   */
  key?: string;
  /**
   * Where drafts are kept. Tests pass their own; without one, the page's `localStorage` is used
   * when it exists (never during server rendering).
   * @default globalThis.localStorage
   */
  storage?: Storage;
}

function throwIfAborted(options: AdapterCallOptions): void {
  if (options.signal.aborted) throw options.signal.reason;
}

/** The stored text as a draft, or `null` when it is missing, not JSON or not a current draft. */
function readDraft(text: string | null): Draft | null {
  if (text === null) return null;
  try {
    const result = DraftSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch (_notJson) {
    return null;
  }
}

/**
 * Browsers name a full storage differently: `QuotaExceededError` in the standard, and
 * `NS_ERROR_DOM_QUOTA_REACHED` in older Firefox.
 * https://html.spec.whatwg.org/multipage/webstorage.html#dom-storage-setitem
 */
function isQuotaError(error: unknown): boolean {
  const name =
    typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : null;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

function resolveStorage(storage: Storage | undefined): Storage {
  if (storage !== undefined) return storage;
  try {
    // Reading `localStorage` itself throws a SecurityError when the browser blocks storage.
    const local = (globalThis as { localStorage?: Storage }).localStorage;
    if (local !== undefined) return local;
  } catch (error) {
    throw new AdapterError('unavailable', 'The browser does not allow storing a draft', {
      retryable: false,
      cause: error,
    });
  }
  throw new AdapterError('unavailable', 'No storage is available for drafts here', {
    retryable: false,
  });
}

/** Keeps the draft in the browser's `localStorage` (or the `Storage` given) as JSON. */
export function localStorageDraftStore(options: LocalStorageDraftStoreOptions = {}): DraftStore {
  const key = options.key ?? DEFAULT_DRAFT_KEY;

  return {
    async load(callOptions) {
      throwIfAborted(callOptions);
      const storage = resolveStorage(options.storage);
      const text = storage.getItem(key);
      const draft = readDraft(text);
      // Leaving an unreadable draft behind would only make every later load discard it again.
      if (draft === null && text !== null) storage.removeItem(key);

      return draft;
    },
    async save(draft, callOptions) {
      throwIfAborted(callOptions);
      const storage = resolveStorage(options.storage);
      try {
        storage.setItem(key, JSON.stringify(draft));
      } catch (error) {
        throw new AdapterError(
          'unavailable',
          isQuotaError(error)
            ? 'The browser’s storage is full, so the draft was not saved'
            : 'The browser refused to store the draft',
          { retryable: isQuotaError(error), cause: error },
        );
      }
    },
    async clear(callOptions) {
      throwIfAborted(callOptions);
      resolveStorage(options.storage).removeItem(key);
    },
  };
}

/**
 * Keeps the draft in memory, as the JSON a browser store would hold, so it behaves the same:
 * for tests, server rendering and hosts that do not want drafts to outlive the page.
 */
export function memoryDraftStore(): DraftStore {
  let text: string | null = null;

  return {
    async load(callOptions) {
      throwIfAborted(callOptions);
      const draft = readDraft(text);
      if (draft === null) text = null;
      return draft;
    },
    async save(draft, callOptions) {
      throwIfAborted(callOptions);
      text = JSON.stringify(draft);
    },
    async clear(callOptions) {
      throwIfAborted(callOptions);
      text = null;
    },
  };
}
