import { queryOptions } from '@tanstack/react-query';
import { getSet, getSetDiff } from '../sets';
import { keys } from './keys';

/**
 * Deployment sets and their diffs. Refetch policy: never — both are immutable
 * (a set id is the hash of its content), so one cache entry serves every page
 * for good.
 */
export const setQueries = {
  set: (orgId: string, appId: string, setId: string) =>
    queryOptions({
      queryKey: keys.set(orgId, appId, setId),
      queryFn: () => getSet(orgId, appId, setId),
      staleTime: Infinity,
    }),
  /** The delta turning `sourceSetId` into `setId` (the engine's set diff). */
  diff: (orgId: string, appId: string, setId: string, sourceSetId: string) =>
    queryOptions({
      queryKey: keys.setDiff(orgId, appId, setId, sourceSetId),
      queryFn: () => getSetDiff(orgId, appId, setId, sourceSetId),
      staleTime: Infinity,
    }),
};
