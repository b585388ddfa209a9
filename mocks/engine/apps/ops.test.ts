import { describe, expect, it } from 'vitest';
import {
  addDelta,
  bench,
  deployAndFinish,
  imageDelta,
  ORG,
  refusal,
  workload,
  shopBench,
} from '../../fixtures/test-engine';

const shop = shopBench;

describe('applications', () => {
  it('creates an app with a first `development` environment', () => {
    const { engine, admin, clock } = bench();
    clock.advance(5000);
    const app = engine.createApp(admin, ORG, { id: 'shop', name: 'Shop' });
    expect(app).toEqual({
      id: 'shop',
      name: 'Shop',
      org_id: 'acme',
      envs: [{ id: 'development', name: 'Development', type: 'development' }],
      created_at: '2025-06-01T00:00:05.000Z',
      created_by: 'alex-admin',
      status: 'active',
      status_changed_at: '2025-06-01T00:00:05.000Z',
    });
    expect(engine.getApp(admin, ORG, 'shop')).toEqual(app);
    const env = engine.getEnv(admin, ORG, 'shop', 'development');
    expect(env.last_deploy).toBeUndefined();
    expect(env.from_deploy).toBeUndefined();
  });

  it.each([
    [{ id: 'Shop', name: 'Shop' }, /Application id "Shop" is not valid/],
    [{ id: 'shop-', name: 'Shop' }, /Application id "shop-" is not valid/],
    [{ id: 'shop', name: '  ' }, /Application name must be a non-empty string/],
    [{ id: 'shop' }, /Application name must be a non-empty string/],
    ['shop', /An application must be an object/],
  ])('rejects %j as invalid', (input, message) => {
    const { engine, admin } = bench();
    const error = refusal(() => engine.createApp(admin, ORG, input as never));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(message);
  });

  it('refuses a duplicate id with conflict and deletes apps', () => {
    const { engine, admin } = bench();
    engine.createApp(admin, ORG, { id: 'shop', name: 'Shop' });
    expect(
      refusal(() => engine.createApp(admin, ORG, { id: 'shop', name: 'Again' }))
        .code,
    ).toBe('conflict');
    engine.deleteApp(admin, ORG, 'shop');
    expect(engine.listApps(admin, ORG)).toEqual([]);
  });

  it('refuses to delete an app while one of its deployments runs', () => {
    const b = shop();
    const running = b.engine.createDeploy(
      b.admin,
      ORG,
      'shop',
      'development',
      {},
    );
    const error = refusal(() => b.engine.deleteApp(b.admin, ORG, 'shop'));
    expect([error.code, error.message]).toEqual([
      'conflict',
      `Cannot delete application \`shop\`: deployment \`${running.id}\` is still running in environment \`development\`; wait until it has finished.`,
    ]);
    b.clock.advance(10_000);
    b.engine.deleteApp(b.admin, ORG, 'shop');
    expect(refusal(() => b.engine.getApp(b.admin, ORG, 'shop')).code).toBe(
      'not_found',
    );
  });
});

describe('environments', () => {
  it('creates an empty environment when from_deploy_id is left out (optional in the spec), and deploys to it', () => {
    const b = bench();
    b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
    const env = b.engine.createEnv(b.admin, ORG, 'shop', {
      id: 'qa',
      name: 'QA',
      type: 'staging',
    });
    expect(env).toMatchObject({ id: 'qa', type: 'staging' });
    expect(env.from_deploy).toBeUndefined();
    expect(env.last_deploy).toBeUndefined();
    const delta = b.engine.createDelta(b.admin, ORG, 'shop', {
      metadata: { env_id: 'qa', name: 'First' },
      modules: { add: { api: workload('reg/api:1') } },
    });
    const deploy = b.engine.createDeploy(b.admin, ORG, 'shop', 'qa', {
      delta_id: delta.id,
      comment: 'First deployment of qa',
    });
    expect(deploy.env_id).toBe('qa');
  });

  it('creates an environment from a deployment of the app', () => {
    const b = bench();
    b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
    b.engine.addAppUser(b.admin, ORG, 'shop', {
      id: 'dana-dev',
      role: 'developer',
    });
    const deployed = deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1') }),
    );
    const env = b.engine.createEnv(b.dev, ORG, 'shop', {
      id: 'staging',
      name: 'Staging',
      type: 'staging',
      from_deploy_id: deployed.id,
    });
    expect(env.type).toBe('staging');
    expect(env.created_by).toBe('dana-dev');
    expect(env.from_deploy).toEqual(deployed);
    expect(env.last_deploy).toBeUndefined();
    expect(b.engine.getApp(b.admin, ORG, 'shop').envs.map((e) => e.id)).toEqual(
      ['development', 'staging'],
    );
  });

  it.each([
    [
      { id: 'qa', name: 'QA', from_deploy_id: null },
      'invalid',
      /`from_deploy_id` must be a deployment id \(a string\), or left out for an empty environment; got null/,
    ],
    [
      { id: 'qa', name: 'QA', from_deploy_id: '' },
      'invalid',
      /or left out for an empty environment; got ""/,
    ],
    [
      { id: 'qa', name: 'QA', from_deploy_id: 'nope' },
      'not_found',
      /^Deployment `nope` does not exist in app `shop`\.$/,
    ],
    [
      { id: 'qa', name: 'QA', type: 'sandbox', from_deploy_id: 'x' },
      'invalid',
      /type "sandbox" does not exist.*use one of development, staging, production/,
    ],
    [
      { id: 'development', name: 'Dev' },
      'conflict',
      /already exists in app `shop`/,
    ],
    [{ id: 'Q A', name: 'QA' }, 'invalid', /Environment id "Q A" is not valid/],
  ])('rejects %j (%s)', (input, code, message) => {
    const b = bench();
    b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
    const error = refusal(() =>
      // Bad input on purpose: the engine sees what a client sent.
      b.engine.createEnv(b.admin, ORG, 'shop', input as never),
    );
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('refuses to delete the last environment, or one with a running deployment', () => {
    const b = bench();
    b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
    const last = refusal(() =>
      b.engine.deleteEnv(b.admin, ORG, 'shop', 'development'),
    );
    expect(last.code).toBe('invalid');
    expect(last.message).toBe(
      'Environment `development` is the last environment of app `shop` and cannot be deleted; delete the app instead.',
    );
    const first = deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1') }),
    );
    b.engine.createEnv(b.admin, ORG, 'shop', {
      id: 'qa',
      name: 'QA',
      from_deploy_id: first.id,
    });
    const running = b.engine.createDeploy(b.admin, ORG, 'shop', 'qa', {});
    const busy = refusal(() => b.engine.deleteEnv(b.admin, ORG, 'shop', 'qa'));
    expect(busy.code).toBe('conflict');
    expect(busy.message).toContain(
      `deployment \`${running.id}\` is still running in environment \`qa\``,
    );
    b.clock.advance(10_000);
    b.engine.deleteEnv(b.admin, ORG, 'shop', 'qa');
    expect(b.engine.listEnvs(b.admin, ORG, 'shop').map((e) => e.id)).toEqual([
      'development',
    ]);
  });
});

describe('rebase, rollback and clone', () => {
  it('rolls back: rebase to an older deployment, then deploy without a delta', () => {
    const b = shop();
    const v1 = deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1') }),
    );
    const v2 = deployAndFinish(
      b,
      'shop',
      'development',
      imageDelta('api', 'reg/api:2'),
    );
    expect(v2.set_id).not.toBe(v1.set_id);
    b.engine.rebaseEnv(b.admin, ORG, 'shop', 'development', v1.id);
    const env = b.engine.getEnv(b.admin, ORG, 'shop', 'development');
    expect([env.from_deploy?.id, env.last_deploy?.id]).toEqual([v1.id, v2.id]);
    const rollback = b.engine.createDeploy(
      b.admin,
      ORG,
      'shop',
      'development',
      { comment: 'rollback' },
    );
    expect(rollback.set_id).toBe(v1.set_id);
    expect(rollback.from_id).toBe(v1.id);
  });

  it('clones another environment, and refuses unknown deployments or a busy env', () => {
    const b = shop();
    const dev = deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1') }),
    );
    b.engine.createEnv(b.admin, ORG, 'shop', {
      id: 'prod',
      name: 'Prod',
      type: 'production',
      from_deploy_id: dev.id,
    });
    const clone = b.engine.createDeploy(b.admin, ORG, 'shop', 'prod', {});
    expect(clone.set_id).toBe(dev.set_id);
    const busy = refusal(() =>
      b.engine.rebaseEnv(b.admin, ORG, 'shop', 'prod', dev.id),
    );
    expect(busy.code).toBe('conflict');
    const unknown = refusal(() =>
      b.engine.rebaseEnv(b.admin, ORG, 'shop', 'development', 'abc'),
    );
    expect([unknown.code, unknown.message]).toEqual([
      'not_found',
      'Deployment `abc` does not exist in app `shop`.',
    ]);
    expect(
      refusal(() =>
        b.engine.rebaseEnv(b.admin, ORG, 'shop', 'development', 7 as never),
      ).code,
    ).toBe('invalid');
  });
});
