import { queryOptions } from '@tanstack/react-query';
import { apiKeys } from './keys';
import { getSet, getSetDiff } from './sets';

/**
 * Query options of deployment sets and their diffs, shared by every feature
 * that shows a set (features never import each other; sets are the same
 * resource everywhere, so one cache entry serves them all). Both are
 * immutable: a set id is the hash of its content.
 */
export const setQueries = {
  set: (orgId: string, appId: string, setId: string) =>
    queryOptions({
      queryKey: [...apiKeys.sets(orgId, appId), setId],
      queryFn: () => getSet(orgId, appId, setId),
      staleTime: Infinity,
    }),
  /** The delta turning `sourceSetId` into `setId` (the engine's set diff). */
  diff: (orgId: string, appId: string, setId: string, sourceSetId: string) =>
    queryOptions({
      queryKey: [...apiKeys.sets(orgId, appId), setId, 'diff', sourceSetId],
      queryFn: () => getSetDiff(orgId, appId, setId, sourceSetId),
      staleTime: Infinity,
    }),
};
