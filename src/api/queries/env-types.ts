import { queryOptions } from '@tanstack/react-query';
import { listEnvTypes, listEnvTypeUsers } from '../users';
import { keys } from './keys';

/** The organisation's environment types and who may deploy to them. Refetch policy: TanStack defaults, no polling. */
export const envTypeQueries = {
  list: (orgId: string) =>
    queryOptions({
      queryKey: keys.envTypeList(orgId),
      queryFn: () => listEnvTypes(orgId),
    }),
  /** The deployers of each of `envTypes`, by type id. */
  deployers: (orgId: string, envTypes: string[]) =>
    queryOptions({
      queryKey: keys.envTypeUsers(orgId, envTypes),
      queryFn: async () =>
        Object.fromEntries(
          await Promise.all(
            envTypes.map(
              async (id) => [id, await listEnvTypeUsers(orgId, id)] as const,
            ),
          ),
        ),
    }),
};
