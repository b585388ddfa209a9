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
  type ManualClock,
} from './engine';
import {
  createEngine,
  type DemoEngineOptions as SeededEngineOptions,
} from './fixtures';
import { consoleSchemaValidator } from '../src/lib/json-schema/schema-validator';

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
 * For tests: a fresh demo engine on a manual clock (starting at
 * {@link TEST_START_MS}) with deterministic ids, installed as the current one.
 */
export function resetTestEngine(startMs = TEST_START_MS): {
  engine: Engine;
  clock: ManualClock;
} {
  const clock = createManualClock(startMs);
  const engine = resetEngine({ clock, ids: createSequentialIds('test') });
  return { engine, clock };
}
