/**
 * The wording of health issues (health/compute.ts decides the states): a failing
 * workload names its first failing container and reason and how many
 * replicas fail; a failed deployment names the resource (with its type) or
 * the workload its error is about.
 */
import type { HealthIssue, HealthState } from './model';
import type {
  DeploymentError,
  DeploymentSet,
  RuntimeModule,
} from '../core/model/spec';
import type { ProvisionedRecord } from '../core/model/provisioning';

/** Ready and desired replicas, restarts and the first failing container of a workload. */
export function workloadFigures(module: RuntimeModule) {
  let ready = 0;
  let desired = 0;
  let restarts = 0;
  let failingPods = 0;
  let failing:
    | { container: string; pod: string; reason?: string; message?: string }
    | undefined;
  for (const controller of Object.values(module.controllers)) {
    desired += controller.replicas ?? 0;
    for (const pod of controller.pods ?? []) {
      const statuses = pod.containerStatuses;
      if (
        statuses.length > 0 &&
        statuses.every(
          (c) => c.ready || c.state.terminated?.reason === 'Completed',
        )
      )
        ready += 1;
      if (pod.status === 'Failure') failingPods += 1;
      for (const c of statuses) {
        restarts += c.restart_count;
        if (c.status === 'Failure' && !failing) {
          const state = c.state.waiting ?? c.state.terminated;
          failing = {
            container: c.name,
            pod: pod.podName,
            reason: state?.reason,
            message: state?.message,
          };
        }
      }
    }
  }
  return { ready, desired, restarts, failingPods, failing };
}

const REASON_PHRASES: Record<string, string> = {
  ImagePullBackOff: 'cannot pull its image',
  ErrImagePull: 'cannot pull its image',
  InvalidImageName: 'has an invalid image name',
  CreateContainerConfigError: 'cannot be configured',
  CrashLoopBackOff: 'keeps crashing',
  OOMKilled: 'was killed for running out of memory',
};

/** The issue of a workload in `state` (none while Healthy or Deploying). */
export function workloadIssue(
  id: string,
  module: RuntimeModule,
  state: HealthState,
): HealthIssue | undefined {
  if (state === 'Healthy' || state === 'Deploying') return undefined;
  const figures = workloadFigures(module);
  const controller = Object.values(module.controllers)[0];
  if (state === 'Paused') {
    return {
      state,
      scope: 'workload',
      workload_id: id,
      message: `Workload \`${id}\` is scaled to 0 replicas.`,
    };
  }
  const failing = figures.failing;
  if (!failing) {
    return {
      state,
      scope: 'workload',
      workload_id: id,
      message: `Workload \`${id}\` is ${module.status}${controller?.message ? `: ${controller.message}` : ''}.`,
    };
  }
  const phrase =
    (failing.reason && REASON_PHRASES[failing.reason]) ?? 'is failing';
  const scale = `${figures.failingPods} of ${figures.desired} ${figures.desired === 1 ? 'replica' : 'replicas'}`;
  return {
    state,
    scope: 'workload',
    code: failing.reason,
    message: `Workload \`${id}\`: container \`${failing.container}\` ${phrase} (${failing.reason ?? 'Error'}) in ${scale}.`,
    ...(failing.message ? { detail: failing.message } : {}),
    workload_id: id,
    container_id: failing.container,
    pod_name: failing.pod,
  };
}

/** `shared.db` → shared resource `db`; `modules.api.externals.db` → resource `db` of workload `api`. */
function resourceOf(objectId: string, set: DeploymentSet | undefined) {
  const shared = /^shared\.(.+)$/.exec(objectId);
  if (shared) {
    return {
      name: shared[1],
      label: `shared resource \`${shared[1]}\``,
      type: set?.shared[shared[1]]?.type,
    };
  }
  const external = /^modules\.([^.]+)\.externals\.(.+)$/.exec(objectId);
  if (external) {
    const [, workload, name] = external;
    return {
      name,
      workload,
      label: `resource \`${name}\` of workload \`${workload}\``,
      type: set?.modules[workload]?.externals[name]?.type,
    };
  }
  return { name: objectId, label: `resource \`${objectId}\``, type: undefined };
}

/** What the deployment recorded of the failed resource: its class and the definition, driver and criteria that matched it. */
function definitionOf(record: ProvisionedRecord | undefined) {
  if (!record) return {};
  return {
    resource_class: record.class,
    ...(record.def_id ? { definition_id: record.def_id } : {}),
    ...(record.def_version_id
      ? { definition_version_id: record.def_version_id }
      : {}),
    ...(record.driver_type ? { driver_type: record.driver_type } : {}),
    ...(record.criteria_id ? { criteria_id: record.criteria_id } : {}),
  };
}

/** The Failed issue of one error of the failed deployment `deployId`. */
export function deploymentIssue(
  deployId: string,
  error: DeploymentError,
  set: DeploymentSet | undefined,
  resources: readonly ProvisionedRecord[] = [],
): HealthIssue {
  const head = `Deployment \`${deployId}\` failed`;
  const base = {
    state: 'Failed' as const,
    code: error.code,
    detail: error.message,
    deploy_id: deployId,
  };
  if (error.scope === 'resource') {
    const resource = resourceOf(error.object_id, set);
    return {
      ...base,
      scope: 'resource',
      message: `${head}: ${resource.label}${resource.type ? ` (${resource.type})` : ''} could not be provisioned: ${error.message.replace(/^Resource "[^"]*" \(type [^)]*\): /, '')}`,
      resource_id: error.object_id,
      ...(resource.type ? { resource_type: resource.type } : {}),
      ...(resource.workload ? { workload_id: resource.workload } : {}),
      ...definitionOf(
        resources.find((record) => record.res_id === error.object_id),
      ),
    };
  }
  if (error.scope === 'workload') {
    return {
      ...base,
      scope: 'workload',
      message: `${head}: ${lowerFirst(error.summary)}: ${error.message}`,
      workload_id: error.object_id,
    };
  }
  return {
    ...base,
    scope: 'deployment',
    message: `${head}: ${lowerFirst(error.summary)}: ${error.message}`,
  };
}

function lowerFirst(text: string) {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
