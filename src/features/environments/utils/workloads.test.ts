import { describe, expect, it } from 'vitest';
import type { RuntimeWorkload, Workload } from '@/api/types';
import { containersOf, runtimeSummary } from './workloads';

const workload = (spec: Record<string, unknown>): Workload => ({
  profile: 'humanitec/default-module',
  spec,
  externals: {},
});

describe('containersOf', () => {
  it('reads containers sorted by id, stringifying non-string variables', () => {
    const result = containersOf(
      workload({
        containers: {
          web: { image: 'reg/web:2', variables: { PORT: 8080, MODE: 'prod' } },
          api: { image: 'reg/api:1' },
        },
      }),
    );
    expect(result).toEqual([
      { id: 'api', image: 'reg/api:1', variables: {} },
      {
        id: 'web',
        image: 'reg/web:2',
        variables: { PORT: '8080', MODE: 'prod' },
      },
    ]);
  });

  it('tolerates a spec without containers or with odd shapes', () => {
    expect(containersOf(workload({}))).toEqual([]);
    expect(containersOf(workload({ containers: ['x'] }))).toEqual([]);
    expect(containersOf(workload({ containers: { a: null } }))).toEqual([
      { id: 'a', image: '', variables: {} },
    ]);
  });
});

describe('runtimeSummary', () => {
  it('counts ready pods, restarts and the first reason', () => {
    const runtime: RuntimeWorkload = {
      status: 'Failed',
      status_class: 'Failure',
      controllers: {
        api: {
          kind: 'Deployment',
          status: 'Failed',
          replicas: 2,
          pods: [
            {
              podName: 'api-1',
              phase: 'Running',
              status: 'Success',
              containerStatuses: [
                {
                  name: 'api',
                  ready: true,
                  restart_count: 0,
                  status: 'Success',
                  state: { running: {} },
                },
              ],
            },
            {
              podName: 'api-2',
              phase: 'Running',
              status: 'Failure',
              containerStatuses: [
                {
                  name: 'api',
                  ready: false,
                  restart_count: 4,
                  status: 'Failure',
                  state: { waiting: { reason: 'CrashLoopBackOff' } },
                },
              ],
            },
          ],
        },
      },
    };
    expect(runtimeSummary(runtime)).toEqual({
      desired: 2,
      ready: 1,
      restarts: 4,
      reason: 'CrashLoopBackOff',
    });
    expect(runtimeSummary(undefined)).toBeUndefined();
  });

  it('counts a completed Job as ready', () => {
    const job = {
      status: 'Succeeded' as const,
      status_class: 'Success' as const,
      controllers: {
        sync: {
          kind: 'Job',
          status: 'Succeeded' as const,
          replicas: 1,
          pods: [
            {
              podName: 'sync-1',
              phase: 'Succeeded' as const,
              status: 'Success' as const,
              containerStatuses: [
                {
                  name: 'sync',
                  ready: false,
                  restart_count: 0,
                  status: 'Success' as const,
                  state: { terminated: { exit_code: 0, reason: 'Completed' } },
                },
              ],
            },
          ],
        },
      },
    };
    expect(runtimeSummary(job)).toEqual({
      desired: 1,
      ready: 1,
      restarts: 0,
      reason: 'Completed',
    });
  });
});
