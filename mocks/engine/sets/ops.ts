/**
 * Deployment sets as values: content hash, applying a delta, and the diff of
 * two sets. Pure functions; sets are never changed in place (a result may
 * share unchanged workloads with its input, so treat sets as immutable).
 */
import {
  cloneJson,
  hashSetContent,
  isJsonObject,
  jsonEqual,
} from '../core/canonical';
import { parseDeltaContent } from '../deltas';
import {
  applyPatchOps,
  escapePointerToken,
  formatPointer,
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
import { invalid, parseModule, parseShared } from '../core/validate';

/** The content of a set: what its id is computed from. */
export interface SetContent {
  modules: Record<string, Module>;
  shared: Record<string, ResourceRef>;
}

/**
 * The id of a set's content: base64url(SHA-256(canonical JSON of
 * `{modules, shared}`)) without padding, 43 characters; 43 zeros for the
 * empty set. Key order does not matter: equal content ⇒ equal id.
 */
export function computeSetId(content: SetContent): string {
  return hashSetContent(content);
}

export { emptySet } from '../core/canonical';

/** A set with its id computed from `content`; workloads and shared resources in key order. */
export function makeSet(content: SetContent): DeploymentSet {
  const modules: Record<string, Module> = {};
  for (const id of Object.keys(content.modules).sort())
    modules[id] = content.modules[id];
  const shared: Record<string, ResourceRef> = {};
  for (const name of Object.keys(content.shared).sort())
    shared[name] = content.shared[name];
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
  const content = parseDeltaContent(delta);
  const modules: Record<string, Module> = {};
  for (const [id, module] of Object.entries(set.modules)) {
    if (!content.modules.remove.includes(id)) modules[id] = module;
  }
  for (const [id, module] of Object.entries(content.modules.add)) {
    if (module !== null) modules[id] = module;
  }
  for (const [id, ops] of Object.entries(content.modules.update)) {
    if (ops.length === 0) continue;
    const module = modules[id];
    if (!module) {
      invalid(
        `Workload \`${id}\` is not in the set, so its update (first path \`${ops[0].path}\`) cannot be applied; add the workload or drop the update.`,
        { workload: id, path: ops[0].path },
      );
    }
    const patched = applyPatchOps(module as unknown as JsonObject, ops, {
      subject: `Workload \`${id}\``,
      details: { workload: id },
    });
    modules[id] = parseModule(patched, id, false);
  }
  let shared = set.shared;
  if (content.shared.length > 0) {
    const patched = applyPatchOps(
      set.shared as unknown as JsonObject,
      content.shared,
      {
        subject: 'Shared resources',
        details: { scope: 'shared' },
      },
    );
    shared = parseShared(patched);
  }
  return makeSet({ modules, shared });
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
  target: SetContent,
  source: SetContent,
): PlainDelta {
  const delta: PlainDelta = {
    modules: { add: {}, remove: [], update: {} },
    shared: [],
  };
  const ids = [
    ...new Set([
      ...Object.keys(target.modules),
      ...Object.keys(source.modules),
    ]),
  ].sort();
  for (const id of ids) {
    const before = source.modules[id];
    const after = target.modules[id];
    if (!before) delta.modules.add[id] = cloneJson(after);
    else if (!after) delta.modules.remove.push(id);
    else {
      const ops = diffJson(
        before as unknown as JsonObject,
        after as unknown as JsonObject,
      );
      if (ops.length > 0) delta.modules.update[id] = ops;
    }
  }
  delta.shared = diffJson(
    source.shared as unknown as JsonObject,
    target.shared as unknown as JsonObject,
  );
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

/** Sorted keys of `obj` (own, enumerable). */
const sortedKeys = (obj: JsonObject) => Object.keys(obj).sort();

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
