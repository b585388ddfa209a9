/**
 * Authorized runners: the engine's read / write runners wrapped in the checks
 * most methods share (a read of an organisation or an app, a change of an
 * app), and the checks of the engine-wide calls (an idempotent replay, the
 * demo reset). Domains' `methods.ts` build on these.
 */
import type { Actor, OpContext, Runners } from '../core/context';
import type { Permission } from '../core/model/access';
import { DEMO_ORG_ID } from '../core/constants';
import { authorize, authorizeApp, authorizeEnv } from './authorize';

/** Runners that authorize first. */
export interface Guards extends Runners {
  /** Reads within an application: 404 for an unknown app, 403 without `app.read`. */
  readApp<T>(
    actor: Actor,
    orgId: string,
    appId: string,
    op: (ctx: OpContext) => T,
  ): T;
  /** Reads within an organisation: 404 for an unknown one, 403 without a role in it. */
  readOrg<T>(actor: Actor, orgId: string, op: (ctx: OpContext) => T): T;
  /** Changes within an application that need `app.edit` (deltas, sets). */
  editApp<T>(
    actor: Actor,
    orgId: string,
    appId: string,
    op: (ctx: OpContext) => T,
  ): T;
}

/** The guarded runners over the engine's runners. */
export function guards({ read, write, append }: Runners): Guards {
  return {
    read,
    write,
    append,
    readApp: (actor, orgId, appId, op) =>
      read(actor, (ctx) => {
        authorizeApp(ctx, orgId, appId);
        return op(ctx);
      }),
    readOrg: (actor, orgId, op) =>
      read(actor, (ctx) => {
        authorize(ctx, { action: 'org.read', orgId });
        return op(ctx);
      }),
    editApp: (actor, orgId, appId, op) =>
      write(actor, (ctx) => {
        authorizeApp(ctx, orgId, appId, 'app.edit');
        return op(ctx);
      }),
  };
}

/** What an idempotent call needs, checked before a replay (see `Engine.idempotent`). */
export interface ReplayAccess {
  action: Permission;
  appId?: string;
  envId?: string;
  doing?: string;
}

/** Authorizes an idempotent call, replay or not: `action` on the organisation, on the app, or (`envId`) on the environment. */
export function authorizeReplay(
  ctx: OpContext,
  orgId: string,
  access: ReplayAccess,
): void {
  const { action, appId, envId, doing } = access;
  if (envId !== undefined && appId !== undefined)
    authorizeEnv(ctx, orgId, appId, envId, doing);
  else if (appId !== undefined) authorizeApp(ctx, orgId, appId, action);
  else authorize(ctx, { action, orgId, ...(doing ? { doing } : {}) });
}

/** Through the API only an administrator may restore the demo data (of the demo organisation, else of the caller's first). */
export function authorizeReset(ctx: OpContext): void {
  const orgId = Object.hasOwn(ctx.state.orgs, DEMO_ORG_ID)
    ? DEMO_ORG_ID
    : (Object.keys(ctx.state.orgs).find((id) =>
        Object.hasOwn(ctx.state.orgs[id].roles, ctx.userId),
      ) ?? DEMO_ORG_ID);
  authorize(ctx, { action: 'demo.reset', orgId });
}
