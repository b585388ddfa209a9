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
  /**
   * The lines and events of the last `rangeMs` before the request (undefined: the newest of all, at most
   * {@link STREAM_LIMIT}): the server filters the range, so the view's default hour of a busy environment is not
   * 100,000 lines (18 MB of JSON) filtered in the page.
   */
  recent: (orgId: string, appId: string, envId: string, rangeMs?: number) =>
    queryOptions({
      queryKey: keys.envStream(
        orgId,
        appId,
        envId,
        rangeMs === undefined ? 'all' : `last ${rangeMs} ms`,
      ),
      queryFn: () =>
        getEnvironmentStream(orgId, appId, envId, {
          since:
            rangeMs === undefined
              ? undefined
              : new Date(Date.now() - rangeMs).toISOString(),
          limit: STREAM_LIMIT,
        }),
      staleTime: Infinity,
      gcTime: 0,
      retry: false,
    }),
  /** What came after `since` (an earlier answer's `now`): following. */
  after: (orgId: string, appId: string, envId: string, since: string) =>
    queryOptions({
      queryKey: keys.envStream(orgId, appId, envId, since),
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
