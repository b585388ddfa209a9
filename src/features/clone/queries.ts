import { keepPreviousData, queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { listClones, previewClone, type CloneRequest } from '@/api/clone';
import { getDeployment, listDeployments } from '@/api/deployments';
import { listEnvironments } from '@/api/environments';
import { apiKeys } from '@/api/keys';
import { setQueries } from '@/api/set-queries';
import { isDeploymentActive } from '@/lib/status';

const deploys = (orgId: string, appId: string, envId: string) => [...apiKeys.env(orgId, appId, envId), 'deploys'] as const;

/** Queries of the clone flow; keys mirror the API paths (shared with other pages for the same data). */
export const cloneQueries = {
  environments: (orgId: string, appId: string) =>
    queryOptions({ queryKey: [...apiKeys.envs(orgId, appId), 'list'], queryFn: () => listEnvironments(orgId, appId) }),
  deployments: (orgId: string, appId: string, envId: string) =>
    queryOptions({ queryKey: [...deploys(orgId, appId, envId), 'list'], queryFn: () => listDeployments(orgId, appId, envId) }),
  /** A deployment, polled while it runs (the progress of an applied clone). */
  deployment: (orgId: string, appId: string, envId: string, deployId: string) =>
    queryOptions({
      queryKey: [...deploys(orgId, appId, envId), deployId],
      queryFn: () => getDeployment(orgId, appId, envId, deployId),
      refetchInterval: (query) => (isDeploymentActive(query.state.data?.status) ? 1000 : false),
    }),
  preview: (orgId: string, appId: string, envId: string, request: CloneRequest) =>
    queryOptions({
      queryKey: [
        ...apiKeys.env(orgId, appId, envId),
        'console',
        'clone-preview',
        { ...request, modules: [...request.modules].sort(), shared: [...request.shared].sort() },
      ],
      queryFn: () => previewClone(orgId, appId, envId, request),
      // While a deployment runs in the target, follow it: applying is possible once it has finished.
      refetchInterval: (query) => (query.state.data?.target.deploying ? 2000 : false),
    }),
  history: (orgId: string, appId: string, envId?: string) =>
    queryOptions({
      queryKey: [...apiKeys.appConsole(orgId, appId), 'clones', envId ?? ''],
      queryFn: () => listClones(orgId, appId, envId),
    }),
  set: setQueries.set,
  /** The delta turning `sourceSetId` into `setId` (what changed in a target since a preview). */
  delta: setQueries.diff,
};

export const useCloneEnvironments = (orgId: string, appId: string) => useSuspenseQuery(cloneQueries.environments(orgId, appId));
export const useCloneDeployments = (orgId: string, appId: string, envId: string | undefined) =>
  useQuery({ ...cloneQueries.deployments(orgId, appId, envId ?? ''), enabled: !!envId });
/**
 * The applied clone's deployment, polled while it runs. Until a first answer arrives, `status` (the clone's own)
 * decides: a failed first poll must not stop following a deployment that is still running.
 */
export const useCloneDeployment = (orgId: string, appId: string, envId: string, deployId: string, status?: string) =>
  useQuery({
    ...cloneQueries.deployment(orgId, appId, envId, deployId),
    refetchInterval: (query) => (isDeploymentActive(query.state.data?.status ?? status) ? 1000 : false),
  });
/** A preview; while a new selection loads, the previous preview stays on screen. */
export const useClonePreview = (orgId: string, appId: string, envId: string | undefined, request: CloneRequest | undefined) =>
  useQuery({
    ...cloneQueries.preview(orgId, appId, envId ?? '', request ?? { sourceEnvId: '', mode: 'full', modules: [], shared: [] }),
    enabled: !!envId && !!request,
    placeholderData: keepPreviousData,
  });
export const useCloneHistory = (orgId: string, appId: string, envId?: string) => useQuery(cloneQueries.history(orgId, appId, envId));
export const useSetDelta = (orgId: string, appId: string, setId: string, sourceSetId: string) =>
  useQuery({ ...cloneQueries.delta(orgId, appId, setId, sourceSetId), enabled: !!setId && setId !== sourceSetId });
export const useCloneSet = (orgId: string, appId: string, setId: string | undefined) =>
  useQuery({ ...cloneQueries.set(orgId, appId, setId ?? ''), enabled: !!setId });
