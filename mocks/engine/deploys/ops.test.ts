import { describe, expect, it } from 'vitest';
import { EMPTY_SET_ID } from '../core/canonical';
import { MAX_RUN_MS, PENDING_MS } from './ops';
import type { DeploymentStatus } from '../core/model/spec';
import { planDeploy } from '../simulation/runtime';
import { applySetDelta, emptySet } from '../sets/ops';
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

describe('deployment state machine', () => {
  it('goes pending → in progress → succeeded with the clock', () => {
    const b = shop();
    const delta = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      addDelta({ api: workload('reg/api:1') }),
    );
    const created = b.engine.createDeploy(b.dev, ORG, 'shop', 'development', {
      delta_id: delta.id,
      comment: 'first',
    });
    const expectedSet = applySetDelta(emptySet(), delta);
    const runMs = planDeploy({
      set: expectedSet,
      previous: undefined,
      profileExists: () => true,
    }).durationMs;
    expect(created).toEqual({
      id: created.id,
      env_id: 'development',
      from_id: '',
      set_id: expectedSet.id,
      delta_id: delta.id,
      comment: 'first',
      created_at: '2025-06-01T00:00:00.000Z',
      created_by: 'dana-dev',
      status: 'pending',
      status_changed_at: '2025-06-01T00:00:00.000Z',
      export_status: '',
      export_file: '',
      dependency_graph_id: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(created.id).toMatch(/^[0-9a-f]{11}$/);
    // Pending for 1 s, then in progress for the planned 2–6 s.
    expect(runMs).toBeGreaterThanOrEqual(2000);
    expect(runMs).toBeLessThanOrEqual(6000);
    const timeline: [number, DeploymentStatus, number][] = [
      [999, 'pending', 0],
      [1, 'in progress', 1000],
      [runMs - 1, 'in progress', 1000],
      [1, 'succeeded', 1000 + runMs],
    ];
    for (const [advance, status, changedAt] of timeline) {
      b.clock.advance(advance);
      const seen = b.engine.getDeploy(
        b.admin,
        ORG,
        'shop',
        'development',
        created.id,
      );
      expect(seen.status).toBe(status);
      expect(seen.status_changed_at).toBe(
        new Date(Date.UTC(2025, 5, 1) + changedAt).toISOString(),
      );
    }
    const env = b.engine.getEnv(b.admin, ORG, 'shop', 'development');
    expect(env.last_deploy?.id).toBe(created.id);
    expect(env.from_deploy?.id).toBe(created.id);
    expect(env.last_deploy?.status).toBe('succeeded');
    expect(b.engine.getSet(b.admin, ORG, 'shop', created.set_id)).toEqual(
      expectedSet,
    );
  });

  it('finishes within pending + the longest run time (1 s + 6 s)', () => {
    expect([PENDING_MS, MAX_RUN_MS]).toEqual([1000, 6000]);
    const b = shop();
    const modules = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'].map((id) => [
        id,
        workload('reg/x:1'),
      ]),
    );
    const created = b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
      delta_id: b.engine.createDelta(b.admin, ORG, 'shop', addDelta(modules))
        .id,
    });
    b.clock.advance(PENDING_MS + MAX_RUN_MS - 1);
    expect(
      b.engine.getDeploy(b.admin, ORG, 'shop', 'development', created.id)
        .status,
    ).toBe('in progress');
    b.clock.advance(1);
    expect(
      b.engine.getDeploy(b.admin, ORG, 'shop', 'development', created.id)
        .status,
    ).toBe('succeeded');
  });

  it('keeps last_deploy on the running deployment and moves from_deploy when it finishes', () => {
    const b = shop();
    const first = deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1') }),
    );
    const second = b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
      delta_id: b.engine.createDelta(
        b.admin,
        ORG,
        'shop',
        imageDelta('api', 'reg/api:2'),
      ).id,
    });
    expect(second.from_id).toBe(first.id);
    let env = b.engine.getEnv(b.admin, ORG, 'shop', 'development');
    expect([
      env.last_deploy?.id,
      env.last_deploy?.status,
      env.from_deploy?.id,
    ]).toEqual([second.id, 'pending', first.id]);
    b.clock.advance(10_000);
    env = b.engine.getEnv(b.admin, ORG, 'shop', 'development');
    expect([env.last_deploy?.id, env.from_deploy?.id]).toEqual([
      second.id,
      second.id,
    ]);
    expect(
      b.engine
        .listDeploys(b.admin, ORG, 'shop', 'development')
        .map((d) => d.id),
    ).toEqual([second.id, first.id]);
  });

  it('refuses a second deployment while one is pending or in progress (409)', () => {
    const b = shop();
    const running = b.engine.createDeploy(
      b.admin,
      ORG,
      'shop',
      'development',
      {},
    );
    for (const advance of [0, PENDING_MS]) {
      b.clock.advance(advance);
      const error = refusal(() =>
        b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {}),
      );
      expect(error.code).toBe('conflict');
      expect(error.error).toBe('API-409');
      expect(error.message).toBe(
        `Cannot deploy: deployment \`${running.id}\` is still running in environment \`development\`; wait until it has finished.`,
      );
    }
    b.clock.advance(MAX_RUN_MS);
    expect(
      b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {}).status,
    ).toBe('pending');
  });

  it('fails as planned and reports the errors only once failed', () => {
    const b = shop();
    const created = b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
      delta_id: b.engine.createDelta(
        b.admin,
        ORG,
        'shop',
        addDelta({ site: workload('reg/site:1', 'acme/static-site') }),
      ).id,
    });
    expect(
      b.engine.getDeployErrors(b.admin, ORG, 'shop', 'development', created.id),
    ).toEqual([]);
    b.clock.advance(10_000);
    expect(
      b.engine.getDeploy(b.admin, ORG, 'shop', 'development', created.id)
        .status,
    ).toBe('failed');
    const errors = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      'development',
      created.id,
    );
    expect(errors.map((e) => [e.scope, e.object_id, e.code])).toEqual([
      ['workload', 'site', 'WL-PROF-001'],
    ]);
    expect(
      b.engine.getEnv(b.admin, ORG, 'shop', 'development').from_deploy?.id,
    ).toBe(created.id);
  });

  it('deploys a forced set_id, and ignores set_id when a delta is given', () => {
    const b = shop();
    const setId = b.engine.applyDelta(
      b.admin,
      ORG,
      'shop',
      '0',
      addDelta({ web: workload('reg/web:1') }),
    );
    const forced = b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
      set_id: setId,
    });
    expect(forced.set_id).toBe(setId);
    b.clock.advance(10_000);
    const delta = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      imageDelta('web', 'reg/web:2'),
    );
    const withDelta = b.engine.createDeploy(
      b.admin,
      ORG,
      'shop',
      'development',
      { delta_id: delta.id, set_id: EMPTY_SET_ID },
    );
    expect(
      b.engine.getSet(b.admin, ORG, 'shop', withDelta.set_id).modules.web.spec,
    ).toEqual({
      containers: { main: { image: 'reg/web:2' } },
    });
  });

  it.each([
    [
      // 400, as the spec says for a deployment of an unknown delta (issue 19 §6).
      { delta_id: 'nope' },
      'invalid',
      /^Delta `nope` does not exist in app `shop`: create it first/,
    ],
    [{ set_id: 'nope' }, 'not_found', /^Deployment set `nope` does not exist/],
    [{ comment: 5 }, 'invalid', /`comment` must be a string/],
  ])('rejects %j', (input, code, message) => {
    const b = shop();
    const error = refusal(() =>
      b.engine.createDeploy(
        b.admin,
        ORG,
        'shop',
        'development',
        input as never,
      ),
    );
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('rejects a delta that does not fit the base set, naming delta, workload and path', () => {
    const b = shop();
    const delta = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      imageDelta('api', 'reg/api:2'),
    );
    const error = refusal(() =>
      b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
        delta_id: delta.id,
      }),
    );
    expect(error.code).toBe('invalid');
    expect(error.message).toContain(
      `Delta \`${delta.id}\` does not fit the current set of environment \`development\``,
    );
    expect(error.message).toContain('Workload `api`');
    expect(error.details).toEqual({
      workload: 'api',
      path: '/spec/containers/main/image',
      delta_id: delta.id,
    });
  });
});
