import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createDelta } from '@/api/deltas';
import { createDeployment } from '@/api/deployments';
import {
  createProfile,
  deleteProfile,
  previewProfileImpact,
  updateProfile,
} from '@/api/profiles';
import { byPrefix } from '@/api/queries/keys';
import { applyDeltaToSet } from '@/api/sets';
import type {
  DeltaRequest,
  WorkloadProfileRequest,
  WorkloadProfileUpdate,
} from '@/api/types';

/** Creates a profile, or publishes a new version of an existing one. */
export function usePublishProfile(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the designer shows the error next to the button
    mutationFn: (input: {
      profileQid?: string;
      body: WorkloadProfileRequest | WorkloadProfileUpdate;
    }) =>
      input.profileQid
        ? updateProfile(
            orgId,
            input.profileQid,
            input.body as WorkloadProfileUpdate,
          )
        : createProfile(orgId, input.body as WorkloadProfileRequest),
    onSuccess: () => queryClient.invalidateQueries(byPrefix.profiles(orgId)),
  });
}

/** Checks what a candidate version would refuse before it is published (changes nothing). */
export function useProfileImpact(orgId: string) {
  return useMutation({
    meta: { silent: true }, // the publish panel shows the error in place
    mutationFn: (input: { profileQid: string; body: WorkloadProfileUpdate }) =>
      previewProfileImpact(orgId, input.profileQid, input.body),
  });
}

/** Deletes a profile of the organisation (workloads that use it keep their spec; their next deploy fails). */
export function useDeleteProfile(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the confirmation shows the refusal in place
    mutationFn: (profileQid: string) => deleteProfile(orgId, profileQid),
    onSuccess: (_data, profileQid) => {
      queryClient.removeQueries(byPrefix.profile(orgId, profileQid));
      return queryClient.invalidateQueries(byPrefix.profiles(orgId));
    },
  });
}

/** One save of the profile form. */
export interface WorkloadChange {
  /** The set the environment runs: the change is applied to it first, so the engine checks it against the profile. */
  setId: string;
  delta: DeltaRequest;
  /** One key per user action, the same on every retry of it: the change (delta) is not stored twice. */
  idempotencyKey: string;
}

/** One deploy of a saved change. */
export interface DeployDeltaRequest {
  deltaId: string;
  comment: string;
  /** One key per user action, the same on every retry of it: the change is not deployed twice. */
  idempotencyKey: string;
  /** The environment's last deployment the edit was based on: a deploy on a stale view is refused (409). */
  basedOnDeployId?: string;
}

/** Saves a workload change as a delta, after the engine accepted it on the current set. */
export function useSaveWorkloadChange(orgId: string, appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true }, // field-level errors are shown in the form
    mutationFn: async ({ setId, delta, idempotencyKey }: WorkloadChange) => {
      // Applying a delta to a set creates nothing new (sets are content-addressed): only the delta needs the key.
      const nextSetId = await applyDeltaToSet(orgId, appId, setId, delta);
      const deltaId = await createDelta(orgId, appId, delta, {
        idempotencyKey: `${idempotencyKey}-delta`,
      });
      return { deltaId, nextSetId };
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries(byPrefix.deltas(orgId, appId)),
        queryClient.invalidateQueries(byPrefix.sets(orgId, appId)),
      ]),
  });
}

/** Deploys a saved delta to the environment (once per key, and only onto the deployment the edit started from). */
export function useDeployDelta(orgId: string, appId: string, envId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({
      deltaId,
      comment,
      idempotencyKey,
      basedOnDeployId,
    }: DeployDeltaRequest) =>
      createDeployment(
        orgId,
        appId,
        envId,
        { delta_id: deltaId, comment },
        { idempotencyKey: `${idempotencyKey}-deploy`, basedOnDeployId },
      ),
    onSettled: () => queryClient.invalidateQueries(byPrefix.envs(orgId, appId)),
  });
}
