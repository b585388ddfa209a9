import { queryOptions } from '@tanstack/react-query';
import { isNotFound } from '@/lib/errors';
import {
  getProfile,
  listProfileFeatures,
  listProfiles,
  listProfileVersions,
  listResourceTypes,
} from '../profiles';
import { keys } from './keys';

/**
 * Refetch policy: profiles use the TanStack defaults (they change only by
 * this console's mutations, which invalidate them); built-in features change
 * only with the platform (fresh for good); resource types are fresh for 5 min.
 */
export const RESOURCE_TYPES_STALE_MS = 5 * 60_000;

export const profileQueries = {
  list: (orgId: string, deprecated: boolean) =>
    queryOptions({
      queryKey: keys.profileList(orgId, deprecated),
      queryFn: () => listProfiles(orgId, deprecated),
    }),
  detail: (orgId: string, profileQid: string) =>
    queryOptions({
      queryKey: keys.profileDetail(orgId, profileQid),
      queryFn: () => getProfile(orgId, profileQid),
    }),
  versions: (orgId: string, profileQid: string) =>
    queryOptions({
      queryKey: keys.profileVersions(orgId, profileQid),
      queryFn: () => listProfileVersions(orgId, profileQid),
    }),
  features: (orgId: string) =>
    queryOptions({
      queryKey: keys.profileFeatureList(orgId),
      queryFn: () => listProfileFeatures(orgId),
      staleTime: Infinity,
    }),
  resourceTypes: (orgId: string) =>
    queryOptions({
      queryKey: keys.resourceTypeList(orgId),
      // An API without the endpoint leaves the picker with the app's own resources.
      queryFn: () =>
        listResourceTypes(orgId).catch((error: unknown) =>
          isNotFound(error) ? [] : Promise.reject(error),
        ),
      staleTime: RESOURCE_TYPES_STALE_MS,
    }),
};
