import { queryOptions } from '@tanstack/react-query';
import {
  getCurrentUser,
  getPermissions,
  listAppUsers,
  listOrgUsers,
} from '../users';
import { keys } from './keys';

/**
 * Refetch policy: the signed-in user never changes within a page load (fresh
 * for good); permissions are fresh for 30 s and refetched on focus (roles can
 * change elsewhere), and are not retried (an API without them answers 404 or
 * 403, and then the API decides); members use the TanStack defaults.
 */
export const PERMISSIONS_STALE_MS = 30_000;

export const userQueries = {
  /** The signed-in user (the user menu and every permission check share it). */
  current: () =>
    queryOptions({
      queryKey: keys.currentUser(),
      queryFn: getCurrentUser,
      staleTime: Infinity,
    }),
  /** A user's effective permissions in an organisation. */
  perms: (orgId: string, userId: string) =>
    queryOptions({
      queryKey: keys.perms(orgId, userId),
      queryFn: () => getPermissions(orgId, userId),
      staleTime: PERMISSIONS_STALE_MS,
      retry: false,
    }),
  /** The organisation's members. */
  list: (orgId: string) =>
    queryOptions({
      queryKey: keys.orgUserList(orgId),
      queryFn: () => listOrgUsers(orgId),
    }),
  /** The members of an app. */
  app: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: keys.appUserList(orgId, appId),
      queryFn: () => listAppUsers(orgId, appId),
    }),
};
