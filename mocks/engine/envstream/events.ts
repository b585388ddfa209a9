/**
 * The Kubernetes events of an environment, derived from its simulated
 * runtime (simulation/: pods and container states that follow the fault
 * rules) the way a cluster reports them: the scheduler places each pod, the
 * kubelet pulls the image and starts the container, then, by the state the
 * fault rules give it:
 *
 * - image-pull (`ImagePullBackOff`, `InvalidImageName`): `Failed` (the pull's
 *   error, `ErrImagePull`) and `BackOff` pulling the image, repeating;
 * - config-error (`CreateContainerConfigError`): `Failed` naming the missing
 *   secret, repeating;
 * - crash-loop (`CrashLoopBackOff`): `Started` per attempt and `BackOff`
 *   restarting the failed container, counted as the restarts; a probe the
 *   container declares also fails (`Unhealthy`);
 * - oom (`OOMKilled`): the kernel's `OOMKilling` per attempt and the
 *   back-off;
 * - degraded: the pods of the first `FLAKY_REPLICAS` crash-loop as above,
 *   the others start;
 * - paused or scaled to 0: the controller scales its replica set down.
 *
 * The deploy-time rules (resource-params, unknown-profile,
 * unresolved-resource, no-matching-definition, unfilled-placeholder,
 * agent-disconnected, missing-value) fail the deployment before anything
 * reaches the cluster: they add no event; the previous deployment's pods go
 * on. Pure.
 */
import type { ContainerStatus, JsonObject, Module } from '../core/model/spec';
import type { KubeEvent } from './model';

/** Where a workload's pods run, for its events. */
export interface WorkloadEventsInput {
  workloadId: string;
  module: Module;
  kind: string;
  namespace: string;
  pods: { podName: string; containerStatuses: ContainerStatus[] }[];
  /** Replicas the controller wants (0: paused or scaled down). */
  replicas: number;
  /** When the running deployment finished (the pods' first start). */
  startedAt: number;
  now: number;
  /** When a restarting container's attempt `a` starts, ms after the first start. */
  attemptStartMs: (attempt: number) => number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function imageOf(module: Module, containerId: string): string {
  const containers = module.spec.containers as JsonObject | undefined;
  const container = containers?.[containerId] as JsonObject | undefined;
  return typeof container?.image === 'string' ? container.image : '';
}

function probeOf(module: Module, containerId: string): string | undefined {
  const containers = module.spec.containers as JsonObject | undefined;
  const container = containers?.[containerId] as JsonObject | undefined;
  if (container?.readiness_probe) return 'Readiness';
  if (container?.liveness_probe) return 'Liveness';
  return undefined;
}

/** The events of one container of one pod. */
function containerEvents(
  input: WorkloadEventsInput,
  podName: string,
  status: ContainerStatus,
): KubeEvent[] {
  const { workloadId, startedAt, now } = input;
  const container = status.name;
  const image = imageOf(input.module, container);
  const base = {
    workload_id: workloadId,
    pod_name: podName,
    container_id: container,
    object: `pod/${podName}`,
    source: 'kubelet',
  };
  const event = (
    type: KubeEvent['type'],
    reason: string,
    message: string,
    first: number,
    last = first,
    count = 1,
    source = 'kubelet',
  ): KubeEvent => ({
    ...base,
    source,
    type,
    reason,
    message,
    first_at: iso(first),
    at: iso(Math.min(last, now)),
    count,
  });
  const waiting = status.state.waiting;
  const reason = waiting?.reason;
  // A failing pull or start is retried every 10 s until now: the same event, counted.
  const tries = Math.max(1, Math.floor((now - startedAt) / 10_000) + 1);
  if (reason === 'ImagePullBackOff' || reason === 'ErrImagePull') {
    const message = waiting?.message ?? `Back-off pulling image "${image}"`;
    return [
      event(
        'Normal',
        'Pulling',
        `Pulling image "${image}"`,
        startedAt + 1_000,
        now,
        tries,
      ),
      event(
        'Warning',
        'Failed',
        `Failed to pull image "${image}": ${message.replace(/^Back-off pulling image "[^"]*": /, '')}`,
        startedAt + 2_000,
        now,
        tries,
      ),
      event(
        'Warning',
        'Failed',
        'Error: ErrImagePull',
        startedAt + 2_000,
        now,
        tries,
      ),
      event(
        'Normal',
        'BackOff',
        `Back-off pulling image "${image}"`,
        startedAt + 3_000,
        now,
        tries,
      ),
      event(
        'Warning',
        'Failed',
        'Error: ImagePullBackOff',
        startedAt + 3_000,
        now,
        tries,
      ),
    ];
  }
  if (reason === 'InvalidImageName') {
    return [
      event(
        'Warning',
        'InspectFailed',
        `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`,
        startedAt + 1_000,
        now,
        tries,
      ),
      event(
        'Warning',
        'Failed',
        'Error: InvalidImageName',
        startedAt + 1_000,
        now,
        tries,
      ),
    ];
  }
  const pulled = event(
    'Normal',
    'Pulled',
    `Container image "${image}" already present on machine`,
    startedAt + 1_000,
  );
  if (reason === 'CreateContainerConfigError') {
    return [
      pulled,
      event(
        'Warning',
        'Failed',
        `Error: ${waiting?.message ?? 'configuration error'}`,
        startedAt + 1_500,
        now,
        tries,
      ),
    ];
  }
  if (reason === 'ContainerCreating') return [];
  const restarts = status.restart_count;
  const attempts = restarts + 1;
  const lastStart = startedAt + input.attemptStartMs(restarts);
  const started = [
    pulled,
    event(
      'Normal',
      'Created',
      `Created container ${container}`,
      startedAt + 1_200,
      lastStart + 1_200,
      attempts,
    ),
    event(
      'Normal',
      'Started',
      `Started container ${container}`,
      startedAt + 1_300,
      lastStart + 1_300,
      attempts,
    ),
  ];
  const oom =
    status.state.terminated?.reason === 'OOMKilled' ||
    status.last_state?.terminated.reason === 'OOMKilled';
  const crashing = reason === 'CrashLoopBackOff' || oom;
  if (!crashing) return started;
  const out = [...started];
  if (oom)
    out.push(
      event(
        'Warning',
        'OOMKilling',
        `Memory cgroup out of memory: Killed process (${container}) in pod ${podName}`,
        startedAt + 1_500,
        lastStart + 1_500,
        attempts,
        'kernel-monitor',
      ),
    );
  const probe = probeOf(input.module, container);
  if (probe && !oom)
    out.push(
      event(
        'Warning',
        'Unhealthy',
        `${probe} probe failed: dial tcp: connect: connection refused`,
        startedAt + 1_400,
        lastStart + 1_400,
        attempts,
      ),
    );
  if (restarts > 0)
    out.push(
      event(
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${container} in pod ${podName}_${input.namespace}`,
        startedAt + 2_000,
        lastStart - 1,
        restarts,
      ),
    );
  return out;
}

/** The events of one workload: its controller's scaling and each pod's, oldest first. */
export function workloadEvents(input: WorkloadEventsInput): KubeEvent[] {
  const { workloadId, startedAt, kind } = input;
  const controller = kind === 'Deployment' ? 'deployment' : kind.toLowerCase();
  const events: KubeEvent[] = [
    {
      first_at: iso(startedAt),
      at: iso(startedAt),
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      object: `${controller}/${workloadId}`,
      message:
        input.replicas > 0
          ? `Scaled up replica set ${workloadId} to ${input.replicas}`
          : `Scaled down replica set ${workloadId} to 0`,
      count: 1,
      workload_id: workloadId,
      source: 'deployment-controller',
    },
  ];
  input.pods.forEach((pod, index) => {
    events.push({
      first_at: iso(startedAt + 100),
      at: iso(startedAt + 100),
      type: 'Normal',
      reason: 'Scheduled',
      object: `pod/${pod.podName}`,
      message: `Successfully assigned ${input.namespace}/${pod.podName} to node-${(index % 3) + 1}`,
      count: 1,
      workload_id: workloadId,
      pod_name: pod.podName,
      source: 'default-scheduler',
    });
    for (const status of pod.containerStatuses)
      events.push(...containerEvents(input, pod.podName, status));
  });
  return events;
}
