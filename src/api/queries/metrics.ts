import { queryOptions } from '@tanstack/react-query';
import { getDoraMetrics, type DoraWindow } from '../metrics';
import { keys } from './keys';

/** DORA metrics (console extension; `null` data means the API does not offer it). Refetch policy: TanStack defaults, no polling. */
export const metricsQueries = {
  dora: (orgId: string, window: DoraWindow, app?: string) =>
    queryOptions({
      queryKey: keys.doraMetrics(orgId, window, app ?? null),
      queryFn: () => getDoraMetrics(orgId, window, app),
    }),
};
