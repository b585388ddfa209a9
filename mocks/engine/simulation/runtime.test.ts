import { describe, expect, it } from 'vitest';
import type {
  Deployment,
  DeploymentSet,
  JsonObject,
  Module,
  RuntimeInfo,
} from '../core/model/spec';
import { FAULT_RULES, planDeploy, simulateRuntime } from './runtime';

const FINISHED = Date.parse('2025-03-01T12:00:00.000Z');
const MIN = 60_000;

function workload(
  containers: Record<string, JsonObject>,
  extra: Partial<Module> & { replicas?: number } = {},
): Module {
  const { replicas, ...rest } = extra;
  return {
    profile: 'humanitec/default-module',
    spec: { containers, ...(replicas === undefined ? {} : { replicas }) },
    externals: {},
    ...rest,
  };
}

function makeSet(modules: Record<string, Module>): DeploymentSet {
  return { id: 'set-1', version: 0, modules, shared: {} };
}

function deploy(status: Deployment['status'] = 'succeeded'): Deployment {
  return {
    id: '0a1b2c3d4e5',
    env_id: 'development',
    from_id: '',
    set_id: 'set-1',
    comment: '',
    created_at: new Date(FINISHED - 4000).toISOString(),
    created_by: 'u',
    status,
    status_changed_at: new Date(FINISHED).toISOString(),
    export_status: '',
    export_file: '',
  };
}

function run(
  modules: Record<string, Module>,
  opts: {
    elapsed?: number;
    paused?: boolean;
    replicas?: Record<string, number>;
    status?: Deployment['status'];
  } = {},
): RuntimeInfo {
  return simulateRuntime({
    namespace: 'ns-1',
    set: makeSet(modules),
    deployment: deploy(opts.status),
    now: FINISHED + (opts.elapsed ?? 10 * MIN),
    paused: opts.paused ?? false,
    replicas: opts.replicas ?? {},
  });
}

const ok = { image: 'registry.acme.dev/shop/api:1.4.2' };

describe('simulateRuntime fault rules', () => {
  interface Case {
    rule: string;
    container: JsonObject;
    state: 'running' | 'waiting' | 'terminated';
    reason?: string;
    phase: string;
    podStatus: string;
    status: string;
    statusClass: string;
  }
  const failed = {
    podStatus: 'Failure',
    status: 'Failed',
    statusClass: 'Failure',
  };
  const cases: Case[] = [
    {
      rule: 'healthy',
      container: ok,
      state: 'running',
      phase: 'Running',
      podStatus: 'Success',
      status: 'Running',
      statusClass: 'Success',
    },
    {
      rule: 'image-pull',
      container: { image: 'r.io/api:doesnotexist' },
      state: 'waiting',
      reason: 'ImagePullBackOff',
      phase: 'Pending',
      ...failed,
    },
    {
      rule: 'config-error',
      container: { ...ok, variables: { T: '${secrets.missing-token}' } },
      state: 'waiting',
      reason: 'CreateContainerConfigError',
      phase: 'Pending',
      ...failed,
    },
    {
      rule: 'crash-loop',
      container: { ...ok, args: ['sh', '-c', 'exit 1'] },
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      phase: 'Running',
      ...failed,
    },
    {
      rule: 'oom',
      container: {
        ...ok,
        resources: { limits: { memory: '128Mi' } },
        variables: { MEMORY_NEEDED: '512Mi' },
      },
      state: 'terminated',
      reason: 'OOMKilled',
      phase: 'Running',
      ...failed,
    },
  ];
  it.each(cases)(
    '$rule → container $state $reason, pod $phase/$podStatus, module $status/$statusClass',
    ({ container, state, reason, phase, podStatus, status, statusClass }) => {
      const runtime = run({ api: workload({ api: container }) });
      const module = runtime.modules.api;
      expect(module.status).toBe(status);
      expect(module.status_class).toBe(statusClass);
      const controller = module.controllers.api;
      expect(controller.kind).toBe('Deployment');
      expect(controller.status).toBe(status);
      const pod = controller.pods![0];
      expect(pod.phase).toBe(phase);
      expect(pod.status).toBe(podStatus);
      const c = pod.containerStatuses[0];
      expect(Object.keys(c.state)).toEqual([state]);
      const detail = c.state.waiting ?? c.state.terminated;
      expect(detail?.reason).toBe(reason);
      expect(c.ready).toBe(status === 'Running');
    },
  );

  it('gives image-pull and crash-loop the documented messages', () => {
    const pull = run({
      web: workload({ web: { image: 'r.io/web:2.0-missing' } }),
    });
    expect(
      pull.modules.web.controllers.web.pods![0].containerStatuses[0].state
        .waiting?.message,
    ).toBe('Back-off pulling image "r.io/web:2.0-missing": manifest unknown');
    const crash = run(
      { api: workload({ api: { ...ok, variables: { CRASH: 'true' } } }) },
      { elapsed: 45_000 },
    );
    const pod = crash.modules.api.controllers.api.pods![0];
    expect(pod.containerStatuses[0].state.waiting?.message).toBe(
      `back-off 40s restarting failed container=api pod=${pod.podName}`,
    );
    expect(crash.modules.api.controllers.api.message).toBe(
      '0/1 replicas available: CrashLoopBackOff',
    );
  });

  it('tells how a crash-looping container last ended (last_state: exit code 1, reason Error)', () => {
    const crash = run(
      { api: workload({ api: { ...ok, variables: { CRASH: 'true' } } }) },
      { elapsed: 45_000 },
    );
    const c = crash.modules.api.controllers.api.pods![0].containerStatuses[0];
    expect(c.last_state).toEqual({
      terminated: {
        exit_code: 1,
        reason: 'Error',
        started_at: new Date(FINISHED + 30_000).toISOString(),
        finished_at: new Date(FINISHED + 31_000).toISOString(),
      },
    });
  });

  it('grows restart counts with time since the deploy finished', () => {
    const crashing = { api: workload({ api: { ...ok, command: ['exit 1'] } }) };
    const oom = {
      api: workload({
        api: { ...ok, resources: { limits: { memory: '16Mi' } } },
      }),
    };
    const restarts = (modules: Record<string, Module>, elapsed: number) =>
      run(modules, { elapsed }).modules.api.controllers.api.pods![0]
        .containerStatuses[0].restart_count;
    expect(
      [0, 10_000, 30_000, 70_000, 5 * MIN, 60 * MIN].map((t) =>
        restarts(crashing, t),
      ),
    ).toEqual([0, 1, 2, 3, 4, 15]);
    expect(restarts(oom, 75_000)).toBe(3);
    const terminated = run(oom, { elapsed: 75_000 }).modules.api.controllers.api
      .pods![0].containerStatuses[0].state.terminated;
    expect(terminated).toMatchObject({ exit_code: 137, reason: 'OOMKilled' });
    expect(terminated?.started_at).toBe(
      new Date(FINISHED + 70_000).toISOString(),
    );
  });

  it('says whether it read the time: when not, any later time gives the same runtime', () => {
    const cases: [string, Record<string, Module>, number, boolean][] = [
      ['healthy', { api: workload({ api: ok }) }, 10 * MIN, false],
      [
        'image pull',
        { api: workload({ api: { image: 'r.io/api:doesnotexist' } }) },
        10 * MIN,
        false,
      ],
      [
        'crash loop',
        { api: workload({ api: { ...ok, command: ['exit 1'] } }) },
        60 * MIN,
        true,
      ],
      [
        'job running',
        { job: workload({ job: ok }, { profile: 'humanitec/default-job' }) },
        5_000,
        true,
      ],
      [
        'job completed',
        { job: workload({ job: ok }, { profile: 'humanitec/default-job' }) },
        10 * MIN,
        false,
      ],
    ];
    for (const [name, modules, elapsed, readsTime] of cases) {
      const note = { readsTime: !readsTime };
      const input = {
        namespace: 'ns-1',
        set: makeSet(modules),
        deployment: deploy(),
        now: FINISHED + elapsed,
        paused: false,
        replicas: {},
      };
      const first = simulateRuntime(input, note);
      expect(note.readsTime, name).toBe(readsTime);
      const later = simulateRuntime({ ...input, now: input.now + 90 * MIN });
      if (readsTime) expect(later, name).not.toEqual(first);
      else expect(later, name).toEqual(first);
    }
    // Starting pods do not read the time (the deployment's status changes instead).
    const note = { readsTime: true };
    simulateRuntime(
      {
        namespace: 'ns-1',
        set: makeSet({
          api: workload({ api: { ...ok, command: ['exit 1'] } }),
        }),
        deployment: deploy('in progress'),
        now: FINISHED,
        paused: false,
        replicas: {},
      },
      note,
    );
    expect(note.readsTime).toBe(false);
  });

  it('degrades a workload when only some replicas are flaky', () => {
    const flaky = (replicas: number) =>
      run({
        cart: workload(
          { cart: { ...ok, variables: { FLAKY_REPLICAS: '1' } } },
          { replicas },
        ),
      }).modules.cart;
    const degraded = flaky(3);
    expect([degraded.status, degraded.status_class]).toEqual([
      'Partially Succeeded',
      'Warning',
    ]);
    expect(degraded.controllers.cart.pods!.map((p) => p.status)).toEqual([
      'Failure',
      'Success',
      'Success',
    ]);
    expect(
      degraded.controllers.cart.pods![0].containerStatuses[0].state.waiting
        ?.reason,
    ).toBe('CrashLoopBackOff');
    expect(degraded.controllers.cart.message).toBe(
      '2/3 replicas available: CrashLoopBackOff',
    );
    expect([flaky(1).status, flaky(1).status_class]).toEqual([
      'Failed',
      'Failure',
    ]);
  });

  it('fails a multi-container pod when one container fails', () => {
    const module = run({
      api: workload({ api: ok, sidecar: { image: 'r.io/proxy:missing' } }),
    }).modules.api;
    const pod = module.controllers.api.pods![0];
    expect(pod.containerStatuses.map((c) => [c.name, c.status])).toEqual([
      ['api', 'Success'],
      ['sidecar', 'Failure'],
    ]);
    expect([pod.phase, pod.status, module.status]).toEqual([
      'Pending',
      'Failure',
      'Failed',
    ]);
  });

  it('lists every fault rule id it simulates in FAULT_RULES', () => {
    expect(FAULT_RULES.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'image-pull',
        'crash-loop',
        'oom',
        'config-error',
        'degraded',
      ]),
    );
  });
});

describe('simulateRuntime lifecycle', () => {
  const modules = {
    api: workload({ api: ok }, { replicas: 2 }),
    web: workload({ web: ok }),
  };

  it('is deterministic and names pods from the workload content', () => {
    const a = run(modules);
    expect(run(modules)).toEqual(a);
    const names = a.modules.api.controllers.api.pods!.map((p) => p.podName);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const name of names)
      expect(name).toMatch(
        /^api-[0-9a-f]{6}-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
      );
    const changed = run({
      ...modules,
      api: workload({ api: { image: 'r.io/api:2' } }, { replicas: 2 }),
    });
    expect(changed.modules.api.controllers.api.pods![0].podName).not.toBe(
      names[0],
    );
    expect(changed.modules.web).toEqual(a.modules.web);
  });

  it('runs healthy containers since the deploy finished', () => {
    const c =
      run(modules).modules.web.controllers.web.pods![0].containerStatuses[0];
    expect(c).toEqual({
      name: 'web',
      ready: true,
      restart_count: 0,
      status: 'Success',
      state: { running: { started_at: new Date(FINISHED).toISOString() } },
    });
  });

  it('applies replica overrides over spec.replicas (default 1)', () => {
    const runtime = run(modules, { replicas: { web: 4 } });
    expect(runtime.modules.web.controllers.web.replicas).toBe(4);
    expect(runtime.modules.web.controllers.web.pods).toHaveLength(4);
    expect(runtime.modules.api.controllers.api.pods).toHaveLength(2);
    expect(run(modules).modules.web.controllers.web.pods).toHaveLength(1);
    const scaledDown = run(modules, { replicas: { api: 0 } }).modules.api;
    expect([
      scaledDown.status,
      scaledDown.status_class,
      scaledDown.controllers.api.replicas,
    ]).toEqual(['Stopped', 'Stopped', 0]);
  });

  it('stops every controller when paused', () => {
    const crashing = {
      ...modules,
      bad: workload({ bad: { image: 'a:missing' } }),
    };
    const runtime = run(crashing, { paused: true, replicas: { api: 5 } });
    for (const [id, module] of Object.entries(runtime.modules)) {
      expect(module.status).toBe('Stopped');
      expect(module.status_class).toBe('Stopped');
      expect(module.controllers[id]).toMatchObject({
        status: 'Stopped',
        replicas: 0,
        pods: [],
      });
    }
  });

  it.each(['pending', 'in progress'] as const)(
    'shows Starting pods while the deployment is %s',
    (status) => {
      const module = run(
        { api: workload({ api: { image: 'a:missing' } }) },
        { status },
      ).modules.api;
      expect([module.status, module.status_class]).toEqual([
        'Starting',
        'Warning',
      ]);
      const pod = module.controllers.api.pods![0];
      expect([pod.phase, pod.status]).toEqual(['Pending', 'Pending']);
      expect(pod.containerStatuses[0].state.waiting?.reason).toBe(
        'ContainerCreating',
      );
    },
  );

  it('reports nothing without a deployment and Unknown after a failed one', () => {
    const none = simulateRuntime({
      namespace: 'ns',
      set: makeSet(modules),
      deployment: undefined,
      now: FINISHED,
      paused: false,
      replicas: {},
    });
    expect(none).toEqual({ namespace: 'ns', modules: {} });
    const failed = run(modules, { status: 'failed' });
    expect(failed.modules.api).toEqual({
      status: 'Unknown',
      status_class: 'Unknown',
      controllers: {},
    });
  });

  it('runs jobs to completion and picks the controller kind from the profile', () => {
    const jobs = {
      sync: workload(
        { sync: ok },
        { profile: 'humanitec/default-job', replicas: 3 },
      ),
      nightly: workload(
        { nightly: ok },
        { profile: 'humanitec/default-cronjob' },
      ),
    };
    const early = run(jobs, { elapsed: 5_000 });
    expect(early.modules.sync.status).toBe('Running');
    expect(early.modules.sync.controllers.sync.pods).toHaveLength(1);
    const done = run(jobs);
    expect(done.modules.sync.controllers.sync.kind).toBe('Job');
    expect(done.modules.nightly.controllers.nightly.kind).toBe('CronJob');
    expect([done.modules.sync.status, done.modules.sync.status_class]).toEqual([
      'Succeeded',
      'Success',
    ]);
    const pod = done.modules.sync.controllers.sync.pods![0];
    expect(pod.phase).toBe('Succeeded');
    expect(pod.containerStatuses[0].state.terminated).toMatchObject({
      exit_code: 0,
      reason: 'Completed',
    });
  });

  it('reports a workload without containers as Unknown', () => {
    const module = run({ empty: workload({}) }).modules.empty;
    expect([module.status, module.status_class]).toEqual([
      'Unknown',
      'Unknown',
    ]);
  });
});

describe('planDeploy', () => {
  const base = makeSet({
    api: workload({ api: ok }),
    web: workload({ web: ok }),
  });

  it('succeeds for a valid set, taking 2 s plus 0.4 s per changed workload', () => {
    expect(
      planDeploy({ set: base, previous: base, profileExists: () => true }),
    ).toEqual({
      outcome: 'succeeded',
      errors: [],
      durationMs: 2000,
    });
    expect(
      planDeploy({ set: base, previous: undefined, profileExists: () => true })
        .durationMs,
    ).toBe(2800);
    const next = makeSet({
      ...base.modules,
      api: workload({ api: { image: 'a:2' } }),
    });
    expect(
      planDeploy({ set: next, previous: base, profileExists: () => true })
        .durationMs,
    ).toBe(2400);
    const many = makeSet(
      Object.fromEntries(
        Array.from({ length: 20 }, (_, i) => [`w${i}`, workload({ c: ok })]),
      ),
    );
    expect(
      planDeploy({ set: many, previous: undefined, profileExists: () => true })
        .durationMs,
    ).toBe(6000);
  });

  it('fails on invalid resource params and unknown profiles', () => {
    const bad: DeploymentSet = {
      ...base,
      modules: {
        ...base.modules,
        api: workload(
          { api: ok },
          { externals: { bucket: { type: 's3', params: { invalid: 1 } } } },
        ),
        legacy: workload({ legacy: ok }, { profile: 'legacy/module' }),
      },
      shared: { db: { type: 'postgres', params: { invalid: true } } },
    };
    const plan = planDeploy({
      set: bad,
      previous: base,
      profileExists: (ref) => ref !== 'legacy/module',
    });
    expect(plan.outcome).toBe('failed');
    expect(plan.errors.map((e) => [e.scope, e.object_id, e.code])).toEqual([
      ['resource', 'modules.api.externals.bucket', 'RES-PROV-001'],
      ['workload', 'legacy', 'WL-PROF-001'],
      ['resource', 'shared.db', 'RES-PROV-001'],
    ]);
    expect(plan.durationMs).toBeGreaterThanOrEqual(2000);
    expect(plan.durationMs).toBeLessThanOrEqual(6000);
  });
});
