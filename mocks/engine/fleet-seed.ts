/**
 * Two more organisations for the fleet view, added after the demo
 * organisation `acme` is seeded (acme itself is not changed):
 *
 * | org       | apps / envs                                                        | drift from acme                                                  |
 * |-----------|--------------------------------------------------------------------|------------------------------------------------------------------|
 * | `globex`  | portal (development, production: healthy); billing/development crash-loops | profile `web-service` 0.9.0 (behind), no `worker`; extra env type `qa`; pipeline `promote-to-staging` defined differently (canary in two steps) |
 * | `initech` | tps-reports (production healthy; development degraded)             | no `staging` env type; pipeline `nightly-e2e` (extra)             |
 *
 * The demo users have the same roles in every organisation. Pipelines are
 * created in the pipelines domain (acme's `shop` has `promote-to-staging`,
 * pipelines-seed.ts), like any other; no criteria route requests to the
 * ones added here. Also sets the team of every app (DORA).
 */
import { createManualClock, createSequentialIds, type ManualClock } from './clock';
import { DEMO_TOKENS } from './constants';
import { createEngine } from './engine';
import type { Actor, Engine, EngineState } from './engine-api';
import type { DeltaInput } from './model';
import { DEMO_PIPELINE_YAML } from './pipelines-seed';
import { ACME_PROFILES, BUILTIN_CHART } from './profiles-builtin';
import { orgProfiles } from './profiles';
import { midnightBefore } from './seed-script';
import { addWorkloads, container, setImage, setVariable, workload } from './seed-workloads';
import type { StateV1 } from './state';
import { DEFAULT_ENV_TYPES, DEMO_USERS, isoAt } from './state';

/** Globex's copy of acme's demo pipeline with a two-step canary (acme's has four steps). */
const GLOBEX_PROMOTE_YAML = DEMO_PIPELINE_YAML.replace('weights: [10, 25, 50, 100]', 'weights: [50, 100]');

/** Initech's own nightly end-to-end pipeline (acme has none). */
const NIGHTLY_E2E_YAML = `id: nightly-e2e
name: Nightly end-to-end tests
on:
  pipeline_call: {}
jobs:
  e2e:
    steps:
      - name: Run the end-to-end suite
        uses: actions/humanitec/run-tests@v1
        with:
          env_id: development
          suite: e2e
`;

/** The owning team of each seeded app, by organisation. */
export const SEED_TEAMS: Record<string, Record<string, string>> = {
  acme: { shop: 'Storefront', payments: 'Payments', identity: 'Platform', analytics: 'Data', 'docs-site': 'Platform' },
  globex: { portal: 'Web', billing: 'Finance' },
  initech: { 'tps-reports': 'Reporting' },
};

function addOrg(state: StateV1, id: string, name: string, at: number, envTypes: string[], extra: { id: string; description: string }[]) {
  state.orgs[id] = {
    seq: (state.seq += 1),
    org: { id, name, created_at: isoAt(at), created_by: DEMO_USERS[0].id, logo: {}, trial_expires_at: null },
    envTypes: [...DEFAULT_ENV_TYPES.filter((t) => envTypes.includes(t.id)).map((t) => ({ ...t })), ...extra],
    roles: Object.fromEntries(DEMO_USERS.map((user) => [user.id, user.role])),
    apps: {},
  };
}

function webDelta(app: string, name: string, tag: string, variables: Record<string, string> = {}, replicas = 2): DeltaInput {
  return {
    modules: addWorkloads({
      [name]: workload([container(name, `registry.${app}.example/${name}:${tag}`, { variables, probePort: 8080 })], {
        replicas,
        port: 8080,
      }),
    }),
  };
}

function deployTo(engine: Engine, clock: ManualClock, actor: Actor, org: string, app: string, env: string, comment: string, delta: DeltaInput): string {
  const created = engine.createDelta(actor, org, app, { ...delta, metadata: { name: comment, env_id: env } });
  const deploy = engine.createDeploy(actor, org, app, env, { delta_id: created.id, comment });
  clock.advance(60_000);
  return deploy.id;
}

function ensureEnv(engine: Engine, actor: Actor, org: string, app: string, env: string, type: string) {
  if (!engine.listEnvs(actor, org, app).some((e) => e.id === env)) {
    engine.createEnv(actor, org, app, { id: env, name: env[0].toUpperCase() + env.slice(1), type });
  }
}

/** Creates `production` from a deployment and deploys its set there. */
function promote(engine: Engine, clock: ManualClock, actor: Actor, org: string, app: string, fromDeployId: string) {
  engine.createEnv(actor, org, app, { id: 'production', name: 'Production', type: 'production', from_deploy_id: fromDeployId });
  engine.createDeploy(actor, org, app, 'production', { comment: 'Promote to production' });
  clock.advance(60_000);
}

/** Adds `globex` and `initech` with their apps, pipelines of all orgs and the team map; returns the new state. */
export function seedFleet(input: EngineState, now: number): EngineState {
  const state = structuredClone(input) as StateV1;
  const start = midnightBefore(now, 6);
  addOrg(state, 'globex', 'Globex Corporation', start, ['development', 'staging', 'production'], [
    { id: 'qa', description: 'Environments for the QA team.' },
  ]);
  addOrg(state, 'initech', 'Initech', start, ['development', 'production'], []);
  const web = ACME_PROFILES.find((p) => p.id === 'web-service')!;
  const globex = state.orgs.globex;
  globex.profiles = orgProfiles(state, 'globex');
  globex.profiles['globex/web-service'] = {
    seq: (state.seq += 1),
    orgId: 'globex',
    id: 'web-service',
    created_at: isoAt(start),
    created_by: DEMO_USERS[0].id,
    versions: [
      {
        version: '0.9.0',
        description: web.description,
        spec_definition: structuredClone(web.spec_definition),
        workload_profile_chart: { ...BUILTIN_CHART },
        created_at: isoAt(start),
        created_by: DEMO_USERS[0].id,
      },
    ],
  };
  const initech = state.orgs.initech;
  initech.profiles = orgProfiles(state, 'initech');
  for (const seed of ACME_PROFILES) {
    initech.profiles[`initech/${seed.id}`] = {
      ...structuredClone(globex.profiles['globex/web-service']),
      seq: (state.seq += 1),
      orgId: 'initech',
      id: seed.id,
      versions: [{ ...structuredClone(globex.profiles['globex/web-service'].versions[0]), version: seed.version, description: seed.description, spec_definition: structuredClone(seed.spec_definition) }],
    };
  }
  state.fleet = { rollouts: {} };
  state.teams = structuredClone(SEED_TEAMS);

  const clock = createManualClock(start + 9 * 3_600_000);
  const engine = createEngine({ clock, ids: createSequentialIds('fleet'), state });
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  for (const [org, app, name] of [
    ['globex', 'portal', 'Portal'],
    ['globex', 'billing', 'Billing'],
    ['initech', 'tps-reports', 'TPS Reports'],
  ] as const) {
    engine.createApp(admin, org, { id: app, name });
    ensureEnv(engine, admin, org, app, 'development', 'development');
  }
  engine.createPipeline(admin, 'globex', 'portal', GLOBEX_PROMOTE_YAML);
  engine.createPipeline(admin, 'initech', 'tps-reports', DEMO_PIPELINE_YAML);
  engine.createPipeline(admin, 'initech', 'tps-reports', NIGHTLY_E2E_YAML);
  const portalDev = deployTo(engine, clock, admin, 'globex', 'portal', 'development', 'Portal 2.0.0', webDelta('globex', 'portal-web', '2.0.0'));
  promote(engine, clock, admin, 'globex', 'portal', portalDev);
  deployTo(engine, clock, admin, 'globex', 'billing', 'development', 'Billing with crash test', webDelta('globex', 'invoicer', '0.4.0', { CRASH: 'true' }, 1));
  const tpsDev = deployTo(engine, clock, admin, 'initech', 'tps-reports', 'development', 'TPS 1.0', webDelta('initech', 'tps', '1.0.0', {}, 3));
  promote(engine, clock, admin, 'initech', 'tps-reports', tpsDev);
  deployTo(engine, clock, admin, 'initech', 'tps-reports', 'development', 'TPS 1.1 flaky', {
    modules: { update: { tps: [setImage('tps', 'registry.initech.example/tps:1.1.0'), setVariable('tps', 'FLAKY_REPLICAS', '1')] } },
  });
  clock.advance(60_000);
  if (clock.now() > now) throw new Error('Seed: fleet history ends after now');
  return engine.snapshot();
}
