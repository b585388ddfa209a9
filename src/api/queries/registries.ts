import { queryOptions } from '@tanstack/react-query';
import { getRegistryCreds, listRegistries } from '../org-settings';
import { keys } from './keys';

/** The organisation's container registries. Refetch policy: TanStack defaults, no polling. */
export const registryQueries = {
  list: (orgId: string) =>
    queryOptions({
      queryKey: keys.registryList(orgId),
      queryFn: () => listRegistries(orgId),
    }),
  /** A registry's credentials (the password masked): the console only says whether they are set. */
  creds: (orgId: string, regId: string) =>
    queryOptions({
      queryKey: keys.registryCreds(orgId, regId),
      queryFn: () => getRegistryCreds(orgId, regId),
    }),
};
