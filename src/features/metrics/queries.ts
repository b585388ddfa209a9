import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiKeys } from '@/api/keys';
import { getDoraMetrics, type DoraWindow } from '@/api/metrics';

/** DORA metrics from the console extension; `null` data means the API does not offer it. */
export const metricsQueries = {
  dora: (orgId: string, window: DoraWindow, app?: string) =>
    queryOptions({
      queryKey: [...apiKeys.orgConsole(orgId), 'metrics', 'dora', { window, app: app ?? null }],
      queryFn: () => getDoraMetrics(orgId, window, app),
    }),
};

export const useDoraMetrics = (orgId: string, window: DoraWindow, app?: string) =>
  useQuery(metricsQueries.dora(orgId, window, app));
