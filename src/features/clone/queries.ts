import {
  keepPreviousData,
  useQuery,
  useSuspenseQuery,
} from '@tanstack/react-query';
import type { CloneRequest } from '@/api/clone';
import { cloneQueries } from '@/api/queries/clone';
import { deploymentQueries } from '@/api/queries/deployments';
import { envQueries } from '@/api/queries/environments';
import { healthQueries } from '@/api/queries/health';
import { setQueries } from '@/api/queries/sets';

/** Hooks of the clone flow (options, keys and refetch policies live in `src/api/queries`, shared with other pages for the same data). */
export const useCloneEnvironments = (orgId: string, appId: string) =>
  useSuspenseQuery(envQueries.list(orgId, appId));
export const useCloneDeployments = (
  orgId: string,
  appId: string,
  envId: string | undefined,
) => useQuery(deploymentQueries.listOfChosen(orgId, appId, envId));
/**
 * The applied clone's deployment, polled while it runs. Until a first answer arrives, `status` (the clone's own)
 * decides: a failed first poll must not stop following a deployment that is still running.
 */
export const useCloneDeployment = (
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
  status?: string,
) => useQuery(deploymentQueries.detail(orgId, appId, envId, deployId, status));
/** A preview; while a new selection loads, the previous preview stays on screen. */
export const useClonePreview = (
  orgId: string,
  appId: string,
  envId: string | undefined,
  request: CloneRequest | undefined,
) =>
  useQuery({
    ...cloneQueries.preview(
      orgId,
      appId,
      envId ?? '',
      request ?? { sourceEnvId: '', mode: 'full', modules: [], shared: [] },
    ),
    enabled: !!envId && !!request,
    placeholderData: keepPreviousData,
  });
export const useCloneHistory = (orgId: string, appId: string, envId?: string) =>
  useQuery(cloneQueries.history(orgId, appId, envId));
/** The delta turning `sourceSetId` into `setId` (what changed in a target since a preview). */
export const useSetDelta = (
  orgId: string,
  appId: string,
  setId: string,
  sourceSetId: string,
) =>
  useQuery({
    ...setQueries.diff(orgId, appId, setId, sourceSetId),
    enabled: !!setId && setId !== sourceSetId,
  });
export const useCloneSet = (
  orgId: string,
  appId: string,
  setId: string | undefined,
) =>
  useQuery({ ...setQueries.set(orgId, appId, setId ?? ''), enabled: !!setId });
/** An environment's health (null from an API without the console's health extension): the source's, or the target's after a clone. */
export const useCloneEnvHealth = (
  orgId: string,
  appId: string,
  envId: string,
  enabled = true,
) =>
  useQuery({
    ...healthQueries.env(orgId, appId, envId),
    enabled: enabled && envId !== '',
  });
