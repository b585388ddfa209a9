/**
 * The JSON-Patch subset deltas use: `add`, `remove` and `replace`, with array
 * indices and `-` (append) honoured, over JSON Pointers (RFC 6901).
 */
import { cloneJson, isJsonObject, setOwn } from './canonical';
import { EngineError } from './errors';
import type { Json, JsonObject, PatchOp } from './model/spec';

// The pointer syntax is the repository's one JSON module (src/lib/json-schema/pointer.ts, which mocks/ may
// import); the engine adds the patch application below.
import {
  escapeSegment as escapePointerToken,
  formatPointer,
  parsePointer,
  unescapeSegment as unescapePointerToken,
} from '../../../src/lib/json-schema/pointer';

export {
  escapePointerToken,
  formatPointer,
  parsePointer,
  unescapePointerToken,
};

/** A pointer as the dotted field path the engine's problems carry (`/containers/api` -> `containers.api`). */
export const dottedPath = (pointer: string) =>
  (parsePointer(pointer) ?? []).map(unescapePointerToken).join('.');

/** Whether `descendant` equals `ancestor` or lies beneath it (token-wise). */
export function isPointerWithin(
  descendant: readonly string[],
  ancestor: readonly string[],
): boolean {
  return (
    ancestor.length <= descendant.length &&
    ancestor.every((token, i) => descendant[i] === token)
  );
}

/** Whether a patch op is the `{"scope":"delta"}` removal used while simplifying deltas. */
export function isDeltaScopedRemove(op: PatchOp): boolean {
  return (
    op.op === 'remove' && isJsonObject(op.value) && op.value.scope === 'delta'
  );
}

/** Where a patch is applied, for error messages: e.g. "Workload `api`". */
export interface PatchTarget {
  /** The subject of the message, e.g. "Workload `api`" or "Shared resources". */
  subject: string;
  /** Extra `details` of the error (the failing `path` is always added). */
  details?: Record<string, unknown>;
}

/**
 * Applies patch ops to a copy of `doc` and returns the copy; `doc` is never
 * changed. Throws `EngineError('invalid')` naming the subject and the path
 * when an op does not fit (missing path for `remove`/`replace`, index out of
 * range, parent that is not a container, unsupported op).
 *
 * With `share`, only the objects and arrays on the ops' paths are copied (a
 * shallow copy each, once): the rest of the result is `doc`'s own, so treat
 * both as immutable. A delta touching one field of a large workload copies
 * a few small objects instead of the workload.
 *
 * With `ownValues`, the caller hands over the ops' values (fresh copies, as
 * `parsePatchOps` makes them): they are put in place as they are instead of
 * copied again, so neither the ops nor the values may be used afterwards.
 */
export function applyPatchOps(
  doc: JsonObject,
  ops: readonly PatchOp[],
  target: PatchTarget,
  {
    share = false,
    ownValues = false,
  }: { share?: boolean; ownValues?: boolean } = {},
): JsonObject {
  if (!share) {
    const out = cloneJson(doc);
    for (const op of ops) applyOne(out, op, target, undefined, ownValues);
    return out;
  }
  const copies = new Copies();
  const out = copies.copyOf(doc) as JsonObject;
  for (const op of ops) applyOne(out, op, target, copies, ownValues);
  return out;
}

/**
 * The shallow copies a shared patch made (the only nodes it may change). A
 * patch copies a handful of nodes: a list scanned by identity is cheaper than
 * a hashed set until it grows.
 */
class Copies {
  private readonly list: object[] = [];
  private set: Set<object> | undefined;

  has(node: object): boolean {
    return this.set ? this.set.has(node) : this.list.includes(node);
  }

  /** A shallow copy of an object or array, noted as one of the copies. */
  copyOf(node: JsonObject | Json[]): JsonObject | Json[] {
    // Spread defines own properties (a `__proto__` key stays a key).
    const copy = Array.isArray(node) ? node.slice() : { ...node };
    this.note(copy);
    return copy;
  }

  /**
   * A copy of the object `node` (own properties, in order) with `key` added at its end, or left out
   * when `value` is undefined, noted as one of the copies. Spread and rest define own properties (a
   * `__proto__` key stays a key, also a computed one) and make an object V8 keeps in fast mode.
   */
  copyWith(node: JsonObject, key: string, value: Json | undefined): JsonObject {
    let copy: JsonObject;
    if (value === undefined) {
      const { [key]: _left, ...rest } = node;
      copy = rest;
    } else copy = { ...node, [key]: value };
    this.note(copy);
    return copy;
  }

  private note(copy: object): void {
    if (this.set) this.set.add(copy);
    else if (this.list.push(copy) > 16) this.set = new Set(this.list);
  }
}

/** Puts `value` at `token` of the object or array `node` (the token was checked on the way down). */
function setChild(node: Json, token: string, value: Json): void {
  if (Array.isArray(node)) node[arrayIndex(token)!] = value;
  else setOwn(node as JsonObject, token, value);
}

/** Throws the error of an op that does not fit (no closure per op: this runs for every op of every delta). */
function failOp(op: PatchOp, target: PatchTarget, reason: string): never {
  throw new EngineError(
    'invalid',
    `${target.subject}: cannot ${op.op} \`${op.path}\`: ${reason}.`,
    {
      ...target.details,
      path: op.path,
    },
  );
}

/** A value put in place: the op's own when the caller handed it over, else a copy. */
const placed = (op: PatchOp, ownValues: boolean): Json =>
  ownValues ? (op.value as Json) : cloneJson(op.value as Json);

function applyOne(
  doc: JsonObject,
  op: PatchOp,
  target: PatchTarget,
  copies: Copies | undefined,
  ownValues: boolean,
): void {
  if (isDeltaScopedRemove(op)) return;
  if (op.op !== 'add' && op.op !== 'remove' && op.op !== 'replace') {
    failOp(
      op,
      target,
      `the op \`${String(op.op)}\` is not supported (only add, remove and replace are)`,
    );
  }
  // Most paths escape nothing: split them without parsePointer's unescaping.
  const tokens =
    op.path.startsWith('/') && !op.path.includes('~')
      ? op.path.slice(1).split('/')
      : parsePointer(op.path);
  if (!tokens)
    return failOp(
      op,
      target,
      'the path is not a JSON pointer (it must start with `/`; escape `~` as `~0` and `/` as `~1`)',
    );
  if (tokens.length === 0)
    return failOp(
      op,
      target,
      'the whole document cannot be patched; use a path below it',
    );
  if (op.op !== 'remove' && op.value === undefined)
    failOp(op, target, 'the op needs a `value`');

  let grandparent: Json | undefined;
  let parent: Json = doc;
  for (let i = 0; i < tokens.length - 1; i += 1) {
    const next = child(parent, tokens, i, op, target);
    grandparent = parent;
    if (
      copies &&
      next !== null &&
      typeof next === 'object' &&
      !copies.has(next)
    ) {
      // Sharing: copy the node on the path before anything below it changes.
      const copy = copies.copyOf(next);
      setChild(parent, tokens[i], copy);
      parent = copy;
    } else parent = next;
  }
  const key = tokens[tokens.length - 1];
  if (Array.isArray(parent)) {
    patchArray(parent, key, op, target, ownValues);
  } else if (isJsonObject(parent)) {
    if (op.op !== 'add' && !Object.hasOwn(parent, key))
      failOp(op, target, 'the path does not exist');
    const newKey = op.op !== 'remove' && !Object.hasOwn(parent, key);
    if (op.op !== 'remove' && !newKey)
      setOwn(parent, key, placed(op, ownValues));
    else if (copies && grandparent !== undefined) {
      // `delete`, or a key added to a large object, leaves V8 an object in dictionary mode, several
      // times slower to read for every later hash and diff of the set: the node on the path (a copy of
      // our own) is replaced by a fresh one with the key added or left out instead.
      const rebuilt = copies.copyWith(
        parent,
        key,
        newKey ? placed(op, ownValues) : undefined,
      );
      setChild(grandparent, tokens[tokens.length - 2], rebuilt);
    } else if (newKey) setOwn(parent, key, placed(op, ownValues));
    else delete parent[key];
  } else {
    failOp(
      op,
      target,
      `its parent is a ${describe(parent)}, not an object or array`,
    );
  }
}

/** The child `tokens[i]` of `node`; its pointer is only written for a message when it fails. */
function child(
  node: Json,
  tokens: readonly string[],
  i: number,
  op: PatchOp,
  target: PatchTarget,
): Json {
  const token = tokens[i];
  if (Array.isArray(node)) {
    const index = arrayIndex(token);
    if (index === undefined || index >= node.length)
      failOp(
        op,
        target,
        `\`${formatPointer(tokens.slice(0, i + 1))}\` does not exist`,
      );
    return node[index as number];
  }
  if (isJsonObject(node)) {
    if (!Object.hasOwn(node, token))
      failOp(
        op,
        target,
        `\`${formatPointer(tokens.slice(0, i + 1))}\` does not exist`,
      );
    return node[token];
  }
  return failOp(
    op,
    target,
    `\`${formatPointer(tokens.slice(0, i + 1))}\` is inside a ${describe(node)}, not an object or array`,
  );
}

function patchArray(
  array: Json[],
  key: string,
  op: PatchOp,
  target: PatchTarget,
  ownValues: boolean,
): void {
  if (key === '-') {
    if (op.op !== 'add')
      failOp(
        op,
        target,
        '`-` (the end of the array) can only be used with add',
      );
    array.push(placed(op, ownValues));
    return;
  }
  const index = arrayIndex(key);
  if (index === undefined)
    failOp(op, target, `\`${key}\` is not an array index`);
  const i = index as number;
  const limit = op.op === 'add' ? array.length : array.length - 1;
  if (i > limit)
    failOp(
      op,
      target,
      `index ${i} is out of range (the array has ${array.length} items)`,
    );
  if (op.op === 'add') array.splice(i, 0, placed(op, ownValues));
  else if (op.op === 'remove') array.splice(i, 1);
  else array[i] = placed(op, ownValues);
}

/** A canonical array index (`0`, `12`; no sign, no leading zeros), else undefined. */
function arrayIndex(token: string): number | undefined {
  return /^(?:0|[1-9][0-9]*)$/.test(token) && token.length < 16
    ? Number(token)
    : undefined;
}

function describe(value: Json): string {
  return value === null ? 'null' : typeof value;
}
