/**
 * Deployment sets as values: content hash, applying a delta, and the diff of
 * two sets. Pure functions; sets are never changed in place (a result may
 * share unchanged workloads with its input, so treat sets as immutable: the
 * hashes of their workloads are kept by object, core/set-hash.ts).
 */
import { cloneJson, isJsonObject, jsonEqual, setOwn } from '../core/canonical';
import {
  hashSetContent,
  knownLeafHash,
  knownSetLeaves,
  leafHash,
  rememberSetLeaves,
  setIdFromLeaves,
  setLeavesOf,
  type SetLeaves,
} from '../core/set-hash';
import { parseDeltaContent } from '../deltas';
import {
  applyPatchOps,
  escapePointerToken,
  formatPointer,
  parsePointer,
} from '../core/json-pointer';
import type {
  DeltaInput,
  DeploymentSet,
  Json,
  JsonObject,
  Module,
  PatchOp,
  PlainDelta,
  ResourceRef,
} from '../core/model/spec';
import {
  assertJson,
  invalid,
  parseModule,
  parseResourceRef,
  parseShared,
} from '../core/validate';

/** The content of a set: what its id is computed from. */
export interface SetContent {
  modules: Record<string, Module>;
  shared: Record<string, ResourceRef>;
}

/**
 * The id of a set's content, 43 characters (43 zeros for the empty set): a
 * Merkle-style combination of one SHA-256 per workload and per shared
 * resource (core/set-hash.ts). Key order does not matter: equal content ⇒
 * equal id. Hashes of workload objects seen before are reused, so the id of
 * a set that differs from a known one in one workload costs that workload.
 */
export function computeSetId(content: SetContent): string {
  return hashSetContent(content);
}

export { emptySet } from '../core/canonical';

/** `record` with its keys in sorted order (a new object; values shared). */
function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key];
  return out;
}

/** A set with its id computed from `content`; workloads and shared resources in key order. */
export function makeSet(content: SetContent): DeploymentSet {
  const modules = sortedByKey(content.modules);
  const shared = sortedByKey(content.shared);
  return { id: computeSetId({ modules, shared }), version: 0, modules, shared };
}

/** Checks stored set content (e.g. from a persisted state) and returns a normalised set. */
export function parseSet(value: unknown): DeploymentSet {
  if (!isJsonObject(value))
    invalid('A deployment set must be an object with `modules` and `shared`.');
  const raw = value as JsonObject;
  const modulesIn = raw.modules ?? {};
  if (!isJsonObject(modulesIn))
    invalid("A deployment set's `modules` must map workload ids to workloads.");
  const modules: Record<string, Module> = {};
  for (const [id, module] of Object.entries(modulesIn as JsonObject))
    modules[id] = parseModule(module, id, false);
  return makeSet({ modules, shared: parseShared(raw.shared ?? {}) });
}

/**
 * Applies a delta to a set (DOMAIN.md §2 "Apply rules") and returns the new
 * set: workloads in `remove` are dropped, `add` entries are set (replacing an
 * existing workload), then each `update` patch list runs on its workload with
 * paths relative to the workload object, and `shared` patches run on the
 * set's `shared` map. Only add/remove/replace; array indices and `-` work.
 * Throws `EngineError('invalid')` naming the workload and the path (details
 * `{workload, path}`) when an update targets a missing workload, a
 * `remove`/`replace` targets a missing path, or the result is not a valid
 * set (e.g. a workload lost its `profile`).
 */
export function applySetDelta(
  set: DeploymentSet,
  delta: DeltaInput | PlainDelta,
): DeploymentSet {
  // The parsed delta is this call's own (its values fresh copies): patches put them in place as they are.
  const content = parseDeltaContent(delta);
  // The workloads this delta touches, each to its new workload or null (removed): only they are checked
  // and hashed again; every other workload is the base set's own object.
  const changed = new Map<string, Module | null>();
  for (const id of content.modules.remove) changed.set(id, null);
  for (const id of Object.keys(content.modules.add)) {
    const module = content.modules.add[id];
    if (module !== null) changed.set(id, module);
  }
  for (const id of Object.keys(content.modules.update)) {
    const ops = content.modules.update[id];
    if (ops.length === 0) continue;
    const module = changed.has(id)
      ? changed.get(id)
      : Object.hasOwn(set.modules, id)
        ? set.modules[id]
        : undefined;
    if (!module) {
      invalid(
        `Workload \`${id}\` is not in the set, so its update (first path \`${ops[0].path}\`) cannot be applied; add the workload or drop the update.`,
        { workload: id, path: ops[0].path },
      );
    }
    changed.set(id, patchWorkload(id, module, ops));
  }
  const shared: Record<string, ResourceRef> = { ...set.shared };
  const touchedShared = new Set<string>();
  if (content.shared.length > 0) {
    // Each op changes the resource its path starts with: patch a map of just those, check just those.
    for (const op of content.shared) {
      const name = parsePointer(op.path)?.[0];
      if (name !== undefined) touchedShared.add(name);
    }
    const part: JsonObject = {};
    for (const name of touchedShared) {
      if (Object.hasOwn(set.shared, name))
        setOwn(part, name, set.shared[name] as unknown as Json);
    }
    const patched = applyPatchOps(part, content.shared, {
      subject: 'Shared resources',
      details: { scope: 'shared' },
    });
    for (const name of touchedShared) {
      if (Object.hasOwn(patched, name))
        setOwn(
          shared,
          name,
          parseResourceRef(patched[name], `Shared resource \`${name}\``),
        );
      else delete shared[name];
    }
  }
  // The base set's leaves (kept by its id), those of the touched entries hashed again.
  const base = setLeavesOf(set);
  const leaves: SetLeaves = {
    modules: new Map(base.modules),
    shared: new Map(base.shared),
  };
  for (const [id, module] of changed) {
    if (module) leaves.modules.set(id, leafHash(module));
    else leaves.modules.delete(id);
  }
  for (const name of touchedShared) {
    if (Object.hasOwn(shared, name))
      leaves.shared.set(name, leafHash(shared[name]));
    else leaves.shared.delete(name);
  }
  const id = setIdFromLeaves(leaves);
  rememberSetLeaves(id, leaves);
  return {
    id,
    version: 0,
    modules: withChanges(set.modules, changed),
    shared: sortedByKey(shared),
  };
}

/**
 * Workload `id` after its update `ops` (parsed by parseDeltaContent, so their values are handed over):
 * only the objects on the ops' paths are copied, and only what the ops changed is checked.
 */
function patchWorkload(id: string, module: Module, ops: PatchOp[]): Module {
  const patched = applyPatchOps(
    module as unknown as JsonObject,
    ops,
    { subject: `Workload \`${id}\``, details: { workload: id } },
    { share: true, ownValues: true },
  );
  // The base workload was valid and the ops' values are checked JSON: check their depth where they
  // land, then the workload's shape (its spec is not walked again, untouched externals not at all).
  for (const op of ops) {
    if (op.value === undefined || typeof op.value !== 'object') continue;
    // The depth where it lands: one level per `/` of the path (escaped tokens hold none).
    assertJson(
      op.value,
      `Workload \`${id}\` at \`${op.path}\``,
      op.path.split('/').length - 1,
    );
  }
  return parseModule(patched, id, false, { jsonChecked: true, base: module });
}

/**
 * `record` with `changes` made (a value sets the entry, null removes it), in key order: the base's
 * keys (in order already when the base came from makeSet or here) merged with the new ones, sorted.
 */
function withChanges<T>(
  record: Record<string, T>,
  changes: ReadonlyMap<string, T | null>,
): Record<string, T> {
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i += 1) {
    if (keys[i - 1] > keys[i]) {
      keys.sort();
      break;
    }
  }
  const added: string[] = [];
  for (const [key, value] of changes) {
    if (value !== null && !Object.hasOwn(record, key)) added.push(key);
  }
  added.sort();
  const out: Record<string, T> = {};
  let j = 0;
  const put = (key: string) => {
    const value = changes.has(key) ? changes.get(key)! : record[key];
    if (value !== null) out[key] = value;
  };
  for (const key of keys) {
    while (j < added.length && added[j] < key) put(added[j++]);
    put(key);
  }
  while (j < added.length) put(added[j++]);
  return out;
}

/**
 * The delta that turns `source` into `target` (the spec's getDiff: applied to
 * `source` it yields `target`). Workloads only in `target` are added whole,
 * workloads only in `source` are removed, and workloads in both that differ
 * get deep patch ops (minimal add/remove/replace at the leaves; an array that
 * differs is replaced whole). Shared resources get deep patch ops on the
 * `shared` map. Paths use JSON-pointer escaping; keys are visited in sorted
 * order, so the result is deterministic.
 */
export function diffSetContents(
  target: SetContent & { id?: unknown },
  source: SetContent & { id?: unknown },
): PlainDelta {
  const delta: PlainDelta = {
    modules: { add: {}, remove: [], update: {} },
    shared: [],
  };
  // Entries whose kept hashes are equal are equal: skipped unread (nothing is hashed here).
  const targetLeaves = knownSetLeaves(target);
  const sourceLeaves = knownSetLeaves(source);
  const same = (
    before: object,
    after: object,
    beforeLeaf: string | undefined,
    afterLeaf: string | undefined,
  ) => {
    if (before === after) return true;
    const leaf = beforeLeaf ?? knownLeafHash(before);
    return leaf !== undefined && leaf === (afterLeaf ?? knownLeafHash(after));
  };
  const ids = [
    ...new Set([
      ...Object.keys(target.modules),
      ...Object.keys(source.modules),
    ]),
  ].sort();
  for (const id of ids) {
    const before = Object.hasOwn(source.modules, id)
      ? source.modules[id]
      : undefined;
    const after = Object.hasOwn(target.modules, id)
      ? target.modules[id]
      : undefined;
    if (!before) delta.modules.add[id] = cloneJson(after!);
    else if (!after) delta.modules.remove.push(id);
    else if (
      !same(
        before,
        after,
        sourceLeaves?.modules.get(id),
        targetLeaves?.modules.get(id),
      )
    ) {
      const ops = diffJson(
        before as unknown as JsonObject,
        after as unknown as JsonObject,
      );
      if (ops.length > 0) delta.modules.update[id] = ops;
    }
  }
  // Shared resources: the maps without the entries equal on both sides, diffed as before.
  const sharedBefore: JsonObject = {};
  const sharedAfter: JsonObject = {};
  for (const [from, to, fromLeaves, toLeaves, out] of [
    [source.shared, target.shared, sourceLeaves, targetLeaves, sharedBefore],
    [target.shared, source.shared, targetLeaves, sourceLeaves, sharedAfter],
  ] as const) {
    for (const name of Object.keys(from)) {
      const other = Object.hasOwn(to, name) ? to[name] : undefined;
      if (
        other &&
        same(
          from[name],
          other,
          fromLeaves?.shared.get(name),
          toLeaves?.shared.get(name),
        )
      )
        continue;
      setOwn(out, name, from[name] as unknown as Json);
    }
  }
  delta.shared = diffJson(sharedBefore, sharedAfter);
  return delta;
}

/**
 * Deep patch ops that turn the object `from` into `to`: keys only in `to` are
 * added, keys only in `from` removed, nested objects recursed into, and any
 * other differing value (including arrays) replaced. Keys in sorted order.
 */
export function diffJson(
  from: JsonObject,
  to: JsonObject,
  prefix: readonly string[] = [],
): PatchOp[] {
  const ops: PatchOp[] = [];
  diffInto(from, to, formatPointer(prefix), ops);
  return ops;
}

/** Sorted keys of `obj` (own, enumerable); most objects list them in order already. */
const sortedKeys = (obj: JsonObject) => {
  const keys = Object.keys(obj);
  for (let i = 1; i < keys.length; i += 1) {
    if (keys[i - 1] > keys[i]) return keys.sort();
  }
  return keys;
};

/**
 * The work of `diffJson`: walks both objects' sorted own keys in one merge
 * pass (so inherited names such as `constructor` are never read) and builds
 * a pointer only for keys that produce an op: the hot path of
 * `diffSetContents` on large sets. An `undefined` value counts as absent.
 */
function diffInto(
  from: JsonObject,
  to: JsonObject,
  path: string,
  ops: PatchOp[],
) {
  const keysFrom = sortedKeys(from);
  const keysTo = sortedKeys(to);
  let i = 0;
  let j = 0;
  while (i < keysFrom.length || j < keysTo.length) {
    let key: string;
    let a: Json | undefined;
    let b: Json | undefined;
    if (
      j >= keysTo.length ||
      (i < keysFrom.length && keysFrom[i] < keysTo[j])
    ) {
      key = keysFrom[i++];
      a = from[key];
    } else if (i >= keysFrom.length || keysTo[j] < keysFrom[i]) {
      key = keysTo[j++];
      b = to[key];
    } else {
      key = keysFrom[i++];
      j += 1;
      a = from[key];
      b = to[key];
    }
    if (a === b) continue;
    if (b === undefined) {
      ops.push({ op: 'remove', path: `${path}/${escapePointerToken(key)}` });
    } else if (a === undefined) {
      ops.push({
        op: 'add',
        path: `${path}/${escapePointerToken(key)}`,
        value: cloneJson(b),
      });
    } else if (isJsonObject(a) && isJsonObject(b)) {
      diffInto(a, b, `${path}/${escapePointerToken(key)}`, ops);
    } else if (!jsonEqual(a, b)) {
      ops.push({
        op: 'replace',
        path: `${path}/${escapePointerToken(key)}`,
        value: cloneJson(b),
      });
    }
  }
}
