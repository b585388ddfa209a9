import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from './clock';
import { DEMO_ORG_ID, DEMO_TOKENS } from './constants';
import { createEngine } from './engine';
import type { Engine } from './engine-api';
import { FAULT_RULES } from './faults';
import type { ContainerStatus, RuntimeInfo } from './model';
import { buildDemoState } from './seed';

const NOW = Date.parse('2025-06-15T08:00:00.000Z');
const DAY = 86_400_000;

function demoEngine(now = NOW): Engine {
  return createEngine({
    clock: createManualClock(now),
    ids: createSequentialIds('test'),
    state: buildDemoState(now),
  });
}

const engine = demoEngine();
const actor = engine.authenticate(DEMO_TOKENS.viewer);
const runtime = (app: string, env: string): RuntimeInfo =>
  engine.getRuntime(actor, DEMO_ORG_ID, app, env);
const containers = (
  app: string,
  env: string,
  workload: string,
): ContainerStatus[] =>
  (
    runtime(app, env).modules[workload].controllers[workload].pods ?? []
  ).flatMap((pod) => pod.containerStatuses);
const reason = (c: ContainerStatus) =>
  c.state.waiting?.reason ?? c.state.terminated?.reason ?? 'Running';
const lastDeploy = (app: string, env: string) =>
  engine.getEnv(actor, DEMO_ORG_ID, app, env).last_deploy;

describe('buildDemoState', () => {
  it('is deterministic for a given now', () => {
    expect(buildDemoState(NOW)).toEqual(buildDemoState(NOW));
  });

  it.each([
    '2025-01-01T00:00:00.000Z',
    '2025-01-01T00:01:00.000Z',
    '2025-03-31T23:59:59.999Z',
  ])('finishes every deployment before now = %s', (iso) => {
    const now = Date.parse(iso);
    const e = demoEngine(now);
    const a = e.authenticate(DEMO_TOKENS.administrator);
    for (const app of e.listApps(a, DEMO_ORG_ID)) {
      for (const env of e.listEnvs(a, DEMO_ORG_ID, app.id)) {
        for (const d of e.listDeploys(a, DEMO_ORG_ID, app.id, env.id)) {
          expect(['succeeded', 'failed']).toContain(d.status);
          expect(Date.parse(d.status_changed_at)).toBeLessThanOrEqual(now);
          // 90 days of backfilled history (seed-history.ts) before the month the seed script writes.
          expect(Date.parse(d.created_at)).toBeGreaterThan(now - 91 * DAY);
        }
      }
    }
  });

  it('seeds five apps with varied environments and history', () => {
    const apps = engine.listApps(actor, DEMO_ORG_ID).map((a) => a.id);
    expect(apps.sort()).toEqual([
      'analytics',
      'docs-site',
      'identity',
      'payments',
      'shop',
    ]);
    const envs = (app: string) =>
      engine
        .listEnvs(actor, DEMO_ORG_ID, app)
        .map((e) => e.id)
        .sort();
    expect(envs('shop')).toEqual(['development', 'production', 'staging']);
    expect(envs('payments')).toEqual(['development', 'production', 'staging']);
    expect(envs('identity')).toEqual(['development', 'staging']);
    const shopProd = engine.listDeploys(
      actor,
      DEMO_ORG_ID,
      'shop',
      'production',
    );
    expect(shopProd.length).toBeGreaterThanOrEqual(4);
    expect(shopProd.map((d) => d.comment)).toContain('Bump api to 1.4.2');
    const all = apps.flatMap((app) =>
      engine
        .listEnvs(actor, DEMO_ORG_ID, app)
        .flatMap((env) => engine.listDeploys(actor, DEMO_ORG_ID, app, env.id)),
    );
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(new Set(all.map((d) => d.created_by)).size).toBeGreaterThanOrEqual(
      2,
    );
    expect(
      new Set(all.map((d) => d.created_at.slice(0, 10))).size,
    ).toBeGreaterThanOrEqual(20);
  });

  it('keeps shop/production healthy', () => {
    const modules = runtime('shop', 'production').modules;
    expect(Object.keys(modules).sort()).toEqual([
      'api',
      'cart',
      'frontend',
      'worker',
    ]);
    for (const module of Object.values(modules))
      expect(module.status_class).toBe('Success');
    expect(modules.api.controllers.api.replicas).toBe(3);
  });
});

describe('faults in the demo organisation', () => {
  it('payments/staging: the latest deploy failed on a postgres param and the previous set still runs', () => {
    const failed = lastDeploy('payments', 'staging');
    expect(failed?.status).toBe('failed');
    const errors = engine.getDeployErrors(
      actor,
      DEMO_ORG_ID,
      'payments',
      'staging',
      failed!.id,
    );
    expect(errors).toEqual([
      expect.objectContaining({
        scope: 'resource',
        object_id: 'shared.ledger-db',
        code: 'RES-PROV-001',
        error_type: 'ResourceProvisioningError',
      }),
    ]);
    expect(errors[0].message).toContain('"18"');
    const modules = runtime('payments', 'staging').modules;
    expect(Object.values(modules).map((m) => m.status_class)).toEqual([
      'Success',
      'Success',
      'Success',
    ]);
  });

  it('docs-site/development: the latest deploy failed on an unknown profile', () => {
    const failed = lastDeploy('docs-site', 'development');
    expect(failed?.status).toBe('failed');
    const errors = engine.getDeployErrors(
      actor,
      DEMO_ORG_ID,
      'docs-site',
      'development',
      failed!.id,
    );
    expect(errors.map((e) => [e.scope, e.object_id, e.code])).toEqual([
      ['workload', 'docs', 'WL-PROF-001'],
    ]);
    expect(runtime('docs-site', 'development').modules.docs.status).toBe(
      'Running',
    );
  });

  it('shop/staging: cart crash-loops while the other workloads run', () => {
    const modules = runtime('shop', 'staging').modules;
    expect([modules.cart.status, modules.cart.status_class]).toEqual([
      'Failed',
      'Failure',
    ]);
    for (const id of ['api', 'frontend', 'worker'])
      expect(modules[id].status).toBe('Running');
    const cart = containers('shop', 'staging', 'cart');
    expect(cart.map(reason)).toEqual(['CrashLoopBackOff', 'CrashLoopBackOff']);
    expect(cart[0].restart_count).toBeGreaterThan(100);
  });

  it('shop/development: the frontend image cannot be pulled', () => {
    const module = runtime('shop', 'development').modules.frontend;
    expect(module.status).toBe('Failed');
    expect(module.controllers.frontend.pods?.[0].phase).toBe('Pending');
    expect(containers('shop', 'development', 'frontend').map(reason)).toEqual([
      'ImagePullBackOff',
    ]);
  });

  it('payments/development: the ledger worker is OOM-killed', () => {
    const [c] = containers('payments', 'development', 'ledger-worker');
    expect(c.state.terminated).toMatchObject({
      reason: 'OOMKilled',
      exit_code: 137,
    });
    expect(
      runtime('payments', 'development').modules['ledger-worker'].status_class,
    ).toBe('Failure');
  });

  it('identity/development: auth-api references a missing secret', () => {
    expect(
      containers('identity', 'development', 'auth-api').map(reason),
    ).toEqual(['CreateContainerConfigError', 'CreateContainerConfigError']);
    expect(runtime('identity', 'staging').modules['auth-api'].status).toBe(
      'Running',
    );
  });

  it('analytics/production: one of three collector replicas fails', () => {
    const module = runtime('analytics', 'production').modules.collector;
    expect([module.status, module.status_class]).toEqual([
      'Partially Succeeded',
      'Warning',
    ]);
    expect(
      containers('analytics', 'production', 'collector').map(reason),
    ).toEqual(['CrashLoopBackOff', 'Running', 'Running']);
    const summary = engine.listRuntime(actor, DEMO_ORG_ID, 'analytics', [
      'production',
      'development',
    ]);
    expect(summary.map((row) => row.status)).toEqual(['Warning', 'Success']);
  });

  it('shows every fault rule somewhere', () => {
    const shown = new Set<string>(['resource-params', 'unknown-profile']); // asserted above via deploy errors
    const byReason: Record<string, string> = {
      ImagePullBackOff: 'image-pull',
      CrashLoopBackOff: 'crash-loop',
      OOMKilled: 'oom',
      CreateContainerConfigError: 'config-error',
    };
    for (const app of engine.listApps(actor, DEMO_ORG_ID)) {
      for (const env of engine.listEnvs(actor, DEMO_ORG_ID, app.id)) {
        for (const module of Object.values(runtime(app.id, env.id).modules)) {
          if (module.status === 'Partially Succeeded') shown.add('degraded');
          for (const controller of Object.values(module.controllers)) {
            for (const pod of controller.pods ?? []) {
              for (const c of pod.containerStatuses) {
                const rule = byReason[reason(c)];
                if (rule) shown.add(rule);
              }
            }
          }
        }
      }
    }
    expect([...shown].sort()).toEqual(
      FAULT_RULES.map((rule) => rule.id).sort(),
    );
  });
});
