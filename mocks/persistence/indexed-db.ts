/**
 * Browser persistence of the embedded engine: the state is loaded from
 * IndexedDB (idb-keyval) before the worker starts and saved after changes,
 * debounced, and flushed when the page is hidden or closed.
 */
import { del, get, set } from 'idb-keyval';
import type { Engine, EngineState } from '../engine';
import { isUsableState } from './usable-state';

/** The key/value calls the store needs (idb-keyval by default; a map in tests). */
export interface KeyValueStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
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
}

/** A persisted engine state in the browser. */
export interface BrowserStateStore {
  /** The saved state, or undefined when none (or one of another schema version) is stored. */
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

const idbStorage: KeyValueStorage = { get, set, del };

/** Creates the browser store (IndexedDB through idb-keyval unless `storage` is given). */
export function createIndexedDbStore(
  options: IndexedDbStoreOptions = {},
): BrowserStateStore {
  const key = options.key ?? ENGINE_STATE_KEY;
  const delayMs = options.delayMs ?? 100;
  const storage = options.storage ?? idbStorage;
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

  const flush = () => {
    const pending = timer !== undefined;
    cancel();
    if (!pending || !source) return writing;
    const snapshot = source.snapshot();
    return enqueue(() => storage.set(key, snapshot));
  };

  return {
    async load() {
      const value = await storage.get(key);
      return isUsableState(value) ? value : undefined;
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
      const engine = source;
      if (!engine) return writing;
      return enqueue(() => storage.set(key, engine.snapshot()));
    },
    clear() {
      cancel();
      return enqueue(() => storage.del(key));
    },
  };
}
