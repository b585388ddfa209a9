/**
 * Cloning between environments as pure functions of sets: which part of the
 * source set's difference to the target a clone applies (all of it in a full
 * clone, the selected workloads and shared resources in a partial one), what
 * the target ends up with, what it would lose, and which private resources
 * stay behind. No state, no clock: clone/ops.ts feeds it the sets.
 */
import { parsePointer } from '../core/json-pointer';
import type { DeploymentSet, PlainDelta } from '../core/model/spec';
import { applySetDelta, diffSetContents } from '../sets';

export type { CloneMode } from '../core/model/clone';
import type { CloneMode } from '../core/model/clone';

/** What to clone: every item (full) or the selected workload ids and shared resource names (partial). */
export interface CloneSelection {
  mode: CloneMode;
  /** Workload ids (API `modules`); ignored in a full clone. */
  modules: string[];
  /** Shared resource names (API `shared`); ignored in a full clone. */
  shared: string[];
}

/** A workload's private resource (API `externals`): declared with the workload, provisioned per environment. */
export interface PrivateResource {
  workload: string;
  name: string;
  type: string;
}

/** The outcome of a clone plan. */
export interface ClonePlan {
  /** The change turning the target set into the result (filtered to the selection in a partial clone). */
  delta: PlainDelta;
  /** The target's set after the clone. */
  result: DeploymentSet;
  /** The items the clone touches (every differing item in a full clone). */
  selected: { modules: string[]; shared: string[] };
  /** What the target has that the source lacks: removed by a full clone. */
  losses: { modules: string[]; shared: string[] };
  /** Items of either set and how they differ, for the checklist. */
  items: CloneItem[];
  /** Private resources of the cloned workloads: their declarations travel, their data and state never do. */
  privateResources: PrivateResource[];
}

/** One workload or shared resource of the source or the target, and how the two differ. */
export interface CloneItem {
  kind: 'module' | 'shared';
  id: string;
  /** `added`: only in the source; `removed`: only in the target; `changed`: differs; `same`: equal. */
  change: 'added' | 'removed' | 'changed' | 'same';
}

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** The first token of a JSON pointer into `shared` (the resource name). */
function sharedName(path: string): string {
  return parsePointer(path)?.[0] ?? '';
}

/** Checklist items of both sets with how they differ (from the full delta). */
function listItems(
  full: PlainDelta,
  source: DeploymentSet,
  target: DeploymentSet,
): CloneItem[] {
  const touchedShared = new Set(full.shared.map((op) => sharedName(op.path)));
  const modules = sorted([
    ...Object.keys(source.modules),
    ...Object.keys(target.modules),
  ]).map((id): CloneItem => ({
    kind: 'module',
    id,
    change: !target.modules[id]
      ? 'added'
      : !source.modules[id]
        ? 'removed'
        : (full.modules.update[id] ?? []).length > 0
          ? 'changed'
          : 'same',
  }));
  const shared = sorted([
    ...Object.keys(source.shared),
    ...Object.keys(target.shared),
  ]).map((id): CloneItem => ({
    kind: 'shared',
    id,
    change: !Object.hasOwn(target.shared, id)
      ? 'added'
      : !Object.hasOwn(source.shared, id)
        ? 'removed'
        : touchedShared.has(id)
          ? 'changed'
          : 'same',
  }));
  return [...modules, ...shared];
}

/**
 * Plans a clone of `source` into `target`. A full clone applies the whole
 * set diff (the result is the source set). A partial clone keeps only the
 * diff's parts for the selected workloads (added, removed or patched) and
 * the shared-resource patches whose first path token is a selected name, so
 * nothing else of the target changes. Unknown ids are the caller's to check.
 */
export function planClone(
  source: DeploymentSet,
  target: DeploymentSet,
  selection: CloneSelection,
): ClonePlan {
  const full = diffSetContents(source, target);
  const items = listItems(full, source, target);
  const losses = {
    modules: items
      .filter((i) => i.kind === 'module' && i.change === 'removed')
      .map((i) => i.id),
    shared: items
      .filter((i) => i.kind === 'shared' && i.change === 'removed')
      .map((i) => i.id),
  };
  let delta = full;
  if (selection.mode === 'partial') {
    const mods = new Set(selection.modules);
    const shared = new Set(selection.shared);
    delta = {
      modules: {
        add: Object.fromEntries(
          Object.entries(full.modules.add).filter(([id]) => mods.has(id)),
        ),
        remove: full.modules.remove.filter((id) => mods.has(id)),
        update: Object.fromEntries(
          Object.entries(full.modules.update).filter(([id]) => mods.has(id)),
        ),
      },
      shared: full.shared.filter((op) => shared.has(sharedName(op.path))),
    };
  }
  const selected =
    selection.mode === 'full'
      ? {
          modules: items
            .filter((i) => i.kind === 'module' && i.change !== 'same')
            .map((i) => i.id),
          shared: items
            .filter((i) => i.kind === 'shared' && i.change !== 'same')
            .map((i) => i.id),
        }
      : {
          modules: sorted(selection.modules),
          shared: sorted(selection.shared),
        };
  const result = applySetDelta(target, delta);
  const privateResources: PrivateResource[] = [];
  for (const id of selected.modules) {
    const module = source.modules[id];
    if (!module) continue;
    for (const [name, ref] of Object.entries(module.externals ?? {})) {
      privateResources.push({ workload: id, name, type: ref.type });
    }
  }
  return { delta, result, selected, losses, items, privateResources };
}
