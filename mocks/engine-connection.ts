/**
 * The page's connection to the embedded engine's worker (engine-worker.ts):
 * which state this tab uses (scenario, app visibility, persistence), its
 * fault injection, and the port requests go over. Opened by main.tsx before
 * MSW has loaded, so the worker boots (and seeds, on a first visit) while the
 * page fetches MSW and registers its service worker. No engine code here.
 */
import type { EngineReplyMessage, EngineRequestMessage } from './engine-host';
import {
  FAULTS_STORAGE_KEY,
  parseFaultConfig,
} from '../src/contract/fault-config';
import {
  APP_VISIBILITY_NAMES,
  SCENARIO_NAMES,
  type TabAppVisibility as AppVisibility,
} from './tab-options';

/** Options of {@link openEngineConnection}. */
export interface EngineConnectionOptions {
  /** Path prefix of the API, as the console's client uses it (default `/api`). */
  base?: string;
  /** Keep the state in IndexedDB across reloads (default true). */
  persist?: boolean;
}

/** An open connection: the API's base path, and a request sender. */
export interface EngineConnection {
  base: string;
  send(
    message: Omit<EngineRequestMessage, 'id' | 'type' | 'faults'>,
  ): Promise<EngineReplyMessage>;
}

const SCENARIO_KEY = 'platform-console/scenario';
const APP_VISIBILITY_KEY = 'platform-console/app-visibility';

/**
 * The scenario of this tab: `?scenario=<name>` on any URL chooses one (and is
 * remembered for the tab), `?scenario=demo` goes back to the demo data.
 */
function chooseScenario(): string {
  const known = (name: string | null) =>
    (SCENARIO_NAMES as readonly (string | null)[]).includes(name);
  const requested = new URLSearchParams(window.location.search).get('scenario');
  if (known(requested)) sessionStorage.setItem(SCENARIO_KEY, requested!);
  else if (requested)
    console.warn(
      `[mock api] unknown scenario "${requested}"; known: ${SCENARIO_NAMES.join(', ')}`,
    );
  const name = sessionStorage.getItem(SCENARIO_KEY);
  return known(name) ? name! : 'demo';
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

function currentFaults(): string | null {
  return sessionStorage.getItem(FAULTS_STORAGE_KEY);
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
  if (
    requested &&
    (APP_VISIBILITY_NAMES as readonly string[]).includes(requested)
  )
    sessionStorage.setItem(APP_VISIBILITY_KEY, requested);
  else if (requested)
    console.warn(
      `[mock api] unknown app-visibility "${requested}"; known: ${APP_VISIBILITY_NAMES.join(', ')}`,
    );
  const chosen = sessionStorage.getItem(APP_VISIBILITY_KEY);
  return APP_VISIBILITY_NAMES.find((value) => value === chosen);
}

/** A connection to the engine's worker: posts requests, resolves their replies. */
function connectEngine(name: string) {
  const pending = new Map<number, (reply: EngineReplyMessage) => void>();
  let next = 0;
  // One worker per origin and name: every tab of this scenario shares it.
  // Where SharedWorker is missing (Chrome on Android), a dedicated worker per tab.
  const port: MessagePort | Worker =
    typeof SharedWorker === 'function'
      ? new SharedWorker(new URL('./engine-worker.ts', import.meta.url), {
          type: 'module',
          name,
        }).port
      : new Worker(new URL('./engine-worker.ts', import.meta.url), {
          type: 'module',
          name,
        });
  port.addEventListener('message', (event) => {
    const reply = (event as MessageEvent<EngineReplyMessage>).data;
    const resolve = pending.get(reply.id);
    pending.delete(reply.id);
    resolve?.(reply);
  });
  if ('start' in port) port.start();
  return (message: Omit<EngineRequestMessage, 'id' | 'type'>) =>
    new Promise<EngineReplyMessage>((resolve) => {
      const id = (next += 1);
      pending.set(id, resolve);
      port.postMessage({ ...message, type: 'request', id });
    });
}

/** Chooses this tab's state and opens its connection to the engine's worker. */
export function openEngineConnection(
  options: EngineConnectionOptions = {},
): EngineConnection {
  const base = options.base ?? '/api';
  const scenario = chooseScenario();
  const appVisibility = chooseAppVisibility();
  rememberFaults();
  const query = new URLSearchParams({ scenario, base });
  if (appVisibility) query.set('app-visibility', appVisibility);
  if (options.persist === false) query.set('persist', '0');
  const post = connectEngine(`platform-console-engine?${query}`);
  return {
    base,
    send: (message) => post({ ...message, faults: currentFaults() }),
  };
}
