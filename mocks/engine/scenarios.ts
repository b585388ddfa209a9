import type { EngineState } from './engine-api';
import { buildDemoState } from './seed';

/** A named seed of the engine: the demo organisation, or a generated one for benchmarks. */
export interface Scenario {
  description: string;
  build: (now: number) => EngineState;
}

/**
 * The scenarios the console can start with. In the browser, open the console
 * with `?scenario=<name>` once; the choice is kept for the tab (sessionStorage)
 * and its state is persisted apart from the demo data.
 */
export const SCENARIOS: Record<string, Scenario> = {
  demo: {
    description: 'The demo organisation acme: five apps, a month of history, every fault rule.',
    build: buildDemoState,
  },
};
