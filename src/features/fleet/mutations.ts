import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createProfileRollout, type ProfileRolloutRequest } from '@/api/fleet';
import { byPrefix } from '@/api/queries/keys';

/** Starts a profile rollout from `source`; refreshes the fleet and every target's profiles. */
export function useStartRollout(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the form shows the refusal next to its button
    mutationFn: ({
      source,
      body,
    }: {
      source: string;
      body: ProfileRolloutRequest;
    }) => createProfileRollout(source, body),
    onSuccess: (rollout) =>
      Promise.all([
        queryClient.invalidateQueries(byPrefix.fleet(orgId)),
        ...rollout.steps.map((s) =>
          queryClient.invalidateQueries(byPrefix.profiles(s.org_id)),
        ),
      ]),
  });
}
