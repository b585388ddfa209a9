/**
 * The embedded engine in the browser: MSW's service worker answers the
 * console's API calls with the mock handlers. Loaded lazily by main.tsx in
 * mock mode only. The engine's state survives reloads in IndexedDB.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { Engine } from './engine';
import { createHandlers } from './handlers';
import { createIndexedDbStore, type BrowserStateStore } from './persistence/indexed-db';
import { createDemoEngine, getEngine, setEngine } from './runtime';

export { DEMO_ORG_ID, DEMO_TOKEN, DEMO_TOKENS } from './engine';

/** Options of {@link startWorker}. */
export interface StartWorkerOptions {
  /** Path prefix of the API, as the console's client uses it (default `/api`). */
  base?: string;
  /** Keep the state in IndexedDB across reloads (default true). */
  persist?: boolean;
}

async function resumeEngine(store: BrowserStateStore): Promise<Engine> {
  const state = await store.load().catch(() => undefined);
  if (state) {
    try {
      return createDemoEngine({ state });
    } catch (error) {
      console.warn('[mock api] the saved demo state could not be resumed; starting from the seed', error);
      await store.clear();
    }
  }
  return createDemoEngine();
}

/**
 * Starts the mock API in the page: resumes the saved engine state (or seeds
 * the demo organisation), then starts the worker. Requests that match no
 * handler go to the network.
 */
export async function startWorker(options: StartWorkerOptions = {}): Promise<SetupWorker> {
  const store = options.persist === false ? undefined : createIndexedDbStore();
  const engine = store ? await resumeEngine(store) : createDemoEngine();
  setEngine(engine);
  store?.attach(engine);
  const worker = setupWorker(
    ...createHandlers(getEngine, { base: options.base ?? '/api', onReset: () => store?.clear() }),
  );
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return worker;
}
