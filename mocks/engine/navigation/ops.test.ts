import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from '../core/clock';
import { DEMO_ORG_ID } from '../core/constants';
import { EngineError } from '../core/errors';
import { DEMO_TOKENS, createEngine, buildDemoState } from '../../fixtures';

const NOW = Date.parse('2026-01-15T09:00:00.000Z');

function setup() {
  const clock = createManualClock(NOW);
  const engine = createEngine({
    clock,
    ids: createSequentialIds('nav'),
    state: buildDemoState(NOW),
  });
  return { engine, clock, actor: engine.authenticate(DEMO_TOKENS.viewer) };
}

describe('navigationIndex', () => {
  it('lists every app and environment with the last deployment and its workloads', () => {
    const { engine, actor } = setup();
    const index = engine.navigationIndex(actor, DEMO_ORG_ID);
    expect(index.org_id).toBe(DEMO_ORG_ID);
    expect(index.apps.map((a) => a.id)).toEqual(
      engine.listApps(actor, DEMO_ORG_ID).map((a) => a.id),
    );
    const shop = index.apps.find((a) => a.id === 'shop')!;
    const staging = shop.envs.find((e) => e.id === 'staging')!;
    const env = engine.getEnv(actor, DEMO_ORG_ID, 'shop', 'staging');
    expect(staging.last_deploy).toEqual({
      id: env.last_deploy!.id,
      status: env.last_deploy!.status,
      created_at: env.last_deploy!.created_at,
    });
    const set = engine.getSet(
      actor,
      DEMO_ORG_ID,
      'shop',
      env.last_deploy!.set_id,
    );
    expect(staging.workloads).toEqual(Object.keys(set.modules).sort());
    expect(index.profiles).toContain('humanitec/default-module');
  });

  it('lists the newest deployments of each environment, newest first overall', () => {
    const { engine, actor } = setup();
    const index = engine.navigationIndex(actor, DEMO_ORG_ID, 2);
    expect(index.deploys_per_env).toBe(2);
    const history = engine.listDeploys(
      actor,
      DEMO_ORG_ID,
      'shop',
      'production',
    );
    const rows = index.deployments.filter(
      (d) => d.app_id === 'shop' && d.env_id === 'production',
    );
    expect(rows.map((d) => d.id)).toEqual(history.slice(0, 2).map((d) => d.id));
    expect(rows[0]).toMatchObject({
      comment: history[0].comment,
      status: history[0].status,
    });
    const times = index.deployments.map((d) => d.created_at);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('clamps the per-environment limit and shows a running deployment as such', () => {
    const { engine, clock } = setup();
    const admin = engine.authenticate(DEMO_TOKENS.administrator);
    expect(engine.navigationIndex(admin, DEMO_ORG_ID, 0).deployments).toEqual(
      [],
    );
    expect(
      engine.navigationIndex(admin, DEMO_ORG_ID, 1000).deploys_per_env,
    ).toBe(50);
    const started = engine.createDeploy(
      admin,
      DEMO_ORG_ID,
      'shop',
      'development',
      { comment: 'nav test' },
    );
    const row = () =>
      engine
        .navigationIndex(admin, DEMO_ORG_ID)
        .apps.find((a) => a.id === 'shop')!
        .envs.find((e) => e.id === 'development')!;
    expect(row().last_deploy).toMatchObject({
      id: started.id,
      status: 'pending',
    });
    clock.advance(60_000);
    expect(row().last_deploy?.status).toMatch(/succeeded|failed/);
  });

  it('is not_found for an unknown organisation', () => {
    const { engine, actor } = setup();
    expect(() => engine.navigationIndex(actor, 'nope')).toThrow(EngineError);
  });
});
