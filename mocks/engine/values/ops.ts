/**
 * Shared values of an application (the spec's Value and ValueSetVersion
 * operations), on the draft state, without authorization.
 *
 * - The app's values apply to every environment; an environment's values
 *   override them by key. An environment's list is its effective set: the
 *   app's values with its overrides, each with `source` `app` or `env`.
 * - Every change makes a value-set version of its scope (the app, or the
 *   environment) holding the effective values after it and the `change` (JSON
 *   patches by key). A change of the app's values also makes a version of
 *   every environment that has a history of its own (and whose effective
 *   values it changed); an environment without one answers the app's versions
 *   (as the spec says) until its first override.
 * - A secret's content is write-only: it is kept in the values' vault under
 *   the value's `rev` and never leaves the engine except into a deployment's
 *   resolution (resolve.ts). Views give `value: ""`, the store, key and
 *   version.
 * - Restore sets the scope's values to a version's (keys it lacks are
 *   deleted; an environment restores its overrides) or one key, and makes a
 *   new version. Purge removes a key's content at a version from every
 *   version holding it (it cannot be restored or deployed after).
 */
import { canonicalJson, cloneJson } from '../core/canonical';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { nextSeq, requireApp, requireEnv } from '../core/lookup';
import type {
  AppValuesRecord,
  StoredValue,
  Value,
  ValueChange,
  ValueChangeOp,
  ValueSetRecord,
  ValueSetVersion,
  ValueSetVersionRecord,
  ValueSetVersionResultOf,
  ValueSource,
  VersionValue,
} from '../core/model/values';
import { sha256Text, toHex } from '../core/canonical';
import type { AppRecord } from '../core/state';
import { isoAt } from '../core/state';
import { invalid, show } from '../core/validate';
import { primarySecretStoreId, secretStoreExists } from '../secretstores';
import {
  assertValueKey,
  parseAction,
  parseCreateValue,
  parseEditValue,
  parsePatchValue,
  type ValueInput,
} from './parse';

/** The id of the engine's own secret store, where secret values are kept unless a `secret_ref` names another. */
export const ENGINE_SECRET_STORE_ID = 'humanitec';

/** The scope a call works on: the app's values, or one environment's. */
export interface ValueScope {
  orgId: string;
  appId: string;
  envId?: string;
}

const EMPTY_SET = (): ValueSetRecord => ({ values: {}, versions: [] });

/** The app's values record, created on first write. */
function valuesOf(app: AppRecord): AppValuesRecord {
  app.values ??= { app: EMPTY_SET(), envs: {}, vault: {} };
  return app.values;
}

/** The environment's overrides when they belong to the environment as it exists now. */
function envSetIn(
  app: AppRecord,
  envId: string,
  create: boolean,
): ValueSetRecord | undefined {
  const env = Object.hasOwn(app.envs, envId) ? app.envs[envId] : undefined;
  if (!env) return undefined;
  const values = create ? valuesOf(app) : app.values;
  if (!values) return undefined;
  const own = Object.hasOwn(values.envs, envId)
    ? values.envs[envId]
    : undefined;
  if (own && own.envSeq === env.seq) return own;
  if (!create) return undefined;
  // A deleted and re-created environment starts without overrides.
  const fresh: ValueSetRecord = { ...EMPTY_SET(), envSeq: env.seq };
  values.envs[envId] = fresh;
  return fresh;
}

function requireScope(ctx: OpContext, scope: ValueScope): AppRecord {
  if (scope.envId !== undefined)
    return requireEnv(ctx.state, scope.orgId, scope.appId, scope.envId).app;
  return requireApp(ctx.state, scope.orgId, scope.appId);
}

function describeScope(scope: ValueScope): string {
  return scope.envId !== undefined
    ? `environment \`${scope.envId}\` of app \`${scope.appId}\``
    : `app \`${scope.appId}\``;
}

/** The effective values of an environment: the app's, overridden by its own. */
export function effectiveValues(
  app: AppRecord,
  envId: string | undefined,
): Record<string, VersionValue> {
  const out: Record<string, VersionValue> = {};
  for (const [key, value] of Object.entries(app.values?.app.values ?? {}))
    out[key] = { ...value, source: 'app' };
  if (envId !== undefined) {
    const own = envSetIn(app, envId, false);
    for (const [key, value] of Object.entries(own?.values ?? {}))
      out[key] = { ...value, source: 'env' };
  }
  return out;
}

/** The spec's ValueResponse of a stored value: never a secret's content. */
export function valueView(value: StoredValue, source: ValueSource): Value {
  return {
    key: value.key,
    value: value.is_secret || value.purged ? '' : (value.value ?? ''),
    is_secret: value.is_secret,
    description: value.description,
    created_at: value.created_at,
    updated_at: value.updated_at,
    source,
    secret_key: value.secret?.key ?? null,
    secret_version: value.secret?.version ?? null,
    secret_store_id: value.secret?.store ?? null,
  };
}

function sortedViews(values: Record<string, VersionValue>): Value[] {
  return Object.keys(values)
    .sort()
    .map((key) => valueView(values[key], values[key].source));
}

/** A version as the API returns it. */
export function versionView(version: ValueSetVersionRecord): ValueSetVersion {
  const values: Record<string, Value> = {};
  for (const key of Object.keys(version.values).sort())
    values[key] = valueView(version.values[key], version.values[key].source);
  return {
    id: version.id,
    values,
    change: version.change.map((op): ValueChange => {
      const out: ValueChange = { op: op.op, path: op.path };
      if (op.value) out.value = valueView(op.value, op.value.source);
      return out;
    }),
    created_at: version.created_at,
    created_by: version.created_by,
    updated_at: version.updated_at,
    result_of: version.result_of,
    comment: version.comment,
    source_value_set_version_id: version.source_value_set_version_id,
  };
}

/** The JSON patches from one set of values to another, by key. */
function diffValues(
  before: Record<string, VersionValue>,
  after: Record<string, VersionValue>,
): ValueChangeOp[] {
  const ops: ValueChangeOp[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys.sort()) {
    const path = `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const had = Object.hasOwn(before, key) ? before[key] : undefined;
    const has = Object.hasOwn(after, key) ? after[key] : undefined;
    if (had && !has) ops.push({ op: 'remove', path });
    else if (!had && has) ops.push({ op: 'add', path, value: cloneJson(has) });
    else if (had && has && canonicalJson(had) !== canonicalJson(has))
      ops.push({ op: 'replace', path, value: cloneJson(has) });
  }
  return ops;
}

/** A UUID-shaped version id, derived from the state's creation counter (unique per state, no id drawn). */
function versionId(ctx: OpContext, scope: ValueScope): string {
  const seq = nextSeq(ctx.state);
  const hex = toHex(
    sha256Text(
      `value-set-version:${scope.orgId}:${scope.appId}:${scope.envId ?? ''}:${seq}`,
    ),
  );
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The versions an environment answers: its own, or the app's while it has none. */
function versionsOf(
  app: AppRecord,
  envId: string | undefined,
): ValueSetVersionRecord[] {
  const appVersions = app.values?.app.versions ?? [];
  if (envId === undefined) return appVersions;
  const own = envSetIn(app, envId, false)?.versions ?? [];
  return own.length > 0 ? own : appVersions;
}

/** The version whose values are the scope's current effective values (undefined before the first value). */
export function currentVersion(
  app: AppRecord,
  envId: string | undefined,
): ValueSetVersionRecord | undefined {
  const versions = versionsOf(app, envId);
  return versions[versions.length - 1];
}

/** Records a version of a scope after a change (and of the environments an app change reached). */
function recordVersion(
  ctx: OpContext,
  app: AppRecord,
  scope: ValueScope,
  before: Record<string, VersionValue>,
  meta: {
    result_of: ValueSetVersionResultOf;
    comment?: string;
    source?: string | null;
    /** Whether to record a version even when the values did not change (restore, purge). */
    always?: boolean;
  },
  envsBefore?: Map<string, Record<string, VersionValue>>,
): ValueSetVersionRecord | undefined {
  const at = isoAt(ctx.now);
  const make = (
    set: ValueSetRecord,
    envId: string | undefined,
    prior: Record<string, VersionValue>,
    always = meta.always,
  ): ValueSetVersionRecord | undefined => {
    const values = effectiveValues(app, envId);
    const change = diffValues(prior, values);
    if (change.length === 0 && !always) return undefined;
    const version: ValueSetVersionRecord = {
      id: versionId(ctx, { ...scope, envId }),
      created_at: at,
      created_by: ctx.userId,
      updated_at: at,
      comment: meta.comment ?? '',
      result_of: meta.result_of,
      source_value_set_version_id: meta.source ?? null,
      values: cloneJson(values),
      change,
    };
    set.versions.push(version);
    return version;
  };
  const values = valuesOf(app);
  if (scope.envId !== undefined) {
    const set = envSetIn(app, scope.envId, true)!;
    return make(set, scope.envId, before);
  }
  const made = make(values.app, undefined, before);
  // The environments with a history of their own follow the app's change where it reaches them.
  for (const [envId, prior] of envsBefore ?? []) {
    const set = envSetIn(app, envId, false);
    if (!set || set.versions.length === 0) continue;
    // Only where the change reached the environment's effective values.
    make(set, envId, prior, false);
  }
  return made;
}

/** The effective values of every environment with a history of its own, before an app change. */
function envsWithHistory(
  app: AppRecord,
): Map<string, Record<string, VersionValue>> {
  const out = new Map<string, Record<string, VersionValue>>();
  for (const envId of Object.keys(app.envs)) {
    const set = envSetIn(app, envId, false);
    if (set && set.versions.length > 0)
      out.set(envId, effectiveValues(app, envId));
  }
  return out;
}

function scopeSet(app: AppRecord, scope: ValueScope): ValueSetRecord {
  return scope.envId !== undefined
    ? envSetIn(app, scope.envId, true)!
    : valuesOf(app).app;
}

/** Where the engine's own store keeps a value's secret. */
function secretPath(scope: ValueScope, key: string): string {
  return `orgs/${scope.orgId}/apps/${scope.appId}${scope.envId !== undefined ? `/envs/${scope.envId}` : ''}/values/${key}`;
}

/** Whether the organisation has the secret store (its own, `humanitec`, or a registered one: secretstores/). */
export function knownSecretStore(
  ctx: OpContext,
  orgId: string,
  store: string,
): boolean {
  return (
    store === ENGINE_SECRET_STORE_ID ||
    secretStoreExists(ctx.state, orgId, store)
  );
}

function assertStore(ctx: OpContext, orgId: string, store: string): void {
  if (!knownSecretStore(ctx, orgId, store))
    invalid(
      `Secret store ${show(store)} does not exist in organisation \`${orgId}\`: leave \`secret_ref.store\` out to keep the secret in the organisation's primary store, or register the store first (Settings, Secret stores).`,
      { store },
    );
}

/** A secret of the app's own store whose key (`secret_key`) is `ref`. */
function ownSecretAt(app: AppRecord, ref: string): StoredValue | undefined {
  const values = app.values;
  if (!values) return undefined;
  const sets = [values.app, ...Object.values(values.envs)];
  for (const set of sets) {
    for (const value of Object.values(set.values)) {
      if (
        value.secret &&
        !value.secret.external &&
        value.secret.key === ref &&
        Object.hasOwn(values.vault, value.rev)
      )
        return value;
    }
  }
  return undefined;
}

/** The stored value a write makes of `input` (over `prev`, the value it replaces). */
function buildValue(
  ctx: OpContext,
  app: AppRecord,
  scope: ValueScope,
  key: string,
  prev: StoredValue | undefined,
  input: ValueInput,
  mode: 'create' | 'replace' | 'patch',
): StoredValue {
  const vault = valuesOf(app).vault;
  if (input.secret_ref && input.is_secret === false)
    invalid(
      '`secret_ref` is for secrets: set `is_secret` to true or leave it out.',
    );
  const secret =
    input.is_secret ??
    (input.secret_ref !== undefined ? true : (prev?.is_secret ?? false));
  if (prev?.is_secret && !secret)
    invalid(
      `\`${key}\` is a secret, and a secret cannot become a plain value (its content would be shown): delete it and create a plain value under the key.`,
      { key },
    );
  const now = isoAt(ctx.now);
  const out: StoredValue = {
    key,
    description:
      input.description ?? (mode === 'create' ? '' : (prev?.description ?? '')),
    is_secret: secret,
    rev: '',
    created_at: prev?.created_at ?? now,
    updated_at: now,
  };
  const newRev = () => String(nextSeq(ctx.state));
  if (!secret) {
    out.value = input.value ?? (mode === 'create' ? '' : (prev?.value ?? ''));
    out.rev =
      prev && out.value === prev.value && !prev.purged ? prev.rev : newRev();
    return out;
  }
  const content =
    input.value ??
    input.secret_ref?.value ??
    // A plain value marked secret keeps its value, now write-only.
    (prev && !prev.is_secret && !prev.purged ? prev.value : undefined);
  if (content !== undefined) {
    const store =
      input.secret_ref?.store ?? primarySecretStoreId(ctx.state, scope.orgId);
    assertStore(ctx, scope.orgId, store);
    out.rev = newRev();
    vault[out.rev] = content;
    out.secret = { store, key: secretPath(scope, key), version: out.rev };
    return out;
  }
  if (input.secret_ref?.ref !== undefined) {
    const store =
      input.secret_ref.store ?? primarySecretStoreId(ctx.state, scope.orgId);
    assertStore(ctx, scope.orgId, store);
    out.rev = newRev();
    if (store === ENGINE_SECRET_STORE_ID) {
      const found = ownSecretAt(app, input.secret_ref.ref);
      if (!found)
        invalid(
          `\`secret_ref.ref\` ${show(input.secret_ref.ref)} names no secret in the engine's own store of app \`${scope.appId}\`: give the secret itself as \`value\`, or the \`secret_key\` of one of the app's secret values.`,
          { key },
        );
      vault[out.rev] = vault[found.rev];
      out.secret = {
        store,
        key: input.secret_ref.ref,
        version: input.secret_ref.version ?? found.secret!.version,
      };
      return out;
    }
    out.secret = {
      store,
      key: input.secret_ref.ref,
      version: input.secret_ref.version ?? 'latest',
      external: true,
    };
    return out;
  }
  if (prev?.is_secret && prev.secret && !prev.purged) {
    // A description-only change keeps the secret as it is.
    out.rev = prev.rev;
    out.secret = prev.secret;
    return out;
  }
  invalid(
    `The secret \`${key}\` needs its content: send \`value\` (or \`secret_ref.value\`), or \`secret_ref.ref\` naming a secret in a store.`,
    { key },
  );
}

/** The values of a scope as listed: the app's, or an environment's effective set. */
export function listValues(ctx: OpContext, scope: ValueScope): Value[] {
  const app = requireScope(ctx, scope);
  return sortedViews(effectiveValues(app, scope.envId));
}

function requireOwnValue(
  set: ValueSetRecord,
  scope: ValueScope,
  key: string,
  app: AppRecord,
): StoredValue {
  if (Object.hasOwn(set.values, key)) return set.values[key];
  const inherited =
    scope.envId !== undefined &&
    Object.hasOwn(app.values?.app.values ?? {}, key);
  throw new EngineError(
    'not_found',
    inherited
      ? `Value \`${key}\` of ${describeScope(scope)} comes from the app: change it at the app level, or create an override in the environment (POST …/envs/${scope.envId}/values).`
      : `Value \`${key}\` does not exist in ${describeScope(scope)}.`,
    { kind: 'value', id: key },
  );
}

function resultOf(
  scope: ValueScope,
  what:
    | 'value_create'
    | 'value_update'
    | 'value_delete'
    | 'values_delete'
    | 'value_set_version_restore'
    | 'value_set_version_purge',
): ValueSetVersionResultOf {
  return `${scope.envId !== undefined ? 'env' : 'app'}_${what}`;
}

/** Runs a change of a scope's values and records its versions. */
function change<T>(
  ctx: OpContext,
  scope: ValueScope,
  meta: Omit<Parameters<typeof recordVersion>[4], 'result_of'> & {
    what: Parameters<typeof resultOf>[1];
  },
  op: (app: AppRecord, set: ValueSetRecord) => T,
): { result: T; version: ValueSetVersionRecord | undefined; app: AppRecord } {
  const app = requireScope(ctx, scope);
  const before = effectiveValues(app, scope.envId);
  const envsBefore =
    scope.envId === undefined ? envsWithHistory(app) : undefined;
  const set = scopeSet(app, scope);
  const result = op(app, set);
  const version = recordVersion(
    ctx,
    app,
    scope,
    before,
    { ...meta, result_of: resultOf(scope, meta.what) },
    envsBefore,
  );
  return { result, version, app };
}

/** Creates a value (409 when the scope has one with that key). */
export function createValue(
  ctx: OpContext,
  scope: ValueScope,
  raw: unknown,
): Value {
  const input = parseCreateValue(raw);
  const { result } = change(
    ctx,
    scope,
    { what: 'value_create' },
    (app, set) => {
      if (Object.hasOwn(set.values, input.key))
        throw new EngineError(
          'conflict',
          `Value \`${input.key}\` already exists in ${describeScope(scope)}: replace it (PUT …/values/${input.key}) or patch it.`,
          { key: input.key },
        );
      const value = buildValue(
        ctx,
        app,
        scope,
        input.key,
        undefined,
        input,
        'create',
      );
      set.values[input.key] = value;
      return value;
    },
  );
  return valueView(result, scope.envId !== undefined ? 'env' : 'app');
}

/** Replaces (PUT) or patches (PATCH) a value of the scope. */
export function updateValue(
  ctx: OpContext,
  scope: ValueScope,
  rawKey: string,
  raw: unknown,
  mode: 'replace' | 'patch',
): Value {
  const key = assertValueKey(rawKey, 'The key in the path');
  const input =
    mode === 'replace' ? parseEditValue(raw, key) : parsePatchValue(raw);
  const { result } = change(
    ctx,
    scope,
    { what: 'value_update' },
    (app, set) => {
      const prev = requireOwnValue(set, scope, key, app);
      const value = buildValue(ctx, app, scope, key, prev, input, mode);
      set.values[key] = value;
      dropUnusedContent(app, prev.rev);
      return value;
    },
  );
  return valueView(result, scope.envId !== undefined ? 'env' : 'app');
}

/** Deletes one value (404 when the scope has none with that key). */
export function deleteValue(
  ctx: OpContext,
  scope: ValueScope,
  rawKey: string,
): void {
  const key = assertValueKey(rawKey, 'The key in the path');
  change(ctx, scope, { what: 'value_delete' }, (app, set) => {
    const prev = requireOwnValue(set, scope, key, app);
    delete set.values[key];
    dropUnusedContent(app, prev.rev);
  });
}

/** Deletes every value of the scope (an environment: its overrides). */
export function deleteAllValues(ctx: OpContext, scope: ValueScope): void {
  const app = requireScope(ctx, scope);
  const has =
    scope.envId !== undefined
      ? Object.keys(envSetIn(app, scope.envId, false)?.values ?? {}).length > 0
      : Object.keys(app.values?.app.values ?? {}).length > 0;
  if (!has) return;
  change(ctx, scope, { what: 'values_delete' }, (appRecord, set) => {
    const revs = Object.values(set.values).map((value) => value.rev);
    set.values = {};
    for (const rev of revs) dropUnusedContent(appRecord, rev);
  });
}

/** Whether any value or version of the app still holds the content of `rev`. */
function contentInUse(values: AppValuesRecord, rev: string): boolean {
  for (const set of [values.app, ...Object.values(values.envs)]) {
    if (Object.values(set.values).some((value) => value.rev === rev))
      return true;
    if (
      set.versions.some((version) =>
        Object.values(version.values).some((value) => value.rev === rev),
      )
    )
      return true;
  }
  return false;
}

/** Forgets a secret's content that neither a value nor a version holds any more. */
function dropUnusedContent(app: AppRecord, rev: string): void {
  const values = app.values;
  if (!values || !Object.hasOwn(values.vault, rev)) return;
  if (!contentInUse(values, rev)) delete values.vault[rev];
}

/** The versions of a scope, newest first; `keyChanged` keeps those whose change touched that key. */
export function listVersions(
  ctx: OpContext,
  scope: ValueScope,
  keyChanged?: string,
): ValueSetVersion[] {
  const app = requireScope(ctx, scope);
  const path =
    keyChanged !== undefined && keyChanged !== ''
      ? `/${keyChanged.replace(/~/g, '~0').replace(/\//g, '~1')}`
      : undefined;
  return versionsOf(app, scope.envId)
    .filter(
      (version) =>
        path === undefined || version.change.some((op) => op.path === path),
    )
    .reverse()
    .map(versionView);
}

/** A version of the scope (an environment's, or the app's while it has none), or 404. */
function requireVersion(
  app: AppRecord,
  scope: ValueScope,
  id: string,
): ValueSetVersionRecord {
  const found = versionsOf(app, scope.envId).find(
    (version) => version.id === id,
  );
  if (found) return found;
  throw new EngineError(
    'not_found',
    `Value-set version \`${id}\` does not exist in ${describeScope(scope)}; list them with GET …/value-set-versions.`,
    { kind: 'value-set-version', id },
  );
}

/** One version of the scope. */
export function getVersion(
  ctx: OpContext,
  scope: ValueScope,
  id: string,
): ValueSetVersion {
  const app = requireScope(ctx, scope);
  return versionView(requireVersion(app, scope, id));
}

/** The stored value a version's value restores in the scope (an app-sourced value of an environment's version: none). */
function restored(value: VersionValue, scope: ValueScope, now: string) {
  if (scope.envId !== undefined && value.source !== 'env') return undefined;
  const { source: _source, ...stored } = cloneJson(value);
  return { ...stored, updated_at: now };
}

/**
 * Restores a version: the whole set (`key` undefined: keys the version lacks
 * are deleted; a purged value keeps the scope's current one) or one key (400
 * when it was purged, 404 when the version lacks it). Makes a new version.
 */
export function restoreVersion(
  ctx: OpContext,
  scope: ValueScope,
  id: string,
  rawKey: string | undefined,
  raw: unknown,
): ValueSetVersion {
  const comment = parseAction(raw);
  const app = requireScope(ctx, scope);
  const version = requireVersion(app, scope, id);
  const now = isoAt(ctx.now);
  let key: string | undefined;
  if (rawKey !== undefined) {
    key = assertValueKey(rawKey, 'The key in the path');
    if (!Object.hasOwn(version.values, key))
      throw new EngineError(
        'not_found',
        `Version \`${id}\` of ${describeScope(scope)} has no value \`${key}\`: restore another key, or pick a version that has it.`,
        { kind: 'value', id: key },
      );
    if (version.values[key].purged)
      invalid(
        `Value \`${key}\` of version \`${id}\` was purged: a purged value cannot be restored.`,
        { key },
      );
  }
  const { version: made } = change(
    ctx,
    scope,
    { what: 'value_set_version_restore', comment, source: id, always: true },
    (appRecord, set) => {
      const previous = set.values;
      if (key !== undefined) {
        const value = restored(version.values[key], scope, now);
        if (value) set.values[key] = value;
        else delete set.values[key];
      } else {
        const next: Record<string, StoredValue> = {};
        for (const [k, value] of Object.entries(version.values)) {
          if (value.purged) {
            if (Object.hasOwn(previous, k)) next[k] = previous[k];
            continue;
          }
          const stored = restored(value, scope, now);
          if (stored) next[k] = stored;
        }
        set.values = next;
      }
      for (const value of Object.values(previous))
        dropUnusedContent(appRecord, value.rev);
    },
  );
  return versionView(made!);
}

/**
 * Purges the content `key` had at version `id` from every version of the app
 * (and of its environments) that holds it: it cannot be restored or deployed
 * after. 404 when the version lacks the key; 400 when it comes from the app (an
 * environment's purge), or it is the scope's current value. Makes a version.
 */
export function purgeKey(
  ctx: OpContext,
  scope: ValueScope,
  id: string,
  rawKey: string,
  raw: unknown,
): void {
  const comment = parseAction(raw);
  const key = assertValueKey(rawKey, 'The key in the path');
  const app = requireScope(ctx, scope);
  const version = requireVersion(app, scope, id);
  if (!Object.hasOwn(version.values, key))
    throw new EngineError(
      'not_found',
      `Version \`${id}\` of ${describeScope(scope)} has no value \`${key}\` to purge.`,
      { kind: 'value', id: key },
    );
  const target = version.values[key];
  if (scope.envId !== undefined && target.source !== 'env')
    invalid(
      `Value \`${key}\` of version \`${id}\` comes from the app: purge it at the app level.`,
      { key },
    );
  if (target.purged) return;
  const current = scopeSet(app, scope).values;
  if (Object.hasOwn(current, key) && current[key].rev === target.rev)
    invalid(
      `Value \`${key}\` of version \`${id}\` is the current value of ${describeScope(scope)}: change or delete it first, then purge the old content.`,
      { key },
    );
  change(
    ctx,
    scope,
    { what: 'value_set_version_purge', comment, always: true },
    (appRecord) => {
      const values = valuesOf(appRecord);
      const purge = (value: VersionValue | StoredValue | undefined) => {
        if (!value || value.key !== key || value.rev !== target.rev) return;
        value.purged = true;
        delete value.value;
      };
      for (const set of [values.app, ...Object.values(values.envs)]) {
        for (const v of set.versions) {
          purge(Object.hasOwn(v.values, key) ? v.values[key] : undefined);
          for (const op of v.change) purge(op.value);
        }
      }
      delete values.vault[target.rev];
    },
  );
}
