/**
 * Container logs, derived (never stored) from what runs: the container's
 * spec in the running set, its V2 runtime status (which follows the fault
 * rules of faults/rules.ts) and the clock. The same inputs always give the same
 * lines, so a client can follow a container by cursor.
 *
 * A container that runs healthily logs its start-up, then one line every
 * 2–6 s (a request for a workload with a service or ingress, a job otherwise);
 * a Job's container logs its run and completes after 20 s. A crash-looping or
 * out-of-memory container logs every attempt (start-up, then the crash or
 * the allocation that exceeds the limit) on the kubelet's back-off schedule,
 * so the attempts match the runtime's restart count. A container that never
 * started (image pull, configuration error, still creating) has no lines,
 * only a notice. Line `i` of a container is always the same line; a cursor
 * is the index of the next line.
 */
import { containerFault } from '../faults';
import {
  containerVariables,
  formatMemory,
  isObject,
  objectAt,
  parseMemory,
} from '../faults';
import type { ContainerStatus, JsonObject, Module } from '../core/model/spec';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffState, hash } from './pods';

/** One log line. */
export interface LogLine {
  /** The cursor of this line (pass it as `since` to read from here on). */
  cursor: string;
  at: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** A page of a container's logs. */
export interface ContainerLogs {
  workload_id: string;
  container_id: string;
  pod_name?: string;
  lines: LogLine[];
  /** Pass as `since` to get the lines after these. */
  next_cursor: string;
  /** Lines left out because the reader fell more than `limit` lines behind. */
  skipped: number;
  /** Why there are no lines (container waiting, no pod running). */
  notice?: string;
}

/** Lines returned at most per call; the default is {@link DEFAULT_LOG_LIMIT}. */
export const MAX_LOG_LIMIT = 1000;
/** Lines returned when no limit is given. */
export const DEFAULT_LOG_LIMIT = 200;

/** How long a healthy Job runs (as simulation/pods.ts). */
const JOB_RUN_MS = 20_000;

interface Template {
  offsetMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** A container's log as a pure function of time since its first start. */
interface LogPlan {
  /** Lines of one attempt, offsets from the attempt's start. */
  attempt: Template[];
  /** Whether the container restarts on the crash back-off (else it runs once). */
  restarts: boolean;
  /** Periodic lines after the attempt's lines (healthy services only). */
  tail?: { periodMs: number; text: (j: number) => string };
}

/** When attempt `a` starts, ms after the first start (back-off 10 s, 20 s … capped at 5 min). */
export function attemptStartMs(a: number): number {
  let start = 0;
  let backoff = BACKOFF_BASE_MS;
  for (let k = 0; k < a; k += 1) {
    if (backoff === BACKOFF_CAP_MS) return start + (a - k) * BACKOFF_CAP_MS;
    start += backoff;
    backoff = Math.min(backoff * 2, BACKOFF_CAP_MS);
  }
  return start;
}

function countAt(plan: LogPlan, elapsed: number): number {
  if (elapsed < 0) return 0;
  const size = plan.attempt.length;
  if (plan.restarts) {
    const attempts = backoffState(elapsed).restarts + 1;
    const into = elapsed - attemptStartMs(attempts - 1);
    return (
      (attempts - 1) * size +
      plan.attempt.filter((t) => t.offsetMs <= into).length
    );
  }
  const startup = plan.attempt.filter((t) => t.offsetMs <= elapsed).length;
  if (!plan.tail || startup < size) return startup;
  const last = plan.attempt[size - 1]?.offsetMs ?? 0;
  return size + Math.floor((elapsed - last) / plan.tail.periodMs);
}

function lineAt(
  plan: LogPlan,
  i: number,
): { offsetMs: number; stream: 'stdout' | 'stderr'; text: string } {
  const size = plan.attempt.length;
  if (plan.restarts) {
    const t = plan.attempt[i % size];
    return {
      ...t,
      offsetMs: attemptStartMs(Math.floor(i / size)) + t.offsetMs,
    };
  }
  if (i < size) return plan.attempt[i];
  const j = i - size;
  const last = plan.attempt[size - 1]?.offsetMs ?? 0;
  return {
    offsetMs: last + (j + 1) * plan.tail!.periodMs,
    stream: 'stdout',
    text: plan.tail!.text(j),
  };
}

const PATHS = [
  '/healthz',
  '/',
  '/api/items',
  '/api/items/42',
  '/api/orders',
  '/metrics',
  '/api/search?q=shoes',
];

function requestLine(seed: string, j: number): string {
  const h = hash(`${seed}/${j}`);
  const path = PATHS[h % PATHS.length];
  const method = path.startsWith('/api/orders') && h % 3 === 0 ? 'POST' : 'GET';
  const status = h % 29 === 0 ? 404 : method === 'POST' ? 201 : 200;
  return `${method} ${path} ${status} ${2 + (h % 87)}ms`;
}

function jobLine(seed: string, j: number): string {
  const h = hash(`${seed}/${j}`);
  return h % 5 === 0
    ? `queue depth ${h % 40}`
    : `processed job ${1000 + j} in ${5 + (h % 120)}ms`;
}

function startup(id: string, container: JsonObject): Template[] {
  const image =
    typeof container.image === 'string' ? container.image : '(no image)';
  return [
    { offsetMs: 0, stream: 'stdout', text: `Starting ${id} (${image})` },
    {
      offsetMs: 150,
      stream: 'stdout',
      text: `Loaded ${Object.keys(containerVariables(container)).length} environment variables`,
    },
  ];
}

/** The log plan of a container, or a notice when it never started. */
function planOf(
  workloadId: string,
  module: Module,
  containerId: string,
  status: ContainerStatus,
  kind: string,
): LogPlan | { notice: string } {
  const waiting = status.state.waiting;
  const container = objectAt(module.spec, 'containers')[containerId];
  const spec: JsonObject = isObject(container) ? container : {};
  const begin = startup(workloadId, spec);
  if (waiting && waiting.reason !== 'CrashLoopBackOff') {
    return {
      notice: `Container \`${containerId}\` has not started: ${waiting.reason ?? 'Waiting'}${waiting.message ? `: ${waiting.message}` : ''}.`,
    };
  }
  if (status.state.terminated?.reason === 'OOMKilled') {
    const fault = containerFault(spec);
    const need = parseMemory(containerVariables(spec).MEMORY_NEEDED);
    const limit = parseMemory(
      String(objectAt(objectAt(spec, 'resources'), 'limits').memory ?? ''),
    );
    return {
      restarts: true,
      attempt: [
        ...begin,
        {
          offsetMs: 400,
          stream: 'stdout',
          text: `Allocating working set of ${need ? formatMemory(need) : 'memory'} (limit ${limit !== undefined ? formatMemory(limit) : 'unknown'})`,
        },
        {
          offsetMs: 1200,
          stream: 'stderr',
          text: `fatal error: runtime: out of memory (${fault?.message ?? 'OOMKilled'})`,
        },
      ],
    };
  }
  if (waiting?.reason === 'CrashLoopBackOff') {
    const command = ['command', 'args']
      .flatMap((k) =>
        Array.isArray(spec[k])
          ? (spec[k] as unknown[]).map(String)
          : typeof spec[k] === 'string'
            ? [spec[k] as string]
            : [],
      )
      .join(' ');
    const cause = /\bexit\s+1\b/.test(command)
      ? `+ ${command}`
      : containerVariables(spec).CRASH?.trim().toLowerCase() === 'true'
        ? 'CRASH=true is set: simulating a crash'
        : 'Error: connection to upstream reset (FLAKY_REPLICAS chaos test)';
    return {
      restarts: true,
      attempt: [
        ...begin,
        { offsetMs: 500, stream: 'stderr', text: cause },
        {
          offsetMs: 900,
          stream: 'stderr',
          text: 'Process exited with status 1',
        },
      ],
    };
  }
  const seed = `${workloadId}/${containerId}`;
  if (kind !== 'Deployment') {
    return {
      restarts: false,
      attempt: [
        ...begin,
        ...[5000, 10000, 15000].map((offsetMs, j): Template => ({
          offsetMs,
          stream: 'stdout',
          text: jobLine(seed, j),
        })),
        {
          offsetMs: JOB_RUN_MS,
          stream: 'stdout',
          text: 'Completed successfully',
        },
      ],
    };
  }
  const web = isObject(module.spec.service) || isObject(module.spec.ingress);
  return {
    restarts: false,
    attempt: [
      ...begin,
      {
        offsetMs: 800,
        stream: 'stdout',
        text: web ? 'Listening on :8080' : 'Worker ready, waiting for jobs',
      },
    ],
    tail: {
      periodMs: 2000 + (hash(seed) % 5) * 1000,
      text: (j) => (web ? requestLine(seed, j) : jobLine(seed, j)),
    },
  };
}

/** Input of {@link containerLogs}. */
export interface ContainerLogsInput {
  workloadId: string;
  containerId: string;
  module: Module;
  kind: string;
  podName: string;
  status: ContainerStatus;
  /** The container's first start: when the running deployment finished. */
  startedAt: number;
  now: number;
  /** The cursor of the first line wanted; without it the last `limit` lines. */
  since?: number;
  limit: number;
}

/** A page of a container's logs (see the module comment). */
export function containerLogs(input: ContainerLogsInput): ContainerLogs {
  const base = {
    workload_id: input.workloadId,
    container_id: input.containerId,
    pod_name: input.podName,
  };
  const plan = planOf(
    input.workloadId,
    input.module,
    input.containerId,
    input.status,
    input.kind,
  );
  if ('notice' in plan) {
    return {
      ...base,
      lines: [],
      next_cursor: String(input.since ?? 0),
      skipped: 0,
      notice: plan.notice,
    };
  }
  const count = countAt(plan, input.now - input.startedAt);
  const from =
    input.since === undefined
      ? Math.max(0, count - input.limit)
      : Math.min(input.since, count);
  const start = Math.max(from, count - input.limit);
  const lines: LogLine[] = [];
  for (let i = start; i < count; i += 1) {
    const line = lineAt(plan, i);
    lines.push({
      cursor: String(i),
      at: new Date(input.startedAt + line.offsetMs).toISOString(),
      stream: line.stream,
      text: line.text,
    });
  }
  return {
    ...base,
    lines,
    next_cursor: String(count),
    skipped: input.since === undefined ? 0 : start - from,
  };
}
