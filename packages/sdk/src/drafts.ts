/**
 * Draft stores: where the wizard keeps what the user entered, so a reload brings it back. A
 * stored draft is JSON read with core's `parseDraft`; one that cannot be brought forward to the
 * current schema version, or damaged, is discarded rather than thrown, so the wizard simply
 * starts afresh. Each user has a draft of their own: a browser shared by two people never shows
 * one the other's entries, nor overwrites them.
 */
import { parseDraft } from '@aws-connection-wizard/core';
import type { Draft } from '@aws-connection-wizard/core';

import type { DraftCallOptions, DraftStore } from './adapters';
import { AdapterError } from './errors';

export const DEFAULT_DRAFT_KEY = 'aws-connection-wizard:draft';

export interface LocalStorageDraftStoreOptions {
  /**
   * The start of the storage keys; give each wizard on one origin its own. Each user's draft is
   * kept under `<key>:<email>`.
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

function throwIfAborted(options: DraftCallOptions): void {
  if (options.signal.aborted) throw options.signal.reason;
}

/** The stored text as the user's draft, or `null` when it is missing or not one to restore. */
function readDraft(text: string | null, userEmail: string): Draft | null {
  if (text === null) return null;
  try {
    return parseDraft(JSON.parse(text), { userEmail });
  } catch (_notJson) {
    return null;
  }
}

/** The key of one user's draft. Emails are compared lower-cased, as everywhere in the wizard. */
export function draftKeyFor(key: string, userEmail: string): string {
  return `${key}:${userEmail.trim().toLowerCase()}`;
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

/** Keeps each user's draft in the browser's `localStorage` (or the `Storage` given) as JSON. */
export function localStorageDraftStore(options: LocalStorageDraftStoreOptions = {}): DraftStore {
  const key = options.key ?? DEFAULT_DRAFT_KEY;

  return {
    async load(callOptions) {
      throwIfAborted(callOptions);
      const storage = resolveStorage(options.storage);
      // Drafts saved before they were kept per user sit under the bare key. Nothing says whose
      // they are, so none is shown to anyone: it is removed.
      storage.removeItem(key);
      const userKey = draftKeyFor(key, callOptions.userEmail);
      const text = storage.getItem(userKey);
      const draft = readDraft(text, callOptions.userEmail);
      // Leaving an unreadable draft behind would only make every later load discard it again.
      if (draft === null && text !== null) storage.removeItem(userKey);

      return draft;
    },
    async save(draft, callOptions) {
      throwIfAborted(callOptions);
      const storage = resolveStorage(options.storage);
      try {
        storage.setItem(draftKeyFor(key, callOptions.userEmail), JSON.stringify(draft));
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
      resolveStorage(options.storage).removeItem(draftKeyFor(key, callOptions.userEmail));
    },
  };
}

/**
 * Keeps each user's draft in memory, as the JSON a browser store would hold, so it behaves the
 * same: for tests, server rendering and hosts that do not want drafts to outlive the page.
 */
export function memoryDraftStore(): DraftStore {
  const texts = new Map<string, string>();
  const keyOf = (options: DraftCallOptions) => options.userEmail.trim().toLowerCase();

  return {
    async load(callOptions) {
      throwIfAborted(callOptions);
      const draft = readDraft(texts.get(keyOf(callOptions)) ?? null, callOptions.userEmail);
      if (draft === null) texts.delete(keyOf(callOptions));
      return draft;
    },
    async save(draft, callOptions) {
      throwIfAborted(callOptions);
      texts.set(keyOf(callOptions), JSON.stringify(draft));
    },
    async clear(callOptions) {
      throwIfAborted(callOptions);
      texts.delete(keyOf(callOptions));
    },
  };
}
