import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyClone, type CloneRequest } from '@/api/clone';
import { createEnvironment } from '@/api/environments';
import { apiKeys } from '@/api/keys';

/** Applies a previewed clone to the target; the page shows errors (and a 409's new preview) in place. */
export function useApplyClone(orgId: string, appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ envId, ...request }: CloneRequest & { envId: string; fingerprint: string; comment: string }) =>
      applyClone(orgId, appId, envId, request),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: apiKeys.envs(orgId, appId) }),
        queryClient.invalidateQueries({ queryKey: apiKeys.appConsole(orgId, appId) }),
        queryClient.invalidateQueries({ queryKey: apiKeys.deltas(orgId, appId) }),
      ]),
  });
}

/** Creates an environment from a deployment (the clone target "New environment…"). */
export function useCreateEnvironment(orgId: string, appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (input: { id: string; name: string; type: string; fromDeployId: string }) =>
      createEnvironment(orgId, appId, input),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: apiKeys.envs(orgId, appId) }),
        queryClient.invalidateQueries({ queryKey: apiKeys.app(orgId, appId) }),
      ]),
  });
}
