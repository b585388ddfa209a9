/**
 * Users and role assignments: organisation members and service users, app
 * members, environment-type members, effective permissions. Each function
 * takes an {@link OpContext} (a draft state for changes); the callers (methods.ts) authorize.
 */
import type { AppRole, EnvTypeRole } from '../access';
import {
  APP_ROLES,
  ENV_TYPE_ROLES,
  ORG_ROLES,
  effectivePermissions,
  rolesByObject,
} from '../access';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { requireApp, requireOrg } from '../core/lookup';
import type { User } from '../core/model/spec';
import type { OrgRecord, OrgRole } from '../core/state';
import { isoAt } from '../core/state';
import { assertId, assertName, invalid, show } from '../core/validate';

/** A user with a role on some object (the spec's UserRoleResponse). */
export interface UserRole {
  id: string;
  name: string;
  email?: string;
  type: string;
  role: string;
  created_at: string;
}

/** The spec's UserProfileExtendedResponse: the user with its roles by object path. */
export interface CurrentUser extends User {
  properties: Record<string, unknown>;
  roles: Record<string, string>;
}

function requireUser(ctx: OpContext, userId: string): User {
  if (!Object.hasOwn(ctx.state.users, userId)) {
    throw new EngineError('not_found', `User \`${userId}\` does not exist.`, {
      kind: 'user',
      id: userId,
    });
  }
  return ctx.state.users[userId];
}

function requireMember(
  ctx: OpContext,
  org: OrgRecord,
  userId: string,
): OrgRole {
  requireUser(ctx, userId);
  if (!Object.hasOwn(org.roles, userId)) {
    throw new EngineError(
      'not_found',
      `User \`${userId}\` is not a member of organisation \`${org.org.id}\`.`,
      {
        kind: 'user',
        id: userId,
      },
    );
  }
  return org.roles[userId];
}

function assertRole<R extends string>(
  value: unknown,
  roles: readonly R[],
  level: string,
): R {
  if (typeof value !== 'string' || !roles.includes(value as R)) {
    invalid(
      `${show(value)} is not a role on ${level}; use one of ${roles.map((role) => `\`${role}\``).join(', ')}.`,
      {
        role: show(value),
      },
    );
  }
  return value as R;
}

function row(ctx: OpContext, userId: string, role: string): UserRole {
  const user = ctx.state.users[userId];
  return {
    id: user.id,
    name: user.name,
    ...(user.email ? { email: user.email } : {}),
    type: user.type,
    role,
    created_at: user.created_at,
  };
}

function rows(
  ctx: OpContext,
  roles: Record<string, string>,
  type?: string,
): UserRole[] {
  return Object.entries(roles)
    .filter(([userId]) => Object.hasOwn(ctx.state.users, userId))
    .map(([userId, role]) => row(ctx, userId, role))
    .filter((user) => type === undefined || user.type === type)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** The calling user with its roles. */
export function currentUser(ctx: OpContext): CurrentUser {
  const user = structuredClone(requireUser(ctx, ctx.userId));
  return {
    ...user,
    properties: {},
    roles: rolesByObject(ctx.state, ctx.userId),
  };
}

/** Members of the organisation (people and service users), by name. */
export function listOrgUsers(
  ctx: OpContext,
  orgId: string,
  type?: string,
): UserRole[] {
  return rows(ctx, requireOrg(ctx.state, orgId).roles, type);
}

/** One member of the organisation with its role. */
export function getOrgUser(
  ctx: OpContext,
  orgId: string,
  userId: string,
): UserRole {
  const org = requireOrg(ctx.state, orgId);
  return row(ctx, userId, requireMember(ctx, org, userId));
}

function slug(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base.length >= 2 ? base : `service-${base || 'user'}`;
}

/** Creates a service user with an organisation role (administrators only). */
export function createServiceUser(
  ctx: OpContext,
  orgId: string,
  input: { name?: unknown; role?: unknown; email?: unknown },
): User {
  const org = requireOrg(ctx.state, orgId);
  const name = assertName('A service user name', input.name);
  const role = assertRole(input.role, ORG_ROLES, `organisation ${orgId}`);
  if (input.email !== undefined && typeof input.email !== 'string')
    invalid(`email must be a string; got ${show(input.email)}.`);
  let id = slug(name);
  for (let n = 2; Object.hasOwn(ctx.state.users, id); n += 1)
    id = `${slug(name)}-${n}`;
  const user: User = {
    id,
    name,
    ...(typeof input.email === 'string' && input.email !== ''
      ? { email: input.email }
      : {}),
    type: 'service',
    created_at: isoAt(ctx.now),
  };
  ctx.state.users[id] = user;
  org.roles[id] = role;
  return structuredClone(user);
}

function administrators(org: OrgRecord): string[] {
  return Object.keys(org.roles).filter(
    (userId) => org.roles[userId] === 'administrator',
  );
}

function assertNotLastAdmin(
  org: OrgRecord,
  userId: string,
  change: string,
): void {
  if (
    org.roles[userId] === 'administrator' &&
    administrators(org).length === 1
  ) {
    throw new EngineError(
      'conflict',
      `\`${userId}\` is the only administrator of organisation \`${org.org.id}\`; make someone else administrator before you ${change}.`,
    );
  }
}

/** Changes a member's organisation role (administrators only; the last administrator stays). */
export function updateOrgRole(
  ctx: OpContext,
  orgId: string,
  userId: string,
  role: unknown,
): UserRole {
  const org = requireOrg(ctx.state, orgId);
  requireMember(ctx, org, userId);
  const next = assertRole(role, ORG_ROLES, `organisation ${orgId}`);
  if (next !== 'administrator')
    assertNotLastAdmin(org, userId, 'change their role');
  org.roles[userId] = next;
  return row(ctx, userId, next);
}

/** Removes a member from the organisation with all its app and environment-type roles. */
export function removeOrgUser(
  ctx: OpContext,
  orgId: string,
  userId: string,
): void {
  const org = requireOrg(ctx.state, orgId);
  requireMember(ctx, org, userId);
  assertNotLastAdmin(org, userId, 'remove them');
  delete org.roles[userId];
  for (const app of Object.values(org.apps))
    if (app.roles) delete app.roles[userId];
  for (const members of Object.values(org.envTypeRoles ?? {}))
    delete members[userId];
}

/** Members of an application. */
export function listAppUsers(
  ctx: OpContext,
  orgId: string,
  appId: string,
  type?: string,
): UserRole[] {
  return rows(ctx, requireApp(ctx.state, orgId, appId).roles ?? {}, type);
}

/** One member of an application, or 404. */
export function getAppUser(
  ctx: OpContext,
  orgId: string,
  appId: string,
  userId: string,
): UserRole {
  const roles = requireApp(ctx.state, orgId, appId).roles ?? {};
  if (!Object.hasOwn(roles, userId)) {
    throw new EngineError(
      'not_found',
      `User \`${userId}\` has no role on app \`${appId}\`.`,
      { kind: 'user', id: userId },
    );
  }
  return row(ctx, userId, roles[userId]);
}

/**
 * Gives a member of the organisation a role on an application (its owners,
 * managers and administrators). 409 if it already has one: change it instead.
 */
export function addAppUser(
  ctx: OpContext,
  orgId: string,
  appId: string,
  input: { id?: unknown; role?: unknown },
  replace = false,
): UserRole {
  const org = requireOrg(ctx.state, orgId);
  const app = requireApp(ctx.state, orgId, appId);
  const userId = assertId('User id', input.id, 2);
  requireMember(ctx, org, userId);
  const role: AppRole = assertRole(input.role, APP_ROLES, `app ${appId}`);
  app.roles ??= {};
  if (!replace && Object.hasOwn(app.roles, userId)) {
    throw new EngineError(
      'conflict',
      `\`${userId}\` already has the role ${app.roles[userId]} on app \`${appId}\`; change it instead.`,
    );
  }
  if (replace && !Object.hasOwn(app.roles, userId))
    getAppUser(ctx, orgId, appId, userId);
  app.roles[userId] = role;
  return row(ctx, userId, role);
}

/** Removes a member's role on an application. */
export function removeAppUser(
  ctx: OpContext,
  orgId: string,
  appId: string,
  userId: string,
): void {
  getAppUser(ctx, orgId, appId, userId);
  delete requireApp(ctx.state, orgId, appId).roles?.[userId];
}

function envTypeMembers(
  ctx: OpContext,
  orgId: string,
  envType: string,
): Record<string, EnvTypeRole> {
  const org = requireOrg(ctx.state, orgId);
  if (!org.envTypes.some((type) => type.id === envType)) {
    throw new EngineError(
      'not_found',
      `Environment type \`${envType}\` does not exist in organisation \`${orgId}\`.`,
      {
        kind: 'env_type',
        id: envType,
      },
    );
  }
  org.envTypeRoles ??= {};
  org.envTypeRoles[envType] ??= {};
  return org.envTypeRoles[envType];
}

/** Who may deploy to an environment type. */
export function listEnvTypeUsers(
  ctx: OpContext,
  orgId: string,
  envType: string,
  type?: string,
): UserRole[] {
  return rows(ctx, { ...envTypeMembers(ctx, orgId, envType) }, type);
}

/** One member of an environment type, or 404. */
export function getEnvTypeUser(
  ctx: OpContext,
  orgId: string,
  envType: string,
  userId: string,
): UserRole {
  const members = envTypeMembers(ctx, orgId, envType);
  if (!Object.hasOwn(members, userId)) {
    throw new EngineError(
      'not_found',
      `User \`${userId}\` has no role on environment type \`${envType}\`.`,
      { kind: 'user', id: userId },
    );
  }
  return row(ctx, userId, members[userId]);
}

/** Gives a member the deployer role on an environment type (managers and administrators). */
export function addEnvTypeUser(
  ctx: OpContext,
  orgId: string,
  envType: string,
  input: { id?: unknown; role?: unknown },
  replace = false,
): UserRole {
  const org = requireOrg(ctx.state, orgId);
  const members = envTypeMembers(ctx, orgId, envType);
  const userId = assertId('User id', input.id, 2);
  requireMember(ctx, org, userId);
  const role = assertRole(
    input.role,
    ENV_TYPE_ROLES,
    `environment type ${envType}`,
  );
  if (!replace && Object.hasOwn(members, userId)) {
    throw new EngineError(
      'conflict',
      `\`${userId}\` already has the role ${members[userId]} on environment type \`${envType}\`.`,
    );
  }
  if (replace) getEnvTypeUser(ctx, orgId, envType, userId);
  members[userId] = role;
  return row(ctx, userId, role);
}

/** Removes a member's role on an environment type. */
export function removeEnvTypeUser(
  ctx: OpContext,
  orgId: string,
  envType: string,
  userId: string,
): void {
  getEnvTypeUser(ctx, orgId, envType, userId);
  delete envTypeMembers(ctx, orgId, envType)[userId];
}

/**
 * Effective permissions of a user (the spec's SubjectPermissions). Anyone
 * may read their own (through their token's scope); others need `org.manage`.
 */
export function getPermissions(ctx: OpContext, orgId: string, userId: string) {
  if (userId === ctx.userId) {
    return {
      objects: effectivePermissions(
        ctx.state,
        orgId,
        userId,
        ctx.scope,
        ctx.appVisibility,
      ),
    };
  }
  requireMember(ctx, requireOrg(ctx.state, orgId), userId);
  return {
    objects: effectivePermissions(
      ctx.state,
      orgId,
      userId,
      undefined,
      ctx.appVisibility,
    ),
  };
}
