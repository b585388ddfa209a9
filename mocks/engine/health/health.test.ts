import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from '../core/clock';
import {
  HEALTH_LEGEND,
  HEALTH_STATES,
  environmentHealth,
  worstState,
  workloadState,
  type HealthState,
} from './compute';
import type {
  DeploymentError,
  DeploymentStatus,
  Environment,
  RuntimeModule,
  RuntimeStatus,
  RuntimeStatusClass,
} from '../core/model/spec';
import {
  addDelta,
  bench,
  deployAndFinish,
  ORG,
  workload,
} from '../../fixtures/test-engine';
import { DEMO_TOKEN, createEngine } from '../../fixtures';

const AT = '2026-01-15T09:00:00.000Z';

function env(status?: DeploymentStatus): Environment {
  return {
    id: 'staging',
    name: 'Staging',
    type: 'staging',
    created_at: AT,
    created_by: 'alex-admin',
    status: 'active',
    status_changed_at: AT,
    ...(status
      ? {
          last_deploy: {
            id: 'd2',
            env_id: 'staging',
            from_id: 'd1',
            set_id: 's2',
            comment: 'c',
            created_at: AT,
            created_by: 'dana-dev',
            status,
            status_changed_at: AT,
            export_status: '',
            export_file: '',
          },
        }
      : {}),
  };
}

/** A runtime module with `pods` pods, the first `failing` of them failing with `reason`. */
function module(
  status: RuntimeStatus,
  statusClass: RuntimeStatusClass,
  pods = 1,
  failing = 0,
  reason = 'CrashLoopBackOff',
): RuntimeModule {
  return {
    status,
    status_class: statusClass,
    controllers: {
      w: {
        kind: 'Deployment',
        status,
        replicas: pods,
        pods: Array.from({ length: pods }, (_, i) => ({
          podName: `w-${i}`,
          phase: 'Running' as const,
          status: i < failing ? ('Failure' as const) : ('Success' as const),
          containerStatuses: [
            i < failing
              ? {
                  name: 'main',
                  ready: false,
                  restart_count: 3,
                  status: 'Failure' as const,
                  state: { waiting: { reason, message: 'boom' } },
                }
              : {
                  name: 'main',
                  ready: true,
                  restart_count: 0,
                  status: 'Success' as const,
                  state: { running: { started_at: AT } },
                },
          ],
        })),
      },
    },
  };
}

const RESOURCE_ERROR: DeploymentError = {
  scope: 'resource',
  object_id: 'shared.db',
  code: 'RES-PROV-001',
  summary: 'Resource provisioning failed',
  message:
    'Resource "shared.db" (type postgres): params.version "18" is not supported.',
  error_type: 'ResourceProvisioningError',
};

const HEALTHY = module('Running', 'Success');
const CRASHING = module('Failed', 'Failure', 2, 2);
const FLAKY = module('Partially Succeeded', 'Warning', 3, 1);

describe('the health model: worst state wins', () => {
  it.each<{
    name: string;
    deploy?: DeploymentStatus;
    errors?: DeploymentError[];
    paused?: boolean;
    modules: Record<string, RuntimeModule>;
    state: HealthState;
    root?: { scope: string; code?: string };
  }>([
    { name: 'never deployed', modules: {}, state: 'NotDeployed' },
    {
      name: 'all running',
      deploy: 'succeeded',
      modules: { a: HEALTHY, b: module('Succeeded', 'Success') },
      state: 'Healthy',
    },
    {
      name: 'no workloads',
      deploy: 'succeeded',
      modules: {},
      state: 'Healthy',
    },
    {
      name: 'deploy pending',
      deploy: 'pending',
      modules: { a: module('Starting', 'Warning') },
      state: 'Deploying',
      root: { scope: 'deployment' },
    },
    {
      name: 'deploy in progress',
      deploy: 'in progress',
      modules: { a: HEALTHY },
      state: 'Deploying',
      root: { scope: 'deployment' },
    },
    {
      name: 'one replica of three failing',
      deploy: 'succeeded',
      modules: { a: HEALTHY, b: FLAKY },
      state: 'Degraded',
      root: { scope: 'workload', code: 'CrashLoopBackOff' },
    },
    {
      name: 'a workload failing',
      deploy: 'succeeded',
      modules: { a: CRASHING, b: FLAKY },
      state: 'Failed',
      root: { scope: 'workload', code: 'CrashLoopBackOff' },
    },
    {
      name: 'failed deploy, previous set healthy',
      deploy: 'failed',
      errors: [RESOURCE_ERROR],
      modules: { a: HEALTHY },
      state: 'Failed',
      root: { scope: 'resource', code: 'RES-PROV-001' },
    },
    {
      name: 'failed deploy beats a crashing workload',
      deploy: 'failed',
      errors: [RESOURCE_ERROR],
      modules: { a: CRASHING },
      state: 'Failed',
      root: { scope: 'resource', code: 'RES-PROV-001' },
    },
    {
      name: 'failed deploy without errors',
      deploy: 'failed',
      modules: {},
      state: 'Failed',
      root: { scope: 'deployment' },
    },
    {
      name: 'paused',
      deploy: 'succeeded',
      paused: true,
      modules: { a: module('Stopped', 'Stopped', 0) },
      state: 'Paused',
      root: { scope: 'environment' },
    },
    {
      name: 'paused and failed deploy',
      deploy: 'failed',
      errors: [RESOURCE_ERROR],
      paused: true,
      modules: { a: module('Stopped', 'Stopped', 0) },
      state: 'Failed',
      root: { scope: 'resource', code: 'RES-PROV-001' },
    },
    {
      name: 'scaled to 0',
      deploy: 'succeeded',
      modules: { a: HEALTHY, b: module('Stopped', 'Stopped', 0) },
      state: 'Paused',
      root: { scope: 'workload' },
    },
    {
      name: 'unknown runtime',
      deploy: 'succeeded',
      modules: { a: HEALTHY, b: module('Unknown', 'Unknown', 0) },
      state: 'Unknown',
      root: { scope: 'workload' },
    },
    {
      name: 'unknown beats paused',
      deploy: 'succeeded',
      paused: true,
      modules: { b: module('Unknown', 'Unknown', 0) },
      state: 'Unknown',
      root: { scope: 'workload' },
    },
    {
      name: 'degraded beats deploying',
      deploy: 'in progress',
      modules: { b: FLAKY },
      state: 'Degraded',
      root: { scope: 'workload' },
    },
  ])(
    '$name → $state',
    ({ deploy, errors = [], paused = false, modules, state, root }) => {
      const health = environmentHealth({
        appId: 'shop',
        env: env(deploy),
        paused,
        lastDeployErrors: errors,
        runtime: { namespace: 'shop-staging', modules },
      });
      expect(health.state).toBe(state);
      if (root) {
        expect(health.root_cause).toMatchObject(root);
        expect(health.summary).toBe(health.root_cause!.message);
      } else {
        expect(health.root_cause).toBeUndefined();
      }
      expect(health.issues[0]).toEqual(health.root_cause);
    },
  );

  it('maps every V2 runtime status to one state, with the status class for unknown words', () => {
    const statuses: [RuntimeStatus, RuntimeStatusClass, HealthState][] = [
      ['Running', 'Success', 'Healthy'],
      ['Succeeded', 'Success', 'Healthy'],
      ['Starting', 'Warning', 'Deploying'],
      ['Partially Succeeded', 'Warning', 'Degraded'],
      ['Failed', 'Failure', 'Failed'],
      ['Stopped', 'Stopped', 'Paused'],
      ['Unknown', 'Unknown', 'Unknown'],
    ];
    for (const [status, statusClass, state] of statuses) {
      expect(workloadState(module(status, statusClass))).toBe(state);
    }
    const odd = {
      ...HEALTHY,
      status: 'Evicted' as RuntimeStatus,
      status_class: 'Failure' as const,
    };
    expect(workloadState(odd)).toBe('Failed');
  });

  it('orders states worst first and documents each in the legend', () => {
    expect(worstState(['Healthy', 'Paused', 'Degraded', 'Deploying'])).toBe(
      'Degraded',
    );
    expect(worstState([])).toBe('NotDeployed');
    expect(HEALTH_LEGEND.map((l) => l.state)).toEqual([...HEALTH_STATES]);
  });

  it('names the resource and its type, and counts failing replicas', () => {
    const failed = environmentHealth({
      appId: 'shop',
      env: env('failed'),
      paused: false,
      lastDeployErrors: [RESOURCE_ERROR],
      lastDeploySet: {
        id: 's2',
        version: 0,
        modules: {},
        shared: { db: { type: 'postgres' } },
      },
      runtime: { namespace: 'n', modules: { a: FLAKY } },
    });
    expect(failed.summary).toBe(
      'Deployment `d2` failed: shared resource `db` (postgres) could not be provisioned: params.version "18" is not supported.',
    );
    expect(failed.issues[1].message).toBe(
      'Workload `a`: container `main` keeps crashing (CrashLoopBackOff) in 1 of 3 replicas.',
    );
    expect(failed.workloads).toEqual([
      {
        id: 'a',
        state: 'Degraded',
        status: 'Partially Succeeded',
        status_class: 'Warning',
        ready: 2,
        desired: 3,
        restarts: 3,
        reason: 'CrashLoopBackOff',
      },
    ]);
  });
});

describe('health of the demo organisation', () => {
  const clock = createManualClock(Date.UTC(2026, 0, 15, 9));
  const engine = createEngine({ clock, ids: createSequentialIds('t') });
  const actor = engine.authenticate(DEMO_TOKEN);

  it.each([
    [
      'shop',
      'development',
      'Failed',
      'ImagePullBackOff',
      'Workload `frontend`: container `frontend` cannot pull its image',
    ],
    [
      'shop',
      'staging',
      'Failed',
      'CrashLoopBackOff',
      'Workload `cart`: container `cart` keeps crashing',
    ],
    [
      'payments',
      'development',
      'Failed',
      'OOMKilled',
      'Workload `ledger-worker`: container `ledger-worker` was killed for running out of memory',
    ],
    [
      'payments',
      'staging',
      'Failed',
      'RES-PROV-001',
      'shared resource `ledger-db` (postgres) could not be provisioned: PostgreSQL version "18" is not supported',
    ],
    [
      'identity',
      'development',
      'Failed',
      'CreateContainerConfigError',
      'Workload `auth-api`: container `auth-api` cannot be configured',
    ],
    [
      'analytics',
      'production',
      'Degraded',
      'CrashLoopBackOff',
      'in 1 of 3 replicas',
    ],
    [
      'docs-site',
      'development',
      'Failed',
      'WL-PROF-001',
      'workload profile not found',
    ],
  ])('%s/%s is %s because of %s', (app, envId, state, code, text) => {
    const health = engine.getEnvHealth(actor, 'acme', app, envId);
    expect(health.state).toBe(state);
    expect(health.root_cause?.code).toBe(code);
    expect(health.summary).toContain(text);
  });

  it('keeps the healthy environments healthy and lists the others, production first', () => {
    const org = engine.getOrgHealth(actor, 'acme');
    const healthy = org.apps.flatMap((a) =>
      a.envs
        .filter((e) => e.state === 'Healthy')
        .map((e) => `${a.app_id}/${e.env_id}`),
    );
    expect(healthy.sort()).toEqual([
      'analytics/development',
      'docs-site/production',
      'identity/staging',
      'payments/production',
      'shop/preview',
      'shop/production',
    ]);
    expect(org.needs_attention.map((n) => `${n.app_id}/${n.env_id}`)).toEqual([
      'payments/staging',
      'shop/staging',
      'docs-site/development',
      'identity/development',
      'payments/development',
      'shop/development',
      'analytics/production',
    ]);
    expect(engine.getAppHealth(actor, 'acme', 'analytics').state).toBe(
      'Degraded',
    );
  });
});

describe('health follows deploys and pauses', () => {
  it('goes NotDeployed → Deploying → Healthy → Paused', () => {
    const b = bench();
    b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
    const state = () =>
      b.engine.getEnvHealth(b.admin, ORG, 'shop', 'development').state;
    expect(state()).toBe('NotDeployed');
    const delta = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      addDelta({ api: workload('reg/api:1') }),
    );
    b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
      delta_id: delta.id,
    });
    expect(state()).toBe('Deploying');
    b.clock.advance(10_000);
    expect(state()).toBe('Healthy');
    // One workload is not "all 1".
    expect(
      b.engine.getEnvHealth(b.admin, ORG, 'shop', 'development').summary,
    ).toBe('Its one workload is healthy.');
    b.engine.setPaused(b.admin, ORG, 'shop', 'development', true);
    expect(state()).toBe('Paused');
    b.engine.setPaused(b.admin, ORG, 'shop', 'development', false);
    deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:missing') }),
    );
    const health = b.engine.getEnvHealth(b.admin, ORG, 'shop', 'development');
    expect([health.state, health.root_cause?.code]).toEqual([
      'Failed',
      'ImagePullBackOff',
    ]);
  });
});
