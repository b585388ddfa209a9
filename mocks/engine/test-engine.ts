/**
 * Test helpers: an engine on the `empty` seed with a manual clock and
 * deterministic ids, the demo users' actors, and small workloads (test-only;
 * nothing in the engine imports this file).
 */
import { createManualClock, createSequentialIds } from './clock';
import type { ManualClock } from './clock';
import { DEMO_ORG_ID, DEMO_TOKENS } from './constants';
import { createEngine } from './engine';
import type { Actor, Engine } from './engine-api';
import { EngineError } from './errors';
import type { DeltaInput, Module } from './model';

/** 2025-06-01T00:00:00.000Z */
export const T0 = Date.UTC(2025, 5, 1);
/** The demo organisation. */
export const ORG = DEMO_ORG_ID;

/** A test bench: engine, clock and the three demo users. */
export interface Bench {
  engine: Engine;
  clock: ManualClock;
  admin: Actor;
  dev: Actor;
  viewer: Actor;
}

/** An engine seeded `empty` at {@link T0}. */
export function bench(): Bench {
  const clock = createManualClock(T0);
  const engine = createEngine({
    clock,
    ids: createSequentialIds('test'),
    seed: 'empty',
  });
  return {
    engine,
    clock,
    admin: engine.authenticate(DEMO_TOKENS.administrator),
    dev: engine.authenticate(DEMO_TOKENS.developer),
    viewer: engine.authenticate(DEMO_TOKENS.viewer),
  };
}

/** A bench with an app `shop` (created by the administrator), the starting point of most engine tests. */
export function shopBench(): Bench {
  const b = bench();
  b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
  // As in the demo: Dana develops shop (and deploys to development and staging).
  b.engine.addAppUser(b.admin, ORG, 'shop', { id: 'dana-dev', role: 'developer' });
  return b;
}

/** A healthy workload running `image`. */
export function workload(
  image: string,
  profile = 'humanitec/default-module',
): Module {
  return { profile, spec: { containers: { main: { image } } }, externals: {} };
}

/** A delta that adds (or replaces) workloads. */
export function addDelta(modules: Record<string, Module>): DeltaInput {
  return { modules: { add: modules } };
}

/** A delta that replaces a workload's image. */
export function imageDelta(workloadId: string, image: string): DeltaInput {
  return {
    modules: {
      update: {
        [workloadId]: [
          { op: 'replace', path: '/spec/containers/main/image', value: image },
        ],
      },
    },
  };
}

/** Runs `call`, expecting an `EngineError`; returns it. */
export function refusal(call: () => unknown): EngineError {
  try {
    call();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('Expected an EngineError, but the call succeeded.');
}

/** Creates a delta and deploys it to `envId`, then lets it finish (10 s). */
export function deployAndFinish(
  b: Bench,
  appId: string,
  envId: string,
  delta: DeltaInput,
  comment = '',
) {
  const created = b.engine.createDelta(b.admin, ORG, appId, delta);
  const deployment = b.engine.createDeploy(b.admin, ORG, appId, envId, {
    delta_id: created.id,
    comment,
  });
  b.clock.advance(10_000);
  return b.engine.getDeploy(b.admin, ORG, appId, envId, deployment.id);
}
