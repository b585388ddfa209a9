import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createApp } from '@/api/apps';
import { byPrefix } from '@/api/queries/keys';

/** Creates an application; everything of the organisation is read again (lists, health, the palette's index, roles). */
export function useCreateApp(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // The dialog shows a refusal itself.
    meta: { silent: true },
    mutationFn: (input: { id: string; name: string }) =>
      createApp(orgId, input),
    // Not awaited: the console opens the new app at once, its own queries are new.
    onSuccess: () => {
      void queryClient.invalidateQueries(byPrefix.org(orgId));
    },
  });
}
