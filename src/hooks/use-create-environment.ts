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
    // Created (a refusal changed nothing): the app's lists are read again before the form moves on (the
    // clone's target list must have it); the palette's index and the organisation's health follow.
    onSuccess: () => {
      void queryClient.invalidateQueries(byPrefix.orgConsole(orgId));
      return Promise.all([
        queryClient.invalidateQueries(byPrefix.envs(orgId, appId)),
        queryClient.invalidateQueries(byPrefix.app(orgId, appId)),
      ]);
    },
  });
}
