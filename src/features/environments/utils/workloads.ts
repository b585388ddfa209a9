import type { DeploymentSet, RuntimeWorkload, Workload } from '@/api/types';
import { isObject } from '@/lib/json-schema/pointer';

/** A container of a workload spec, as far as the console reads it. */
export interface ContainerSpec {
  id: string;
  image: string;
  variables: Record<string, string>;
}

/** Reads the containers of a workload's spec (`spec.containers`), tolerating odd shapes. */
export function containersOf(workload: Workload): ContainerSpec[] {
  const containers = (workload.spec as { containers?: unknown }).containers;
  if (!isObject(containers)) return [];
  return Object.entries(containers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, raw]) => {
      const c = isObject(raw) ? raw : {};
      return {
        id,
        image: typeof c.image === 'string' ? c.image : '',
        variables: isObject(c.variables) ? stringify(c.variables) : {},
      };
    });
}

/** Workloads of a set, sorted by id. */
export function workloadsOf(set: DeploymentSet) {
  return Object.entries(set.modules).sort(([a], [b]) => a.localeCompare(b));
}

/** Ready / desired replicas, restarts and the most telling reason of a workload's runtime. */
export function runtimeSummary(runtime: RuntimeWorkload | undefined) {
  if (!runtime) return undefined;
  let desired = 0;
  let ready = 0;
  let restarts = 0;
  let reason: string | undefined;
  for (const controller of Object.values(runtime.controllers)) {
    desired += controller.replicas ?? 0;
    for (const pod of controller.pods ?? []) {
      const statuses = pod.containerStatuses;
      // A completed Job's pod counts as ready: it did what it should.
      if (
        statuses.length > 0 &&
        statuses.every(
          (c) => c.ready || c.state.terminated?.reason === 'Completed',
        )
      )
        ready += 1;
      for (const c of statuses) {
        restarts += c.restart_count;
        reason ??= c.state.waiting?.reason ?? c.state.terminated?.reason;
      }
    }
    reason ??= controller.message;
  }
  return { desired, ready, reason, restarts };
}

function stringify(record: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  );
}

/** A JSON pointer segment, escaped as RFC 6901 says. */
export function pointerSegment(segment: string) {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
