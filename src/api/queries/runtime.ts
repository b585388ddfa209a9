import { queryOptions } from '@tanstack/react-query';
import { getContainerLogs, type ContainerRef, type LogLine } from '../health';
import { getRuntime, listRuntimeSummaries } from '../runtime';
import { keys } from './keys';

/**
 * Refetch policy: what runs changes by itself. An environment's runtime (pods,
 * restarts) is polled every 5 s; the summary rows (paused, replicas) every
 * 10 s; a container's logs every 2 s while followed (see {@link runtimeQueries.logs}).
 */
export const RUNTIME_REFETCH_MS = 5000;
export const RUNTIME_SUMMARY_REFETCH_MS = 10_000;
export const LOGS_FOLLOW_MS = 2000;

/** Lines kept in the browser per container. */
export const MAX_LOG_LINES = 1000;

/** What the logs viewer shows: the lines so far and where to continue. */
export interface LogView {
  lines: LogLine[];
  cursor: string;
  notice?: string;
  podName?: string;
  /** Lines not shown (the reader fell behind, or older than the last {@link MAX_LOG_LINES}). */
  skipped: number;
}

export const runtimeQueries = {
  env: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: keys.runtime(orgId, appId, envId),
      queryFn: () => getRuntime(orgId, appId, envId),
      refetchInterval: RUNTIME_REFETCH_MS,
    }),
  /** The runtime summary rows of some environments of the app (whether each is paused). */
  summaries: (orgId: string, appId: string, envIds: string[]) =>
    queryOptions({
      queryKey: keys.runtimeSummaries(orgId, appId, envIds),
      queryFn: async () => {
        // The API answers at most five environments per call.
        const chunks = [];
        for (let i = 0; i < envIds.length; i += 5)
          chunks.push(envIds.slice(i, i + 5));
        const rows = await Promise.all(
          chunks.map((ids) => listRuntimeSummaries(orgId, appId, ids)),
        );
        return rows.flat();
      },
      enabled: envIds.length > 0,
      refetchInterval: RUNTIME_SUMMARY_REFETCH_MS,
    }),
  /**
   * A container's logs, followed by cursor: each fetch appends the lines after
   * the last one (at most {@link MAX_LOG_LINES} kept). `null` without the extension.
   */
  logs: (
    { orgId, appId, envId, workloadId, containerId, pod }: ContainerRef,
    follow: boolean,
  ) =>
    queryOptions({
      queryKey: keys.containerLogs(
        orgId,
        appId,
        envId,
        workloadId,
        containerId,
        pod ?? '',
      ),
      queryFn: async ({ client, queryKey }): Promise<LogView | null> => {
        const previous =
          client.getQueryData<LogView | null>(queryKey) ?? undefined;
        const page = await getContainerLogs(
          { orgId, appId, envId, workloadId, containerId, pod },
          previous?.cursor,
        );
        if (page === null) return null;
        const lines = previous
          ? [...previous.lines, ...page.lines]
          : page.lines;
        return {
          lines: lines.slice(-MAX_LOG_LINES),
          cursor: page.next_cursor,
          notice: page.notice,
          podName: page.pod_name,
          skipped:
            (previous?.skipped ?? 0) +
            page.skipped +
            Math.max(0, lines.length - MAX_LOG_LINES),
        };
      },
      // Logs restart from the tail whenever the panel opens again; polling stops when it closes.
      gcTime: 0,
      staleTime: Infinity,
      refetchInterval: (query) =>
        follow && query.state.data !== null ? LOGS_FOLLOW_MS : false,
    }),
};
