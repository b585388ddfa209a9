import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  deleteActiveResource,
  pinActiveResource,
} from '@/api/active-resources';
import { createDelta } from '@/api/deltas';
import { createDeployment } from '@/api/deployments';
import {
  causeGitopsDrift,
  resyncGitops,
  setGitopsSecretFault,
  type GitopsDriftEdit,
} from '@/api/gitops';
import { gitopsQueries } from '@/api/queries/gitops';
import { byPrefix } from '@/api/queries/keys';
import { setEnvironmentPaused, setWorkloadReplicas } from '@/api/runtime';
import type { UpdateAction } from '@/api/types';

/** One deploy request of the change form (kept with the draft, so Retry resends exactly it). */
export interface DeployChange {
  workloadId: string;
  updates: UpdateAction[];
  comment: string;
  /** One key per user action, the same on every retry of it: neither the delta nor the deployment is created twice. */
  idempotencyKey: string;
  /** The environment's last deployment the edit was based on: a deploy on a stale view is refused (409). */
  basedOnDeployId?: string;
}

/** Saves a workload change as a delta and deploys it to the environment. */
export function useDeployChange(orgId: string, appId: string, envId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the form shows the error in place
    mutationFn: async ({
      workloadId,
      updates,
      comment,
      idempotencyKey,
      basedOnDeployId,
    }: DeployChange) => {
      const deltaId = await createDelta(
        orgId,
        appId,
        {
          metadata: { env_id: envId, name: comment || `Update ${workloadId}` },
          modules: { update: { [workloadId]: updates } },
        },
        { idempotencyKey: `${idempotencyKey}-delta` },
      );
      return createDeployment(
        orgId,
        appId,
        envId,
        { delta_id: deltaId, comment },
        { idempotencyKey: `${idempotencyKey}-deploy`, basedOnDeployId },
      );
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries(byPrefix.envs(orgId, appId)),
        queryClient.invalidateQueries(byPrefix.deltas(orgId, appId)),
      ]),
  });
}

/** Refreshes what a runtime change affects: the app's environments (runtime, summaries, health, logs) and the app's and organisation's health. */
function invalidateRuntime(
  queryClient: ReturnType<typeof useQueryClient>,
  orgId: string,
  appId: string,
) {
  return Promise.all([
    queryClient.invalidateQueries(byPrefix.envs(orgId, appId)),
    queryClient.invalidateQueries(byPrefix.appConsole(orgId, appId)),
    queryClient.invalidateQueries(byPrefix.orgConsole(orgId)),
  ]);
}

/** Pauses (every workload scaled to 0) or resumes the environment. */
export function usePauseEnvironment(
  orgId: string,
  appId: string,
  envId: string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the confirmation dialog shows the error in place
    mutationFn: (paused: boolean) =>
      setEnvironmentPaused(orgId, appId, envId, paused),
    onSettled: () => invalidateRuntime(queryClient, orgId, appId),
  });
}

/** Sets the replica count of one workload. */
export function useScaleWorkload(orgId: string, appId: string, envId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({
      workloadId,
      replicas,
    }: {
      workloadId: string;
      replicas: number;
    }) => setWorkloadReplicas(orgId, appId, envId, { [workloadId]: replicas }),
    onSettled: () => invalidateRuntime(queryClient, orgId, appId),
  });
}

/** Which active resource a change is about. */
export interface ActiveResourceRef {
  type: string;
  resId: string;
}

/**
 * Deleting an active resource and pinning one to a definition version (null
 * unpins). Each refreshes the environment's resources and the definitions'
 * "In use by" lists.
 */
export function useActiveResourceChanges(
  orgId: string,
  appId: string,
  envId: string,
) {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries(
        byPrefix.activeResources(orgId, appId, envId),
      ),
      queryClient.invalidateQueries(byPrefix.resourceDefs(orgId)),
    ]);
  return {
    remove: useMutation({
      meta: { silent: true }, // the confirmation dialog shows the error in place
      mutationFn: ({ type, resId }: ActiveResourceRef) =>
        deleteActiveResource(orgId, appId, envId, type, resId),
      onSuccess: invalidate,
    }),
    pin: useMutation({
      meta: { silent: true }, // the pin dialog shows the error in place
      mutationFn: ({
        type,
        resId,
        versionId,
      }: ActiveResourceRef & { versionId: string | null }) =>
        pinActiveResource(orgId, appId, envId, type, resId, {
          target_def_version_id: versionId,
        }),
      onSuccess: invalidate,
    }),
  };
}

/** An Operator or GitOps action on the environment: resync, or a demo action (cause drift, break or restore the in-cluster secrets). */
export type GitopsAction =
  | { kind: 'resync' }
  | { kind: 'drift'; field?: GitopsDriftEdit }
  | { kind: 'secret-fault'; broken: boolean };

/**
 * Runs a GitOps action; its answer (the new status) goes straight into the
 * cache, and what it changes (health, deployments, resources) is refetched.
 */
export function useGitopsAction(orgId: string, appId: string, envId: string) {
  const queryClient = useQueryClient();
  const path = { orgId, appId, envId };
  return useMutation({
    meta: { silent: true }, // the panel shows the error in place
    mutationFn: (action: GitopsAction) =>
      action.kind === 'resync'
        ? resyncGitops(path)
        : action.kind === 'drift'
          ? causeGitopsDrift(path, action.field ? { field: action.field } : {})
          : setGitopsSecretFault(path, action.broken),
    onSuccess: (status) =>
      queryClient.setQueryData(
        gitopsQueries.env(orgId, appId, envId).queryKey,
        status,
      ),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries(byPrefix.env(orgId, appId, envId)),
        queryClient.invalidateQueries(byPrefix.appConsole(orgId, appId)),
        queryClient.invalidateQueries(byPrefix.orgConsole(orgId)),
      ]),
  });
}
