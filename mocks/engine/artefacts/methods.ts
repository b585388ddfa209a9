/**
 * The engine methods of artefacts and registries (the {@link ArtefactsEngine}
 * part of `Engine`). Every organisation member reads them; administrators,
 * managers and artefact contributors push, archive and delete artefact
 * versions (`org.artefacts`); administrators and managers manage registries
 * and read their credentials (`org.envTypes`: the organisation's deployment
 * configuration, as for secret stores).
 */
import type { Actor, Runners } from '../core/context';
import type { OpContext } from '../core/lookup';
import { appReadFilter, authorize, guards } from '../access';
import * as artefacts from './ops';
import type { Artefact, ArtefactVersion, VersionFilter } from './ops';
import * as registries from './registries';
import type { Registry, RegistryCreds } from './registries';
import { listRunningImages, type RunningImage } from './usage';

/** Artefacts, their versions and registries of an organisation. */
export interface ArtefactsEngine {
  /** Pushes a container image version (CI); `dryRun` only checks it (undefined). */
  pushArtefactVersion(
    actor: Actor,
    orgId: string,
    input: unknown,
    options?: { dryRun?: boolean },
  ): ArtefactVersion | undefined;
  listArtefactVersionsInOrg(
    actor: Actor,
    orgId: string,
    filter?: VersionFilter,
  ): ArtefactVersion[];
  getArtefactVersion(
    actor: Actor,
    orgId: string,
    versionId: string,
  ): ArtefactVersion;
  listArtefacts(
    actor: Actor,
    orgId: string,
    filter?: { type?: string; name?: string },
  ): Artefact[];
  deleteArtefact(actor: Actor, orgId: string, artefactId: string): void;
  listArtefactVersions(
    actor: Actor,
    orgId: string,
    artefactId: string,
    filter?: VersionFilter,
  ): ArtefactVersion[];
  /** Archives or restores a version (`{ archived }`). */
  patchArtefactVersion(
    actor: Actor,
    orgId: string,
    artefactId: string,
    versionId: string,
    input: unknown,
  ): ArtefactVersion;
  /** Every container running in the environments of the apps the caller reads, with its artefact version. */
  listRunningImages(actor: Actor, orgId: string): RunningImage[];
  listRegistries(actor: Actor, orgId: string): Registry[];
  getRegistry(actor: Actor, orgId: string, regId: string): Registry;
  createRegistry(actor: Actor, orgId: string, input: unknown): Registry;
  patchRegistry(
    actor: Actor,
    orgId: string,
    regId: string,
    input: unknown,
  ): Registry;
  deleteRegistry(actor: Actor, orgId: string, regId: string): void;
  /** The registry's credentials: user name and expiry; the password is never returned. */
  getRegistryCreds(actor: Actor, orgId: string, regId: string): RegistryCreds;
}

function mayPush(ctx: OpContext, orgId: string, doing: string): void {
  authorize(ctx, { action: 'org.artefacts', orgId, doing });
}

function mayManageRegistries(
  ctx: OpContext,
  orgId: string,
  doing: string,
): void {
  authorize(ctx, { action: 'org.envTypes', orgId, doing });
}

/** The artefact and registry methods over the engine's runners. */
export function artefactMethods(runners: Runners): ArtefactsEngine {
  const { read, write, readOrg } = guards(runners);
  return {
    pushArtefactVersion: (actor, orgId, input, options = {}) =>
      options.dryRun
        ? read(actor, (ctx) => {
            mayPush(ctx, orgId, 'Pushing artefact versions');
            return artefacts.pushArtefactVersion(ctx, orgId, input, true);
          })
        : write(actor, (ctx) => {
            mayPush(ctx, orgId, 'Pushing artefact versions');
            return artefacts.pushArtefactVersion(ctx, orgId, input);
          }),
    listArtefactVersionsInOrg: (actor, orgId, filter = {}) =>
      readOrg(actor, orgId, (ctx) =>
        artefacts.listVersionsInOrg(ctx.state, orgId, filter),
      ),
    getArtefactVersion: (actor, orgId, versionId) =>
      readOrg(actor, orgId, (ctx) =>
        artefacts.getVersion(ctx.state, orgId, versionId),
      ),
    listArtefacts: (actor, orgId, filter = {}) =>
      readOrg(actor, orgId, (ctx) =>
        artefacts.listArtefacts(ctx.state, orgId, filter),
      ),
    deleteArtefact: (actor, orgId, artefactId) =>
      write(actor, (ctx) => {
        mayPush(ctx, orgId, `Deleting artefact ${artefactId}`);
        artefacts.deleteArtefact(ctx, orgId, artefactId);
      }),
    listArtefactVersions: (actor, orgId, artefactId, filter = {}) =>
      readOrg(actor, orgId, (ctx) =>
        artefacts.listArtefactVersions(ctx.state, orgId, artefactId, filter),
      ),
    patchArtefactVersion: (actor, orgId, artefactId, versionId, input) =>
      write(actor, (ctx) => {
        mayPush(ctx, orgId, `Archiving versions of artefact ${artefactId}`);
        return artefacts.patchArtefactVersion(
          ctx,
          orgId,
          artefactId,
          versionId,
          input,
        );
      }),
    listRunningImages: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) =>
        listRunningImages(ctx, orgId, appReadFilter(ctx, orgId)),
      ),
    listRegistries: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) =>
        registries.listRegistries(ctx.state, orgId),
      ),
    getRegistry: (actor, orgId, regId) =>
      readOrg(actor, orgId, (ctx) =>
        registries.getRegistry(ctx.state, orgId, regId),
      ),
    createRegistry: (actor, orgId, input) =>
      write(actor, (ctx) => {
        mayManageRegistries(ctx, orgId, 'Registering container registries');
        return registries.createRegistry(ctx, orgId, input);
      }),
    patchRegistry: (actor, orgId, regId, input) =>
      write(actor, (ctx) => {
        mayManageRegistries(ctx, orgId, `Changing registry ${regId}`);
        return registries.patchRegistry(ctx, orgId, regId, input);
      }),
    deleteRegistry: (actor, orgId, regId) =>
      write(actor, (ctx) => {
        mayManageRegistries(ctx, orgId, `Deleting registry ${regId}`);
        registries.deleteRegistry(ctx, orgId, regId);
      }),
    getRegistryCreds: (actor, orgId, regId) =>
      read(actor, (ctx) => {
        mayManageRegistries(
          ctx,
          orgId,
          `Reading the credentials of registry ${regId}`,
        );
        return registries.getRegistryCreds(ctx.state, orgId, regId);
      }),
  };
}
