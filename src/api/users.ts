import { api, unwrap } from './client';
import { writeHeaders, type WriteOptions } from './idempotency';
import type { components } from './schema';
import type { components as extensionComponents } from './schema-extensions';

/** A member of an organisation, app or environment type with its role. */
export type UserRole = components['schemas']['UserRoleResponse'];
/** Effective permissions by object path (`/orgs/acme/apps/shop` → `['app.edit', ...]`). */
export type SubjectPermissions = components['schemas']['SubjectPermissions'];
/** A token as the console's extension lists it (never the secret). */
export type ScopedTokenInfo = extensionComponents['schemas']['ScopedTokenInfo'];
/** What creating a scoped token sends. */
export type ScopedTokenRequest =
  extensionComponents['schemas']['ScopedTokenRequest'];

/** The signed-in user, with its roles by object path. */
export function getCurrentUser() {
  return unwrap(api.GET('/current-user'));
}

/** Effective permissions of a user in an organisation. */
export function getPermissions(orgId: string, userId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/users/{userId}/perms', {
      params: { path: { orgId, userId } },
    }),
  );
}

/** Members of an organisation (people and service users). */
export function listOrgUsers(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/users', { params: { path: { orgId } } }),
  );
}

/** Creates a service user with an organisation role; with `idempotencyKey` a retry answers the same user. */
export function createServiceUser(
  orgId: string,
  body: { name: string; role: string },
  options: WriteOptions = {},
) {
  return unwrap(
    api.POST('/orgs/{orgId}/users', {
      params: { path: { orgId } },
      body,
      headers: writeHeaders(options),
    }),
  );
}

/** Changes a member's organisation role. */
export function updateOrgRole(orgId: string, userId: string, role: string) {
  return unwrap(
    api.PATCH('/orgs/{orgId}/users/{userId}', {
      params: { path: { orgId, userId } },
      body: { role },
    }),
  );
}

/** Members of an app. */
export function listAppUsers(orgId: string, appId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/users', {
      params: { path: { orgId, appId } },
    }),
  );
}

/** Gives a member a role on an app. */
export function addAppUser(
  orgId: string,
  appId: string,
  id: string,
  role: string,
) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/users', {
      params: { path: { orgId, appId } },
      body: { id, role },
    }),
  );
}

/** Changes a member's role on an app. */
export function updateAppRole(
  orgId: string,
  appId: string,
  userId: string,
  role: string,
) {
  return unwrap(
    api.PATCH('/orgs/{orgId}/apps/{appId}/users/{userId}', {
      params: { path: { orgId, appId, userId } },
      body: { role },
    }),
  );
}

/** Removes a member's role on an app. */
export function removeAppUser(orgId: string, appId: string, userId: string) {
  return unwrap(
    api.DELETE('/orgs/{orgId}/apps/{appId}/users/{userId}', {
      params: { path: { orgId, appId, userId } },
    }),
  );
}

/** Who may deploy to an environment type. */
export function listEnvTypeUsers(orgId: string, envType: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/env-types/{envType}/users', {
      params: { path: { orgId, envType } },
    }),
  );
}

/** Gives a member the deployer role on an environment type. */
export function addEnvTypeUser(orgId: string, envType: string, id: string) {
  return unwrap(
    api.POST('/orgs/{orgId}/env-types/{envType}/users', {
      params: { path: { orgId, envType } },
      body: { id, role: 'deployer' },
    }),
  );
}

/** Removes a member's role on an environment type. */
export function removeEnvTypeUser(
  orgId: string,
  envType: string,
  userId: string,
) {
  return unwrap(
    api.DELETE('/orgs/{orgId}/env-types/{envType}/users/{userId}', {
      params: { path: { orgId, envType, userId } },
    }),
  );
}

/** Every token of the organisation's members (console extension). */
export function listOrgTokens(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/console/tokens', { params: { path: { orgId } } }),
  );
}

/**
 * Creates a scoped token; the answer carries the secret, the only time it is shown. With `idempotencyKey`
 * a retry answers the same token and secret (not a second token, nor a 409 for the taken id).
 */
export function createScopedToken(
  orgId: string,
  userId: string,
  body: ScopedTokenRequest,
  options: WriteOptions = {},
) {
  return unwrap(
    api.POST('/orgs/{orgId}/console/users/{userId}/tokens', {
      params: { path: { orgId, userId } },
      body,
      headers: writeHeaders(options),
    }),
  );
}

/** Revokes a token. */
export function revokeToken(userId: string, tokenId: string) {
  return unwrap(
    api.DELETE('/users/{userId}/tokens/{tokenId}', {
      params: { path: { userId, tokenId } },
    }),
  );
}

/** Deletes every expired token of the organisation. */
export function deleteExpiredTokens(orgId: string) {
  return unwrap(
    api.DELETE('/orgs/{orgId}/console/tokens/expired', {
      params: { path: { orgId } },
    }),
  );
}

/** The organisation's environment types. */
export function listEnvTypes(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/env-types', { params: { path: { orgId } } }),
  );
}
