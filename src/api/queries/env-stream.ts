import { queryOptions } from '@tanstack/react-query';
import { getEnvironmentStream } from '../env-stream';
import { keys } from './keys';

/** Most lines the environment stream holds (the view's budget is 100,000). */
export const STREAM_LIMIT = 100_000;

/**
 * One window of an environment's stream, keyed by `window`. `since` is called when the query runs (not when the
 * options are built), so a relative range starts at the request. A window's lines never change, so it is fetched
 * once (no stale time, no retry) and dropped as soon as no view holds it (a window can be 18 MB of JSON).
 */
function streamWindow(
  orgId: string,
  appId: string,
  envId: string,
  window: string,
  since: () => string | undefined,
) {
  return queryOptions({
    queryKey: keys.envStream(orgId, appId, envId, window),
    queryFn: () =>
      getEnvironmentStream(orgId, appId, envId, {
        since: since(),
        limit: STREAM_LIMIT,
      }),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

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
    streamWindow(
      orgId,
      appId,
      envId,
      rangeMs === undefined ? 'all' : `last ${rangeMs} ms`,
      () =>
        rangeMs === undefined
          ? undefined
          : new Date(Date.now() - rangeMs).toISOString(),
    ),
  /** What came after `since` (an earlier answer's `now`): following. */
  after: (orgId: string, appId: string, envId: string, since: string) =>
    streamWindow(orgId, appId, envId, since, () => since),
};
