import { queryOptions } from '@tanstack/react-query';
import { getEnvironmentStream } from '../env-stream';
import { keys } from './keys';

/** Most lines the environment stream holds (the view's budget is 100,000). */
export const STREAM_LIMIT = 100_000;

/**
 * An environment's stream from an instant (debug tools). Refetch policy: one
 * window is fetched once (its lines never change); following asks for the
 * window after the last answer's `now`, so each call is a new key.
 */
export const envStreamQueries = {
  /** `since` undefined: the newest lines of all. */
  window: (orgId: string, appId: string, envId: string, since?: string) =>
    queryOptions({
      queryKey: keys.envStream(orgId, appId, envId, since ?? 'all'),
      queryFn: () =>
        getEnvironmentStream(orgId, appId, envId, {
          since,
          limit: STREAM_LIMIT,
        }),
      staleTime: Infinity,
      gcTime: 0,
      retry: false,
    }),
};
