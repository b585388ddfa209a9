import { useQuery } from '@tanstack/react-query';
import type { DoraWindow } from '@/api/metrics';
import { metricsQueries } from '@/api/queries/metrics';

/** DORA metrics from the console extension; `null` data means the API does not offer it. */
export const useDoraMetrics = (
  orgId: string,
  window: DoraWindow,
  app?: string,
) => useQuery(metricsQueries.dora(orgId, window, app));
