/**
 * The clone methods of the engine (the {@link CloneEngine} part of `Engine`),
 * bound to the engine's read / write runners and authorised: previews and
 * history need read access to the app, applying needs `env.deploy` on the
 * target environment (its type decides).
 */
import { authorizeApp, authorizeEnv } from '../access';
import {
  applyClone,
  listClones,
  previewClone,
  type ClonePreview,
  type CloneRecord,
} from './ops';
import type { Actor, Runners } from '../core/context';

/** Clone between environments, with a preview (console extension). */
export interface CloneEngine {
  /** What cloning `input` (source env / deployment, full or partial selection) into `envId` would change. */
  previewClone(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    input: unknown,
  ): ClonePreview;
  /** Applies a clone previewed with `input.fingerprint`; 409 when the target changed since. */
  applyClone(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    input: unknown,
  ): CloneRecord;
  /** Clones into or out of `envId` (every clone of the app without it), newest first. */
  listClones(
    actor: Actor,
    orgId: string,
    appId: string,
    envId?: string,
  ): CloneRecord[];
}

/** The clone methods over the engine's runners. */
export function cloneMethods({ read, write }: Runners): CloneEngine {
  return {
    previewClone: (actor, orgId, appId, envId, input) =>
      read(actor, (ctx) => {
        authorizeApp(ctx, orgId, appId);
        return previewClone(ctx, orgId, appId, envId, input);
      }),
    applyClone: (actor, orgId, appId, envId, input) =>
      write(actor, (ctx) => {
        authorizeEnv(
          ctx,
          orgId,
          appId,
          envId,
          `Cloning into ${appId}/${envId}`,
        );
        return applyClone(ctx, orgId, appId, envId, input);
      }),
    listClones: (actor, orgId, appId, envId) =>
      read(actor, (ctx) => {
        authorizeApp(ctx, orgId, appId);
        return listClones(ctx, orgId, appId, envId);
      }),
  };
}
