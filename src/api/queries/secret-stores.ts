import { queryOptions } from '@tanstack/react-query';
import { listSecretStores } from '../org-settings';
import { keys } from './keys';

/** The organisation's secret stores. Refetch policy: TanStack defaults, no polling. */
export const secretStoreQueries = {
  list: (orgId: string) =>
    queryOptions({
      queryKey: keys.secretStoreList(orgId),
      queryFn: () => listSecretStores(orgId),
    }),
};
