/**
 * The engine methods of users and role assignments (the {@link UsersEngine}
 * part of `Engine`): each authorizes its caller (the only place this domain
 * does), then runs the operations of ops.ts.
 */
import type { Actor, OpContext, Runners } from '../core/context';
import { requireApp } from '../core/lookup';
import type { User } from '../core/model/spec';
import type { Permission } from '../core/model/access';
import { authorize, guards } from '../access';
import * as users from './ops';
import type { CurrentUser, UserRole } from './ops';

/** Users, role assignments and permissions. */
export interface UsersEngine {
  /** The calling user with its roles by object path (`/orgs/acme/apps/shop` → `developer`). */
  currentUser(actor: Actor): CurrentUser;
  /** Members of the organisation; `type` keeps only `user` or `service` users. */
  listOrgUsers(actor: Actor, orgId: string, type?: string): UserRole[];
  getOrgUser(actor: Actor, orgId: string, userId: string): UserRole;
  /** A new service user with an organisation role (administrators). */
  createServiceUser(
    actor: Actor,
    orgId: string,
    input: { name?: unknown; role?: unknown; email?: unknown },
  ): User;
  /** Changes an organisation role; the last administrator cannot be downgraded (409). */
  updateOrgRole(
    actor: Actor,
    orgId: string,
    userId: string,
    role: unknown,
  ): UserRole;
  /** Removes a member with all its roles in the organisation. */
  removeOrgUser(actor: Actor, orgId: string, userId: string): void;
  listAppUsers(
    actor: Actor,
    orgId: string,
    appId: string,
    type?: string,
  ): UserRole[];
  getAppUser(
    actor: Actor,
    orgId: string,
    appId: string,
    userId: string,
  ): UserRole;
  addAppUser(
    actor: Actor,
    orgId: string,
    appId: string,
    input: { id?: unknown; role?: unknown },
  ): UserRole;
  updateAppRole(
    actor: Actor,
    orgId: string,
    appId: string,
    userId: string,
    role: unknown,
  ): UserRole;
  removeAppUser(
    actor: Actor,
    orgId: string,
    appId: string,
    userId: string,
  ): void;
  listEnvTypeUsers(
    actor: Actor,
    orgId: string,
    envType: string,
    type?: string,
  ): UserRole[];
  getEnvTypeUser(
    actor: Actor,
    orgId: string,
    envType: string,
    userId: string,
  ): UserRole;
  addEnvTypeUser(
    actor: Actor,
    orgId: string,
    envType: string,
    input: { id?: unknown; role?: unknown },
  ): UserRole;
  updateEnvTypeRole(
    actor: Actor,
    orgId: string,
    envType: string,
    userId: string,
    role: unknown,
  ): UserRole;
  removeEnvTypeUser(
    actor: Actor,
    orgId: string,
    envType: string,
    userId: string,
  ): void;
  /** Effective permissions by object path (the spec's SubjectPermissions). */
  getPermissions(
    actor: Actor,
    orgId: string,
    userId: string,
  ): { objects: Record<string, { permissions: Permission[] }> };
}

/** Managing an app's members: its owners, managers and administrators, never through a scoped token. */
function authorizeAppMembers(
  ctx: OpContext,
  orgId: string,
  appId: string,
): void {
  requireApp(ctx.state, orgId, appId);
  authorize(ctx, {
    action: 'app.manage',
    orgId,
    appId,
    grants: true,
    doing: `Managing the members of app ${appId}`,
  });
}

/** The user and role methods over the engine's runners. */
export function userMethods(runners: Runners): UsersEngine {
  const { read, write, readApp, readOrg } = guards(runners);
  return {
    currentUser: (actor) => read(actor, (ctx) => users.currentUser(ctx)),
    listOrgUsers: (actor, orgId, type) =>
      readOrg(actor, orgId, (ctx) => users.listOrgUsers(ctx, orgId, type)),
    getOrgUser: (actor, orgId, userId) =>
      readOrg(actor, orgId, (ctx) => users.getOrgUser(ctx, orgId, userId)),
    createServiceUser: (actor, orgId, input) =>
      write(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.manage',
          orgId,
          doing: 'Creating service users',
        });
        return users.createServiceUser(ctx, orgId, input);
      }),
    updateOrgRole: (actor, orgId, userId, role) =>
      write(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.manage',
          orgId,
          doing: 'Changing organisation roles',
        });
        return users.updateOrgRole(ctx, orgId, userId, role);
      }),
    removeOrgUser: (actor, orgId, userId) =>
      write(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.manage',
          orgId,
          doing: 'Removing members',
        });
        users.removeOrgUser(ctx, orgId, userId);
      }),
    listAppUsers: (actor, orgId, appId, type) =>
      readApp(actor, orgId, appId, (ctx) =>
        users.listAppUsers(ctx, orgId, appId, type),
      ),
    getAppUser: (actor, orgId, appId, userId) =>
      readApp(actor, orgId, appId, (ctx) =>
        users.getAppUser(ctx, orgId, appId, userId),
      ),
    addAppUser: (actor, orgId, appId, input) =>
      write(actor, (ctx) => {
        authorizeAppMembers(ctx, orgId, appId);
        return users.addAppUser(ctx, orgId, appId, input);
      }),
    updateAppRole: (actor, orgId, appId, userId, role) =>
      write(actor, (ctx) => {
        authorizeAppMembers(ctx, orgId, appId);
        return users.addAppUser(ctx, orgId, appId, { id: userId, role }, true);
      }),
    removeAppUser: (actor, orgId, appId, userId) =>
      write(actor, (ctx) => {
        authorizeAppMembers(ctx, orgId, appId);
        users.removeAppUser(ctx, orgId, appId, userId);
      }),
    listEnvTypeUsers: (actor, orgId, envType, type) =>
      readOrg(actor, orgId, (ctx) =>
        users.listEnvTypeUsers(ctx, orgId, envType, type),
      ),
    getEnvTypeUser: (actor, orgId, envType, userId) =>
      readOrg(actor, orgId, (ctx) =>
        users.getEnvTypeUser(ctx, orgId, envType, userId),
      ),
    addEnvTypeUser: (actor, orgId, envType, input) =>
      write(actor, (ctx) => {
        authorize(ctx, { action: 'org.envTypes', orgId, envType });
        return users.addEnvTypeUser(ctx, orgId, envType, input);
      }),
    updateEnvTypeRole: (actor, orgId, envType, userId, role) =>
      write(actor, (ctx) => {
        authorize(ctx, { action: 'org.envTypes', orgId, envType });
        return users.addEnvTypeUser(
          ctx,
          orgId,
          envType,
          { id: userId, role },
          true,
        );
      }),
    removeEnvTypeUser: (actor, orgId, envType, userId) =>
      write(actor, (ctx) => {
        authorize(ctx, { action: 'org.envTypes', orgId, envType });
        users.removeEnvTypeUser(ctx, orgId, envType, userId);
      }),
    // Anyone may read their own permissions (through their token's scope); others' need `org.manage`.
    getPermissions: (actor, orgId, userId) =>
      read(actor, (ctx) => {
        if (userId === ctx.userId)
          authorize(ctx, { action: 'org.read', orgId });
        else
          authorize(ctx, {
            action: 'org.manage',
            orgId,
            doing: "Reading another user's permissions",
          });
        return users.getPermissions(ctx, orgId, userId);
      }),
  };
}
