/**
 * Diagnostics operations: a deployment's step timeline (deploys/steps.ts) and
 * a container's logs (simulation/logs.ts), gathered from the state and the simulated
 * runtime of the environment.
 */
import { deploySet, runningDeploy } from '../deploys';
import { deploymentSteps, type DeploymentSteps } from '../deploys';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { requireEnv, requireEnvDeploy, requireSet } from '../core/lookup';
import {
  containerLogs,
  DEFAULT_LOG_LIMIT,
  MAX_LOG_LIMIT,
  type ContainerLogs,
} from '../simulation';
import { getRuntime } from './ops';
import { invalid, show } from '../core/validate';

/** The steps of a deployment of the environment, at the engine's clock. */
export function getDeploySteps(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
): DeploymentSteps {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const record = requireEnvDeploy(app, env, deployId);
  const base = record.deployment.from_id
    ? app.deploys[record.deployment.from_id]
    : undefined;
  return deploymentSteps({
    record,
    set: deploySet(app, record),
    previous: base ? requireSet(app, base.deployment.set_id) : undefined,
    now: ctx.now,
  });
}

/** Options of {@link getContainerLogs}: query parameters as strings. */
export interface LogOptions {
  pod?: string | null;
  since?: string | null;
  limit?: string | null;
}

function cursorOf(
  raw: string | null | undefined,
  name: string,
  max = Infinity,
) {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n > max) {
    invalid(
      `\`${name}\` must be a whole number${Number.isFinite(max) ? ` up to ${max}` : ''}; got ${show(raw)}.`,
      { parameter: name },
    );
  }
  return n;
}

/**
 * A page of a container's logs in a pod of the workload (the first pod unless
 * `pod` names one). `not_found` for a workload, container or pod that does not
 * run; an empty page with a notice when no pod runs (paused, scaled to 0).
 */
export function getContainerLogs(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  workloadId: string,
  containerId: string,
  options: LogOptions = {},
): ContainerLogs {
  const since = cursorOf(options.since, 'since');
  const limit =
    cursorOf(options.limit, 'limit', MAX_LOG_LIMIT) ?? DEFAULT_LOG_LIMIT;
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const record = runningDeploy(app, env);
  const module = record
    ? deploySet(app, record).modules[workloadId]
    : undefined;
  const missing = (kind: string, id: string, message: string) =>
    new EngineError('not_found', message, { kind, id });
  if (!record || !module) {
    throw missing(
      'workload',
      workloadId,
      `Workload \`${workloadId}\` is not running in environment \`${envId}\` of app \`${appId}\`.`,
    );
  }
  const containers = module.spec.containers;
  if (
    typeof containers !== 'object' ||
    containers === null ||
    !Object.hasOwn(containers, containerId)
  ) {
    throw missing(
      'container',
      containerId,
      `Workload \`${workloadId}\` has no container \`${containerId}\`.`,
    );
  }
  const runtime = getRuntime(ctx, orgId, appId, envId).modules[workloadId];
  const controller = Object.values(runtime?.controllers ?? {})[0];
  const pods = controller?.pods ?? [];
  const base = {
    workload_id: workloadId,
    container_id: containerId,
    lines: [],
    skipped: 0,
    next_cursor: String(since ?? 0),
  };
  if (pods.length === 0) {
    return {
      ...base,
      notice: `No pod of workload \`${workloadId}\` is running${controller?.message ? `: ${controller.message}` : ''}.`,
    };
  }
  const pod = options.pod
    ? pods.find((p) => p.podName === options.pod)
    : pods[0];
  if (!pod) {
    throw missing(
      'pod',
      String(options.pod),
      `Pod \`${options.pod}\` of workload \`${workloadId}\` is not running.`,
    );
  }
  const status = pod.containerStatuses.find((c) => c.name === containerId);
  if (!status) {
    throw missing(
      'container',
      containerId,
      `Pod \`${pod.podName}\` has no container \`${containerId}\`.`,
    );
  }
  const finished = Date.parse(record.deployment.status_changed_at);
  return containerLogs({
    workloadId,
    containerId,
    module,
    kind: controller.kind,
    podName: pod.podName,
    status,
    startedAt: Number.isNaN(finished) ? ctx.now : finished,
    now: ctx.now,
    since,
    limit,
  });
}
