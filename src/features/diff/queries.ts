import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { deploymentQueries } from '@/api/queries/deployments';
import { envQueries } from '@/api/queries/environments';
import { setQueries } from '@/api/queries/sets';

/** Hooks of the comparison page (options, keys and refetch policies live in `src/api/queries`, shared with other pages). */
export const useDiffEnvironments = (orgId: string, appId: string) =>
  useSuspenseQuery(envQueries.list(orgId, appId));
export const useDiffDeployments = (
  orgId: string,
  appId: string,
  envId: string | undefined,
) => useQuery(deploymentQueries.listOfChosen(orgId, appId, envId));
export const useDiffDeployment = (
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
) => useSuspenseQuery(deploymentQueries.detail(orgId, appId, envId, deployId));
/** The delta turning `sourceSetId` into `setId` (the engine's set diff). */
export const useDiffDelta = (
  orgId: string,
  appId: string,
  setId: string,
  sourceSetId: string,
) => useSuspenseQuery(setQueries.diff(orgId, appId, setId, sourceSetId));
export const useDiffSet = (orgId: string, appId: string, setId: string) =>
  useQuery(setQueries.set(orgId, appId, setId));
