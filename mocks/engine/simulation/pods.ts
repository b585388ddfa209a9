/**
 * Pod and container simulation of the runtime: healthy containers run (Jobs
 * complete after 20 s), faulty ones show the Kubernetes reason of their
 * fault rule, and crash loops restart on the kubelet's back-off schedule.
 */
import { containerFault, flakyReplicas } from '../faults';
import type { ContainerFault } from '../faults';
import type { ContainerStatus, JsonObject, Pod } from '../core/model/spec';

/** First and maximum back-off between container restarts (as the kubelet). */
export const BACKOFF_BASE_MS = 10_000;
/** Cap of the restart back-off: 5 minutes. */
export const BACKOFF_CAP_MS = 300_000;

/**
 * Restarts of a container that fails on every start, `elapsedMs` after its
 * first start: the kubelet waits 10 s, 20 s, 40 s … (capped at 5 min) before
 * each restart. Returns the restart count, when the latest attempt started
 * (ms after the first start) and the back-off before the next restart.
 */
export function backoffState(elapsedMs: number): {
  restarts: number;
  lastStartMs: number;
  backoffMs: number;
} {
  let restarts = 0;
  let lastStartMs = 0;
  let backoffMs = BACKOFF_BASE_MS;
  while (backoffMs < BACKOFF_CAP_MS && lastStartMs + backoffMs <= elapsedMs) {
    lastStartMs += backoffMs;
    restarts += 1;
    backoffMs = Math.min(backoffMs * 2, BACKOFF_CAP_MS);
  }
  if (backoffMs === BACKOFF_CAP_MS && elapsedMs > lastStartMs) {
    const more = Math.floor((elapsedMs - lastStartMs) / BACKOFF_CAP_MS);
    restarts += more;
    lastStartMs += more * BACKOFF_CAP_MS;
  }
  return { restarts, lastStartMs, backoffMs };
}

/** How long a crash-looping container runs before it exits with code 1. */
const CRASH_RUN_MS = 1_000;
/** How long a healthy Job / CronJob run takes before it completes. */
const JOB_RUN_MS = 20_000;
/** Characters of the random-looking pod name suffix (as Kubernetes). */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** Waiting reasons of containers that never started: their pod stays Pending. */
const NOT_STARTED = new Set([
  'ImagePullBackOff',
  'InvalidImageName',
  'CreateContainerConfigError',
  'ContainerCreating',
]);

/** What a pod's simulation depends on besides its containers. */
export interface PodContext {
  kind: 'Deployment' | 'Job' | 'CronJob';
  /** When the deployment finished: the containers' first start. */
  startedAt: number;
  now: number;
  /**
   * Set when a pod's simulation read `now` for what it shows (a crash loop's
   * restarts, a Job still running): a later `now` may show something else.
   */
  readsTime?: boolean;
}

/** A pod of a deployment still in progress: Pending, containers ContainerCreating. */
export function startingPod(podName: string, names: string[]): Pod {
  return {
    podName,
    revision: 1,
    phase: 'Pending',
    status: 'Pending',
    containerStatuses: names.map((name) => ({
      name,
      ready: false,
      restart_count: 0,
      status: 'Pending',
      state: { waiting: { reason: 'ContainerCreating' } },
    })),
  };
}

/**
 * A pod `ctx.now - ctx.startedAt` after the deployment finished. Each
 * container shows its fault (or, for the first `FLAKY_REPLICAS` pods, a crash
 * loop) or runs healthily; a Job's healthy containers complete.
 */
export function runningPod(
  podName: string,
  index: number,
  containers: [string, JsonObject][],
  ctx: PodContext,
): Pod {
  const statuses = containers.map(([name, container]) => {
    const fault =
      containerFault(container) ??
      (index < flakyReplicas(container)
        ? ({
            rule: 'crash-loop',
            reason: 'CrashLoopBackOff',
            message: 'exit code 1',
          } satisfies ContainerFault)
        : undefined);
    return fault
      ? faultyContainer(name, podName, fault, ctx)
      : healthyContainer(name, ctx);
  });
  const neverStarted = statuses.some((c) =>
    NOT_STARTED.has(c.state.waiting?.reason ?? ''),
  );
  const failed = statuses.some((c) => c.status === 'Failure');
  const completed = statuses.every(
    (c) => c.state.terminated?.reason === 'Completed',
  );
  return {
    podName,
    revision: 1,
    phase: neverStarted ? 'Pending' : completed ? 'Succeeded' : 'Running',
    status: failed ? 'Failure' : 'Success',
    containerStatuses: statuses,
  };
}

function healthyContainer(name: string, ctx: PodContext): ContainerStatus {
  const started_at = iso(ctx.startedAt);
  // A Job runs until JOB_RUN_MS, then stays completed.
  if (ctx.kind !== 'Deployment')
    ctx.readsTime ||= ctx.now - ctx.startedAt < JOB_RUN_MS;
  if (ctx.kind !== 'Deployment' && ctx.now - ctx.startedAt >= JOB_RUN_MS) {
    const finished_at = iso(ctx.startedAt + JOB_RUN_MS);
    return {
      name,
      ready: false,
      restart_count: 0,
      status: 'Success',
      state: {
        terminated: {
          exit_code: 0,
          reason: 'Completed',
          started_at,
          finished_at,
        },
      },
    };
  }
  return {
    name,
    ready: true,
    restart_count: 0,
    status: 'Success',
    state: { running: { started_at } },
  };
}

function faultyContainer(
  name: string,
  podName: string,
  fault: ContainerFault,
  ctx: PodContext,
): ContainerStatus {
  const base = { name, ready: false, status: 'Failure' as const };
  if (fault.rule === 'image-pull' || fault.rule === 'config-error') {
    return {
      ...base,
      restart_count: 0,
      state: { waiting: { reason: fault.reason, message: fault.message } },
    };
  }
  ctx.readsTime = true;
  const { restarts, lastStartMs, backoffMs } = backoffState(
    Math.max(0, ctx.now - ctx.startedAt),
  );
  if (fault.rule === 'oom') {
    const at = iso(ctx.startedAt + lastStartMs);
    return {
      ...base,
      restart_count: restarts,
      state: {
        terminated: {
          exit_code: 137,
          reason: 'OOMKilled',
          message: fault.message,
          started_at: at,
          finished_at: at,
        },
      },
    };
  }
  const lastStart = ctx.startedAt + lastStartMs;
  return {
    ...base,
    restart_count: restarts,
    state: {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${formatDuration(backoffMs)} restarting failed container=${name} pod=${podName}`,
      },
    },
    last_state: {
      terminated: {
        exit_code: 1,
        reason: 'Error',
        started_at: iso(lastStart),
        finished_at: iso(Math.min(ctx.now, lastStart + CRASH_RUN_MS)),
      },
    },
  };
}

/**
 * A Kubernetes-like pod name `<workload>-<template>-<5 chars>`, derived from
 * the template hash and the replica index; `used` keeps names unique.
 */
export function uniquePodName(
  id: string,
  template: string,
  index: number,
  used: Set<string>,
): string {
  for (let attempt = 0; ; attempt += 1) {
    let n = hash(`${template}/${index}/${attempt}`);
    let suffix = '';
    for (let i = 0; i < 5; i += 1) {
      suffix += SUFFIX_ALPHABET[n % SUFFIX_ALPHABET.length];
      n = Math.floor(n / SUFFIX_ALPHABET.length);
    }
    const name = `${id}-${template}-${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** 32-bit FNV-1a: a small deterministic hash for pod names. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A duration as Go prints it, as the kubelet does: `40s`, `2m40s`, `5m0s`. */
function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${s % 60}s` : `${s}s`;
}

/** Milliseconds since the epoch as an ISO 8601 timestamp. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
