import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from '../core/clock';
import { compareVersions } from './ops';
import { ROLLOUT_STEP_MS } from './rollout';
import { DEMO_TOKENS, createEngine, buildDemoState } from '../../fixtures';

const NOW = Date.parse('2025-03-01T12:00:00Z');

function demo() {
  const clock = createManualClock(NOW);
  const engine = createEngine({
    clock,
    ids: createSequentialIds('fleet-test'),
  });
  return {
    clock,
    engine,
    admin: engine.authenticate(DEMO_TOKENS.administrator),
    dana: engine.authenticate(DEMO_TOKENS.developer),
    viewer: engine.authenticate(DEMO_TOKENS.viewer),
  };
}

describe('compareVersions', () => {
  it.each([
    ['1.0.0', '1.0.0', 0],
    ['0.9.0', '1.0.0', -1],
    ['1.10.0', '1.9.2', 1],
    ['2', '10', -1],
    ['1.0', '1.0.0', 0],
  ] as const)('%s vs %s → %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});

describe('fleet overview', () => {
  // acme's 13 environments include shop/preview, the GitOps environment (issue 21).
  it('lists every organisation with health counts and a cross-organisation inbox', () => {
    const { engine, admin } = demo();
    const fleet = engine.getFleetOverview(admin, 'acme');
    expect(fleet.orgs.map((o) => [o.org_id, o.state, o.apps, o.envs])).toEqual([
      ['acme', 'Failed', 5, 13],
      ['globex', 'Failed', 2, 3],
      ['initech', 'Degraded', 1, 2],
    ]);
    const inbox = fleet.needs_attention.map(
      (i) => `${i.org_id}/${i.app_id}/${i.env_id}:${i.state}`,
    );
    expect(inbox).toContain('globex/billing/development:Failed');
    expect(inbox).toContain('initech/tps-reports/development:Degraded');
    expect(inbox.indexOf('globex/billing/development:Failed')).toBeLessThan(
      inbox.indexOf('acme/analytics/production:Degraded'),
    );
  });

  // Dana (member) develops every acme app, globex's portal and initech's tps-reports, and has no role on
  // globex's billing (fleet-seed.ts): it is in none of her counts, her inbox or her drift.
  it('shows a member only the apps it has a role on in each organisation', () => {
    const { engine, admin, dana, viewer } = demo();
    const rows = (actor: typeof admin) =>
      engine
        .getFleetOverview(actor, 'acme')
        .orgs.map((o) => [o.org_id, o.apps, o.envs]);
    expect(rows(admin)).toEqual([
      ['acme', 5, 13],
      ['globex', 2, 3],
      ['initech', 1, 2],
    ]);
    expect(rows(viewer)).toEqual(rows(admin));
    expect(rows(dana)).toEqual([
      ['acme', 5, 13],
      ['globex', 1, 2],
      ['initech', 1, 2],
    ]);
    const fleet = engine.getFleetOverview(dana, 'acme');
    expect(fleet.needs_attention.filter((i) => i.app_id === 'billing')).toEqual(
      [],
    );
    expect(fleet.orgs.find((o) => o.org_id === 'globex')!.state).not.toBe(
      'Failed',
    );
    // Drift as far as she can see: the same pipelines as the administrator, since billing has none.
    const drift = (actor: typeof admin) =>
      engine
        .getFleetOverview(actor, 'acme')
        .orgs.map((o) => o.drift.filter((d) => d.kind === 'pipeline'));
    expect(drift(dana)).toEqual(drift(admin));
    // Without her role on tps-reports, initech shows her no app and none of its pipelines.
    engine.removeAppUser(admin, 'initech', 'tps-reports', 'dana-dev');
    const initech = engine
      .getFleetOverview(dana, 'acme')
      .orgs.find((o) => o.org_id === 'initech')!;
    expect([initech.apps, initech.envs, initech.needs_attention]).toEqual([
      0, 0, 0,
    ]);
    expect(
      initech.drift.filter((d) => d.kind === 'pipeline').map((d) => d.id),
    ).not.toContain('nightly-e2e');
  });

  it('compares the pipelines the pipelines API lists, and nothing else', () => {
    const { engine, admin } = demo();
    const ids = (org: string) =>
      engine.listPipelines(admin, org).map((p) => p.id);
    expect(ids('acme')).toEqual(['promote-to-staging']);
    const drift = (baseline: string, org: string) =>
      engine
        .getFleetOverview(admin, baseline)
        .orgs.find((o) => o.org_id === org)!
        .drift.filter((d) => d.kind === 'pipeline')
        .map((d) => `${d.id}:${d.status}`);
    // Every pipeline drift names a pipeline one of the two organisations has.
    for (const [b, o] of [
      ['acme', 'globex'],
      ['acme', 'initech'],
      ['globex', 'initech'],
    ]) {
      for (const item of drift(b, o))
        expect([...ids(b), ...ids(o)]).toContain(item.split(':')[0]);
    }
    expect(drift('acme', 'initech')).toEqual(['nightly-e2e:extra']);

    // A change through the pipelines API shows at once: acme's pipeline changes, initech's copy is now different.
    const current = engine.getPipeline(
      admin,
      'acme',
      'shop',
      'promote-to-staging',
    ).yaml;
    engine.updatePipeline(
      admin,
      'acme',
      'shop',
      'promote-to-staging',
      current.replace('interval_seconds: 3', 'interval_seconds: 5'),
    );
    const initech = engine
      .getFleetOverview(admin, 'acme')
      .orgs.find((o) => o.org_id === 'initech')!;
    const changed = initech.drift.find(
      (d) => d.kind === 'pipeline' && d.id === 'promote-to-staging',
    );
    expect(changed).toEqual({
      kind: 'pipeline',
      id: 'promote-to-staging',
      status: 'different',
      baseline: expect.stringMatching(/^revision 2, definition [\w-]{7}$/),
      actual: expect.stringMatching(/^revision 1, definition [\w-]{7}$/),
    });
    // Each side names its definition: equal revisions of different definitions still read differently.
    expect(changed!.baseline!.slice(-7)).not.toBe(changed!.actual!.slice(-7));
    engine.deletePipeline(
      admin,
      'initech',
      'tps-reports',
      'promote-to-staging',
    );
    expect(drift('acme', 'initech')).toEqual([
      'promote-to-staging:missing',
      'nightly-e2e:extra',
    ]);
  });

  it('reports drift of profiles, environment types and pipelines from the baseline', () => {
    const { engine, admin } = demo();
    const byOrg = Object.fromEntries(
      engine
        .getFleetOverview(admin, 'acme')
        .orgs.map((o) => [o.org_id, o.drift]),
    );
    expect(byOrg.acme).toEqual([]);
    expect(byOrg.globex).toEqual([
      {
        kind: 'profile',
        id: 'web-service',
        status: 'behind',
        baseline: '1.0.0',
        actual: '0.9.0',
      },
      {
        kind: 'profile',
        id: 'worker',
        status: 'missing',
        baseline: '1.0.0',
        actual: null,
      },
      // acme's environment type `preview` (no environment uses it yet) is in no other organisation.
      {
        kind: 'env-type',
        id: 'preview',
        status: 'missing',
        baseline: 'preview',
        actual: null,
      },
      {
        kind: 'env-type',
        id: 'qa',
        status: 'extra',
        baseline: null,
        actual: 'qa',
      },
      {
        kind: 'pipeline',
        id: 'promote-to-staging',
        status: 'different',
        baseline: expect.stringMatching(/^revision 1, definition [\w-]{7}$/),
        actual: expect.stringMatching(/^revision 1, definition [\w-]{7}$/),
      },
    ]);
    expect(byOrg.initech.map((d) => `${d.kind}:${d.id}:${d.status}`)).toEqual([
      'env-type:staging:missing',
      'env-type:preview:missing',
      'pipeline:nightly-e2e:extra',
    ]);
    // Another baseline turns the comparison around.
    const fromGlobex = engine
      .getFleetOverview(admin, 'globex')
      .orgs.find((o) => o.org_id === 'acme')!;
    expect(fromGlobex.drift).toContainEqual({
      kind: 'profile',
      id: 'web-service',
      status: 'ahead',
      baseline: '0.9.0',
      actual: '1.0.0',
    });
  });
});

describe('profile rollout', () => {
  it('applies the version to one organisation after another as the clock moves', () => {
    const { clock, engine, admin } = demo();
    const started = engine.createProfileRollout(admin, 'acme', {
      profile_id: 'worker',
      target_org_ids: ['globex', 'initech'],
    });
    expect(
      started.steps.map((s) => [s.org_id, s.from_version, s.status]),
    ).toEqual([
      ['globex', null, 'in progress'],
      ['initech', '1.0.0', 'waiting'],
    ]);
    expect(() => engine.getProfile(admin, 'globex', 'worker')).toThrow(
      /does not exist/,
    );

    clock.advance(ROLLOUT_STEP_MS);
    const half = engine.listProfileRollouts(admin, 'acme')[0];
    expect([half.status, half.done, half.steps.map((s) => s.status)]).toEqual([
      'in progress',
      1,
      ['done', 'in progress'],
    ]);
    expect(engine.getProfile(admin, 'globex', 'worker').version).toBe('1.0.0');

    clock.advance(ROLLOUT_STEP_MS);
    expect(engine.listProfileRollouts(admin, 'initech')[0].status).toBe('done');
    const globex = engine
      .getFleetOverview(admin, 'acme')
      .orgs.find((o) => o.org_id === 'globex')!;
    expect(
      globex.drift.filter((d) => d.kind === 'profile').map((d) => d.id),
    ).toEqual(['web-service']);
  });

  it('changes only its own engine, where seeded profiles are read from a copy kept for every engine of the same seed', () => {
    const a = demo();
    const b = demo();
    const before = JSON.stringify(
      b.engine.getProfile(b.admin, 'initech', 'worker'),
    );
    expect(
      JSON.stringify(a.engine.getProfile(a.admin, 'initech', 'worker')),
    ).toBe(before);
    a.engine.createProfileRollout(a.admin, 'acme', {
      profile_id: 'worker',
      target_org_ids: ['globex', 'initech'],
    });
    a.clock.advance(2 * ROLLOUT_STEP_MS);
    expect(a.engine.listProfileRollouts(a.admin, 'acme')[0].status).toBe(
      'done',
    );
    expect(
      JSON.stringify(b.engine.getProfile(b.admin, 'initech', 'worker')),
    ).toBe(before);
    expect(() => b.engine.getProfile(b.admin, 'globex', 'worker')).toThrow(
      /does not exist/,
    );
    // A fresh engine of the same seed reads the seed, not engine a's rollout.
    const c = demo();
    expect(
      JSON.stringify(c.engine.getProfile(c.admin, 'initech', 'worker')),
    ).toBe(before);
  });

  it('refuses bad input, a running duplicate and non-administrators, changing nothing', () => {
    const { engine, admin, viewer } = demo();
    expect(() =>
      engine.createProfileRollout(admin, 'acme', {
        profile_id: 'worker',
        target_org_ids: [],
      }),
    ).toThrow(/at least one/);
    expect(() =>
      engine.createProfileRollout(admin, 'acme', {
        profile_id: 'worker',
        target_org_ids: ['acme'],
      }),
    ).toThrow(/source/);
    expect(() =>
      engine.createProfileRollout(admin, 'acme', {
        profile_id: 'worker',
        target_org_ids: ['nowhere'],
      }),
    ).toThrow(/does not exist/);
    expect(() =>
      engine.createProfileRollout(admin, 'acme', {
        profile_id: 'nope',
        target_org_ids: ['globex'],
      }),
    ).toThrow(/does not exist/);
    expect(() =>
      engine.createProfileRollout(viewer, 'acme', {
        profile_id: 'worker',
        target_org_ids: ['globex'],
      }),
    ).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(engine.listProfileRollouts(admin, 'acme')).toEqual([]);
    engine.createProfileRollout(admin, 'acme', {
      profile_id: 'worker',
      target_org_ids: ['globex'],
    });
    expect(() =>
      engine.createProfileRollout(admin, 'acme', {
        profile_id: 'worker',
        target_org_ids: ['initech'],
      }),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});

describe('seeded history', () => {
  it('backfills 90 days before each environment and keeps its current state', () => {
    const state = buildDemoState(NOW) as unknown as {
      orgs: Record<
        string,
        {
          apps: Record<
            string,
            {
              envs: Record<
                string,
                { deployIds: string[]; lastDeployId?: string }
              >;
              deploys: Record<string, { createdMs: number; commit?: unknown }>;
            }
          >;
        }
      >;
    };
    const shopProd = state.orgs.acme.apps.shop.envs.production;
    const { deploys } = state.orgs.acme.apps.shop;
    expect(shopProd.lastDeployId).toBe(shopProd.deployIds.at(-1));
    expect(deploys[shopProd.deployIds[0]].createdMs).toBeLessThan(
      NOW - 80 * 86_400_000,
    );
    for (const id of shopProd.deployIds)
      expect(deploys[id].commit).toBeDefined();
    // Older deployments come first; every environment still ends on its seeded last deployment.
    for (const app of Object.values(state.orgs.acme.apps)) {
      for (const env of Object.values(app.envs)) {
        expect(env.lastDeployId).toBe(env.deployIds.at(-1));
        const times = env.deployIds.map((id) => app.deploys[id].createdMs);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    }
  });

  it('gives DORA figures per app and team with N/A where there is no production data', () => {
    const { engine, admin } = demo();
    const report = engine.getDoraMetrics(admin, 'acme', { window: '90d' });
    expect(report.series).toHaveLength(90);
    expect(report.overall.deployments).toBeGreaterThan(30);
    const identity = report.apps.find((a) => a.app_id === 'identity')!;
    expect(identity.team).toBe('Platform');
    expect(identity.figures.lead_time.median_hours).toBeNull();
    expect(identity.figures.change_failure_rate.percent).toBeNull();
    // identity has no production environment: no frequency and no tier, not "low" (#15).
    expect(identity.figures.deployment_frequency).toEqual({
      per_day: null,
      tier: null,
    });
    const shop = report.apps.find((a) => a.app_id === 'shop')!;
    expect(shop.figures.deployment_frequency.tier).not.toBeNull();
    expect(report.overall.deployment_frequency.per_day).toBeGreaterThan(0);
    expect(report.teams.map((t) => t.team)).toEqual([
      'Data',
      'Payments',
      'Platform',
      'Storefront',
    ]);
    expect(() =>
      engine.getDoraMetrics(admin, 'acme', { window: '7d' }),
    ).toThrow(/30d/);
  });
});
