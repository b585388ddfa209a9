import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiKeys } from '@/api/keys';
import { listOrgs } from '@/api/orgs';
import { listApps } from '@/api/apps';
import {
  addAppUser,
  addEnvTypeUser,
  listAppUsers,
  listEnvTypes,
  listEnvTypeUsers,
  removeAppUser,
  removeEnvTypeUser,
  updateAppRole,
  createScopedToken,
  createServiceUser,
  deleteExpiredTokens,
  listOrgTokens,
  listOrgUsers,
  revokeToken,
  updateOrgRole,
  type ScopedTokenRequest,
} from '@/api/users';

/** Queries of the access settings. */
export const accessQueries = {
  orgs: () => queryOptions({ queryKey: [...apiKeys.orgs(), 'list'], queryFn: listOrgs, staleTime: 60_000 }),
  users: (orgId: string) => queryOptions({ queryKey: [...apiKeys.orgUsers(orgId), 'list'], queryFn: () => listOrgUsers(orgId) }),
  tokens: (orgId: string) =>
    // Last use changes with every call of a token: always fetched again when the list is shown.
    queryOptions({ queryKey: [...apiKeys.orgTokens(orgId), 'list'], queryFn: () => listOrgTokens(orgId), staleTime: 0 }),
};

export const useOrgs = () => useQuery(accessQueries.orgs());
export const useOrgUsers = (orgId: string) => useQuery(accessQueries.users(orgId));
/** The organisation's tokens; only fetched for someone allowed to see them. */
export const useOrgTokens = (orgId: string, enabled: boolean) => useQuery({ ...accessQueries.tokens(orgId), enabled });

/** Changes a member's organisation role. */
export function useUpdateOrgRole(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: string }) => updateOrgRole(orgId, userId, role),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeys.org(orgId) }),
  });
}

/** Creates a service user; `idempotencyKey` is one per user action, the same on every retry of it. */
export function useCreateServiceUser(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the form shows the error in place, with a Retry
    mutationFn: ({ idempotencyKey, ...body }: { name: string; role: string; idempotencyKey: string }) =>
      createServiceUser(orgId, body, { idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeys.orgUsers(orgId) }),
  });
}

/** One token creation: `idempotencyKey` is one per user action, the same on every retry of it. */
export interface CreateTokenRequest {
  userId: string;
  body: ScopedTokenRequest;
  idempotencyKey: string;
}

/** Creates a token; the result carries the secret, shown once (a retried creation answers the same token and secret). */
export function useCreateToken(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the form shows the error in place, with a Retry
    mutationFn: ({ userId, body, idempotencyKey }: CreateTokenRequest) => createScopedToken(orgId, userId, body, { idempotencyKey }),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeys.orgTokens(orgId) }),
  });
}

/** Revokes a token. */
export function useRevokeToken(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, tokenId }: { userId: string; tokenId: string }) => revokeToken(userId, tokenId),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeys.orgTokens(orgId) }),
  });
}

/** Deletes every expired token. */
export function useDeleteExpiredTokens(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => deleteExpiredTokens(orgId),
    onSuccess: () => client.invalidateQueries({ queryKey: apiKeys.orgTokens(orgId) }),
  });
}

/** Members of an app, and changes to them. */
export function useAppMembers(orgId: string, appId: string) {
  const client = useQueryClient();
  const members = useQuery({
    queryKey: [...apiKeys.appUsers(orgId, appId), 'list'],
    queryFn: () => listAppUsers(orgId, appId),
    enabled: appId !== '',
  });
  const invalidate = () => client.invalidateQueries({ queryKey: apiKeys.org(orgId) });
  const add = useMutation({ mutationFn: (v: { userId: string; role: string }) => addAppUser(orgId, appId, v.userId, v.role), onSuccess: invalidate });
  const update = useMutation({ mutationFn: (v: { userId: string; role: string }) => updateAppRole(orgId, appId, v.userId, v.role), onSuccess: invalidate });
  const remove = useMutation({ mutationFn: (userId: string) => removeAppUser(orgId, appId, userId), onSuccess: invalidate });
  return { members, add, update, remove };
}

/** The apps of the organisation (for picking one). */
export const useApps = (orgId: string) => useQuery({ queryKey: [...apiKeys.apps(orgId), 'list'], queryFn: () => listApps(orgId) });

/** The organisation's environment types (for picking some). */
export const useEnvTypes = (orgId: string) =>
  useQuery({ queryKey: [...apiKeys.org(orgId), 'env-types', 'list'], queryFn: () => listEnvTypes(orgId) });

/** Environment types with their deployers. */
export function useEnvTypeDeployers(orgId: string) {
  const client = useQueryClient();
  const types = useEnvTypes(orgId);
  const typeIds = types.data?.map((t) => t.id) ?? [];
  const deployers = useQuery({
    queryKey: [...apiKeys.org(orgId), 'env-types', 'users', typeIds],
    queryFn: async () =>
      Object.fromEntries(await Promise.all(typeIds.map(async (id) => [id, await listEnvTypeUsers(orgId, id)] as const))),
    enabled: types.isSuccess,
  });
  const invalidate = () => client.invalidateQueries({ queryKey: apiKeys.org(orgId) });
  const add = useMutation({ mutationFn: (v: { envType: string; userId: string }) => addEnvTypeUser(orgId, v.envType, v.userId), onSuccess: invalidate });
  const remove = useMutation({ mutationFn: (v: { envType: string; userId: string }) => removeEnvTypeUser(orgId, v.envType, v.userId), onSuccess: invalidate });
  return { types, deployers, add, remove };
}
