import { useMutation, useQueryClient } from '@tanstack/react-query';
import { byPrefix } from '@/api/queries/keys';
import {
  addAppUser,
  addEnvTypeUser,
  createScopedToken,
  createServiceUser,
  deleteExpiredTokens,
  removeAppUser,
  removeEnvTypeUser,
  revokeToken,
  updateAppRole,
  updateOrgRole,
  type ScopedTokenRequest,
} from '@/api/users';

/** Changes a member's organisation role. */
export function useUpdateOrgRole(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: string }) =>
      updateOrgRole(orgId, userId, role),
    onSuccess: () => client.invalidateQueries(byPrefix.org(orgId)),
  });
}

/** Creates a service user; `idempotencyKey` is one per user action, the same on every retry of it. */
export function useCreateServiceUser(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the form shows the error in place, with a Retry
    mutationFn: ({
      idempotencyKey,
      ...body
    }: {
      name: string;
      role: string;
      idempotencyKey: string;
    }) => createServiceUser(orgId, body, { idempotencyKey }),
    onSuccess: () => client.invalidateQueries(byPrefix.orgUsers(orgId)),
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
    mutationFn: ({ userId, body, idempotencyKey }: CreateTokenRequest) =>
      createScopedToken(orgId, userId, body, { idempotencyKey }),
    onSuccess: () => client.invalidateQueries(byPrefix.orgTokens(orgId)),
  });
}

/** Revokes a token. */
export function useRevokeToken(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, tokenId }: { userId: string; tokenId: string }) =>
      revokeToken(userId, tokenId),
    onSuccess: () => client.invalidateQueries(byPrefix.orgTokens(orgId)),
  });
}

/** Deletes every expired token. */
export function useDeleteExpiredTokens(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => deleteExpiredTokens(orgId),
    onSuccess: () => client.invalidateQueries(byPrefix.orgTokens(orgId)),
  });
}

/** Adds, changes and removes members of an app (a role change can change anyone's permissions: the organisation is refreshed). */
export function useAppMemberChanges(orgId: string, appId: string) {
  const client = useQueryClient();
  const invalidate = () => client.invalidateQueries(byPrefix.org(orgId));
  const add = useMutation({
    mutationFn: (v: { userId: string; role: string }) =>
      addAppUser(orgId, appId, v.userId, v.role),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: (v: { userId: string; role: string }) =>
      updateAppRole(orgId, appId, v.userId, v.role),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => removeAppUser(orgId, appId, userId),
    onSuccess: invalidate,
  });
  return { add, update, remove };
}

/** Adds and removes deployers of environment types. */
export function useEnvTypeDeployerChanges(orgId: string) {
  const client = useQueryClient();
  const invalidate = () => client.invalidateQueries(byPrefix.org(orgId));
  const add = useMutation({
    mutationFn: (v: { envType: string; userId: string }) =>
      addEnvTypeUser(orgId, v.envType, v.userId),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: (v: { envType: string; userId: string }) =>
      removeEnvTypeUser(orgId, v.envType, v.userId),
    onSuccess: invalidate,
  });
  return { add, remove };
}
