// Which apps a caller sees (access/authorize.ts, as Humanitec documents it): a member or an artefact
// contributor only the apps it has a role on, administrators, managers and orgViewers every app. Dana
// (member) develops `shop` and has no role on `ledger`; every listing across apps keeps `shop` only, and
// every read of `ledger` is refused. `appVisibility: 'organisation'` restores the old behaviour.
import { describe, expect, it } from 'vitest';
import type { Actor, AppVisibility, Engine } from '../index';
import { createManualClock, createSequentialIds } from '../index';
import { createEngine, DEMO_TOKENS } from '../../fixtures';
import {
  addDelta,
  ORG,
  refusal,
  T0,
  workload,
} from '../../fixtures/test-engine';

const LOG_PIPELINE = (id: string) =>
  JSON.stringify({
    id,
    name: id,
    on: { pipeline_call: {} },
    jobs: {
      a: {
        steps: [{ uses: 'actions/humanitec/log@v1', with: { message: 'hi' } }],
      },
    },
  });

interface World {
  engine: Engine;
  admin: Actor;
  dana: Actor;
  vic: Actor;
  /** Service users with these organisation roles and no app role. */
  manager: Actor;
  contributor: Actor;
}

/**
 * Two apps, each deployed to development and production, with a pipeline and
 * a finished run; Dana develops `shop` only.
 */
function world(appVisibility?: AppVisibility): World {
  const clock = createManualClock(T0);
  const engine = createEngine({
    clock,
    ids: createSequentialIds('vis'),
    seed: 'empty',
    ...(appVisibility ? { appVisibility } : {}),
  });
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  for (const id of ['shop', 'ledger']) {
    engine.createApp(admin, ORG, { id, name: id });
    const delta = engine.createDelta(
      admin,
      ORG,
      id,
      addDelta({ api: workload(`reg/${id}:1`) }),
    );
    const first = engine.createDeploy(admin, ORG, id, 'development', {
      delta_id: delta.id,
      comment: `first ${id}`,
    });
    clock.advance(20_000);
    engine.createEnv(admin, ORG, id, {
      id: 'production',
      name: 'Production',
      type: 'production',
      from_deploy_id: first.id,
    });
    engine.createDeploy(admin, ORG, id, 'production', {
      set_id: first.set_id,
      comment: `release ${id}`,
    });
    engine.createPipeline(admin, ORG, id, LOG_PIPELINE(`${id}-pipeline`));
    engine.createPipelineRun(admin, ORG, id, `${id}-pipeline`, {});
  }
  clock.advance(60_000);
  engine.addAppUser(admin, ORG, 'shop', { id: 'dana-dev', role: 'developer' });
  const serviceUser = (name: string, role: string) => {
    const user = engine.createServiceUser(admin, ORG, { name, role });
    return engine.authenticate(
      engine.createToken(admin, user.id, { id: 'vis' }).token,
    );
  };
  return {
    engine,
    admin,
    dana: engine.authenticate(DEMO_TOKENS.developer),
    vic: engine.authenticate(DEMO_TOKENS.viewer),
    manager: serviceUser('Vis manager', 'manager'),
    contributor: serviceUser('Vis contributor', 'artefactContributor'),
  };
}

/** The app ids every listing across apps shows to `actor`. */
function seen(engine: Engine, actor: Actor) {
  const index = engine.navigationIndex(actor, ORG);
  const dora = engine.getDoraMetrics(actor, ORG);
  return {
    apps: engine.listApps(actor, ORG).map((a) => a.id),
    navigation: index.apps.map((a) => a.id),
    navigationDeploys: [
      ...new Set(index.deployments.map((d) => d.app_id)),
    ].sort(),
    health: engine.getOrgHealth(actor, ORG).apps.map((a) => a.app_id),
    fleet: engine
      .getFleetOverview(actor, ORG)
      .orgs.map((o) => `${o.org_id}:${o.apps}`),
    dora: dora.apps.map((a) => a.app_id),
    doraTeams: dora.teams.flatMap((t) => t.app_ids),
    pipelines: engine.listPipelines(actor, ORG).map((p) => p.app_id),
    runs: engine
      .listPipelineRuns(actor, ORG, {})
      .map((r) => r.app_id)
      .sort(),
  };
}

const ALL = {
  apps: ['shop', 'ledger'],
  navigation: ['shop', 'ledger'],
  navigationDeploys: ['ledger', 'shop'],
  health: ['shop', 'ledger'],
  fleet: ['acme:2'],
  dora: ['shop', 'ledger'],
  doraTeams: ['shop', 'ledger'],
  pipelines: ['shop', 'ledger'],
  runs: ['ledger', 'shop'],
};
const SHOP_ONLY = {
  apps: ['shop'],
  navigation: ['shop'],
  navigationDeploys: ['shop'],
  health: ['shop'],
  fleet: ['acme:1'],
  dora: ['shop'],
  doraTeams: ['shop'],
  pipelines: ['shop'],
  runs: ['shop'],
};

/** Every read of one app (and what is in it) the API offers. */
function appReads(engine: Engine, actor: Actor, appId: string) {
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  const deploy = engine.listDeploys(admin, ORG, appId, 'development')[0];
  const set = engine.listSets(admin, ORG, appId)[0];
  const delta = engine.listDeltas(admin, ORG, appId)[0];
  const run = engine.listPipelineRuns(admin, ORG, { appId })[0];
  const pipelineId = `${appId}-pipeline`;
  return {
    getApp: () => engine.getApp(actor, ORG, appId),
    listEnvs: () => engine.listEnvs(actor, ORG, appId),
    getEnv: () => engine.getEnv(actor, ORG, appId, 'development'),
    listDeploys: () => engine.listDeploys(actor, ORG, appId, 'development'),
    getDeploy: () =>
      engine.getDeploy(actor, ORG, appId, 'development', deploy.id),
    getDeployErrors: () =>
      engine.getDeployErrors(actor, ORG, appId, 'development', deploy.id),
    getDeploySteps: () =>
      engine.getDeploySteps(actor, ORG, appId, 'development', deploy.id),
    listSets: () => engine.listSets(actor, ORG, appId),
    getSet: () => engine.getSet(actor, ORG, appId, set.id),
    listDeltas: () => engine.listDeltas(actor, ORG, appId),
    getDelta: () => engine.getDelta(actor, ORG, appId, delta.id),
    getRuntime: () => engine.getRuntime(actor, ORG, appId, 'development'),
    listRuntime: () => engine.listRuntime(actor, ORG, appId, ['development']),
    getAppHealth: () => engine.getAppHealth(actor, ORG, appId),
    getEnvHealth: () => engine.getEnvHealth(actor, ORG, appId, 'development'),
    doraOfApp: () => engine.getDoraMetrics(actor, ORG, { appId }),
    listPipelinesOfApp: () => engine.listPipelines(actor, ORG, appId),
    getPipeline: () => engine.getPipeline(actor, ORG, appId, pipelineId),
    listRunsOfApp: () => engine.listPipelineRuns(actor, ORG, { appId }),
    getPipelineRun: () =>
      engine.getPipelineRun(actor, ORG, appId, pipelineId, run.id),
    listApprovals: () => engine.listApprovals(actor, ORG, appId, {}),
    listPipelineCriteria: () => engine.listPipelineCriteria(actor, ORG, appId),
    listClones: () => engine.listClones(actor, ORG, appId),
    listAppUsers: () => engine.listAppUsers(actor, ORG, appId),
  };
}

describe('apps a caller sees', () => {
  it('lists to a member only the apps it has a role on, in every listing across apps', () => {
    const w = world();
    expect(seen(w.engine, w.dana)).toEqual(SHOP_ONLY);
    // An artefact contributor is "the same as the member role": no app role, no app.
    expect(seen(w.engine, w.contributor)).toEqual({
      apps: [],
      navigation: [],
      navigationDeploys: [],
      health: [],
      fleet: ['acme:0'],
      dora: [],
      doraTeams: [],
      pipelines: [],
      runs: [],
    });
  });

  it('lists every app to administrators, managers and orgViewers', () => {
    const w = world();
    for (const actor of [w.admin, w.manager, w.vic])
      expect(seen(w.engine, actor)).toEqual(ALL);
  });

  it('leaves the hidden apps out of what the listings aggregate, too', () => {
    const w = world();
    const health = w.engine.getOrgHealth(w.dana, ORG);
    expect(health.needs_attention.map((i) => i.app_id)).not.toContain('ledger');
    const index = w.engine.navigationIndex(w.dana, ORG);
    expect(index.deployments.map((d) => d.comment).sort()).toEqual([
      'first shop',
      'release shop',
    ]);
    const dora = w.engine.getDoraMetrics(w.dana, ORG);
    const adminDora = w.engine.getDoraMetrics(w.admin, ORG);
    const deploys = (report: typeof dora) =>
      report.series.reduce((n, day) => n + day.succeeded + day.failed, 0);
    expect(deploys(adminDora)).toBe(2);
    expect(deploys(dora)).toBe(1);
  });

  it('shows a member an app as soon as it has a role on it, and hides it when the role goes', () => {
    const w = world();
    w.engine.addAppUser(w.admin, ORG, 'ledger', {
      id: 'dana-dev',
      role: 'viewer',
    });
    expect(seen(w.engine, w.dana)).toEqual(ALL);
    w.engine.removeAppUser(w.admin, ORG, 'ledger', 'dana-dev');
    expect(seen(w.engine, w.dana)).toEqual(SHOP_ONLY);
    // An app Dana creates is hers (owner) and she sees it.
    w.engine.createApp(w.dana, ORG, { id: 'blog', name: 'Blog' });
    expect(w.engine.listApps(w.dana, ORG).map((a) => a.id)).toEqual([
      'shop',
      'blog',
    ]);
  });

  it('refuses a member every read of an app it has no role on (403 naming the role; 404 for an unknown app)', () => {
    const w = world();
    for (const [name, read] of Object.entries(
      appReads(w.engine, w.dana, 'ledger'),
    )) {
      const error = refusal(read);
      expect({ name, code: error.code, message: error.message }).toEqual({
        name,
        code: 'forbidden',
        message: expect.stringContaining(
          'needs the viewer, developer or owner role on app ledger (you are member of organisation acme, which reads only the apps you have a role on)',
        ),
      });
    }
    for (const [name, read] of Object.entries(
      appReads(w.engine, w.dana, 'shop'),
    ))
      expect({ name, ok: read() !== undefined }).toEqual({ name, ok: true });
    // No canary has run anywhere: shop says so (404), ledger refuses first.
    expect(
      refusal(() => w.engine.getCanary(w.dana, ORG, 'ledger', 'development'))
        .code,
    ).toBe('forbidden');
    expect(
      refusal(() => w.engine.getCanary(w.dana, ORG, 'shop', 'development'))
        .code,
    ).toBe('not_found');
    expect(refusal(() => w.engine.getApp(w.dana, ORG, 'nope')).code).toBe(
      'not_found',
    );
    expect(
      refusal(() => w.engine.getDoraMetrics(w.dana, ORG, { appId: 'nope' }))
        .code,
    ).toBe('not_found');
  });

  it('lets every organisation role read every app with appVisibility organisation (the documented switch)', () => {
    const w = world('organisation');
    for (const actor of [w.dana, w.contributor, w.vic, w.admin])
      expect(seen(w.engine, actor)).toEqual(ALL);
    expect(w.engine.getApp(w.dana, ORG, 'ledger').id).toBe('ledger');
    // Reading is all it gives: changing ledger still needs a role on it.
    expect(
      refusal(() =>
        w.engine.createDelta(
          w.dana,
          ORG,
          'ledger',
          addDelta({ api: workload('reg/x:1') }),
        ),
      ).message,
    ).toMatch(/needs the developer or owner role on app ledger/);
  });

  it('reports the permissions that follow: no app.read on a hidden app', () => {
    const w = world();
    const perms = w.engine.getPermissions(w.dana, ORG, 'dana-dev').objects;
    expect(perms['/orgs/acme/apps/shop'].permissions).toContain('app.read');
    expect(perms['/orgs/acme/apps/ledger']).toBeUndefined();
    expect(perms['/orgs/acme'].permissions).toContain('org.read');
    const open = world('organisation');
    expect(
      open.engine.getPermissions(open.dana, ORG, 'dana-dev').objects[
        '/orgs/acme/apps/ledger'
      ].permissions,
    ).toEqual(['app.read']);
  });

  it('narrows the listings to a token limited to some apps, and refuses a non-member even an empty list', () => {
    const w = world();
    const bot = w.engine.createServiceUser(w.admin, ORG, {
      name: 'Scoped admin',
      role: 'administrator',
    });
    const scoped = w.engine.authenticate(
      w.engine.createToken(w.admin, bot.id, {
        id: 'shop-only',
        scope: { apps: ['shop'] },
      }).token,
    );
    expect(seen(w.engine, scoped)).toEqual(SHOP_ONLY);
    w.engine.removeOrgUser(w.admin, ORG, 'vic-viewer');
    for (const list of [
      () => w.engine.listPipelines(w.vic, ORG),
      () => w.engine.listPipelineRuns(w.vic, ORG, {}),
      () => w.engine.navigationIndex(w.vic, ORG),
      () => w.engine.getOrgHealth(w.vic, ORG),
      () => w.engine.getDoraMetrics(w.vic, ORG),
    ])
      expect(refusal(list).message).toMatch(
        /needs a role in organisation acme/,
      );
  });
});
