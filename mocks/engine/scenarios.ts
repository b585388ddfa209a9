import type { EngineState } from './engine-api';
import { buildDemoState } from './seed';
import { buildLargeState } from './seed-large';
import { buildBigDiffState } from './seed-big-diff';
import { buildXssState } from './seed-xss';

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
  large: { description: 'A generated organisation: 1,000 apps × 4 environments, ~12,000 deployments (navigation at scale).', build: buildLargeState },
  'big-diff': { description: 'App big-diff: two deployments of 500 workloads, all 500 changed (the diff benchmark).', build: buildBigDiffState },
  xss: { description: 'App xss-lab: every name, comment, variable, error and profile text is an HTML or script payload (the XSS test).', build: buildXssState },
};
