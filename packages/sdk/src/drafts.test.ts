import { DRAFT_SCHEMA_VERSION, EMPTY_SCOPE } from '@aws-connection-wizard/core';
import type { Draft } from '@aws-connection-wizard/core';

import { localStorageDraftStore, memoryDraftStore } from './drafts';
import { isAdapterError } from './errors';

/** A `Storage` kept in a Map, refusing writes beyond `quota` characters as browsers do. */
class MapStorage implements Storage {
  readonly items = new Map<string, string>();

  constructor(private readonly quota = Number.POSITIVE_INFINITY) {}

  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (value.length > this.quota) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.items.set(key, value);
  }
}

const AMELIA = 'amelia.hart@example.com';

const draft: Draft = {
  schemaVersion: DRAFT_SCHEMA_VERSION,
  savedAt: '2026-12-03T10:00:00.000Z',
  userEmail: AMELIA,
  path: 'dedicatedRole',
  values: {
    details: {
      connectionName: 'Prod "read-only" $(whoami)',
      roleNameSuffix: 'prod-read-only',
      roleNameEdited: false,
      description: 'Line one\nline two',
    },
    managementAccountId: '534439589175',
    scope: { ...EMPTY_SCOPE, selected: ['ou-nw7k-886vompz'], excluded: ['560805363094'] },
    policies: { managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], allowedActions: [] },
    access: [{ email: 'amelia.hart@example.com', level: 'owner' }],
    region: null,
  },
  openStep: 'scope',
  furthestStep: 'policies',
  submission: null,
};

const call = (userEmail = AMELIA) => ({ signal: new AbortController().signal, userEmail });

describe('given a localStorage draft store', () => {
  it('should give back exactly the draft it saved, under its key and the user', async () => {
    const storage = new MapStorage();
    const store = localStorageDraftStore({ storage, key: 'wizard-a' });

    await store.save(draft, call());

    expect(JSON.parse(storage.getItem(`wizard-a:${AMELIA}`)!)).toEqual(draft);
    expect(await store.load(call('Amelia.Hart@Example.com'))).toEqual(draft);
    await store.clear(call());
    expect(await store.load(call())).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('should keep one draft per user, so two users of one browser never share one', async () => {
    const storage = new MapStorage();
    const store = localStorageDraftStore({ storage });
    const diego = 'diego.ramos@example.com';
    const diegoDraft: Draft = {
      ...draft,
      userEmail: diego,
      values: { ...draft.values, access: [{ email: diego, level: 'owner' }] },
    };

    await store.save(draft, call());
    await store.save(diegoDraft, call(diego));

    expect(await store.load(call())).toEqual(draft);
    expect(await store.load(call(diego))).toEqual(diegoDraft);
    expect(await store.load(call('grace.liu@example.com'))).toBeNull();
    await store.clear(call(diego));
    expect(await store.load(call())).toEqual(draft);
  });

  it('should not give a user a draft that names someone else', async () => {
    const storage = new MapStorage();
    storage.setItem(
      `aws-connection-wizard:draft:${AMELIA}`,
      JSON.stringify({ ...draft, userEmail: 'x@example.com' }),
    );

    expect(await localStorageDraftStore({ storage }).load(call())).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('should discard a corrupted draft instead of throwing', async () => {
    const storage = new MapStorage();
    storage.setItem(`aws-connection-wizard:draft:${AMELIA}`, '{"schemaVersion":1,"values":');
    const store = localStorageDraftStore({ storage });

    expect(await store.load(call())).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('should remove a draft saved before drafts were kept per user, showing it to nobody', async () => {
    const storage = new MapStorage();
    const { userEmail: _none, ...version1 } = { ...draft, schemaVersion: 1 };
    storage.setItem('aws-connection-wizard:draft', JSON.stringify(version1));

    expect(await localStorageDraftStore({ storage }).load(call())).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('should discard a draft of an unknown schema version', async () => {
    const storage = new MapStorage();
    storage.setItem(
      `aws-connection-wizard:draft:${AMELIA}`,
      JSON.stringify({ ...draft, schemaVersion: DRAFT_SCHEMA_VERSION + 1 }),
    );

    expect(await localStorageDraftStore({ storage }).load(call())).toBeNull();
  });

  it('should report a full storage as a retryable unavailable error', async () => {
    const store = localStorageDraftStore({ storage: new MapStorage(100) });
    const failure = await store.save(draft, call()).catch((error: unknown) => error);

    expect(isAdapterError(failure)).toBe(true);
    expect(failure).toMatchObject({ kind: 'unavailable', retryable: true });
    expect((failure as Error).message).toMatch(/storage is full/);
  });

  it('should not touch storage once the call is aborted', async () => {
    const storage = new MapStorage();
    const controller = new AbortController();
    controller.abort(new Error('moved on'));

    await expect(
      localStorageDraftStore({ storage }).save(draft, {
        signal: controller.signal,
        userEmail: AMELIA,
      }),
    ).rejects.toThrow('moved on');
    expect(storage.length).toBe(0);
  });

  it('should fail as unavailable where there is no localStorage (server rendering)', async () => {
    expect('localStorage' in globalThis).toBe(false);
    await expect(localStorageDraftStore().load(call())).rejects.toMatchObject({
      kind: 'unavailable',
      retryable: false,
    });
  });
});

describe('given a memory draft store', () => {
  it('should round-trip a draft as a copy, not the same object', async () => {
    const store = memoryDraftStore();
    await store.save(draft, call());
    const loaded = await store.load(call());

    expect(loaded).toEqual(draft);
    expect(loaded).not.toBe(draft);
    await store.clear(call());
    expect(await store.load(call())).toBeNull();
  });

  it('should keep one draft per user', async () => {
    const store = memoryDraftStore();
    await store.save(draft, call());

    expect(await store.load(call('diego.ramos@example.com'))).toBeNull();
    expect(await store.load(call())).toEqual(draft);
  });
});
