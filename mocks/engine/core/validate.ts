/**
 * Defensive input checks. Every function either returns a normalised copy of
 * its input or throws `EngineError('invalid')` with a message a person can
 * act on (what is wrong, where, and what is accepted).
 */
import { cloneJson, isJsonObject } from './canonical';
import { EngineError } from './errors';
import type {
  DeployCondition,
  Json,
  JsonObject,
  Module,
  PatchOp,
  ResourceRef,
} from './model/spec';

/** Ids of orgs, apps, environments and workloads (Humanitec's id pattern). */
/**
 * An id: lowercase letters and digits, single dashes between them. Written without nested quantifiers: the
 * spec's `^[a-z0-9](?:-?[a-z0-9]+)+$` backtracks exponentially on a near miss (40 letters and a `!` took
 * hours), so a request could freeze the engine.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Ids that name built-in properties of every JavaScript object: refused as
 * ids of anything (400), so that no keyed state can confuse them with its
 * own entries (issue 17: an app `constructor` broke the DORA report).
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'tostring',
  'valueof',
  'hasownproperty',
  'isprototypeof',
  'propertyisenumerable',
  'tolocalestring',
  '__definegetter__',
  '__definesetter__',
  '__lookupgetter__',
  '__lookupsetter__',
]);

/** Refuses an id that is one of {@link RESERVED_IDS} (compared in lower case). */
export function assertNotReserved(kind: string, value: string): string {
  if (RESERVED_IDS.has(value.toLowerCase())) {
    invalid(
      `${kind} \`${value}\` is reserved (it names a built-in property of JavaScript objects); choose another id.`,
      { value },
    );
  }
  return value;
}

/** Deepest nesting accepted in JSON values (guards the recursive algorithms). */
export const MAX_JSON_DEPTH = 64;

const MODULE_KEYS = ['profile', 'spec', 'externals', 'deploy'];
const RESOURCE_KEYS = ['type', 'class', 'id', 'params'];

/** Throws `invalid` with `message` and optional details. */
export function invalid(
  message: string,
  details?: Record<string, unknown>,
): never {
  throw new EngineError('invalid', message, details);
}

/** A JSON-safe, short rendering of an arbitrary value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  try {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}

/**
 * Checks an id against {@link ID_PATTERN} and a length of `min` to 50; `kind` names it in the message
 * ("Application id"). `min` is 2 for the ids whose pattern in the spec takes two characters or more
 * (`^[a-z0-9](?:-?[a-z0-9]+)+$`: applications, environments and their types, agents, secret stores, users), so
 * that the engine's words agree with the request validation's.
 */
export function assertId(kind: string, value: unknown, min = 1): string {
  if (
    typeof value !== 'string' ||
    value.length < min ||
    value.length > 50 ||
    !ID_PATTERN.test(value)
  ) {
    invalid(
      `${kind} ${show(value)} is not valid: use ${min} to 50 lowercase letters, digits and single dashes, starting and ending with a letter or digit (e.g. \`my-app-1\`).`,
      { value: typeof value === 'string' ? value : show(value) },
    );
  }
  return assertNotReserved(kind, value as string);
}

/** Control characters, NUL, zero-width and bidirectional formatting characters: never in a name. */
const HIDDEN_CHARACTER =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Checks a display name: a non-empty string of at most 100 characters; returns it trimmed. */
export function assertName(kind: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 100) {
    invalid(
      `${kind} must be a non-empty string of at most 100 characters; got ${show(value)}.`,
    );
  }
  const hidden = HIDDEN_CHARACTER.exec(value as string);
  if (hidden) {
    const code = `U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    invalid(
      `${kind} contains the invisible control character ${code} at position ${hidden.index + 1} (a NUL, a control code or a bidirectional override that can make a name read differently from what it is); remove it.`,
      { character: code },
    );
  }
  return (value as string).trim();
}

/** Checks a boolean. */
export function assertBoolean(kind: string, value: unknown): boolean {
  if (typeof value !== 'boolean')
    invalid(`${kind} must be true or false; got ${show(value)}.`);
  return value as boolean;
}

/** Checks that `value` is a plain JSON value (finite numbers, no cycles, bounded depth). */
export function assertJson(value: unknown, where: string, depth = 0): Json {
  if (depth > MAX_JSON_DEPTH)
    invalid(`${where} is nested deeper than ${MAX_JSON_DEPTH} levels.`);
  if (value === null || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      invalid(`${where} contains ${value}, which is not a JSON number.`);
    return value;
  }
  // Fine leaves are the most common members: no message is written for them (a leaf is a level too).
  const leavesFit = depth < MAX_JSON_DEPTH;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      // A hole is skipped, as forEach skips it.
      if (item === undefined && !(i in value)) continue;
      if (!leavesFit || !isFineLeaf(item))
        assertJson(item, `${where}[${i}]`, depth + 1);
    }
    return value as Json[];
  }
  if (isJsonObject(value) && isPlain(value)) {
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i += 1) {
      const item = value[keys[i]];
      if (item !== undefined && (!leavesFit || !isFineLeaf(item)))
        assertJson(item, `${where}.${keys[i]}`, depth + 1);
    }
    return value;
  }
  return invalid(`${where} must be JSON; got a ${typeof value}.`);
}

/** A string, boolean, null or finite number: valid JSON wherever it fits the depth. */
function isFineLeaf(value: unknown): boolean {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function assertObject(value: unknown, where: string): JsonObject {
  if (!isJsonObject(value))
    invalid(`${where} must be a JSON object; got ${show(value)}.`);
  return assertJson(value, where) as JsonObject;
}

function assertKnownKeys(
  value: JsonObject,
  allowed: string[],
  where: string,
): void {
  const unknown = Object.keys(value).filter(
    (key) => value[key] !== undefined && !allowed.includes(key),
  );
  if (unknown.length > 0) {
    invalid(
      `${where} has the unknown field \`${unknown[0]}\`; allowed fields: ${allowed.join(', ')}.`,
    );
  }
}

/** Checks a resource reference (`{type, class?, id?, params?}`) and returns a copy. */
export function parseResourceRef(value: unknown, where: string): ResourceRef {
  const obj = assertObject(value, where);
  assertKnownKeys(obj, RESOURCE_KEYS, where);
  if (typeof obj.type !== 'string' || obj.type === '') {
    invalid(
      `${where} needs a non-empty string \`type\` (e.g. "postgres"); got ${show(obj.type)}.`,
    );
  }
  for (const key of ['class', 'id'] as const) {
    if (obj[key] !== undefined && typeof obj[key] !== 'string') {
      invalid(`${where}.${key} must be a string; got ${show(obj[key])}.`);
    }
  }
  if (obj.params !== undefined && !isJsonObject(obj.params)) {
    invalid(`${where}.params must be an object; got ${show(obj.params)}.`);
  }
  return cloneJson(obj) as unknown as ResourceRef;
}

function parseDeployCondition(value: unknown, where: string): DeployCondition {
  const obj = assertObject(value, where);
  assertKnownKeys(obj, ['when', 'success', 'timeout'], where);
  if (
    obj.when !== undefined &&
    !['before', 'deploy', 'after'].includes(obj.when as string)
  ) {
    invalid(
      `${where}.when must be "before", "deploy" or "after"; got ${show(obj.when)}.`,
    );
  }
  if (
    obj.success !== undefined &&
    !['deploy', 'available', 'complete'].includes(obj.success as string)
  ) {
    invalid(
      `${where}.success must be "deploy", "available" or "complete"; got ${show(obj.success)}.`,
    );
  }
  if (
    obj.timeout !== undefined &&
    (typeof obj.timeout !== 'number' || obj.timeout < 0)
  ) {
    invalid(
      `${where}.timeout must be a number of seconds ≥ 0; got ${show(obj.timeout)}.`,
    );
  }
  return cloneJson(obj) as DeployCondition;
}

/**
 * Checks a workload and returns a normalised copy. With `defaults`, a
 * missing `profile` becomes `humanitec/default-module` and missing
 * `spec`/`externals` become `{}` (lenient input); without, they are required
 * (the shape of a stored set). With `jsonChecked` the caller vouches that
 * `value` is JSON already checked (a stored workload with checked patch
 * values applied): the shape is checked, but the spec is neither walked nor
 * copied (the result shares it). With `base` too (the stored, valid workload
 * `value` was patched from), an `externals` or `deploy` that is still the
 * base's own object was checked already and is shared as it is.
 */
export function parseModule(
  value: unknown,
  workloadId: string,
  defaults: boolean,
  { jsonChecked = false, base }: { jsonChecked?: boolean; base?: Module } = {},
): Module {
  const where = `Workload \`${workloadId}\``;
  const obj = jsonChecked
    ? isJsonObject(value)
      ? value
      : invalid(`${where} must be a JSON object; got ${show(value)}.`)
    : assertObject(value, where);
  assertKnownKeys(obj, MODULE_KEYS, where);
  const profile =
    obj.profile ?? (defaults ? 'humanitec/default-module' : undefined);
  if (typeof profile !== 'string' || profile === '') {
    invalid(
      `${where} needs a non-empty string \`profile\` (e.g. "humanitec/default-module"); got ${show(profile)}.`,
      {
        workload: workloadId,
        path: '/profile',
      },
    );
  }
  const spec = obj.spec ?? (defaults ? {} : undefined);
  if (!isJsonObject(spec)) {
    invalid(`${where}: \`spec\` must be an object; got ${show(spec)}.`, {
      workload: workloadId,
      path: '/spec',
    });
  }
  const externalsIn = obj.externals ?? (defaults ? {} : undefined);
  if (!isJsonObject(externalsIn)) {
    invalid(
      `${where}: \`externals\` must be an object of resources; got ${show(externalsIn)}.`,
      {
        workload: workloadId,
        path: '/externals',
      },
    );
  }
  // Untouched parts of a patched workload are the stored workload's, valid already.
  const unchanged = jsonChecked && base !== undefined;
  let externals: Record<string, ResourceRef>;
  if (unchanged && (externalsIn as object) === base.externals) {
    externals = base.externals;
  } else {
    externals = {};
    for (const [name, ref] of Object.entries(externalsIn as JsonObject)) {
      externals[name] = parseResourceRef(
        ref,
        `${where}: resource \`externals.${name}\``,
      );
    }
  }
  const module: Module = {
    profile: profile as string,
    spec: jsonChecked ? (spec as JsonObject) : cloneJson(spec as JsonObject),
    externals,
  };
  if (obj.deploy !== undefined)
    module.deploy =
      unchanged && obj.deploy === base.deploy
        ? base.deploy
        : parseDeployCondition(obj.deploy, `${where}: \`deploy\``);
  return module;
}

/** Checks a map of shared resources and returns a copy. */
export function parseShared(
  value: unknown,
  where = 'Shared resources',
): Record<string, ResourceRef> {
  const obj = assertObject(value, where);
  const out: Record<string, ResourceRef> = {};
  for (const [name, ref] of Object.entries(obj)) {
    out[name] = parseResourceRef(ref, `Shared resource \`${name}\``);
  }
  return out;
}

/** Checks a list of patch ops (`{op, path, value?}`, op ∈ add/remove/replace) and returns a copy. */
export function parsePatchOps(value: unknown, where: string): PatchOp[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value))
    invalid(`${where} must be a list of patch operations; got ${show(value)}.`);
  return (value as unknown[]).map((item, i) => {
    const at = `${where}, op ${i + 1}`;
    const op = assertObject(item, at);
    if (op.op !== 'add' && op.op !== 'remove' && op.op !== 'replace') {
      const name = typeof op.op === 'string' ? `\`${op.op}\`` : show(op.op);
      invalid(
        `${at}: the op ${name} is not supported; use add, remove or replace.`,
        { path: op.path },
      );
    }
    if (typeof op.path !== 'string' || !op.path.startsWith('/')) {
      invalid(
        `${at}: \`path\` must be a JSON pointer starting with \`/\`; got ${show(op.path)}.`,
        {
          path: op.path,
        },
      );
    }
    if (op.op !== 'remove' && op.value === undefined) {
      invalid(
        `${at}: a ${op.op} op needs a \`value\` (path \`${op.path as string}\`).`,
        { path: op.path },
      );
    }
    const out: PatchOp = { op: op.op, path: op.path as string };
    if (op.value !== undefined) out.value = cloneJson(op.value);
    if (typeof op.from === 'string') out.from = op.from;
    return out;
  });
}
