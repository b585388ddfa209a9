import { queryOptions } from '@tanstack/react-query';
import { listOrgs } from '../orgs';
import { keys } from './keys';

/**
 * Refetch policy: organisations hardly ever change while the console is open;
 * the list is fresh for a minute (the org switcher, the landing redirect and
 * the access settings share this one entry).
 */
export const ORGS_STALE_MS = 60_000;

export const orgQueries = {
  list: () =>
    queryOptions({
      queryKey: keys.orgList(),
      queryFn: listOrgs,
      staleTime: ORGS_STALE_MS,
    }),
};
