/**
 * Where test engines find a demo state built elsewhere: Vitest's global set-up
 * (demo-state-global-setup.ts) builds the demo state for the tests' starting
 * instant once per run, and each test file's set-up (demo-state-setup.ts)
 * points this source at it, so `resetTestEngine` (mocks/runtime.ts) restores
 * it instead of running the seed script again in every file. It imports
 * nothing, so a test file that never seeds an engine pays nothing for it.
 */
import type { EngineState } from '../engine';

/** A demo state and the instant it was built for. */
export interface ProvidedDemoState {
  now: number;
  state: EngineState;
}

let provided: (() => ProvidedDemoState) | undefined;

/** For test set-up files: where the run's demo state comes from (read only when an engine is seeded). */
export function setDemoStateSource(source: () => ProvidedDemoState): void {
  provided = source;
}

/** The provided demo state for `now`, if there is one for that instant. */
export function providedDemoState(now: number): EngineState | undefined {
  const found = provided?.();
  return found?.now === now ? found.state : undefined;
}
