/**
 * The `big-diff` scenario: organisation `acme` with one app, `big-diff`, whose
 * `development` environment (the one a new app starts with) has two deployments of 500 workloads each, where
 * every workload changed between them (image, a variable, a secret-looking
 * literal, the memory limit) and one shared resource changed too. Built for
 * the diff page's benchmark (`npm run bench -- --only=diff`): the newest
 * deployment compared with the previous one is a 500-workload diff.
 *
 * Written through the public engine API on a manual clock, like the demo
 * seed. Deterministic for a given `now` (sequential ids with prefix `big`).
 */
import { createManualClock, createSequentialIds } from './clock';
import { DEMO_ORG_ID, DEMO_TOKENS } from './constants';
import { createEngine } from './engine';
import type { Actor, Engine, EngineState } from './engine-api';
import type { Module, PatchOp } from './model';
import { midnightBefore } from './seed-script';
import { addShared, container, image, setImage, setVariable, workload } from './seed-workloads';

/** The app of the scenario. */
export const BIG_DIFF_APP = 'big-diff';
/** The environment of the two deployments. */
export const BIG_DIFF_ENV = 'development';
/** How many workloads each deployment of the scenario holds (all of them change). */
export const BIG_DIFF_WORKLOADS = 500;

const SETTLE_MS = 60_000;

/** `svc-001` … `svc-500`. */
export const bigDiffWorkloadId = (i: number) => `svc-${String(i + 1).padStart(3, '0')}`;

function makeWorkload(i: number): Module {
  const id = bigDiffWorkloadId(i);
  return workload(
    [
      container(id, image(BIG_DIFF_APP, id, '1.0.0'), {
        variables: {
          LOG_LEVEL: 'info',
          DB_HOST: '${shared.db.host}',
          DB_PASSWORD: '${secrets.db-password}',
          API_TOKEN: `tok-${id}-2025`,
          UPSTREAM_URL: `http://${bigDiffWorkloadId((i + 1) % BIG_DIFF_WORKLOADS)}:8080`,
        },
        probePort: 8080,
      }),
    ],
    { replicas: 1 + (i % 3), port: 8080 },
  );
}

function changes(i: number): PatchOp[] {
  const id = bigDiffWorkloadId(i);
  const ops: PatchOp[] = [
    setImage(id, image(BIG_DIFF_APP, id, '1.1.0')),
    setVariable(id, 'LOG_LEVEL', 'debug'),
    setVariable(id, 'API_TOKEN', `tok-${id}-2026`),
    { op: 'replace', path: `/spec/containers/${id}/resources/limits/memory`, value: '512Mi' },
  ];
  if (i % 10 === 0) ops.push(setVariable(id, 'FEATURE_CHECKOUT_V2', 'true'));
  return ops;
}

function deploy(engine: Engine, clock: ReturnType<typeof createManualClock>, actor: Actor, name: string, delta: Parameters<Engine['createDelta']>[3]) {
  const created = engine.createDelta(actor, DEMO_ORG_ID, BIG_DIFF_APP, { ...delta, metadata: { name, env_id: BIG_DIFF_ENV } });
  engine.createDeploy(actor, DEMO_ORG_ID, BIG_DIFF_APP, BIG_DIFF_ENV, { delta_id: created.id, comment: name });
  clock.advance(SETTLE_MS);
}

/** Builds the `big-diff` state; history starts at midnight (UTC) two days before `now`. */
export function buildBigDiffState(now: number): EngineState {
  const clock = createManualClock(midnightBefore(now, 2));
  const engine = createEngine({ clock, ids: createSequentialIds('big'), seed: 'empty' });
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  clock.advance(9 * 3_600_000);
  engine.createApp(admin, DEMO_ORG_ID, { id: BIG_DIFF_APP, name: 'Big diff (500 workloads)' });
  const ids = Array.from({ length: BIG_DIFF_WORKLOADS }, (_, i) => i);
  deploy(engine, clock, admin, 'Release 1.0.0 of 500 services', {
    modules: { add: Object.fromEntries(ids.map((i) => [bigDiffWorkloadId(i), makeWorkload(i)])) },
    shared: [addShared('/db', { type: 'postgres', params: { version: '15' } })],
  });
  clock.advance(3_600_000);
  deploy(engine, clock, admin, 'Release 1.1.0 of 500 services', {
    modules: { update: Object.fromEntries(ids.map((i) => [bigDiffWorkloadId(i), changes(i)])) },
    shared: [{ op: 'replace', path: '/db/params/version', value: '16' }],
  });
  if (clock.now() > now) throw new Error('Seed: big-diff history ends after now');
  return engine.snapshot();
}
