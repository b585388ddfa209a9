import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ORG_ID, STATE_SCHEMA_VERSION, type Engine } from '../engine';
import { resetTestEngine } from '../runtime';
import {
  createIndexedDbStore,
  ENGINE_STATE_KEY,
  type KeyValueStorage,
} from './indexed-db';

function memoryStorage() {
  const map = new Map<string, unknown>();
  const storage: KeyValueStorage = {
    get: vi.fn(async (key: string) => map.get(key)),
    set: vi.fn(async (key: string, value: unknown) => {
      map.set(key, structuredClone(value));
    }),
    del: vi.fn(async (key: string) => {
      map.delete(key);
    }),
  };
  return { map, storage };
}

let engine: Engine;
const actor = () => engine.authenticate('hum_demo_admin_token');
const change = (id: string) =>
  engine.createApp(actor(), DEMO_ORG_ID, { id, name: id });

beforeEach(() => {
  vi.useFakeTimers();
  ({ engine } = resetTestEngine());
});
afterEach(() => vi.useRealTimers());

describe('createIndexedDbStore', () => {
  it('saves once, 100 ms after a burst of changes', async () => {
    const { map, storage } = memoryStorage();
    const store = createIndexedDbStore({ storage, events: new EventTarget() });
    store.attach(engine);
    change('one');
    change('two');
    await vi.advanceTimersByTimeAsync(99);
    expect(storage.set).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(storage.set).toHaveBeenCalledTimes(1);
    expect(map.get(ENGINE_STATE_KEY)).toEqual(engine.snapshot());
  });

  it('saves a state with no change at once when asked (a fresh seed), and cancels a pending save', async () => {
    const { map, storage } = memoryStorage();
    const store = createIndexedDbStore({ storage, events: new EventTarget() });
    await store.save();
    expect(storage.set).not.toHaveBeenCalled(); // nothing attached yet
    store.attach(engine);
    await store.save();
    expect(map.get(ENGINE_STATE_KEY)).toEqual(engine.snapshot());
    change('one');
    await store.save();
    await vi.advanceTimersByTimeAsync(500);
    expect(storage.set).toHaveBeenCalledTimes(2);
    expect(map.get(ENGINE_STATE_KEY)).toEqual(engine.snapshot());
  });

  it('flushes a pending save on pagehide', async () => {
    const { storage } = memoryStorage();
    const events = new EventTarget();
    createIndexedDbStore({ storage, events }).attach(engine);
    change('one');
    events.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.set).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(storage.set).toHaveBeenCalledTimes(1);
  });

  it('loads what it saved, and nothing of another schema version', async () => {
    const { map, storage } = memoryStorage();
    const store = createIndexedDbStore({ storage, events: new EventTarget() });
    store.attach(engine);
    change('one');
    await store.flush();
    expect(await store.load()).toEqual(engine.snapshot());
    map.set(ENGINE_STATE_KEY, { schemaVersion: STATE_SCHEMA_VERSION + 1 });
    expect(await store.load()).toBeUndefined();
  });

  it('clear cancels a pending save and deletes the state', async () => {
    const { map, storage } = memoryStorage();
    map.set(ENGINE_STATE_KEY, engine.snapshot());
    const store = createIndexedDbStore({ storage, events: new EventTarget() });
    store.attach(engine);
    change('one');
    await store.clear();
    await vi.advanceTimersByTimeAsync(200);
    expect(storage.set).not.toHaveBeenCalled();
    expect(map.has(ENGINE_STATE_KEY)).toBe(false);
  });

  it('stops saving once detached', async () => {
    const { storage } = memoryStorage();
    const detach = createIndexedDbStore({
      storage,
      events: new EventTarget(),
    }).attach(engine);
    detach();
    change('one');
    await vi.advanceTimersByTimeAsync(200);
    expect(storage.set).not.toHaveBeenCalled();
  });
});
