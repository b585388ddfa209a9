import { describe, expect, it } from 'vitest';
import { deploymentSteps } from './steps';
import type {
  DeploymentError,
  DeploymentSet,
  Module,
} from '../core/model/spec';
import type { DeployRecord } from '../core/state';
import { addDelta, bench, ORG, workload } from '../../fixtures/test-engine';

const T = Date.UTC(2026, 0, 15, 9);

function set(
  modules: Record<string, Module>,
  shared: DeploymentSet['shared'] = {},
): DeploymentSet {
  return { id: 's', version: 0, modules, shared };
}

function record(
  outcome: 'succeeded' | 'failed',
  errors: DeploymentError[] = [],
  runMs = 3000,
): DeployRecord {
  return {
    seq: 1,
    createdMs: T,
    deployment: {
      id: 'd1',
      env_id: 'dev',
      from_id: '',
      set_id: 's',
      comment: '',
      created_at: '',
      created_by: 'u',
      status: 'pending',
      status_changed_at: '',
      export_status: '',
      export_file: '',
    },
    plan: { outcome, errors, pendingMs: 1000, runMs },
  };
}

const API = workload('reg/api:1');
const WITH_DB: Module = {
  ...workload('reg/worker:1'),
  externals: { queue: { type: 'sqs' } },
};
const NEXT = set({ api: API, worker: WITH_DB }, { db: { type: 'postgres' } });
const PREVIOUS = set(
  { api: API, old: workload('reg/old:1') },
  { db: { type: 'postgres' } },
);
const DB_ERROR: DeploymentError = {
  scope: 'resource',
  object_id: 'modules.worker.externals.queue',
  code: 'RES-PROV-001',
  summary: 'Resource provisioning failed',
  message: 'bad queue',
  error_type: 'ResourceProvisioningError',
};

describe('deployment steps', () => {
  it('lists queue, resources, then workloads (removed last) with changes and durations', () => {
    const { steps, status } = deploymentSteps({
      record: record('succeeded'),
      set: NEXT,
      previous: PREVIOUS,
      now: T + 60_000,
    });
    expect(status).toBe('succeeded');
    expect(steps.map((s) => [s.id, s.status, s.change, s.duration_ms])).toEqual(
      [
        ['queue', 'succeeded', undefined, 1000],
        ['resource:shared.db', 'succeeded', 'unchanged', 273],
        ['resource:modules.worker.externals.queue', 'succeeded', 'added', 818],
        ['workload:api', 'succeeded', 'unchanged', 273],
        ['workload:worker', 'succeeded', 'added', 818],
        ['workload:old', 'succeeded', 'removed', 818],
      ],
    );
    const total = steps
      .slice(1)
      .reduce((sum, s) => sum + (s.duration_ms ?? 0), 0);
    expect(total).toBe(3000);
    expect(steps[2].title).toBe(
      'Provision resource `queue` (sqs) of workload `worker`',
    );
    expect(steps[5].title).toBe('Remove workload `old`');
  });

  it('fails the resource step with its error and skips every workload', () => {
    const { steps, status } = deploymentSteps({
      record: record('failed', [DB_ERROR]),
      set: NEXT,
      previous: PREVIOUS,
      now: T + 60_000,
    });
    expect(status).toBe('failed');
    expect(steps.map((s) => s.status)).toEqual([
      'succeeded',
      'succeeded',
      'failed',
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(steps[2].errors).toEqual([DB_ERROR]);
    expect(steps[3].duration_ms).toBeUndefined();
    expect(steps[1].duration_ms! + steps[2].duration_ms!).toBe(3000);
  });

  it('fails a workload step for a profile error and runs the others', () => {
    const error: DeploymentError = {
      ...DB_ERROR,
      scope: 'workload',
      object_id: 'api',
      code: 'WL-PROF-001',
    };
    const { steps } = deploymentSteps({
      record: record('failed', [error]),
      set: NEXT,
      previous: undefined,
      now: T + 60_000,
    });
    expect(steps.map((s) => `${s.id}:${s.status}`)).toEqual([
      'queue:succeeded',
      'resource:shared.db:succeeded',
      'resource:modules.worker.externals.queue:succeeded',
      'workload:api:failed',
      'workload:worker:succeeded',
    ]);
  });

  it('puts an error no step owns, or a silent failure, on the last step', () => {
    const orphan: DeploymentError = {
      ...DB_ERROR,
      scope: 'deployment',
      object_id: 'x',
    };
    const a = deploymentSteps({
      record: record('failed', [orphan]),
      set: NEXT,
      previous: undefined,
      now: T + 60_000,
    });
    expect(a.steps.at(-1)).toMatchObject({
      status: 'failed',
      errors: [orphan],
    });
    const b = deploymentSteps({
      record: record('failed'),
      set: set({}),
      previous: undefined,
      now: T + 60_000,
    });
    expect(b.steps.map((s) => `${s.title}:${s.status}`)).toEqual([
      'Queued:succeeded',
      'Apply the empty deployment set:failed',
    ]);
  });

  it('follows the clock: pending, then one step in progress at a time', () => {
    const at = (ms: number) =>
      deploymentSteps({
        record: record('failed', [DB_ERROR]),
        set: NEXT,
        previous: PREVIOUS,
        now: T + ms,
      });
    expect(at(500).steps.map((s) => s.status)).toEqual([
      'in progress',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(at(500).status).toBe('pending');
    const mid = at(1000 + 1000);
    expect(mid.status).toBe('in progress');
    expect(mid.steps.map((s) => s.status)).toEqual([
      'succeeded',
      'succeeded',
      'in progress',
      'pending',
      'pending',
      'pending',
    ]);
    expect(mid.steps[2].errors).toEqual([]);
    expect(at(4000).steps[2].status).toBe('failed');
  });

  it('is served by the engine for a real deployment', () => {
    const b = bench();
    b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
    const delta = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      addDelta({ api: API }),
    );
    const d = b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
      delta_id: delta.id,
    });
    expect(
      b.engine.getDeploySteps(b.admin, ORG, 'shop', 'development', d.id)
        .steps[0].status,
    ).toBe('in progress');
    b.clock.advance(10_000);
    const done = b.engine.getDeploySteps(
      b.admin,
      ORG,
      'shop',
      'development',
      d.id,
    );
    expect(done.status).toBe('succeeded');
    expect(done.steps.map((s) => `${s.id}:${s.change ?? ''}`)).toEqual([
      'queue:',
      'workload:api:added',
    ]);
  });
});
