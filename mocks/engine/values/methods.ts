/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes). Anyone who
 * reads the app reads its values (secrets as "" only); changing them needs
 * `app.edit` (an app developer or owner, a manager, an administrator).
 */
import type { Actor, Runners } from '../core/context';
import type { Value, ValueSetVersion } from '../core/model/values';
import { guards } from '../access';
import * as values from './ops';

/** Shared values of an app (`envId` undefined) or of one of its environments, and their versions. */
export interface ValuesEngine {
  listValues(
    actor: Actor,
    orgId: string,
    appId: string,
    envId?: string,
  ): Value[];
  createValue(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string | undefined,
    body: unknown,
  ): Value;
  /** PUT (`replace`) or PATCH (`patch`) of one value. */
  updateValue(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string | undefined,
    key: string,
    body: unknown,
    mode: 'replace' | 'patch',
  ): Value;
  deleteValue(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string | undefined,
    key: string,
  ): void;
  deleteAllValues(
    actor: Actor,
    orgId: string,
    appId: string,
    envId?: string,
  ): void;
  listValueSetVersions(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string | undefined,
    keyChanged?: string,
  ): ValueSetVersion[];
  getValueSetVersion(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string | undefined,
    versionId: string,
  ): ValueSetVersion;
  /** Restores a version: the whole set (`key` undefined) or one key. */
  restoreValueSetVersion(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string | undefined,
    versionId: string,
    key: string | undefined,
    body: unknown,
  ): ValueSetVersion;
  purgeValueSetVersionKey(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string | undefined,
    versionId: string,
    key: string,
    body: unknown,
  ): void;
}

/** The values methods over the engine's runners. */
export function valueMethods(runners: Runners): ValuesEngine {
  const { readApp, editApp } = guards(runners);
  const scope = (orgId: string, appId: string, envId?: string) =>
    envId === undefined ? { orgId, appId } : { orgId, appId, envId };
  return {
    listValues: (actor, orgId, appId, envId) =>
      readApp(actor, orgId, appId, (ctx) =>
        values.listValues(ctx, scope(orgId, appId, envId)),
      ),
    createValue: (actor, orgId, appId, envId, body) =>
      editApp(actor, orgId, appId, (ctx) =>
        values.createValue(ctx, scope(orgId, appId, envId), body),
      ),
    updateValue: (actor, orgId, appId, envId, key, body, mode) =>
      editApp(actor, orgId, appId, (ctx) =>
        values.updateValue(ctx, scope(orgId, appId, envId), key, body, mode),
      ),
    deleteValue: (actor, orgId, appId, envId, key) =>
      editApp(actor, orgId, appId, (ctx) =>
        values.deleteValue(ctx, scope(orgId, appId, envId), key),
      ),
    deleteAllValues: (actor, orgId, appId, envId) =>
      editApp(actor, orgId, appId, (ctx) =>
        values.deleteAllValues(ctx, scope(orgId, appId, envId)),
      ),
    listValueSetVersions: (actor, orgId, appId, envId, keyChanged) =>
      readApp(actor, orgId, appId, (ctx) =>
        values.listVersions(ctx, scope(orgId, appId, envId), keyChanged),
      ),
    getValueSetVersion: (actor, orgId, appId, envId, versionId) =>
      readApp(actor, orgId, appId, (ctx) =>
        values.getVersion(ctx, scope(orgId, appId, envId), versionId),
      ),
    restoreValueSetVersion: (
      actor,
      orgId,
      appId,
      envId,
      versionId,
      key,
      body,
    ) =>
      editApp(actor, orgId, appId, (ctx) =>
        values.restoreVersion(
          ctx,
          scope(orgId, appId, envId),
          versionId,
          key,
          body,
        ),
      ),
    purgeValueSetVersionKey: (
      actor,
      orgId,
      appId,
      envId,
      versionId,
      key,
      body,
    ) =>
      editApp(actor, orgId, appId, (ctx) =>
        values.purgeKey(ctx, scope(orgId, appId, envId), versionId, key, body),
      ),
  };
}
