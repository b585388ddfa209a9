import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createEnvironment } from '@/api/environments';
import { byPrefix } from '@/api/queries/keys';

/**
 * Creates an environment of an app, from one of its deployments or empty (the app page's "New environment",
 * the clone target's "New environment…"). Forms show a refusal in place.
 */
export function useCreateEnvironment(orgId: string, appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (input: {
      id: string;
      name: string;
      type: string;
      fromDeployId?: string;
    }) => createEnvironment(orgId, appId, input),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries(byPrefix.envs(orgId, appId)),
        queryClient.invalidateQueries(byPrefix.app(orgId, appId)),
        // The palette's index and the organisation's health list environments too.
        queryClient.invalidateQueries(byPrefix.orgConsole(orgId)),
      ]),
  });
}
