import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getEnvironment } from '@/api/environments';
import { getContainerLogs, type ContainerRef, type LogLine } from '@/api/health';
import { apiKeys } from '@/api/keys';
import { getRuntime, listRuntimeSummaries } from '@/api/runtime';
import { setQueries } from '@/api/set-queries';
import { isDeploymentActive } from '@/lib/status';

export const environmentQueries = {
  detail: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: [...apiKeys.env(orgId, appId, envId), 'detail'],
      queryFn: () => getEnvironment(orgId, appId, envId),
      // Follow a running deployment live; stop polling at a terminal state.
      refetchInterval: (query) =>
        isDeploymentActive(query.state.data?.last_deploy?.status) ? 1000 : 15_000,
    }),
  runtime: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: [...apiKeys.env(orgId, appId, envId), 'runtime'],
      queryFn: () => getRuntime(orgId, appId, envId),
      refetchInterval: 5000,
    }),
  /** The runtime summary row of the environment (whether it is paused). */
  runtimeSummary: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: [...apiKeys.envs(orgId, appId), 'runtime-summary', [envId]],
      queryFn: () => listRuntimeSummaries(orgId, appId, [envId]),
      refetchInterval: 10_000,
    }),
  /**
   * A container's logs, followed by cursor: each fetch appends the lines after
   * the last one (at most {@link MAX_LOG_LINES} kept). `null` without the extension.
   */
  logs: ({ orgId, appId, envId, workloadId, containerId, pod }: ContainerRef, follow: boolean) =>
    queryOptions({
      queryKey: [...apiKeys.env(orgId, appId, envId), 'runtime', workloadId, 'containers', containerId, 'console', 'logs', pod ?? ''],
      queryFn: async ({ client, queryKey }): Promise<LogView | null> => {
        const previous = client.getQueryData<LogView | null>(queryKey) ?? undefined;
        const page = await getContainerLogs({ orgId, appId, envId, workloadId, containerId, pod }, previous?.cursor);
        if (page === null) return null;
        const lines = previous ? [...previous.lines, ...page.lines] : page.lines;
        return {
          lines: lines.slice(-MAX_LOG_LINES),
          cursor: page.next_cursor,
          notice: page.notice,
          podName: page.pod_name,
          skipped: (previous?.skipped ?? 0) + page.skipped + Math.max(0, lines.length - MAX_LOG_LINES),
        };
      },
      // Logs restart from the tail whenever the panel opens again; polling stops when it closes.
      gcTime: 0,
      staleTime: Infinity,
      refetchInterval: (query) => (follow && query.state.data !== null ? 2000 : false),
    }),
  set: setQueries.set,
};

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

export const useEnvironment = (orgId: string, appId: string, envId: string) =>
  useSuspenseQuery(environmentQueries.detail(orgId, appId, envId));
export const useRuntime = (orgId: string, appId: string, envId: string) =>
  useQuery(environmentQueries.runtime(orgId, appId, envId));
export const useEnvironmentSet = (orgId: string, appId: string, setId: string) =>
  useSuspenseQuery(environmentQueries.set(orgId, appId, setId));
export const useContainerLogs = (ref: ContainerRef, follow: boolean) =>
  useQuery(environmentQueries.logs(ref, follow));
