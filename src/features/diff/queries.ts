import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getDeployment, listDeployments } from '@/api/deployments';
import { listEnvironments } from '@/api/environments';
import { apiKeys } from '@/api/keys';
import { setQueries } from '@/api/set-queries';

const deploys = (orgId: string, appId: string, envId: string) =>
  [...apiKeys.env(orgId, appId, envId), 'deploys'] as const;

/** Queries of the comparison page; keys mirror the API paths (the same keys as other pages use for the same data). */
export const diffQueries = {
  environments: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: [...apiKeys.envs(orgId, appId), 'list'],
      queryFn: () => listEnvironments(orgId, appId),
    }),
  deployments: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: [...deploys(orgId, appId, envId), 'list'],
      queryFn: () => listDeployments(orgId, appId, envId),
    }),
  deployment: (orgId: string, appId: string, envId: string, deployId: string) =>
    queryOptions({
      queryKey: [...deploys(orgId, appId, envId), deployId],
      queryFn: () => getDeployment(orgId, appId, envId, deployId),
    }),
  set: setQueries.set,
  /** The delta turning `sourceSetId` into `setId` (the engine's set diff). */
  delta: setQueries.diff,
};

export const useDiffEnvironments = (orgId: string, appId: string) =>
  useSuspenseQuery(diffQueries.environments(orgId, appId));
export const useDiffDeployments = (orgId: string, appId: string, envId: string | undefined) =>
  useQuery({ ...diffQueries.deployments(orgId, appId, envId ?? ''), enabled: !!envId });
export const useDiffDeployment = (orgId: string, appId: string, envId: string, deployId: string) =>
  useSuspenseQuery(diffQueries.deployment(orgId, appId, envId, deployId));
export const useDiffDelta = (orgId: string, appId: string, setId: string, sourceSetId: string) =>
  useSuspenseQuery(diffQueries.delta(orgId, appId, setId, sourceSetId));
export const useDiffSet = (orgId: string, appId: string, setId: string) =>
  useQuery(diffQueries.set(orgId, appId, setId));
