import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { getLocalRun, type LocalRunRequest } from '../local-run';
import { keys } from './keys';

/**
 * A workload's local-run bundle (debug tools). Refetch policy: built on
 * demand, never kept long (a bundle asked for with secrets is dropped as soon
 * as nothing shows it), the last one shown while a changed choice loads.
 */
export const localRunQueries = {
  bundle: ({
    orgId,
    appId,
    envId,
    workloadId,
    mode,
    choices,
    includeSecrets,
  }: LocalRunRequest) =>
    queryOptions({
      queryKey: keys.localRun(orgId, appId, envId, workloadId, {
        mode,
        choices,
        includeSecrets,
      }),
      queryFn: () =>
        getLocalRun({
          orgId,
          appId,
          envId,
          workloadId,
          mode,
          choices,
          includeSecrets,
        }),
      staleTime: 0,
      gcTime: includeSecrets ? 0 : 60_000,
      retry: false,
      placeholderData: keepPreviousData,
    }),
};
