import { useQuery } from '@tanstack/react-query';
import { appQueries } from '@/api/queries/apps';
import { envTypeQueries } from '@/api/queries/env-types';
import { orgQueries } from '@/api/queries/orgs';
import { tokenQueries } from '@/api/queries/tokens';
import { userQueries } from '@/api/queries/users';

/** Queries of the access settings (options, keys and refetch policies live in `src/api/queries`). */
export const useOrgs = () => useQuery(orgQueries.list());
export const useOrgUsers = (orgId: string) => useQuery(userQueries.list(orgId));
/** The organisation's tokens; only fetched for someone allowed to see them. */
export const useOrgTokens = (orgId: string, enabled: boolean) =>
  useQuery({ ...tokenQueries.list(orgId), enabled });
/** The members of an app (none asked for until an app is picked). */
export const useAppUsers = (orgId: string, appId: string) =>
  useQuery({ ...userQueries.app(orgId, appId), enabled: appId !== '' });

/** The apps of the organisation (for picking one). */
export const useApps = (orgId: string) => useQuery(appQueries.list(orgId));

/** The organisation's environment types (for picking some). */
export const useEnvTypes = (orgId: string) =>
  useQuery(envTypeQueries.list(orgId));

/** The deployers of each of `typeIds`, once the types are known. */
export const useEnvTypeUsers = (
  orgId: string,
  typeIds: string[],
  enabled: boolean,
) => useQuery({ ...envTypeQueries.deployers(orgId, typeIds), enabled });
