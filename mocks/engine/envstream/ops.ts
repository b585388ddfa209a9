/**
 * An environment's stream: the log lines of every container of every pod of
 * its running deployment (simulation/logs.ts, the same lines a container's
 * own logs give) with their workload, container, pod and level, and the
 * Kubernetes events (events.ts), in a time window. No authorization here.
 */
import { requireEnv, type OpContext } from '../core/lookup';
import { invalid, show } from '../core/validate';
import { deploySet, runningDeploy } from '../deploys';
import { getRuntime } from '../runtime';
import { attemptStartMs, containerLogs } from '../simulation';
import { workloadEvents } from './events';
import type {
  EnvironmentStream,
  KubeEvent,
  LogLevel,
  StreamLine,
  StreamOptions,
} from './model';

/** Lines answered when no limit is given. */
export const DEFAULT_STREAM_LIMIT = 10_000;
/** Most lines one call answers. */
export const MAX_STREAM_LIMIT = 100_000;

/** How a line reads (see {@link LogLevel}). */
export function levelOf(stream: 'stdout' | 'stderr', text: string): LogLevel {
  if (stream === 'stderr')
    return /fatal|error|exited|panic/i.test(text) ? 'error' : 'warn';
  return /^[A-Z]+ \S+ [45]\d\d /.test(text) ? 'warn' : 'info';
}

function instant(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    invalid(`\`${name}\` must be an ISO-8601 instant; got ${show(raw)}.`, {
      parameter: name,
    });
  return ms;
}

/** Whether `at` falls in the window (after `since`, up to `until`). */
function inWindow(at: string, since: number | undefined, until: number) {
  const ms = Date.parse(at);
  return (since === undefined || ms > since) && ms <= until;
}

/** The stream of environment `envId` in the window the options ask for. */
export function environmentStream(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  options: StreamOptions = {},
): EnvironmentStream {
  const since = instant(options.since, 'since');
  const until = Math.min(instant(options.until, 'until') ?? ctx.now, ctx.now);
  const limit = options.limit ?? DEFAULT_STREAM_LIMIT;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_STREAM_LIMIT)
    invalid(
      `\`limit\` must be a whole number up to ${MAX_STREAM_LIMIT}; got ${show(limit)}.`,
      { parameter: 'limit' },
    );
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const record = runningDeploy(app, env);
  const base = { env_id: envId, now: new Date(ctx.now).toISOString() };
  if (!record) return { ...base, lines: [], events: [], truncated: 0 };
  const set = deploySet(app, record);
  const runtime = getRuntime(ctx, orgId, appId, envId);
  const finished = Date.parse(record.deployment.status_changed_at);
  const startedAt = Number.isNaN(finished) ? ctx.now : finished;
  const lines: StreamLine[] = [];
  const events: KubeEvent[] = [];
  for (const workloadId of Object.keys(set.modules).sort()) {
    const module = set.modules[workloadId];
    const controller = Object.values(
      runtime.modules[workloadId]?.controllers ?? {},
    )[0];
    if (!controller) continue;
    const pods = controller.pods ?? [];
    events.push(
      ...workloadEvents({
        workloadId,
        module,
        kind: controller.kind,
        namespace: runtime.namespace,
        pods,
        replicas: controller.replicas ?? pods.length,
        startedAt,
        now: ctx.now,
        attemptStartMs,
      }),
    );
    for (const pod of pods)
      for (const status of pod.containerStatuses) {
        const page = containerLogs({
          workloadId,
          containerId: status.name,
          module,
          kind: controller.kind,
          podName: pod.podName,
          status,
          startedAt,
          now: until,
          limit: MAX_STREAM_LIMIT,
        });
        for (const line of page.lines)
          if (inWindow(line.at, since, until))
            lines.push({
              at: line.at,
              workload_id: workloadId,
              container_id: status.name,
              pod_name: pod.podName,
              stream: line.stream,
              level: levelOf(line.stream, line.text),
              text: line.text,
            });
      }
  }
  lines.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const truncated = Math.max(0, lines.length - limit);
  return {
    ...base,
    deploy_id: record.deployment.id,
    lines: truncated > 0 ? lines.slice(truncated) : lines,
    events: events
      .filter((e) => inWindow(e.at, since, until))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    truncated,
  };
}
