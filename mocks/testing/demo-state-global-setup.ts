/**
 * Vitest global set-up: builds the demo state for TEST_START_MS (the instant
 * `resetTestEngine` seeds) once per run and provides it to every test file
 * (demo-state-setup.ts), instead of each file running the seed script (about
 * a second, several under load). The state is what the seed builds for that
 * instant; mocks/fixtures/test-demo-state.test.ts proves a test file receives
 * exactly that.
 */
import type { TestProject } from 'vitest/node';
import { buildDemoState } from '../fixtures';
import { TEST_START_MS } from '../runtime';
import type { ProvidedDemoState } from './demo-state-source';

declare module 'vitest' {
  export interface ProvidedContext {
    demoState: ProvidedDemoState;
  }
}

export default function provideDemoState(project: TestProject): void {
  // The projects extend the root config, so Vitest calls this for each of them
  // too; they inherit what the root provides, which is always set up.
  if (!project.isRootProject()) return;
  project.provide('demoState', {
    now: TEST_START_MS,
    state: buildDemoState(TEST_START_MS),
  });
}
