/**
 * The embedded engine in the browser: MSW's service worker answers the
 * console's API calls with the mock handlers. Loaded lazily by main.tsx in
 * mock mode only. The engine's state survives reloads in IndexedDB.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { APP_VISIBILITIES, type AppVisibility, type Engine } from './engine';
import { SCENARIOS, type Scenario } from './fixtures';
import { createHandlers } from './handlers';
import {
  ENGINE_STATE_KEY,
  createIndexedDbStore,
  type BrowserStateStore,
} from './persistence/indexed-db';
import { createTabSync } from './persistence/tab-sync';
import { createDemoEngine, getEngine, setEngine } from './runtime';
import {
  FAULTS_STORAGE_KEY,
  parseFaultConfig,
  type FaultConfig,
} from '../src/contract/fault-config';

export { DEMO_ORG_ID, DEMO_TOKEN, DEMO_TOKENS } from './fixtures';

/** Options of {@link startWorker}. */
export interface StartWorkerOptions {
  /** Path prefix of the API, as the console's client uses it (default `/api`). */
  base?: string;
  /** Keep the state in IndexedDB across reloads (default true). */
  persist?: boolean;
}

const SCENARIO_KEY = 'platform-console/scenario';
const APP_VISIBILITY_KEY = 'platform-console/app-visibility';

/**
 * The scenario of this tab: `?scenario=<name>` on any URL chooses one (and is
 * remembered for the tab), `?scenario=demo` goes back to the demo data.
 */
function chooseScenario(): { name: string; scenario: Scenario } {
  const requested = new URLSearchParams(window.location.search).get('scenario');
  if (requested && SCENARIOS[requested])
    sessionStorage.setItem(SCENARIO_KEY, requested);
  else if (requested)
    console.warn(
      `[mock api] unknown scenario "${requested}"; known: ${Object.keys(SCENARIOS).join(', ')}`,
    );
  const name = sessionStorage.getItem(SCENARIO_KEY) ?? 'demo';
  return SCENARIOS[name]
    ? { name, scenario: SCENARIOS[name] }
    : { name: 'demo', scenario: SCENARIOS.demo };
}

/**
 * Fault injection of this tab (README, "Fault injection"): `?faults=0.2` or
 * `?faults=rate:0.2,kinds:500|timeout,delay:300,seed:7` turns it on and is
 * remembered for the tab (sessionStorage), `?faults=off` turns it off; the
 * Settings page's panel writes the same key. Read on every API call.
 */
function rememberFaults() {
  const requested = new URLSearchParams(window.location.search).get('faults');
  if (requested === null) return;
  try {
    if (parseFaultConfig(requested))
      sessionStorage.setItem(FAULTS_STORAGE_KEY, requested);
    else sessionStorage.removeItem(FAULTS_STORAGE_KEY);
  } catch (error) {
    console.warn(
      `[mock api] ignoring ?faults=${requested}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function currentFaults(): FaultConfig | undefined {
  try {
    return parseFaultConfig(sessionStorage.getItem(FAULTS_STORAGE_KEY) ?? '');
  } catch {
    return undefined;
  }
}

/**
 * Which apps members read in this tab (README, "Access control"):
 * `?app-visibility=organisation` lets every organisation role read every app
 * (the demo's old behaviour) and is remembered for the tab;
 * `?app-visibility=roles` goes back to Humanitec's rule, the default.
 */
function chooseAppVisibility(): AppVisibility | undefined {
  const requested = new URLSearchParams(window.location.search).get(
    'app-visibility',
  );
  if (requested && (APP_VISIBILITIES as readonly string[]).includes(requested))
    sessionStorage.setItem(APP_VISIBILITY_KEY, requested);
  else if (requested)
    console.warn(
      `[mock api] unknown app-visibility "${requested}"; known: ${APP_VISIBILITIES.join(', ')}`,
    );
  const chosen = sessionStorage.getItem(APP_VISIBILITY_KEY);
  return APP_VISIBILITIES.find((value) => value === chosen);
}

async function resumeEngine(
  store: BrowserStateStore,
  options: Parameters<typeof createDemoEngine>[0],
): Promise<Engine> {
  const state = await store.load().catch(() => undefined);
  if (state) {
    try {
      return createDemoEngine({ ...options, state });
    } catch (error) {
      console.warn(
        '[mock api] the saved demo state could not be resumed; starting from the seed',
        error,
      );
      await store.clear();
    }
  }
  return createDemoEngine(options);
}

/**
 * Starts the mock API in the page: resumes the saved engine state (or seeds
 * the demo organisation), then starts the worker. Requests that match no
 * handler go to the network.
 */
export async function startWorker(
  options: StartWorkerOptions = {},
): Promise<SetupWorker> {
  const { name, scenario } = chooseScenario();
  const appVisibility = chooseAppVisibility();
  const engineOptions = {
    scenario: scenario.build,
    ...(appVisibility ? { appVisibility } : {}),
  };
  rememberFaults();
  const key =
    name === 'demo' ? ENGINE_STATE_KEY : `${ENGINE_STATE_KEY}/${name}`;
  const store =
    options.persist === false ? undefined : createIndexedDbStore({ key });
  const engine = store
    ? await resumeEngine(store, engineOptions)
    : createDemoEngine(engineOptions);
  let changes = 0;
  const adopt = (next: Engine) => {
    setEngine(next);
    next.subscribe(() => {
      changes += 1;
    });
    return store?.attach(next);
  };
  let detach = adopt(engine);
  // Tabs of this scenario share its saved state (tab-sync.ts).
  const around = store
    ? createTabSync(key, {
        changes: () => changes,
        save: () => store.flush(),
        async reload() {
          const state = await store.load().catch(() => undefined);
          if (!state) return;
          detach?.();
          detach = adopt(createDemoEngine({ ...engineOptions, state }));
        },
      })
    : undefined;
  const worker = setupWorker(
    ...createHandlers(getEngine, {
      base: options.base ?? '/api',
      onReset: () => store?.clear(),
      faults: currentFaults,
      around,
    }),
  );
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: '/mockServiceWorker.js' },
  });
  return worker;
}
