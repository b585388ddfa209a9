import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { profileQueries } from '@/api/queries/profiles';
import { setQueries } from '@/api/queries/sets';

/** Hooks of the profile pages (options, keys and refetch policies live in `src/api/queries`). */
export const useProfiles = (orgId: string, deprecated: boolean) =>
  useSuspenseQuery(profileQueries.list(orgId, deprecated));
export const useProfile = (orgId: string, profileQid: string) =>
  useSuspenseQuery(profileQueries.detail(orgId, profileQid));
export const useProfileVersions = (orgId: string, profileQid: string) =>
  useSuspenseQuery(profileQueries.versions(orgId, profileQid));
export const useProfileFeatures = (orgId: string) =>
  useSuspenseQuery(profileQueries.features(orgId));
export const useResourceTypes = (orgId: string) =>
  useSuspenseQuery(profileQueries.resourceTypes(orgId));
/** A deployment set (immutable), for the review of a change. */
export const useProfileSet = (orgId: string, appId: string, setId: string) =>
  useQuery(setQueries.set(orgId, appId, setId));
/** The delta turning `sourceSetId` into `setId`. */
export const useProfileSetDiff = (
  orgId: string,
  appId: string,
  setId: string,
  sourceSetId: string,
) => useQuery(setQueries.diff(orgId, appId, setId, sourceSetId));
