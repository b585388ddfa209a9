/**
 * The runtime simulation: what Kubernetes would report (the spec's
 * RuntimeInfoResponseV2) for an environment running a deployment set, and
 * the deploy-time plan (outcome, errors, duration) of a set. Both are pure
 * and deterministic: the same input always gives the same output.
 *
 * Contract with the engine: `simulateRuntime` gets the deployment that
 * defines what runs and that deployment's set — the in-flight deployment
 * while one is pending / in progress, otherwise the latest *succeeded*
 * deployment. A failed deploy leaves the environment on its previous
 * successful set; the failure is surfaced through the deployment's errors.
 */
import { canonicalJson } from '../core/canonical';
import { FAULT_RULES, deployErrors, type UnresolvedReference } from '../faults';
import { isObject, objectAt } from '../faults';
import { hash, runningPod, startingPod, uniquePodName } from './pods';
import type { PodContext } from './pods';
import type {
  Deployment,
  DeploymentError,
  DeploymentSet,
  JsonObject,
  Module,
  Pod,
  RuntimeInfo,
  RuntimeModule,
  RuntimeStatus,
  RuntimeStatusClass,
} from '../core/model/spec';

export { FAULT_RULES };

/** Pods listed per controller at most (larger replica counts are still reported). */
const MAX_PODS = 50;

/** Input of {@link simulateRuntime}. */
export interface SimulateRuntimeInput {
  namespace: string;
  /** The set that runs: the in-flight deployment's, else the last succeeded deployment's. */
  set: DeploymentSet;
  /** The deployment of `set`; undefined when the environment was never deployed successfully. */
  deployment: Deployment | undefined;
  now: number;
  paused: boolean;
  /** Replica overrides per workload id (the spec's PATCH …/runtime/replicas). */
  replicas: Record<string, number>;
}

/**
 * The V2 runtime of an environment. Driven by the set (workloads, containers,
 * `spec.replicas` unless overridden, profile → controller kind) and by the
 * time since the deployment finished; container faults follow
 * {@link FAULT_RULES}. No deployment → no modules; a failed deployment →
 * every workload Unknown; paused → every controller Stopped with 0 replicas.
 */
export function simulateRuntime(
  input: SimulateRuntimeInput,
  /** Told whether the result read `input.now`: when not, any later `now` gives the same result. */
  note?: { readsTime: boolean },
): RuntimeInfo {
  const { namespace, set, deployment } = input;
  const modules: Record<string, RuntimeModule> = {};
  if (note) note.readsTime = false;
  if (!deployment) return { namespace, modules };
  for (const id of Object.keys(set.modules).sort()) {
    modules[id] = simulateModule(id, set.modules[id], input, deployment, note);
  }
  return { namespace, modules };
}

/**
 * Plans a deployment of `set` (coming from `previous`): it fails when the set
 * breaks a deploy-time fault rule (`unknown-profile`,
 * `unresolved-resource`, `resource-params`).
 * `durationMs` is 2 s + 0.4 s per added, removed or changed workload or
 * shared resource, capped at 6 s.
 */
export function planDeploy(input: {
  set: DeploymentSet;
  previous: DeploymentSet | undefined;
  /** Whether the organisation has the profile a workload names, now. */
  profileExists: (ref: string) => boolean;
  /** A workload's resource references the set cannot resolve (rule `unresolved-resource`). */
  unresolved?: (workloadId: string) => UnresolvedReference[];
}): {
  outcome: 'succeeded' | 'failed';
  errors: DeploymentError[];
  durationMs: number;
} {
  const errors = deployErrors(input.set, input.profileExists, input.unresolved);
  const changed =
    changedKeys(input.set.modules, input.previous?.modules ?? {}) +
    changedKeys(input.set.shared, input.previous?.shared ?? {});
  return {
    outcome: errors.length > 0 ? 'failed' : 'succeeded',
    errors,
    durationMs: Math.min(2000 + 400 * changed, 6000),
  };
}

function changedKeys(
  next: Record<string, unknown>,
  prev: Record<string, unknown>,
): number {
  const keys = new Set([...Object.keys(next), ...Object.keys(prev)]);
  return [...keys].filter(
    (key) =>
      !Object.hasOwn(next, key) ||
      !Object.hasOwn(prev, key) ||
      canonicalJson(next[key]) !== canonicalJson(prev[key]),
  ).length;
}

/** The Kubernetes controller kind a workload profile renders. */
function controllerKind(profile: string): 'Deployment' | 'Job' | 'CronJob' {
  if (profile === 'humanitec/default-job') return 'Job';
  if (profile === 'humanitec/default-cronjob') return 'CronJob';
  return 'Deployment';
}

const STATUS_CLASS: Record<RuntimeStatus, RuntimeStatusClass> = {
  Running: 'Success',
  Succeeded: 'Success',
  Starting: 'Warning',
  'Partially Succeeded': 'Warning',
  Failed: 'Failure',
  Stopped: 'Stopped',
  Unknown: 'Unknown',
};

function simulateModule(
  id: string,
  module: Module,
  input: SimulateRuntimeInput,
  deployment: Deployment,
  note: { readsTime: boolean } | undefined,
): RuntimeModule {
  if (deployment.status === 'failed') {
    return { status: 'Unknown', status_class: 'Unknown', controllers: {} };
  }
  const kind = controllerKind(module.profile);
  const result = (
    status: RuntimeStatus,
    replicas: number,
    pods: Pod[],
    message: string | undefined,
  ): RuntimeModule => ({
    status,
    status_class: STATUS_CLASS[status],
    controllers: {
      [id]: {
        kind,
        status,
        replicas,
        revision: 1,
        ...(message === undefined ? {} : { message }),
        pods,
      },
    },
  });
  if (input.paused) return result('Stopped', 0, [], 'Environment is paused');
  const desired =
    kind === 'Deployment' ? desiredReplicas(id, module, input.replicas) : 1;
  if (desired === 0) return result('Stopped', 0, [], 'Scaled to 0 replicas');
  const specs = objectAt(module.spec, 'containers');
  const containers = Object.keys(specs)
    .sort()
    .flatMap((name): [string, JsonObject][] => {
      const spec = specs[name];
      return isObject(spec) ? [[name, spec]] : [];
    });
  if (containers.length === 0) {
    return result('Unknown', desired, [], 'The workload defines no containers');
  }
  const template = templateHash(id, module);
  const starting =
    deployment.status === 'pending' || deployment.status === 'in progress';
  const finishedAt = Date.parse(deployment.status_changed_at);
  const ctx: PodContext = {
    kind,
    startedAt: Number.isNaN(finishedAt) ? input.now : finishedAt,
    now: input.now,
  };
  if (note && !starting && Number.isNaN(finishedAt)) note.readsTime = true;
  const used = new Set<string>();
  const pods: Pod[] = [];
  for (let index = 0; index < Math.min(desired, MAX_PODS); index += 1) {
    const podName = uniquePodName(id, template, index, used);
    pods.push(
      starting
        ? startingPod(
            podName,
            containers.map(([name]) => name),
          )
        : runningPod(podName, index, containers, ctx),
    );
  }
  if (note && ctx.readsTime) note.readsTime = true;
  if (starting) {
    return result(
      'Starting',
      desired,
      pods,
      `Rolling out deployment ${deployment.id}`,
    );
  }
  const status = controllerStatus(kind, pods);
  return result(status, desired, pods, controllerMessage(pods, desired, kind));
}

/**
 * The pod template hash of a workload: six hex digits of its id and canonical
 * JSON. Kept per module object (a workload object in a set is never changed
 * in place, as core/set-hash.ts's leaves rely on too), so the health of 40,000 environments
 * sharing workloads (the huge scenario) serializes each workload once
 * instead of once per environment and read.
 */
const templates = new WeakMap<Module, Map<string, string>>();

function templateHash(id: string, module: Module): string {
  let byId = templates.get(module);
  if (!byId) {
    byId = new Map();
    templates.set(module, byId);
  }
  let template = byId.get(id);
  if (template === undefined) {
    template = hash(`${id}\n${canonicalJson(module)}`)
      .toString(16)
      .padStart(8, '0')
      .slice(0, 6);
    byId.set(id, template);
  }
  return template;
}

function desiredReplicas(
  id: string,
  module: Module,
  overrides: Record<string, number>,
): number {
  const override = overrides[id];
  const spec = module.spec.replicas;
  const value =
    typeof override === 'number'
      ? override
      : typeof spec === 'number'
        ? spec
        : 1;
  return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 1;
}

function controllerStatus(
  kind: PodContext['kind'],
  pods: Pod[],
): RuntimeStatus {
  const failed = pods.filter((pod) => pod.status === 'Failure').length;
  if (failed === pods.length) return 'Failed';
  if (failed > 0) return 'Partially Succeeded';
  if (kind !== 'Deployment' && pods.every((pod) => pod.phase === 'Succeeded'))
    return 'Succeeded';
  return 'Running';
}

function controllerMessage(
  pods: Pod[],
  desired: number,
  kind: PodContext['kind'],
): string | undefined {
  const failing = pods
    .flatMap((pod) => pod.containerStatuses)
    .find((c) => c.status === 'Failure');
  if (!failing) return undefined;
  const reason =
    failing.state.waiting?.reason ??
    failing.state.terminated?.reason ??
    'Error';
  if (kind !== 'Deployment') return `Job has not completed: ${reason}`;
  const ready = pods.filter((pod) => pod.status === 'Success').length;
  return `${ready}/${desired} replicas available: ${reason}`;
}
