/**
 * Sealing: a value typed into a secret field of a workload spec (a field its
 * profile's spec_schema marks `x-console-widget: secret`) never stays in a
 * delta or a set. When a delta arrives (created, merged, replaced, applied to
 * a set, deployed), each such value (a non-empty string that is not already a
 * reference) is checked against the field's schema, moved into the app's
 * write-only store and replaced by `${secrets.<key>}`.
 *
 * The key is deterministic: `wl.<workload>.<field>.<digest>`, the digest an
 * HMAC-SHA-256 (keyed by the store's salt, drawn once per app from the id
 * source) of the workload, the field's pointer and the value. The same value
 * typed into the same field gives the same reference, so applying a delta to a
 * set and deploying it yield the same set, a replayed request the same answer,
 * and a changed secret a changed reference (a diff shows the change, not the
 * value). Keys start with `wl.`, so the fault rule `config-error` (names
 * starting with `missing`) never takes a stored secret for a missing one.
 *
 * Nothing here returns or reports a value: problems name the field and the
 * schema's message only.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import {
  isSecretReference,
  secretFields,
  secretFieldsAt,
  secretReference,
} from '../../../src/lib/json-schema/secrets';
import type { SchemaObject } from '../../../src/lib/json-schema/pointer';
import { cloneJson, isJsonObject, toHex } from '../core/canonical';
import { dottedPath, formatPointer, parsePointer } from '../core/json-pointer';
import type { OpContext } from '../core/lookup';
import { requireApp } from '../core/lookup';
import type { SecretStore } from '../core/model/secrets';
import type {
  DeploymentSet,
  Json,
  JsonObject,
  PlainDelta,
} from '../core/model/spec';
import type { AppRecord } from '../core/state';
import { isoAt } from '../core/state';
import {
  findProfile,
  refuseSpecProblems,
  specSchemaOf,
  type SpecProblem,
} from '../profiles';

/** The prefix of the keys of stored secrets. */
export const STORED_SECRET_PREFIX = 'wl';

/** The profiles a workload of a delta may have, by workload id (for its updates: where it is deployed). */
export type ProfilesOf = (workloadId: string) => readonly string[];

/** Profiles of the workloads in `sets` (the sets a delta is applied to). */
export function profilesInSets(sets: readonly DeploymentSet[]): ProfilesOf {
  return (workloadId) => {
    const refs = new Set<string>();
    for (const set of sets) {
      const module = Object.hasOwn(set.modules, workloadId)
        ? set.modules[workloadId]
        : undefined;
      if (module) refs.add(module.profile);
    }
    return [...refs];
  };
}

/** The sets an environment runs or last deployed (what a delta for it is applied to). */
function envSets(app: AppRecord, envId: string): DeploymentSet[] {
  const env = Object.hasOwn(app.envs, envId) ? app.envs[envId] : undefined;
  if (!env) return [];
  const sets: DeploymentSet[] = [];
  for (const deployId of new Set([env.fromDeployId, env.lastDeployId])) {
    if (deployId === undefined || !Object.hasOwn(app.deploys, deployId))
      continue;
    const setId = app.deploys[deployId].deployment.set_id;
    if (Object.hasOwn(app.sets, setId)) sets.push(app.sets[setId].set);
  }
  return sets;
}

/**
 * The profiles a workload updated by a stored delta may have: those it has in
 * the delta's environment, else those it has in any environment of the app.
 */
export function profilesInApp(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId?: string,
): ProfilesOf {
  const app = requireApp(ctx.state, orgId, appId);
  let all: ProfilesOf | undefined;
  const own =
    envId !== undefined ? profilesInSets(envSets(app, envId)) : undefined;
  return (workloadId) => {
    const found = own?.(workloadId) ?? [];
    if (found.length > 0) return found;
    all ??= profilesInSets(
      Object.keys(app.envs).flatMap((id) => envSets(app, id)),
    );
    return all(workloadId);
  };
}

const HAS_SECRET = /"x-console-widget"\s*:\s*"secret"/;

/** The spec_schema of a profile when it has a secret field (else undefined), per write. */
function secretSchema(
  ctx: OpContext,
  orgId: string,
  ref: string,
  cache: Map<string, JsonObject | undefined>,
): JsonObject | undefined {
  if (cache.has(ref)) return cache.get(ref);
  const profile = findProfile(ctx.state, orgId, ref);
  let schema: JsonObject | undefined;
  if (profile) {
    const derived = specSchemaOf(profile);
    if (HAS_SECRET.test(JSON.stringify(derived))) schema = derived;
  }
  cache.set(ref, schema);
  return schema;
}

/** Whether a value at a secret field is a secret value to store (not empty, not a reference). */
function isSealable(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !isSecretReference(value);
}

/** The key of a secret typed into `pointer` of workload `workloadId`'s spec. */
export function secretKey(
  salt: string,
  workloadId: string,
  pointer: string,
  value: string,
): string {
  const digest = toHex(
    hmac(
      sha256,
      utf8ToBytes(salt),
      utf8ToBytes(`${workloadId}\n${pointer}\n${value}`),
    ),
  ).slice(0, 24);
  const field = (parsePointer(pointer) ?? [])
    .map((token) => token.replace(/[^A-Za-z0-9_-]/g, '_'))
    .join('.')
    .slice(0, 80);
  return [STORED_SECRET_PREFIX, workloadId, field, digest]
    .filter(Boolean)
    .join('.');
}

interface Sealer {
  /** The reference for a value typed at `pointer` of the workload's spec; `undefined` when it does not fit the field (a problem is noted). */
  seal(
    workloadId: string,
    profile: string,
    pointer: string,
    field: SchemaObject,
    value: string,
  ): string | undefined;
  problems: SpecProblem[];
  sealed: number;
}

const dotted = dottedPath;

function createSealer(ctx: OpContext, orgId: string, appId: string): Sealer {
  let store: SecretStore | undefined;
  const problems: SpecProblem[] = [];
  const sealer: Sealer = {
    problems,
    sealed: 0,
    seal(workloadId, profile, pointer, field, value) {
      let issues: { message: string; keyword?: string }[] = [];
      try {
        issues = ctx.schemas?.validate(field as JsonObject, value) ?? [];
      } catch {
        // A field whose schema does not stand alone (a `$ref` into its profile): the profile's check is the client's.
      }
      if (issues.length > 0) {
        for (const issue of issues) {
          problems.push({
            workload_id: workloadId,
            profile,
            path: pointer,
            field: ['modules', workloadId, 'spec', dotted(pointer)]
              .filter(Boolean)
              .join('.'),
            message: issue.message,
            ...(issue.keyword ? { keyword: issue.keyword } : {}),
          });
        }
        return undefined;
      }
      if (!store) {
        const app = requireApp(ctx.state, orgId, appId);
        app.secrets ??= { salt: ctx.ids.next('secret'), values: {} };
        store = app.secrets;
      }
      const key = secretKey(store.salt, workloadId, pointer, value);
      if (!Object.hasOwn(store.values, key)) {
        store.values[key] = {
          value,
          workload_id: workloadId,
          path: pointer,
          created_at: isoAt(ctx.now),
          created_by: ctx.userId,
        };
      }
      sealer.sealed += 1;
      return secretReference(key);
    },
  };
  return sealer;
}

/** Replaces the value at `tokens` inside `root` (an object or list reached from it). */
function replaceAt(root: Json, tokens: readonly string[], value: string): void {
  let node: Json = root;
  for (const token of tokens.slice(0, -1)) {
    node = Array.isArray(node)
      ? node[Number(token)]
      : (node as JsonObject)[token];
  }
  const last = tokens[tokens.length - 1];
  if (Array.isArray(node)) node[Number(last)] = value;
  else if (isJsonObject(node)) node[last] = value;
}

function valueAtTokens(root: Json | undefined, tokens: readonly string[]) {
  let node: Json | undefined = root;
  for (const token of tokens) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isJsonObject(node) && Object.hasOwn(node, token))
      node = node[token];
    else return undefined;
  }
  return node;
}

/**
 * Seals a delta's content: every secret value in its workloads (the specs it
 * adds, the values its updates write under `/spec`) is checked against its
 * field, stored, and replaced by its reference. The profile of an added
 * workload is its own; an update's are those `profilesOf` names, until one of
 * its ops sets `/profile` (a move to another profile). Returns `delta` itself when nothing was secret,
 * else a sealed copy. Throws `invalid` (field-level `details.errors`, no
 * values) when a secret value does not fit its field.
 */
export function sealDelta<T extends Pick<PlainDelta, 'modules' | 'shared'>>(
  ctx: OpContext,
  orgId: string,
  appId: string,
  delta: T,
  profilesOf: ProfilesOf,
): T {
  const cache = new Map<string, JsonObject | undefined>();
  const sealer = createSealer(ctx, orgId, appId);
  let out: T | undefined;
  const copy = () => (out ??= cloneJson(delta));

  for (const [id, module] of Object.entries(delta.modules.add)) {
    const schema = secretSchema(ctx, orgId, module.profile, cache);
    if (!schema) continue;
    for (const [pointer, field] of secretFields(schema, module.spec)) {
      const tokens = parsePointer(pointer) ?? [];
      const value = valueAtTokens(module.spec, tokens);
      if (!isSealable(value)) continue;
      const reference = sealer.seal(id, module.profile, pointer, field, value);
      if (reference !== undefined)
        replaceAt(copy().modules.add[id].spec, tokens, reference);
    }
  }

  for (const [id, ops] of Object.entries(delta.modules.update)) {
    // The workload's profile where the delta applies, until an op of its own moves it to another.
    let refs = profilesOf(id);
    ops.forEach((op, index) => {
      if (op.path === '/profile') {
        if (typeof op.value === 'string') refs = [op.value];
        return;
      }
      const tokens = parsePointer(op.path);
      if (!tokens || tokens[0] !== 'spec' || op.value === undefined) return;
      const specPointer = formatPointer(tokens.slice(1));
      const seen = new Set<string>();
      for (const ref of refs) {
        const schema = secretSchema(ctx, orgId, ref, cache);
        if (!schema) continue;
        for (const [relative, field] of secretFieldsAt(
          schema,
          specPointer,
          op.value,
        )) {
          if (seen.has(relative)) continue;
          seen.add(relative);
          const inner = parsePointer(relative) ?? [];
          const value = valueAtTokens(op.value, inner);
          if (!isSealable(value)) continue;
          const reference = sealer.seal(
            id,
            ref,
            `${specPointer}${relative}`,
            field,
            value,
          );
          if (reference === undefined) continue;
          const target = copy().modules.update[id][index];
          if (inner.length === 0) target.value = reference;
          else replaceAt(target.value as Json, inner, reference);
        }
      }
    });
  }

  refuseSpecProblems(sealer.problems);
  return out ?? delta;
}

/** Whether the app's store holds the secret `key` (tests and diagnostics; never its value). */
export function hasStoredSecret(app: AppRecord, key: string): boolean {
  return app.secrets !== undefined && Object.hasOwn(app.secrets.values, key);
}
