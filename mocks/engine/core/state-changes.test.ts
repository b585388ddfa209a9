// The incremental store replays `takeChanges` on a snapshot: after any mix of
// writes, refusals, reads and time-driven progress (deployments, pipeline
// runs, profile rollouts, token use), the replayed copy must equal the
// engine's state, and a write to one app must only produce operations there.
import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from './clock';
import { DEMO_ORG_ID } from './constants';
import { applyPatch, type PatchOp } from './state-changes';
import { addDelta, T0, workload } from '../../fixtures/test-engine';
import { DEMO_TOKENS, createEngine } from '../../fixtures';

const ORG = DEMO_ORG_ID;
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function tracked() {
  const clock = createManualClock(T0);
  const engine = createEngine({
    clock,
    ids: createSequentialIds('changes'),
    trackChanges: true,
  });
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  const replica = json(engine.snapshot()) as Record<string, unknown>;
  engine.takeChanges();
  /** Applies the changes to the replica; it must equal the engine's state. Returns the operations. */
  const sync = (): PatchOp[] => {
    const state = json(engine.snapshot());
    const { full, ops } = engine.takeChanges();
    expect(full).toBe(false);
    applyPatch(replica, json(ops));
    expect(replica).toEqual(state);
    return ops;
  };
  return { clock, engine, admin, replica, sync };
}

describe('takeChanges', () => {
  it('replays writes, refusals, reads and time-driven progress onto an equal state', () => {
    const { clock, engine, admin, sync } = tracked();
    engine.createApp(admin, ORG, { id: 'fresh', name: 'Fresh' });
    sync();
    const delta = engine.createDelta(
      admin,
      ORG,
      'shop',
      addDelta({ journal: workload('registry.example/journal:1.0.0') }),
    );
    engine.createDeploy(admin, ORG, 'shop', 'development', {
      delta_id: delta.id,
      comment: 'journal',
    });
    sync();
    // Progress seen only by reads is carried by the next take.
    clock.advance(1_500);
    engine.listApps(admin, ORG);
    clock.advance(60_000);
    engine.getApp(admin, ORG, 'shop');
    sync();
    // A refused write changes nothing.
    expect(() =>
      engine.createApp(admin, ORG, { id: 'fresh', name: 'Again' }),
    ).toThrow();
    expect(sync()).toEqual([]);

    // A pipeline run deploys over time (ids and timestamps made while reading).
    const pipeline = { id: 'promote-to-staging' }; // in the demo seed
    const run = engine.requestDeployment(admin, ORG, 'shop', {
      trigger: 'deployment_request',
      env_id: 'development',
    });
    sync();
    for (let i = 0; i < 12; i += 1) {
      clock.advance(20_000);
      engine.getPipelineRun(admin, ORG, 'shop', pipeline.id, run.id);
      if (i % 3 === 0) sync();
    }
    sync();

    // A profile rollout changes other organisations as the clock moves.
    engine.createProfileRollout(admin, ORG, {
      profile_id: 'worker',
      target_org_ids: ['globex', 'initech'],
    });
    sync();
    clock.advance(24 * 3600_000);
    sync();

    // Service user, token (its last use is recorded when it is used), role changes, deletions.
    const bot = engine.createServiceUser(admin, ORG, {
      name: 'Journal bot',
      role: 'manager',
    });
    const { token } = engine.createToken(admin, bot.id, { id: 'ci' });
    sync();
    clock.advance(3600_000);
    engine.listApps(engine.authenticate(token!), ORG);
    sync();
    engine.deleteEnv(admin, ORG, 'shop', 'development');
    engine.deleteApp(admin, ORG, 'fresh');
    sync();
  });

  it('gives a write to one app operations under that app only (and the record counter)', () => {
    const { engine, admin, sync } = tracked();
    engine.createDelta(
      admin,
      ORG,
      'shop',
      addDelta({ journal: workload('registry.example/journal:2.0.0') }),
    );
    const paths = sync().map(([path]) => path.join('/'));
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths)
      expect(path).toMatch(/^(seq|orgs\/acme\/apps\/shop\/.+)$/);
  });

  it('says "full" after a reset', () => {
    const { engine, admin } = tracked();
    engine.createApp(admin, ORG, { id: 'gone', name: 'Gone' });
    engine.reset(admin);
    expect(engine.takeChanges()).toEqual({ full: true, ops: [] });
  });
});
