import { describe, expect, it } from 'vitest';
import type { DeltaInput, JsonObject } from '../core/model/spec';
import { FAULT_RULES, type FaultRuleId } from '../faults';
import {
  deployAndFinish,
  ORG,
  refusal,
  shopBench,
  type Bench,
} from '../../fixtures/test-engine';
import type { KubeEvent } from './model';

/** A workload `api` whose container is `main` with `container` fields, and a spec of `spec` fields. */
function api(container: JsonObject, spec: JsonObject = {}): DeltaInput {
  return {
    modules: {
      add: {
        api: {
          profile: 'humanitec/default-module',
          spec: {
            containers: { main: { image: 'reg/api:1', ...container } },
            service: { ports: { http: { port: 80, container_port: 8080 } } },
            ...spec,
          },
          externals: {},
        },
      },
    },
  };
}

/** Runs `delta` in shop/development for `minutes`, returns the stream. */
function streamAfter(delta: DeltaInput, minutes = 3, b: Bench = shopBench()) {
  deployAndFinish(b, 'shop', 'development', delta);
  b.clock.advance(minutes * 60_000);
  return b.engine.getEnvironmentStream(b.viewer, ORG, 'shop', 'development');
}

const reasons = (events: KubeEvent[]) => events.map((e) => e.reason);
const find = (events: KubeEvent[], reason: string, type = 'Warning') =>
  events.find((e) => e.reason === reason && e.type === type);

/** The events a cluster shows for each fault rule that reaches the cluster. */
const RUNTIME_RULES: Partial<
  Record<FaultRuleId, { delta: DeltaInput; check: (e: KubeEvent[]) => void }>
> = {
  'image-pull': {
    delta: api({ image: 'reg/api:missing' }),
    check(events) {
      expect(reasons(events)).toEqual(
        expect.arrayContaining(['Scheduled', 'Pulling', 'Failed', 'BackOff']),
      );
      expect(find(events, 'Failed')?.message).toMatch(
        /^Failed to pull image "reg\/api:missing": /,
      );
      expect(find(events, 'BackOff', 'Normal')?.count).toBeGreaterThan(1);
      expect(reasons(events)).not.toContain('Started');
    },
  },
  'config-error': {
    delta: api({ variables: { KEY: '${secrets.missing-api-key}' } }),
    check(events) {
      expect(find(events, 'Failed')?.message).toMatch(
        /secret "missing-api-key" not found/,
      );
      expect(reasons(events)).not.toContain('Started');
    },
  },
  'crash-loop': {
    delta: api({
      variables: { CRASH: 'true' },
      readiness_probe: { type: 'http', path: '/ready', port: 8080 },
    }),
    check(events) {
      const backOff = find(events, 'BackOff')!;
      expect(backOff.message).toMatch(
        /^Back-off restarting failed container main in pod api-/,
      );
      expect(backOff.count).toBeGreaterThanOrEqual(3);
      expect(find(events, 'Started', 'Normal')?.count).toBe(backOff.count + 1);
      expect(find(events, 'Unhealthy')?.message).toMatch(
        /^Readiness probe failed/,
      );
    },
  },
  oom: {
    delta: api({
      variables: { MEMORY_NEEDED: '512Mi' },
      resources: { limits: { memory: '64Mi' } },
    }),
    check(events) {
      const oom = find(events, 'OOMKilling')!;
      expect(oom).toMatchObject({ source: 'kernel-monitor' });
      expect(oom.message).toMatch(
        /^Memory cgroup out of memory: Killed process \(main\)/,
      );
      expect(find(events, 'BackOff')?.count).toBeGreaterThanOrEqual(1);
    },
  },
  degraded: {
    delta: api({ variables: { FLAKY_REPLICAS: '1' } }, { replicas: 2 }),
    check(events) {
      const backOffPods = new Set(
        events.filter((e) => e.reason === 'BackOff').map((e) => e.pod_name),
      );
      const scheduled = events.filter((e) => e.reason === 'Scheduled');
      expect(scheduled).toHaveLength(2);
      expect(backOffPods.size).toBe(1);
      expect(find(events, 'ScalingReplicaSet', 'Normal')?.message).toBe(
        'Scaled up replica set api to 2',
      );
    },
  },
};

/** Deploy-time rules: the deployment fails before the cluster sees anything. */
const DEPLOY_TIME_RULES: Partial<Record<FaultRuleId, DeltaInput>> = {
  'resource-params': {
    ...api({}),
    shared: [
      {
        op: 'add',
        path: '/db',
        value: { type: 'postgres', params: { invalid: true } },
      },
    ],
  },
  'unknown-profile': {
    modules: {
      add: {
        api: {
          profile: 'acme/nope',
          spec: { containers: { main: { image: 'reg/api:2' } } },
          externals: {},
        },
      },
    },
  },
  // Deploy-time as well, but they need a profile with a resource-ref field or a registered agent: not run here.
  'unresolved-resource': undefined,
  'no-matching-definition': {
    ...api({}),
    shared: [{ op: 'add', path: '/q', value: { type: 'amqp' } }],
  },
  'unfilled-placeholder': api({ variables: { DB: '${shared.nope.host}' } }),
  'agent-disconnected': undefined,
  'missing-value': api({ variables: { X: '${values.NOT_DEFINED}' } }),
};

describe('Kubernetes events of an environment, per fault rule', () => {
  it('covers every fault rule here (a new rule needs its events or its reason for none)', () => {
    const covered = [
      ...Object.keys(RUNTIME_RULES),
      ...Object.keys(DEPLOY_TIME_RULES),
    ].sort();
    expect(covered).toEqual(FAULT_RULES.map((r) => r.id).sort());
  });

  it.each(Object.entries(RUNTIME_RULES))(
    '%s: the events a cluster shows',
    (_id, rule) => {
      const stream = streamAfter(rule!.delta);
      const mine = stream.events.filter((e) => e.workload_id === 'api');
      rule!.check(mine);
      // Events come oldest first, each in the window.
      const ats = stream.events.map((e) => e.at);
      expect([...ats].sort()).toEqual(ats);
    },
  );

  it('a healthy workload: scheduled, pulled, created, started, no warning', () => {
    const events = streamAfter(api({})).events;
    expect(reasons(events)).toEqual([
      'ScalingReplicaSet',
      'Scheduled',
      'Pulled',
      'Created',
      'Started',
    ]);
    expect(events.every((e) => e.type === 'Normal')).toBe(true);
  });

  it.each(
    Object.entries(DEPLOY_TIME_RULES).filter(
      ([, delta]) => delta !== undefined,
    ),
  )(
    '%s: the deployment fails before the cluster: no new event, the previous pods go on',
    (_id, delta) => {
      const b = shopBench();
      const before = streamAfter(api({}), 1, b);
      const failed = deployAndFinish(b, 'shop', 'development', delta!);
      expect(failed.status).toBe('failed');
      const after = b.engine.getEnvironmentStream(
        b.viewer,
        ORG,
        'shop',
        'development',
      );
      expect(after.deploy_id).toBe(before.deploy_id);
      expect(reasons(after.events)).toEqual(reasons(before.events));
    },
  );
});

describe('the environment stream', () => {
  it('interleaves every container’s lines in time, with levels, in a window; follows with since', () => {
    const b = shopBench();
    const first = streamAfter(
      {
        modules: {
          add: {
            ...api({}).modules!.add,
            worker: {
              profile: 'humanitec/default-module',
              spec: {
                containers: {
                  main: { image: 'reg/w:1', variables: { CRASH: 'true' } },
                },
              },
              externals: {},
            },
          },
        },
      },
      5,
      b,
    );
    const workloads = new Set(first.lines.map((l) => l.workload_id));
    expect(workloads).toEqual(new Set(['api', 'worker']));
    const ats = first.lines.map((l) => l.at);
    expect([...ats].sort()).toEqual(ats);
    const crash = first.lines.find(
      (l) => l.text === 'Process exited with status 1',
    )!;
    expect(crash).toMatchObject({
      workload_id: 'worker',
      stream: 'stderr',
      level: 'error',
    });
    expect(first.lines.find((l) => l.text.startsWith('GET '))?.level).toMatch(
      /info|warn/,
    );

    b.clock.advance(30_000);
    const next = b.engine.getEnvironmentStream(
      b.viewer,
      ORG,
      'shop',
      'development',
      {
        since: first.now,
      },
    );
    expect(next.lines.length).toBeGreaterThan(0);
    expect(next.lines.every((l) => l.at > first.now)).toBe(true);

    const limited = b.engine.getEnvironmentStream(
      b.viewer,
      ORG,
      'shop',
      'development',
      {
        limit: 3,
      },
    );
    expect(limited.lines).toHaveLength(3);
    expect(limited.truncated).toBeGreaterThan(0);
    expect(
      refusal(() =>
        b.engine.getEnvironmentStream(b.viewer, ORG, 'shop', 'development', {
          since: 'soon',
        }),
      ).message,
    ).toMatch(/`since` must be an ISO-8601 instant/);
  });

  it('holds 100,000 lines of a day of an environment', () => {
    const b = shopBench();
    const busy = api({}, { replicas: 10 });
    deployAndFinish(b, 'shop', 'development', busy);
    b.clock.advance(24 * 3_600_000);
    const stream = b.engine.getEnvironmentStream(
      b.viewer,
      ORG,
      'shop',
      'development',
      {
        limit: 100_000,
      },
    );
    expect(stream.lines).toHaveLength(100_000);
  });
});
