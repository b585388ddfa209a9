/**
 * Runtime operations: the simulated runtime of an environment (via
 * `simulateRuntime` in simulation/runtime.ts), the multi-environment summary, pausing
 * and replica overrides.
 */
import { deploySet, runningDeploy } from '../deploys';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { requireEnv } from '../core/lookup';
import type {
  ControllerV1,
  EnvironmentRuntimeSummary,
  RuntimeInfo,
  RuntimeInfoV1,
  RuntimeStatusClass,
} from '../core/model/spec';
import { simulateRuntime } from '../simulation';
import { emptySet } from '../sets';
import type { AppRecord, EnvRecord } from '../core/state';
import { assertBoolean, invalid, show } from '../core/validate';

/** Most environments `listRuntime` accepts at once (as the spec says). */
export const MAX_RUNTIME_ENVS = 5;
/** Highest replica count `setReplicas` accepts. */
export const MAX_REPLICAS = 100;

/**
 * The runtime of an environment as {@link getRuntime} gives it, and whether
 * the simulation read the time: when not (no crash loop's back-off, no Job
 * still running), a later read gives the same runtime as long as the
 * deployment that runs (its status and when that changed), the pause and the
 * replica overrides stay the same.
 */
export function simulateEnvRuntime(
  ctx: OpContext,
  appId: string,
  app: AppRecord,
  env: EnvRecord,
): { runtime: RuntimeInfo; readsTime: boolean } {
  const record = runningDeploy(app, env);
  const note = { readsTime: false };
  const runtime = simulateRuntime(
    {
      namespace: `${appId}-${env.env.id}`,
      set: record ? deploySet(app, record) : emptySet(),
      deployment: record?.deployment,
      now: ctx.now,
      paused: env.paused,
      replicas: env.replicas,
    },
    note,
  );
  return { runtime, readsTime: note.readsTime };
}

function runtimeOf(
  ctx: OpContext,
  appId: string,
  app: AppRecord,
  env: EnvRecord,
): RuntimeInfo {
  return simulateEnvRuntime(ctx, appId, app, env).runtime;
}

/** The V2 runtime of the environment (namespace `<appId>-<envId>`). */
export function getRuntime(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
): RuntimeInfo {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  return runtimeOf(ctx, appId, app, env);
}

/**
 * The V1 runtime of the environment (the spec's RuntimeInfoResponseV1, what
 * `GET …/runtime` answers unless the client asks for `application/v2+json`):
 * each workload of the running deployment's set with its profile, spec and
 * externals, and its controllers by name beside them, made from the same
 * simulation as V2 (every ControllerResponse field filled).
 */
export function getRuntimeV1(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
): RuntimeInfoV1 {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const record = runningDeploy(app, env);
  const set = record ? deploySet(app, record) : emptySet();
  const v2 = runtimeOf(ctx, appId, app, env);
  const modules: RuntimeInfoV1['modules'] = {};
  for (const [id, module] of Object.entries(v2.modules)) {
    const controllers: Record<string, ControllerV1> = {};
    for (const [name, c] of Object.entries(module.controllers)) {
      controllers[name] = {
        kind: c.kind,
        replicas: c.replicas ?? 0,
        status: c.status,
        message: c.message ?? '',
        revision: c.revision ?? 0,
        pods: (c.pods ?? []).map((pod) => ({
          podName: pod.podName,
          revision: pod.revision ?? c.revision ?? 0,
          phase: pod.phase,
          status: pod.status,
          containerStatuses: pod.containerStatuses.map((status) => ({
            ...status,
          })),
        })),
      };
    }
    const workload = Object.hasOwn(set.modules, id)
      ? set.modules[id]
      : undefined;
    modules[id] = {
      ...controllers,
      profile: workload?.profile ?? '',
      spec: structuredClone(workload?.spec ?? {}),
      externals: structuredClone(workload?.externals ?? {}),
      ...(workload?.deploy ? { deploy: { ...workload.deploy } } : {}),
    };
  }
  return { namespace: v2.namespace, modules };
}

const SEVERITY: RuntimeStatusClass[] = [
  'Failure',
  'Warning',
  'Unknown',
  'Stopped',
  'Success',
];

/** The worst status class of the runtime's workloads (undefined when nothing runs). */
export function summaryStatus(
  runtime: RuntimeInfo,
): RuntimeStatusClass | undefined {
  const classes = Object.values(runtime.modules).map(
    (module) => module.status_class,
  );
  return SEVERITY.find((statusClass) => classes.includes(statusClass));
}

/** One summary row per requested environment (1 to {@link MAX_RUNTIME_ENVS} ids). */
export function listRuntime(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envIds: unknown,
): EnvironmentRuntimeSummary[] {
  if (
    !Array.isArray(envIds) ||
    envIds.length > MAX_RUNTIME_ENVS ||
    envIds.some((id) => typeof id !== 'string')
  ) {
    invalid(
      `Pass between 0 and ${MAX_RUNTIME_ENVS} environment ids (\`?id=dev&id=prod\`); got ${show(envIds)}.`,
    );
  }
  return [...new Set(envIds as string[])].map((envId) => {
    const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
    const status = summaryStatus(runtimeOf(ctx, appId, app, env));
    return status
      ? { id: envId, paused: env.paused, status }
      : { id: envId, paused: env.paused };
  });
}

/** Pauses (scales every workload to 0) or resumes an environment. */
export function setPaused(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  paused: unknown,
): void {
  const { env } = requireEnv(ctx.state, orgId, appId, envId);
  env.paused = assertBoolean('The body (paused)', paused);
}

/**
 * Overrides the replica count of running workloads. `conflict` when the
 * environment is paused, `not_found` for a workload that does not run there,
 * `invalid` for a count that is not an integer from 0 to {@link MAX_REPLICAS}.
 */
export function setReplicas(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  replicas: unknown,
): void {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  if (
    typeof replicas !== 'object' ||
    replicas === null ||
    Array.isArray(replicas)
  ) {
    invalid(
      `The body must map workload ids to replica counts, e.g. {"api": 3}; got ${show(replicas)}.`,
    );
  }
  if (env.paused) {
    throw new EngineError(
      'conflict',
      `Environment \`${envId}\` is paused: resume it before changing replicas.`,
      {
        env_id: envId,
      },
    );
  }
  const record = runningDeploy(app, env);
  const workloads = record ? deploySet(app, record).modules : {};
  for (const [workload, count] of Object.entries(
    replicas as Record<string, unknown>,
  )) {
    if (!Object.hasOwn(workloads, workload)) {
      throw new EngineError(
        'not_found',
        `Workload \`${workload}\` is not running in environment \`${envId}\` of app \`${appId}\`.`,
        {
          kind: 'workload',
          id: workload,
        },
      );
    }
    if (
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < 0 ||
      count > MAX_REPLICAS
    ) {
      invalid(
        `Replicas of \`${workload}\` must be an integer from 0 to ${MAX_REPLICAS}; got ${show(count)}.`,
        { workload },
      );
    }
  }
  Object.assign(env.replicas, replicas);
}
