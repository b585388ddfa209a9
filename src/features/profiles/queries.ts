import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { apiKeys } from '@/api/keys';
import { getProfile, listProfileFeatures, listProfiles, listProfileVersions, listResourceTypes } from '@/api/profiles';
import { setQueries } from '@/api/set-queries';
import { isNotFound } from '@/lib/errors';

export const profileQueries = {
  list: (orgId: string, deprecated: boolean) =>
    queryOptions({
      queryKey: [...apiKeys.profiles(orgId), 'list', { deprecated }],
      queryFn: () => listProfiles(orgId, deprecated),
    }),
  detail: (orgId: string, profileQid: string) =>
    queryOptions({
      queryKey: [...apiKeys.profile(orgId, profileQid), 'detail'],
      queryFn: () => getProfile(orgId, profileQid),
    }),
  versions: (orgId: string, profileQid: string) =>
    queryOptions({
      queryKey: [...apiKeys.profile(orgId, profileQid), 'versions'],
      queryFn: () => listProfileVersions(orgId, profileQid),
    }),
  features: (orgId: string) =>
    queryOptions({
      queryKey: [...apiKeys.profileFeatures(orgId), 'list'],
      queryFn: () => listProfileFeatures(orgId),
      staleTime: Infinity, // built-in features change only with the platform
    }),
  /** A deployment set (immutable), for the review of a change. */
  set: setQueries.set,
  /** The delta turning `sourceSetId` into `setId`. */
  setDiff: setQueries.diff,
  resourceTypes: (orgId: string) =>
    queryOptions({
      queryKey: [...apiKeys.resourceTypes(orgId), 'list'],
      // An API without the endpoint leaves the picker with the app's own resources.
      queryFn: () => listResourceTypes(orgId).catch((error: unknown) => (isNotFound(error) ? [] : Promise.reject(error))),
      staleTime: 5 * 60_000,
    }),
};

export const useProfiles = (orgId: string, deprecated: boolean) => useSuspenseQuery(profileQueries.list(orgId, deprecated));
export const useProfile = (orgId: string, profileQid: string) => useSuspenseQuery(profileQueries.detail(orgId, profileQid));
export const useProfileVersions = (orgId: string, profileQid: string) =>
  useSuspenseQuery(profileQueries.versions(orgId, profileQid));
export const useProfileFeatures = (orgId: string) => useSuspenseQuery(profileQueries.features(orgId));
export const useResourceTypes = (orgId: string) => useSuspenseQuery(profileQueries.resourceTypes(orgId));
