/**
 * Delta content: parsing client input, merging deltas (the spec's patchDelta)
 * and simplifying patch lists. Pure functions; nothing here knows about
 * stored deltas or their metadata.
 */
import { cloneJson, isJsonObject } from '../core/canonical';
import {
  applyPatchOps,
  isDeltaScopedRemove,
  isPointerWithin,
  parsePointer,
} from '../core/json-pointer';
import type {
  DeltaInput,
  JsonObject,
  Module,
  PatchOp,
  PlainDelta,
} from '../core/model/spec';
import {
  assertId,
  assertNotReserved,
  invalid,
  parseModule,
  parsePatchOps,
  show,
} from '../core/validate';

/** A parsed delta: like {@link PlainDelta}, but an `add` entry may be `null` ("un-remove" in merges). */
export interface DeltaContent {
  modules: {
    add: Record<string, Module | null>;
    remove: string[];
    update: Record<string, PatchOp[]>;
  };
  shared: PatchOp[];
}

/** A delta without changes. */
export function emptyPlainDelta(): PlainDelta {
  return { modules: { add: {}, remove: [], update: {} }, shared: [] };
}

/**
 * Checks the content part (`modules`, `shared`) of a delta as a client sends
 * it and returns a normalised copy; every part is optional. `where` prefixes
 * error messages (e.g. "Delta 2").
 */
export function parseDeltaContent(
  input: unknown,
  where = 'The delta',
): DeltaContent {
  if (!isJsonObject(input))
    invalid(`${where} must be a JSON object; got ${show(input)}.`);
  const body = input as DeltaInput & Record<string, unknown>;
  const out: DeltaContent = {
    modules: { add: {}, remove: [], update: {} },
    shared: [],
  };
  const modules: unknown = body.modules ?? {};
  if (!isJsonObject(modules))
    invalid(
      `${where}: \`modules\` must be an object with add, remove and update; got ${show(modules)}.`,
    );
  const {
    add = {},
    remove = [],
    update = {},
  } = modules as Record<string, unknown>;
  if (!isJsonObject(add))
    invalid(
      `${where}: \`modules.add\` must map workload ids to workloads; got ${show(add)}.`,
    );
  for (const [id, module] of Object.entries(add as object)) {
    assertId(`${where}: workload id`, id);
    out.modules.add[id] =
      module === null ? null : parseModule(module, id, true);
  }
  if (!Array.isArray(remove))
    invalid(
      `${where}: \`modules.remove\` must be a list of workload ids; got ${show(remove)}.`,
    );
  for (const id of remove as unknown[]) {
    const checked = assertId(`${where}: workload id in \`modules.remove\``, id);
    if (!out.modules.remove.includes(checked)) out.modules.remove.push(checked);
  }
  if (!isJsonObject(update))
    invalid(
      `${where}: \`modules.update\` must map workload ids to patch lists; got ${show(update)}.`,
    );
  for (const [id, ops] of Object.entries(update as object)) {
    assertId(`${where}: workload id`, id);
    out.modules.update[id] = parsePatchOps(
      ops,
      `${where}: update of workload \`${id}\``,
    );
  }
  out.shared = parsePatchOps(body.shared, `${where}: shared resources`);
  // A shared resource's id is the first segment of the op's path (`/db/...`).
  for (const op of out.shared) {
    const id = op.path.split('/')[1] ?? '';
    assertNotReserved(
      `${where}: shared resource id`,
      id.replace(/~1/g, '/').replace(/~0/g, '~'),
    );
  }
  return out;
}

/** A {@link DeltaContent} as a {@link PlainDelta}: `null` adds are dropped, empty patch lists removed. */
export function toPlainDelta(content: DeltaContent): PlainDelta {
  const out = emptyPlainDelta();
  for (const [id, module] of Object.entries(content.modules.add)) {
    if (module !== null) out.modules.add[id] = module;
  }
  out.modules.remove = [...content.modules.remove];
  for (const [id, ops] of Object.entries(content.modules.update)) {
    if (ops.length > 0) out.modules.update[id] = ops;
  }
  out.shared = content.shared;
  return out;
}

/**
 * Merges deltas into `base`, in order (DOMAIN.md §2 "Merge rules"):
 * `modules.add` entries replace earlier ones and drop earlier updates of the
 * workload (a `null` add takes the id out of `remove`); `remove` lists are
 * unioned and a removed workload is dropped from `add` and `update`; updates
 * of a workload that is in `add` are folded into the added object, other
 * updates are concatenated; `shared` lists are concatenated. Finally every
 * patch list is simplified ({@link simplifyPatchOps}). Neither argument is
 * changed. Throws `invalid` when an input is malformed or an update does not
 * fit the workload it is folded into.
 */
export function mergeDeltas(
  base: DeltaInput | PlainDelta,
  inputs: readonly (DeltaInput | PlainDelta)[],
): PlainDelta {
  const acc = toPlainDelta(
    parseDeltaContent(cloneJson(base), 'The base delta'),
  );
  inputs.forEach((input, index) => {
    const delta = parseDeltaContent(
      input,
      `Delta ${index + 1} of ${inputs.length}`,
    );
    for (const id of delta.modules.remove) {
      delete acc.modules.add[id];
      delete acc.modules.update[id];
      if (!acc.modules.remove.includes(id)) acc.modules.remove.push(id);
    }
    for (const [id, module] of Object.entries(delta.modules.add)) {
      if (module === null) {
        acc.modules.remove = acc.modules.remove.filter(
          (removed) => removed !== id,
        );
      } else {
        acc.modules.add[id] = module;
        delete acc.modules.update[id];
      }
    }
    for (const [id, ops] of Object.entries(delta.modules.update)) {
      const added = acc.modules.add[id];
      if (added) {
        const subject = `Delta ${index + 1} of ${inputs.length}: workload \`${id}\` (added earlier in the delta)`;
        const patched = applyPatchOps(added as unknown as JsonObject, ops, {
          subject,
          details: { workload: id },
        });
        acc.modules.add[id] = parseModule(patched, id, false);
      } else {
        acc.modules.update[id] = [...(acc.modules.update[id] ?? []), ...ops];
      }
    }
    acc.shared.push(...delta.shared);
  });
  for (const id of Object.keys(acc.modules.update)) {
    const ops = simplifyPatchOps(acc.modules.update[id]);
    if (ops.length > 0) acc.modules.update[id] = ops;
    else delete acc.modules.update[id];
  }
  acc.shared = simplifyPatchOps(acc.shared);
  return acc;
}

interface Entry {
  op: PatchOp;
  tokens: string[] | undefined;
}

/** Tokens that might address an array element: their position can shift, so ops there are kept as they are. */
function isStable(tokens: readonly string[]): boolean {
  return tokens.every((token) => token !== '-' && !/^\d+$/.test(token));
}

/**
 * Minimises a patch list without changing what it does to any document it
 * applies to cleanly: an `add`/`replace`/`remove` at an object path drops the
 * earlier ops it makes irrelevant (same path or beneath it; `add` then
 * `replace` becomes one `add`), and a `remove` whose value is
 * `{"scope":"delta"}` drops the earlier ops at or beneath its path and is
 * itself dropped. Paths with array indices are never merged. A list that
 * would have failed may succeed after simplification, never the reverse.
 */
export function simplifyPatchOps(ops: readonly PatchOp[]): PatchOp[] {
  const out: Entry[] = [];
  for (const original of ops) {
    let op: PatchOp = { ...original };
    const tokens = parsePointer(op.path);
    if (isDeltaScopedRemove(op)) {
      if (tokens) {
        for (let i = out.length - 1; i >= 0; i -= 1) {
          const earlier = out[i].tokens;
          if (earlier && isPointerWithin(earlier, tokens)) out.splice(i, 1);
        }
      }
      continue;
    }
    if (tokens && tokens.length > 0 && isStable(tokens)) {
      for (let i = out.length - 1; i >= 0; i -= 1) {
        const earlier = out[i];
        if (!earlier.tokens) break;
        const below = isPointerWithin(earlier.tokens, tokens);
        if (!below && !isPointerWithin(tokens, earlier.tokens)) continue;
        if (!below) break; // an earlier op on an ancestor: keep both
        if (earlier.tokens.length > tokens.length || op.op === 'add') {
          out.splice(i, 1);
        } else if (op.op === 'replace' && earlier.op.op !== 'remove') {
          if (earlier.op.op === 'add')
            op = { op: 'add', path: op.path, value: op.value };
          out.splice(i, 1);
        } else if (op.op === 'remove' && earlier.op.op === 'replace') {
          out.splice(i, 1);
        } else {
          break;
        }
      }
    }
    out.push({ op, tokens });
  }
  return out.map((entry) => entry.op);
}
