import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from './clock';
import { DEMO_ORG_ID, DEMO_TOKENS } from './constants';
import { createEngine } from './engine';
import { SCENARIOS } from './scenarios';
import {
  buildLargeState,
  LARGE_APP_COUNT,
  LARGE_SECOND_ORG,
} from './seed-large';

const NOW = Date.parse('2026-11-20T10:00:00.000Z');
const state = buildLargeState(NOW);
const engine = createEngine({
  clock: createManualClock(NOW),
  ids: createSequentialIds('t'),
  state,
});
const actor = engine.authenticate(DEMO_TOKENS.administrator);

describe('the large scenario', () => {
  it('is registered and deterministic', () => {
    expect(SCENARIOS.large.build).toBe(buildLargeState);
    const again = buildLargeState(NOW);
    expect(JSON.stringify(again)).toBe(JSON.stringify(state));
  });

  it('has 1,000 apps with four environments each, and a second organisation', () => {
    const apps = engine.listApps(actor, DEMO_ORG_ID);
    expect(LARGE_APP_COUNT).toBe(1000);
    expect(apps).toHaveLength(1000);
    expect(new Set(apps.map((a) => a.id)).size).toBe(1000);
    for (const app of apps)
      expect(app.envs.map((e) => e.id)).toEqual([
        'development',
        'qa',
        'staging',
        'production',
      ]);
    expect(engine.listOrgs(actor).map((o) => o.id)).toEqual([
      DEMO_ORG_ID,
      LARGE_SECOND_ORG,
    ]);
  });

  it('has finished deployments, a few failed with a reason and a few environments never deployed', () => {
    const index = engine.navigationIndex(actor, DEMO_ORG_ID);
    const envs = index.apps.flatMap((a) => a.envs);
    const failed = envs.filter((e) => e.last_deploy?.status === 'failed');
    const never = envs.filter((e) => !e.last_deploy);
    expect(failed.length).toBeGreaterThan(50);
    expect(failed.length).toBeLessThan(400);
    expect(never.length).toBeGreaterThan(0);
    expect(
      envs.filter((e) => e.last_deploy?.status === 'succeeded').length,
    ).toBeGreaterThan(3500);
    const app = index.apps.find((a) =>
      a.envs.some((e) => e.last_deploy?.status === 'failed'),
    )!;
    const env = app.envs.find((e) => e.last_deploy?.status === 'failed')!;
    const errors = engine.getDeployErrors(
      actor,
      DEMO_ORG_ID,
      app.id,
      env.id,
      env.last_deploy!.id,
    );
    expect(errors[0]).toMatchObject({ code: 'WL-PROF-001' });
    for (const d of engine.listDeploys(
      actor,
      DEMO_ORG_ID,
      app.id,
      'production',
    )) {
      expect(Date.parse(d.status_changed_at)).toBeLessThanOrEqual(NOW);
    }
  });

  it('runs the workloads of a healthy environment and accepts a new deployment', () => {
    const env = engine.getEnv(actor, DEMO_ORG_ID, 'billing-api', 'development');
    const set = engine.getSet(
      actor,
      DEMO_ORG_ID,
      'billing-api',
      env.last_deploy!.set_id,
    );
    expect(Object.keys(set.modules).length).toBeGreaterThan(0);
    const runtime = engine.getRuntime(
      actor,
      DEMO_ORG_ID,
      'billing-api',
      'development',
    );
    expect(Object.keys(runtime.modules).sort()).toEqual(
      Object.keys(set.modules).sort(),
    );
    const started = engine.createDeploy(
      actor,
      DEMO_ORG_ID,
      'billing-api',
      'development',
      { comment: 'redeploy' },
    );
    expect(started.set_id).toBe(set.id);
  });
});
