import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createDelta } from '@/api/deltas';
import { byPrefix } from '@/api/queries/keys';
import type { DeltaRequest, PlainDelta } from '@/api/types';

type ModuleDeltas = NonNullable<DeltaRequest['modules']>;

/** The request body of a delta holding the change of a diff. */
function deltaBody(
  delta: PlainDelta,
  envId: string,
  name: string,
): DeltaRequest {
  return {
    metadata: { env_id: envId, name },
    modules: {
      // A set's workloads (ModuleResponse) are valid workload requests (ModuleRequest).
      add: delta.modules.add as unknown as ModuleDeltas['add'],
      remove: delta.modules.remove,
      update: delta.modules.update,
    },
    shared: delta.shared,
  };
}

/** Saves the change between two deployments as a draft delta for an environment; resolves to the new delta id. */
export function useCreateDraftDelta(orgId: string, appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the dialog shows the error in place
    mutationFn: ({
      delta,
      envId,
      name,
    }: {
      delta: PlainDelta;
      envId: string;
      name: string;
    }) => createDelta(orgId, appId, deltaBody(delta, envId, name)),
    onSettled: () =>
      queryClient.invalidateQueries(byPrefix.deltas(orgId, appId)),
  });
}
