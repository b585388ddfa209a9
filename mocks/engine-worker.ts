/**
 * The embedded engine's worker: one per origin and scenario, shared by every
 * tab (a SharedWorker; a dedicated worker per tab where the browser has no
 * SharedWorker). It resumes the saved state from IndexedDB, or seeds the
 * scenario, and answers the tabs' API requests (engine-host.ts). The page's
 * main thread never loads the engine, the seed or the handlers.
 *
 * Its name (set by browser.ts) says which state it serves:
 * `platform-console-engine?scenario=<name>&base=/api&app-visibility=<rule>&persist=0|1`.
 */
import { APP_VISIBILITIES, type AppVisibility, type Engine } from './engine';
import { SCENARIOS } from './fixtures';
import { createEngineHost, type HostPort } from './engine-host';
import {
  ENGINE_STATE_KEY,
  createIndexedDbStore,
  type BrowserStateStore,
} from './persistence/indexed-db';
import { rebaseState, type SeedSnapshot } from './fixtures/seed-snapshot';
import { createDemoEngine } from './runtime';
import { demoSeedJson } from 'virtual:demo-seed';
import {
  attachBrowserGitops,
  BROWSER_GITOPS_URL,
  createBrowserGitopsFs,
  gitopsRepositoryPart,
} from './gitops/browser';

/** What the worker reads of its global scope (typed here: the project's lib is the DOM's). */
interface WorkerScope {
  name: string;
  location: { origin: string };
  onconnect?: ((event: { ports: readonly HostPort[] }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope & HostPort;
const params = new URLSearchParams(scope.name.split('?')[1] ?? '');
const scenarioName =
  params.get('scenario') && SCENARIOS[params.get('scenario')!]
    ? params.get('scenario')!
    : 'demo';
const appVisibility = APP_VISIBILITIES.find(
  (value) => value === params.get('app-visibility'),
) as AppVisibility | undefined;
const engineOptions = {
  scenario: SCENARIOS[scenarioName]!.build,
  gitopsRepositoryUrl: BROWSER_GITOPS_URL,
  ...(appVisibility ? { appVisibility } : {}),
};
const key =
  scenarioName === 'demo'
    ? ENGINE_STATE_KEY
    : `${ENGINE_STATE_KEY}/${scenarioName}`;
// The GitOps repository's files are saved with the state, in one transaction (gitops/browser.ts).
const gitopsFs = createBrowserGitopsFs();
const store =
  params.get('persist') === '0'
    ? undefined
    : createIndexedDbStore({ key, parts: [gitopsRepositoryPart(gitopsFs)] });

/**
 * A new engine of this tab's scenario. The demo starts from its seed built
 * with the console (vite.config.ts, `virtual:demo-seed`) moved to now; other
 * scenarios are built here.
 */
function seedEngine(): Engine {
  if (scenarioName !== 'demo') return createDemoEngine(engineOptions);
  const { at, state } = JSON.parse(demoSeedJson) as SeedSnapshot;
  return createDemoEngine({
    ...engineOptions,
    state: rebaseState(state, at, Date.now()),
    adoptState: true,
  });
}

/** The saved engine, or a freshly seeded one (`seeded`: the store has nothing of it yet). */
async function resumeEngine(
  store: BrowserStateStore,
): Promise<{ engine: Engine; seeded: boolean }> {
  const state = await store.load().catch(() => undefined);
  if (state) {
    try {
      return {
        engine: createDemoEngine({ ...engineOptions, state, adoptState: true }),
        seeded: false,
      };
    } catch (error) {
      console.warn(
        '[mock api] the saved demo state could not be resumed; starting from the seed',
        error,
      );
      await store.clear();
    }
  }
  return { engine: seedEngine(), seeded: true };
}

const engine = (
  store
    ? resumeEngine(store)
    : Promise.resolve({ engine: seedEngine(), seeded: true })
).then(async ({ engine: resumed, seeded }) => {
  store?.attach(resumed);
  // GitOps deployments become commits of the repository saved with the state (gitops/browser.ts).
  await attachBrowserGitops(resumed, gitopsFs);
  // A fresh seed is saved at once, not at the first change: later loads resume it instead of seeding again.
  if (seeded) void store?.save();
  return resumed;
});
const host = createEngineHost({
  engine,
  store,
  origin: scope.location.origin,
  pathPrefix: params.get('base') ?? '/api',
});

if ('onconnect' in scope) {
  scope.onconnect = (event) => host.connect(event.ports[0]!);
} else {
  host.connect(scope);
}
