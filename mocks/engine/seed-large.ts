/**
 * The `large` scenario: organisation `acme` with 1,000 generated apps × 4
 * environments (development, qa, staging, production), 2–4 deployments per
 * environment and 1–4 workloads per app, plus a small second organisation
 * `acme-labs` so the organisation switcher has somewhere to go. Built for the
 * navigation benchmarks (sidebar, palette) at scale.
 *
 * The state is written directly (not through the engine API, whose
 * copy-on-write mutations would make 12,000 deployments quadratic), but
 * follows the engine's rules: sets are content-addressed with
 * {@link makeSet}, deployment plans come from {@link planDeploy}, every
 * deployment finished before `now`, and each environment's `from_deploy` is
 * its last finished deployment. Deterministic for a given `now`.
 */
import { DEMO_ORG_ID } from './constants';
import type { EngineState } from './engine-api';
import type { DeploymentError, DeploymentSet, Module } from './model';
import { deployErrors } from './faults';
import { midnightBefore } from './seed-script';
import {
  container,
  image,
  PRODUCTION,
  STAGING,
  workload,
} from './seed-workloads';
import { makeSet } from './sets';
import type {
  AppRecord,
  DeployRecord,
  EnvRecord,
  OrgRecord,
  StateV1,
} from './state';
import { createEmptyState, DEMO_USERS, isoAt } from './state';

const DOMAINS = [
  'billing',
  'checkout',
  'catalog',
  'search',
  'payments',
  'ledger',
  'identity',
  'auth',
  'profile',
  'orders',
  'shipping',
  'inventory',
  'pricing',
  'promotions',
  'reviews',
  'ratings',
  'recommend',
  'notify',
  'email',
  'sms',
  'media',
  'images',
  'video',
  'upload',
  'analytics',
  'metrics',
  'logging',
  'audit',
  'reports',
  'exports',
  'imports',
  'sync',
  'gateway',
  'edge',
  'cdn',
  'dns',
  'geo',
  'maps',
  'tax',
  'invoice',
  'refunds',
  'fraud',
  'risk',
  'loyalty',
  'rewards',
  'support',
  'chat',
  'feedback',
  'content',
  'docs',
];
const PARTS = [
  'api',
  'web',
  'worker',
  'service',
  'gateway',
  'admin',
  'portal',
  'jobs',
  'stream',
  'events',
  'cache',
  'proxy',
  'scheduler',
  'indexer',
  'importer',
  'exporter',
  'bff',
  'console',
  'agent',
  'bridge',
];

/** The four environments of every generated app. */
export const LARGE_ENVS = [
  { id: 'development', name: 'Development', type: 'development' },
  { id: 'qa', name: 'QA', type: 'development' },
  STAGING,
  PRODUCTION,
] as const;

/** How many apps the `large` scenario generates in `acme`. */
export const LARGE_APP_COUNT = DOMAINS.length * PARTS.length;

/** The second, small organisation of the scenario. */
export const LARGE_SECOND_ORG = 'acme-labs';

const WORKLOADS = ['api', 'web', 'worker', 'nightly'] as const;
const COMMENTS = [
  'Bump image to {v}',
  'Release {v}',
  'Roll out {v} with new config',
  'Hotfix {v}',
  'Promote {v}',
  'Tune resources for {v}',
];
const DAY_MS = 86_400_000;

/** A small deterministic PRNG (mulberry32): the same `seed` gives the same sequence. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function title(id: string) {
  return id
    .split('-')
    .map((w) =>
      w.length <= 3 ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1),
    )
    .join(' ');
}

/** The parts every generated workload of one kind has in common (see {@link makeWorkload}). */
const templates = new Map<string, Module>();

/**
 * A workload: the demo builders' shape, where everything but the image is
 * one object shared by all workloads of that id and profile. Sets are
 * immutable values in the engine, and structured cloning keeps shared
 * objects shared, so 10,000 workloads clone like a few hundred plus their
 * images (the engine copies its state when it starts).
 */
function makeWorkload(
  appId: string,
  id: string,
  version: string,
  broken: boolean,
): Module {
  const profile = broken
    ? 'acme/missing-profile'
    : id === 'nightly'
      ? 'humanitec/default-cronjob'
      : 'humanitec/default-module';
  const key = `${id}|${profile}`;
  let template = templates.get(key);
  if (!template) {
    template = workload([container(id, 'template')], {
      profile,
      replicas: id === 'nightly' ? undefined : 1,
      port: id === 'api' || id === 'web' ? 8080 : undefined,
      schedule: id === 'nightly' ? '0 3 * * *' : undefined,
    });
    templates.set(key, template);
  }
  const main = (
    template.spec.containers as Record<string, Record<string, unknown>>
  )[id];
  return {
    ...template,
    spec: {
      ...template.spec,
      containers: { [id]: { ...main, image: image(appId, id, version) } },
    },
  } as Module;
}

interface Builder {
  state: StateV1;
  now: number;
  rand: () => number;
  deployCounter: number;
  plans: Map<string, DeployRecord['plan']>;
}

/**
 * Equal plans are one object: the engine never changes a plan in place, and
 * structured cloning (engine start, persistence) keeps shared objects shared,
 * so 12,000 deployments cost a few hundred plan objects to copy.
 */
function sharedPlan(
  b: Builder,
  setId: string,
  outcome: 'succeeded' | 'failed',
  errors: DeploymentError[],
  runMs: number,
) {
  const key = outcome === 'failed' ? `${setId}|${runMs}` : `ok|${runMs}`;
  let plan = b.plans.get(key);
  if (!plan)
    b.plans.set(key, (plan = { outcome, errors, pendingMs: 1000, runMs }));
  return plan;
}

function hexId(b: Builder): string {
  b.deployCounter += 1;
  const hi = Math.floor(b.rand() * 0x1000000);
  const lo = Math.floor(b.rand() * 0x1000000);
  return (
    hi.toString(16).padStart(6, '0') + lo.toString(16).padStart(6, '0')
  ).slice(0, 11);
}

function newApp(
  b: Builder,
  orgId: string,
  id: string,
  name: string,
  createdMs: number,
): AppRecord {
  const at = isoAt(createdMs);
  return {
    seq: (b.state.seq += 1),
    app: {
      id,
      name,
      org_id: orgId,
      created_at: at,
      created_by: DEMO_USERS[0].id,
      status: 'active',
      status_changed_at: at,
    },
    envs: {},
    deploys: {},
    sets: {},
    deltas: {},
  };
}

function newEnv(
  b: Builder,
  input: { id: string; name: string; type: string },
  createdMs: number,
): EnvRecord {
  const at = isoAt(createdMs);
  return {
    seq: (b.state.seq += 1),
    env: {
      ...input,
      created_at: at,
      created_by: DEMO_USERS[0].id,
      status: 'active',
      status_changed_at: at,
    },
    deployIds: [],
    paused: false,
    replicas: {},
  };
}

/**
 * What `planDeploy` (runtime.ts) decides, without its canonical-JSON
 * comparison: generated sets share unchanged workload objects, so a changed
 * workload is one whose object differs.
 */
function planOf(set: DeploymentSet, previous: DeploymentSet | undefined) {
  const errors = deployErrors(set);
  const before = previous?.modules ?? {};
  const keys = new Set([...Object.keys(set.modules), ...Object.keys(before)]);
  let changed = 0;
  for (const key of keys) if (set.modules[key] !== before[key]) changed += 1;
  return {
    outcome: errors.length > 0 ? ('failed' as const) : ('succeeded' as const),
    errors,
    durationMs: Math.min(2000 + 400 * changed, 6000),
  };
}

/** Deploys `set` into `env` at `atMs` (already finished: the plan decides the outcome). */
function deploy(
  b: Builder,
  app: AppRecord,
  env: EnvRecord,
  set: DeploymentSet,
  atMs: number,
  comment: string,
) {
  if (!Object.hasOwn(app.sets, set.id))
    app.sets[set.id] = { seq: (b.state.seq += 1), set };
  const from = env.fromDeployId ? app.deploys[env.fromDeployId] : undefined;
  const previous = from ? app.sets[from.deployment.set_id]?.set : undefined;
  const plan = planOf(set, previous);
  let id = hexId(b);
  while (Object.hasOwn(app.deploys, id)) id = hexId(b);
  const runMs = Math.min(6000, Math.max(2000, plan.durationMs));
  const user = DEMO_USERS[Math.floor(b.rand() * 2)].id;
  app.deploys[id] = {
    seq: (b.state.seq += 1),
    createdMs: atMs,
    deployment: {
      id,
      env_id: env.env.id,
      from_id: from?.deployment.id ?? '',
      set_id: set.id,
      comment,
      created_at: isoAt(atMs),
      created_by: user,
      status: plan.outcome,
      status_changed_at: isoAt(atMs + 1000 + runMs),
      export_status: '',
      export_file: '',
    },
    plan: sharedPlan(b, set.id, plan.outcome, plan.errors, runMs),
  };
  env.deployIds.push(id);
  env.lastDeployId = id;
  env.fromDeployId = id;
}

function seedApp(
  b: Builder,
  org: OrgRecord,
  appId: string,
  index: number,
  startMs: number,
) {
  const rand = b.rand;
  const app = newApp(
    b,
    org.org.id,
    appId,
    title(appId),
    startMs + index * 60_000,
  );
  org.apps[appId] = app;
  const count = 1 + Math.floor(rand() * WORKLOADS.length);
  const ids = WORKLOADS.slice(0, count);
  const major = 1 + Math.floor(rand() * 3);
  // Versions 1..4 of the app; each environment runs a window of them.
  const sets = [0, 1, 2, 3].map((minor) =>
    makeSet({
      modules: Object.fromEntries(
        ids.map((w) => [
          w,
          makeWorkload(appId, w, `${major}.${minor}.0`, false),
        ]),
      ),
      shared: {},
    }),
  );
  LARGE_ENVS.forEach((envInput, e) => {
    const env = newEnv(b, envInput, startMs + index * 60_000 + e * 1000);
    app.envs[env.env.id] = env;
    // About 2% of the qa environments were never deployed.
    if (envInput.id === 'qa' && rand() < 0.02) return;
    const deploys = 2 + Math.floor(rand() * 3);
    // Later environments lag behind: production runs older versions than development.
    const lag = Math.floor(e / 2);
    for (let d = 0; d < deploys; d += 1) {
      const version = Math.max(0, Math.min(3, d + 1 - lag));
      const day = 1 + d * 3 + e;
      const atMs = startMs + day * DAY_MS + Math.floor(rand() * 8 * 3_600_000);
      const last = d === deploys - 1;
      // About 4% of environments have a failed last deployment (an unknown workload profile).
      const broken = last && rand() < 0.04;
      const set = broken
        ? makeSet({
            modules: {
              ...sets[version].modules,
              [ids[0]]: makeWorkload(
                appId,
                ids[0],
                `${major}.${version}.1`,
                true,
              ),
            },
            shared: {},
          })
        : sets[version];
      const v = `${major}.${version}.${broken ? 1 : 0}`;
      const comment = COMMENTS[Math.floor(rand() * COMMENTS.length)].replace(
        '{v}',
        v,
      );
      deploy(b, app, env, set, atMs, comment);
    }
  });
}

/** An organisation record with the demo users as members. */
function newOrg(b: Builder, id: string, name: string): OrgRecord {
  const acme = b.state.orgs[DEMO_ORG_ID];
  return {
    seq: (b.state.seq += 1),
    org: { ...acme.org, id, name },
    envTypes: acme.envTypes.map((t) => ({ ...t })),
    roles: { ...acme.roles },
    apps: {},
  };
}

/**
 * Builds the `large` state. History starts at midnight (UTC) 16 days before
 * `now`; every deployment has finished by then.
 */
export function buildLargeState(now: number): EngineState {
  const startMs = midnightBefore(now, 16);
  const state = createEmptyState(startMs);
  state.orgs[DEMO_ORG_ID].org.name = 'Acme Corp (1,000 apps)';
  const b: Builder = {
    state,
    now,
    rand: random(20260115),
    deployCounter: 0,
    plans: new Map(),
  };
  const org = state.orgs[DEMO_ORG_ID];
  let index = 0;
  for (const domain of DOMAINS) {
    for (const part of PARTS)
      seedApp(b, org, `${domain}-${part}`, index++, startMs);
  }
  const labs = newOrg(b, LARGE_SECOND_ORG, 'Acme Labs');
  state.orgs[LARGE_SECOND_ORG] = labs;
  ['prototype-api', 'prototype-web'].forEach((id, i) =>
    seedApp(b, labs, id, i, startMs),
  );
  return state;
}
