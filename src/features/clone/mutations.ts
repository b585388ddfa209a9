import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyClone, type CloneRequest } from '@/api/clone';
import { byPrefix } from '@/api/queries/keys';

/** One apply of a previewed clone. */
export interface ApplyCloneRequest extends CloneRequest {
  envId: string;
  fingerprint: string;
  comment: string;
  /** One key per user action, the same on every retry of it: a retried apply answers the first clone. */
  idempotencyKey: string;
}

/** Applies a previewed clone to the target; the page shows errors (and a 409's new preview) in place. */
export function useApplyClone(orgId: string, appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: ({ envId, idempotencyKey, ...request }: ApplyCloneRequest) =>
      applyClone(orgId, appId, envId, request, { idempotencyKey }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries(byPrefix.envs(orgId, appId)),
        queryClient.invalidateQueries(byPrefix.appConsole(orgId, appId)),
        queryClient.invalidateQueries(byPrefix.deltas(orgId, appId)),
      ]),
  });
}
