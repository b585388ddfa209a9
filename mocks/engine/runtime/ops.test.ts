import { describe, expect, it } from 'vitest';
import {
  addDelta,
  deployAndFinish,
  imageDelta,
  ORG,
  refusal,
  workload,
  shopBench,
} from '../../fixtures/test-engine';

const shop = shopBench;

/** shop/development's state in the organisation's health. */
function developmentInOrgHealth(b: ReturnType<typeof shop>) {
  return b.engine
    .getOrgHealth(b.admin, ORG)
    .apps.find((app) => app.app_id === 'shop')!
    .envs.find((env) => env.env_id === 'development')!.state;
}

describe('runtime hooks', () => {
  it('simulates the running set in namespace <app>-<env>', () => {
    const b = shop();
    expect(b.engine.getRuntime(b.admin, ORG, 'shop', 'development')).toEqual({
      namespace: 'shop-development',
      modules: {},
    });
    deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1') }),
    );
    const runtime = b.engine.getRuntime(b.admin, ORG, 'shop', 'development');
    expect(Object.keys(runtime.modules)).toEqual(['api']);
    expect(runtime.modules.api.status).toBe('Running');
    expect(b.engine.listRuntime(b.admin, ORG, 'shop', ['development'])).toEqual(
      [{ id: 'development', paused: false, status: 'Success' }],
    );
  });

  it('pauses: no deploys or replica changes while paused', () => {
    const b = shop();
    deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1') }),
    );
    b.engine.setPaused(b.admin, ORG, 'shop', 'development', true);
    expect(b.engine.listRuntime(b.admin, ORG, 'shop', ['development'])).toEqual(
      [{ id: 'development', paused: true, status: 'Stopped' }],
    );
    const deploy = refusal(() =>
      b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {}),
    );
    expect([deploy.code, deploy.message]).toEqual([
      'conflict',
      'Environment `development` is paused: resume it before deploying.',
    ]);
    expect(
      refusal(() =>
        b.engine.setReplicas(b.admin, ORG, 'shop', 'development', { api: 2 }),
      ).code,
    ).toBe('conflict');
    b.engine.setPaused(b.admin, ORG, 'shop', 'development', false);
    b.engine.setReplicas(b.admin, ORG, 'shop', 'development', { api: 3 });
    expect(
      b.engine.getRuntime(b.admin, ORG, 'shop', 'development').modules.api
        .controllers.api.replicas,
    ).toBe(3);
  });

  it.each([
    [
      { ghost: 1 },
      'not_found',
      'Workload `ghost` is not running in environment `development` of app `shop`.',
    ],
    [
      { api: -1 },
      'invalid',
      'Replicas of `api` must be an integer from 0 to 100; got -1.',
    ],
    [
      { api: 1.5 },
      'invalid',
      'Replicas of `api` must be an integer from 0 to 100; got 1.5.',
    ],
  ])('rejects the replicas %j', (replicas, code, message) => {
    const b = shop();
    deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1') }),
    );
    const error = refusal(() =>
      b.engine.setReplicas(b.admin, ORG, 'shop', 'development', replicas),
    );
    expect([error.code, error.message]).toEqual([code, message]);
  });

  it('lists at most five environments and exposes the fault rules', () => {
    const b = shop();
    expect(
      refusal(() =>
        b.engine.listRuntime(b.admin, ORG, 'shop', [
          'a',
          'b',
          'c',
          'd',
          'e',
          'f',
        ]),
      ).code,
    ).toBe('invalid');
    expect(
      refusal(() => b.engine.listRuntime(b.admin, ORG, 'shop', ['qa'])).code,
    ).toBe('not_found');
    expect(b.engine.faultRules().map((rule) => rule.id)).toContain(
      'image-pull',
    );
  });

  it('gives health runtimes that follow time, pauses and replicas', () => {
    const b = shop();
    const crashing = workload('reg/worker:1');
    crashing.spec.containers = {
      main: { image: 'reg/worker:1', command: ['exit 1'] },
    };
    deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1'), worker: crashing }),
    );
    const workloads = () =>
      b.engine
        .getAppHealth(b.admin, ORG, 'shop')
        .envs.find((env) => env.env_id === 'development')!
        .workloads.map((w) => [w.id, w.state, w.desired, w.restarts]);
    const first = workloads();
    b.clock.advance(60 * 60_000);
    const later = workloads();
    expect(later[0]).toEqual(first[0]);
    expect(later[1][3]).toBeGreaterThan(first[1][3] as number);
    b.engine.setReplicas(b.admin, ORG, 'shop', 'development', { api: 3 });
    expect(workloads()[0]).toEqual(['api', first[0][1], 3, 0]);
    const orgState = () => developmentInOrgHealth(b);
    const running = orgState();
    expect(running).toBe('Failed');
    b.engine.setPaused(b.admin, ORG, 'shop', 'development', true);
    expect(workloads().map((w) => w[1])).toEqual(['Paused', 'Paused']);
    expect(orgState()).toBe('Paused');
    // Health agrees with the runtime the API returns.
    b.engine.setPaused(b.admin, ORG, 'shop', 'development', false);
    expect(orgState()).toBe(running);
    expect(workloads()[0][2]).toBe(
      b.engine.getRuntime(b.admin, ORG, 'shop', 'development').modules.api
        .controllers.api.replicas,
    );
  });

  it('keeps no organisation-health row past a deployment that starts, finishes or breaks the workload', () => {
    const b = shop();
    deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1') }),
    );
    const state = () => developmentInOrgHealth(b);
    expect(state()).toBe('Healthy');
    expect(state()).toBe('Healthy');
    const delta = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      imageDelta('api', 'r.io/api:doesnotexist'),
    );
    b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
      delta_id: delta.id,
    });
    expect(state()).toBe('Deploying');
    b.clock.advance(10_000);
    expect(state()).toBe('Failed');
    deployAndFinish(b, 'shop', 'development', imageDelta('api', 'reg/api:2'));
    expect(state()).toBe('Healthy');
  });
});
