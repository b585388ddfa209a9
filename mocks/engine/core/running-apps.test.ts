// Progress visits only the apps that may have a running deployment: every
// deployment, started by a write or by a pipeline run, still finishes on time.
import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from './clock';
import { DEMO_ORG_ID } from './constants';
import { createRunningApps } from './running-apps';
import type { ReachedApp } from './state-changes';
import type { AppRecord, StateV1 } from './state';
import { addDelta, T0, workload } from '../../fixtures/test-engine';
import { DEMO_TOKENS, createEngine } from '../../fixtures';

const ORG = DEMO_ORG_ID;
const TERMINAL = ['succeeded', 'failed'];

function engineAt(seed: 'demo' | 'empty' = 'demo') {
  const clock = createManualClock(T0);
  const engine = createEngine({ clock, ids: createSequentialIds('run'), seed });
  return {
    clock,
    engine,
    admin: engine.authenticate(DEMO_TOKENS.administrator),
  };
}

describe('running apps', () => {
  it('finishes a deployment started by a write, in an app no deployment ran in before', () => {
    // Without pipelines (whose progress looks at every app anyway), as in the 1,000-app scenario.
    const { clock, engine, admin } = engineAt('empty');
    engine.createApp(admin, ORG, { id: 'fresh', name: 'Fresh' });
    const delta = engine.createDelta(
      admin,
      ORG,
      'fresh',
      addDelta({ api: workload('registry.example/api:1.0.0') }),
    );
    const deploy = engine.createDeploy(admin, ORG, 'fresh', 'development', {
      delta_id: delta.id,
      comment: 'first',
    });
    expect(deploy.status).toBe('pending');
    clock.advance(1_000);
    engine.listApps(admin, ORG);
    clock.advance(10 * 60_000);
    const after = engine.getDeploy(
      admin,
      ORG,
      'fresh',
      'development',
      deploy.id,
    );
    expect(TERMINAL).toContain(after.status);
  });

  it('finishes the deployments a pipeline run starts while the clock moves', () => {
    const { clock, engine, admin } = engineAt();
    const count = () =>
      engine
        .listEnvs(admin, ORG, 'shop')
        .flatMap((env) => engine.listDeploys(admin, ORG, 'shop', env.id))
        .length;
    const before = count();
    const run = engine.requestDeployment(admin, ORG, 'shop', {
      trigger: 'deployment_request',
      env_id: 'development',
      comment: 'from the pipeline',
    });
    for (let i = 0; i < 30; i += 1) {
      clock.advance(20_000);
      engine.getPipelineRun(admin, ORG, 'shop', 'promote-to-staging', run.id);
    }
    clock.advance(10 * 60_000);
    expect(count()).toBeGreaterThan(before);
    for (const env of engine.listEnvs(admin, ORG, 'shop'))
      for (const d of engine.listDeploys(admin, ORG, 'shop', env.id))
        expect(TERMINAL).toContain(d.status);
  });

  it('adds the apps a write left running, drops deleted ones and prunes finished ones', () => {
    const app = (active: boolean): AppRecord =>
      ({
        envs: { dev: active ? { activeDeployId: 'd1' } : {} },
      }) as unknown as AppRecord;
    const state = {
      orgs: { o: { apps: { a: app(true), b: app(false) } } },
    } as unknown as StateV1;
    const running = createRunningApps(state);
    expect(running.apps(state).map((p) => p.appId)).toEqual(['a']);

    state.orgs.o.apps.c = app(true);
    running.wrote(
      new Map<string, ReachedApp>([
        ['o\u0000c', { before: undefined, after: state.orgs.o.apps.c }],
      ]),
    );
    expect(running.apps(state).map((p) => p.appId)).toEqual(['a', 'c']);

    delete state.orgs.o.apps.a;
    state.orgs.o.apps.c = app(false);
    expect(running.apps(state).map((p) => p.appId)).toEqual(['c']);
    running.prune(state);
    expect(running.apps(state)).toEqual([]);

    state.orgs.o.apps.b = app(true);
    running.rescan(state);
    expect(running.apps(state).map((p) => p.appId)).toEqual(['b']);
  });
});
