/**
 * The engine instance of this page or process. Handlers reach it through
 * `getEngine` on every request, so tests can swap it without recreating the
 * handlers. Outside tests the engine runs on the real clock with random ids.
 */
import {
  createManualClock,
  createRandomIds,
  createSequentialIds,
  systemClock,
  type Engine,
  type EngineState,
  type ManualClock,
} from './engine';
import {
  buildDemoState,
  createEngine,
  type DemoEngineOptions as SeededEngineOptions,
} from './fixtures';
import { consoleSchemaValidator } from '../src/lib/json-schema/schema-validator';
import { providedDemoState } from './testing/demo-state-source';

/** Options of a demo engine; defaults: the real clock, random ids, the demo seed. */
export type DemoEngineOptions = Partial<SeededEngineOptions>;

/** The instant deterministic test engines start at: 2026-01-15T09:00:00Z. */
export const TEST_START_MS = Date.UTC(2026, 0, 15, 9, 0, 0);

let current: Engine | undefined;

/** A new engine (demo seed unless `state` or `seed` say otherwise). */
export function createDemoEngine(options: DemoEngineOptions = {}): Engine {
  return createEngine({
    clock: options.clock ?? systemClock,
    ids: options.ids ?? createRandomIds(),
    seed: options.seed ?? 'demo',
    ...(options.state ? { state: options.state } : {}),
    ...(options.scenario ? { scenario: options.scenario } : {}),
    ...(options.trackChanges ? { trackChanges: true } : {}),
    ...(options.adoptState ? { adoptState: true } : {}),
    // Which apps members read (README "Access control"); the engine's default is Humanitec's rule.
    ...(options.appVisibility ? { appVisibility: options.appVisibility } : {}),
    // Where the GitOps repository is (`npm run api -- --gitops-dir DIR`), shown by the GitOps status.
    ...(options.gitopsRepositoryUrl
      ? { gitopsRepositoryUrl: options.gitopsRepositoryUrl }
      : {}),
    // ajv with the forms' options and messages (src/lib/json-schema), so engine and forms agree.
    schemaValidator: options.schemaValidator ?? consoleSchemaValidator,
  });
}

/** The current engine, created on first use. */
export function getEngine(): Engine {
  current ??= createDemoEngine();
  return current;
}

/** Replaces the current engine (e.g. one resumed from persisted state). */
export function setEngine(engine: Engine): Engine {
  current = engine;
  return engine;
}

/** Replaces the current engine by a fresh one (real clock and random ids unless given). */
export function resetEngine(options: DemoEngineOptions = {}): Engine {
  return setEngine(createDemoEngine(options));
}

/**
 * The demo states test engines were seeded with, by instant. buildDemoState
 * runs the whole seed script (about a second) and is deterministic for an
 * instant, and the engine seeds itself with a copy of what its seed returns,
 * so one state per instant serves every test of the process. A test whose
 * clock moves on before `reset()` asks for another instant: the map is kept
 * small.
 */
const testDemoStates = new Map<number, EngineState>();
const MAX_TEST_DEMO_STATES = 4;

/**
 * The demo state for `now`: the one Vitest's global set-up built
 * (mocks/testing/demo-state-source.ts), else built once per process.
 */
export function testDemoState(now: number): EngineState {
  let state = testDemoStates.get(now);
  if (state === undefined) {
    state = providedDemoState(now) ?? buildDemoState(now);
    if (testDemoStates.size >= MAX_TEST_DEMO_STATES)
      testDemoStates.delete(testDemoStates.keys().next().value!);
    testDemoStates.set(now, state);
  }
  return state;
}

/**
 * For tests: a fresh demo engine on a manual clock (starting at
 * {@link TEST_START_MS}) with deterministic ids, installed as the current one.
 * Its state is the demo seed's for that instant (restored from
 * {@link testDemoState}, identical to running the seed: mocks/fixtures/test-demo-state.test.ts).
 */
export function resetTestEngine(startMs = TEST_START_MS): {
  engine: Engine;
  clock: ManualClock;
} {
  const clock = createManualClock(startMs);
  const engine = resetEngine({
    clock,
    ids: createSequentialIds('test'),
    // The engine copies what its seed returns (createEngine), so the shared state is never changed.
    scenario: testDemoState,
  });
  return { engine, clock };
}
