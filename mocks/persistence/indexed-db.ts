/**
 * Browser persistence of the embedded engine: the state is loaded from
 * IndexedDB (idb-keyval) before the worker starts and saved after changes,
 * debounced, and flushed when the page is hidden or closed. Parts kept
 * beside the state (the browser demo's GitOps repository) are written in the
 * same IndexedDB transaction, so a reload never finds one without the other.
 */
import { del, delMany, get, getMany, set, setMany } from 'idb-keyval';
import type { Engine, EngineState } from '../engine';
import { isUsableState } from './usable-state';

/** The key/value calls the store needs (idb-keyval by default; a map in tests). */
export interface KeyValueStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** One transaction for several keys (idb-keyval has them; without them the keys are written one by one). */
  getMany?(keys: string[]): Promise<unknown[]>;
  setMany?(entries: Array<[string, unknown]>): Promise<void>;
  delMany?(keys: string[]): Promise<void>;
}

/**
 * Something saved with the engine state, under `<key>/<name>`, in the same
 * transaction: the browser demo's GitOps repository, whose commits the state
 * records.
 */
export interface PersistedPart {
  name: string;
  /** Changes with its content: an unchanged part is not written again. */
  readonly version: number;
  snapshot(): unknown;
  /** Takes a saved value; false when it is not one of its snapshots. */
  restore(value: unknown): boolean;
}

/** Where page-lifecycle events come from (window by default). */
export type EventSource = Pick<
  EventTarget,
  'addEventListener' | 'removeEventListener'
>;

/** Options of {@link createIndexedDbStore}. */
export interface IndexedDbStoreOptions {
  key?: string;
  /** Debounce of saves after a change, in ms (default 100). */
  delayMs?: number;
  storage?: KeyValueStorage;
  events?: EventSource;
  /** Saved and loaded with the state (none by default). */
  parts?: readonly PersistedPart[];
}

/** A persisted engine state in the browser. */
export interface BrowserStateStore {
  /** The saved state, or undefined when none (or one of another schema version) is stored; restores the parts saved with it. */
  load(): Promise<EngineState | undefined>;
  /** Saves `engine.snapshot()` after every change (debounced) and on pagehide; returns a detach function. */
  attach(engine: Engine): () => void;
  /** Writes a pending save now. */
  flush(): Promise<void>;
  /** Saves the attached engine's state now, change or not (a freshly seeded state, so the next load resumes it). */
  save(): Promise<void>;
  /** Cancels a pending save and deletes the stored state (the next load starts from the seed). */
  clear(): Promise<void>;
}

/** The IndexedDB key of the engine state. */
export const ENGINE_STATE_KEY = 'platform-console/engine-state';

const idbStorage: KeyValueStorage = {
  get,
  set,
  del,
  getMany,
  setMany,
  delMany,
};

async function getAll(storage: KeyValueStorage, keys: string[]) {
  if (storage.getMany) return storage.getMany(keys);
  return Promise.all(keys.map((key) => storage.get(key)));
}

async function setAll(
  storage: KeyValueStorage,
  entries: Array<[string, unknown]>,
) {
  if (entries.length === 1) return storage.set(...entries[0]!);
  if (storage.setMany) return storage.setMany(entries);
  for (const [key, value] of entries) await storage.set(key, value);
}

async function delAll(storage: KeyValueStorage, keys: string[]) {
  if (keys.length === 1) return storage.del(keys[0]!);
  if (storage.delMany) return storage.delMany(keys);
  for (const key of keys) await storage.del(key);
}

/** Creates the browser store (IndexedDB through idb-keyval unless `storage` is given). */
export function createIndexedDbStore(
  options: IndexedDbStoreOptions = {},
): BrowserStateStore {
  const key = options.key ?? ENGINE_STATE_KEY;
  const delayMs = options.delayMs ?? 100;
  const storage = options.storage ?? idbStorage;
  const parts = options.parts ?? [];
  const partKey = (part: PersistedPart) => `${key}/${part.name}`;
  // The version of each part last written (or loaded): unchanged parts are left as they are.
  const written = new Map<PersistedPart, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let source: Engine | undefined;
  // Writes are chained so that they land in the order they were taken.
  let writing: Promise<void> = Promise.resolve();

  const enqueue = (op: () => Promise<void>) => {
    writing = writing.then(op).catch((error: unknown) => {
      console.warn('[mock api] could not persist the engine state', error);
    });
    return writing;
  };

  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  /** The state and every changed part, taken now and written in one transaction. */
  const write = (engine: Engine) => {
    const entries: Array<[string, unknown]> = [[key, engine.snapshot()]];
    const versions = new Map<PersistedPart, number>();
    for (const part of parts) {
      if (written.get(part) === part.version) continue;
      versions.set(part, part.version);
      entries.push([partKey(part), part.snapshot()]);
    }
    return enqueue(async () => {
      await setAll(storage, entries);
      for (const [part, version] of versions) written.set(part, version);
    });
  };

  const flush = () => {
    const pending = timer !== undefined;
    cancel();
    if (!pending || !source) return writing;
    return write(source);
  };

  return {
    async load() {
      const [value, ...saved] = await getAll(storage, [
        key,
        ...parts.map(partKey),
      ]);
      if (!isUsableState(value)) return undefined;
      parts.forEach((part, i) => {
        if (saved[i] === undefined) return;
        if (part.restore(saved[i])) written.set(part, part.version);
        else console.warn(`[mock api] the saved ${part.name} is unusable`);
      });
      return value;
    },
    attach(engine) {
      source = engine;
      const unsubscribe = engine.subscribe(() => {
        timer ??= setTimeout(() => void flush(), delayMs);
      });
      const onHide = () => void flush();
      const onVisibility = () => {
        if (
          typeof document !== 'undefined' &&
          document.visibilityState === 'hidden'
        )
          void flush();
      };
      const events =
        options.events ?? (typeof window !== 'undefined' ? window : undefined);
      events?.addEventListener('pagehide', onHide);
      events?.addEventListener('visibilitychange', onVisibility);
      return () => {
        unsubscribe();
        events?.removeEventListener('pagehide', onHide);
        events?.removeEventListener('visibilitychange', onVisibility);
        if (source === engine) source = undefined;
      };
    },
    flush,
    save() {
      cancel();
      return source ? write(source) : writing;
    },
    clear() {
      cancel();
      written.clear();
      return enqueue(() => delAll(storage, [key, ...parts.map(partKey)]));
    },
  };
}
