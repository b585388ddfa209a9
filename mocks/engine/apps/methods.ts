/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import { requireApp, requireEnv, requireOrg } from '../core/lookup';
import type {
  Application,
  Environment,
  EnvironmentType,
  Organization,
} from '../core/model/spec';
import { bySeq } from '../core/state';
import { toApplication, toEnvironment } from '../core/views';
import {
  appReadFilter,
  authorize,
  authorizeApp,
  authorizeEnv,
  guards,
} from '../access';
import * as apps from './ops';

/** Organisations, their environment types, applications and environments. */
export interface AppsEngine {
  listOrgs(actor: Actor): Organization[];
  getOrg(actor: Actor, orgId: string): Organization;
  listApps(actor: Actor, orgId: string): Application[];
  getApp(actor: Actor, orgId: string, appId: string): Application;
  createApp(
    actor: Actor,
    orgId: string,
    input: { id: string; name: string },
  ): Application;
  deleteApp(actor: Actor, orgId: string, appId: string): void;
  listEnvTypes(actor: Actor, orgId: string): EnvironmentType[];
  listEnvs(actor: Actor, orgId: string, appId: string): Environment[];
  getEnv(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
  ): Environment;
  createEnv(
    actor: Actor,
    orgId: string,
    appId: string,
    input: { id: string; name: string; type?: string; from_deploy_id?: string },
  ): Environment;
  deleteEnv(actor: Actor, orgId: string, appId: string, envId: string): void;
  /** Renames an environment and (our extension) changes its type. */
  updateEnv(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    input: unknown,
  ): Environment;
  /** Sets the base of the next deployment (rollback, full clone). */
  rebaseEnv(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ): void;
}

/** The apps methods over the engine's runners. */
export function appMethods(runners: Runners): AppsEngine {
  const { read, write, readApp, readOrg } = guards(runners);
  return {
    listOrgs: (actor) =>
      read(actor, (ctx) =>
        bySeq(ctx.state.orgs)
          .filter((org) => Object.hasOwn(org.roles, ctx.userId))
          .map((org) => structuredClone(org.org)),
      ),
    getOrg: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) =>
        structuredClone(requireOrg(ctx.state, orgId).org),
      ),
    // Only the apps the caller may read: a member's (or artefact contributor's) those it has a role on, a
    // token limited to some apps only those (access/authorize.ts).
    listApps: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) => {
        const readable = appReadFilter(ctx, orgId);
        return bySeq(requireOrg(ctx.state, orgId).apps)
          .filter((app) => readable(app.app.id))
          .map(toApplication);
      }),
    getApp: (actor, orgId, appId) =>
      readApp(actor, orgId, appId, (ctx) =>
        toApplication(requireApp(ctx.state, orgId, appId)),
      ),
    createApp: (actor, orgId, input) =>
      write(actor, (ctx) => {
        authorize(ctx, { action: 'app.create', orgId });
        const app = apps.createApp(ctx, orgId, input);
        // The creator owns the new app (as in Humanitec).
        const record = requireApp(ctx.state, orgId, app.id);
        record.roles = { ...record.roles, [ctx.userId]: 'owner' };
        return app;
      }),
    deleteApp: (actor, orgId, appId) =>
      write(actor, (ctx) => {
        authorizeApp(ctx, orgId, appId, 'app.manage');
        apps.deleteApp(ctx, orgId, appId);
      }),
    listEnvTypes: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) =>
        structuredClone(requireOrg(ctx.state, orgId).envTypes),
      ),
    listEnvs: (actor, orgId, appId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const app = requireApp(ctx.state, orgId, appId);
        return bySeq(app.envs).map((env) => toEnvironment(app, env));
      }),
    getEnv: (actor, orgId, appId, envId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        return toEnvironment(app, env);
      }),
    createEnv: (actor, orgId, appId, input) =>
      write(actor, (ctx) => {
        requireApp(ctx.state, orgId, appId);
        const envType =
          typeof input?.type === 'string' ? input.type : apps.FIRST_ENV.type;
        authorize(ctx, {
          action: 'env.deploy',
          orgId,
          appId,
          envType,
          doing: `Creating an environment of type ${envType} in app ${appId}`,
        });
        return apps.createEnv(ctx, orgId, appId, input);
      }),
    deleteEnv: (actor, orgId, appId, envId) =>
      write(actor, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId, `Deleting ${appId}/${envId}`);
        apps.deleteEnv(ctx, orgId, appId, envId);
      }),
    // Who may create an environment of its type may change it: to change the type, also of the new one.
    updateEnv: (actor, orgId, appId, envId, input) =>
      write(actor, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId, `Changing ${appId}/${envId}`);
        const next =
          typeof input === 'object' && input !== null && !Array.isArray(input)
            ? (input as { type?: unknown }).type
            : undefined;
        // An unknown type is the operation's 400, not a missing role.
        if (
          typeof next === 'string' &&
          requireOrg(ctx.state, orgId).envTypes.some((t) => t.id === next)
        )
          authorize(ctx, {
            action: 'env.deploy',
            orgId,
            appId,
            envType: next,
            doing: `Changing ${appId}/${envId} to type ${next}`,
          });
        return apps.updateEnv(ctx, orgId, appId, envId, input);
      }),
    rebaseEnv: (actor, orgId, appId, envId, deployId) =>
      write(actor, (ctx) => {
        authorizeEnv(
          ctx,
          orgId,
          appId,
          envId,
          `Changing the base deployment of ${appId}/${envId}`,
        );
        apps.rebaseEnv(ctx, orgId, appId, envId, deployId);
      }),
  };
}
