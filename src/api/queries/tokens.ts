import { queryOptions } from '@tanstack/react-query';
import { listOrgTokens } from '../users';
import { keys } from './keys';

/** Refetch policy: always stale — a token's last use changes with every call of it, so the list is fetched again whenever shown. */
export const tokenQueries = {
  list: (orgId: string) =>
    queryOptions({
      queryKey: keys.orgTokenList(orgId),
      queryFn: () => listOrgTokens(orgId),
      staleTime: 0,
    }),
};
