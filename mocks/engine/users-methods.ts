/**
 * The engine methods of users, role assignments and tokens (the
 * {@link AccessEngine} part of `Engine`), bound to the engine's read / write
 * runners so that engine.ts stays a table of one-liners.
 */
import type { Actor, AccessEngine } from './engine-api';
import type { OpContext } from './lookup';
import * as tokens from './tokens';
import * as users from './users';

/** How the engine runs an operation: reads on the state, writes on a draft committed on success. */
export interface Runners {
  read<T>(actor: Actor, op: (ctx: OpContext) => T): T;
  write<T>(actor: Actor, op: (ctx: OpContext) => T): T;
}

/** The access-control methods of the engine. */
export function userMethods({ read, write }: Runners): AccessEngine {
  return {
    currentUser: (actor) => read(actor, (ctx) => users.currentUser(ctx)),
    listOrgUsers: (actor, orgId, type) => read(actor, (ctx) => users.listOrgUsers(ctx, orgId, type)),
    getOrgUser: (actor, orgId, userId) => read(actor, (ctx) => users.getOrgUser(ctx, orgId, userId)),
    createServiceUser: (actor, orgId, input) => write(actor, (ctx) => users.createServiceUser(ctx, orgId, input)),
    updateOrgRole: (actor, orgId, userId, role) => write(actor, (ctx) => users.updateOrgRole(ctx, orgId, userId, role)),
    removeOrgUser: (actor, orgId, userId) => write(actor, (ctx) => users.removeOrgUser(ctx, orgId, userId)),
    listAppUsers: (actor, orgId, appId, type) => read(actor, (ctx) => users.listAppUsers(ctx, orgId, appId, type)),
    getAppUser: (actor, orgId, appId, userId) => read(actor, (ctx) => users.getAppUser(ctx, orgId, appId, userId)),
    addAppUser: (actor, orgId, appId, input) => write(actor, (ctx) => users.addAppUser(ctx, orgId, appId, input)),
    updateAppRole: (actor, orgId, appId, userId, role) =>
      write(actor, (ctx) => users.addAppUser(ctx, orgId, appId, { id: userId, role }, true)),
    removeAppUser: (actor, orgId, appId, userId) => write(actor, (ctx) => users.removeAppUser(ctx, orgId, appId, userId)),
    listEnvTypeUsers: (actor, orgId, envType, type) =>
      read(actor, (ctx) => users.listEnvTypeUsers(ctx, orgId, envType, type)),
    getEnvTypeUser: (actor, orgId, envType, userId) =>
      read(actor, (ctx) => users.getEnvTypeUser(ctx, orgId, envType, userId)),
    addEnvTypeUser: (actor, orgId, envType, input) =>
      write(actor, (ctx) => users.addEnvTypeUser(ctx, orgId, envType, input)),
    updateEnvTypeRole: (actor, orgId, envType, userId, role) =>
      write(actor, (ctx) => users.addEnvTypeUser(ctx, orgId, envType, { id: userId, role }, true)),
    removeEnvTypeUser: (actor, orgId, envType, userId) =>
      write(actor, (ctx) => users.removeEnvTypeUser(ctx, orgId, envType, userId)),
    getPermissions: (actor, orgId, userId) => read(actor, (ctx) => users.getPermissions(ctx, orgId, userId)),
    listTokens: (actor, userId) => read(actor, (ctx) => tokens.listTokens(ctx, userId)),
    getToken: (actor, userId, tokenId) => read(actor, (ctx) => tokens.getToken(ctx, userId, tokenId)),
    createToken: (actor, userId, input) => write(actor, (ctx) => tokens.createToken(ctx, userId, input)),
    revokeToken: (actor, userId, tokenId) => write(actor, (ctx) => tokens.revokeToken(ctx, userId, tokenId)),
    listOrgTokens: (actor, orgId) => read(actor, (ctx) => tokens.listOrgTokens(ctx, orgId)),
    deleteExpiredTokens: (actor, orgId) => write(actor, (ctx) => tokens.deleteExpiredTokens(ctx, orgId)),
  };
}
