/**
 * The diff as the page shows it, built from the engine's delta (what changed)
 * and the two sets (the values before and after, for display only).
 */
import type { DeploymentSet, PlainDelta } from '@/api/types';
import type { ChangeKind, PatchOp } from './field-changes';
import { parsePointer } from '../json-schema/pointer';

/** What happened to a workload or shared resource; `unchanged` only when the sets are known. */
export type EntryKind = ChangeKind | 'unchanged';

/** Counts and names for the summary, straight from the delta. */
export interface DiffSummaryData {
  workloads: { added: string[]; removed: string[]; changed: string[] };
  shared: { added: string[]; removed: string[]; changed: string[] };
  /** How many patch ops edit what both sides have: workload updates, and shared ops inside a resource. */
  opCount: number;
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

/**
 * Summary of a delta. A shared resource is added or removed when an op
 * adds or removes it whole (`/db`), changed when an op touches a field in it;
 * `fromShared` (the old shared map) tells a whole replacement from an addition.
 */
export function summarizeDelta(
  delta: PlainDelta,
  fromShared?: Record<string, unknown>,
): DiffSummaryData {
  // Ops that edit a resource both sides have (not one added or removed whole), as workload updates do.
  let sharedFieldOps = 0;
  const shared = {
    added: new Set<string>(),
    removed: new Set<string>(),
    changed: new Set<string>(),
  };
  for (const op of delta.shared ?? []) {
    const [name, ...rest] = parsePointer(op.path) ?? [];
    if (name === undefined) continue;
    const existed = fromShared
      ? Object.hasOwn(fromShared, name)
      : op.op !== 'add';
    if (
      rest.length > 0 ||
      op.op === 'replace' ||
      (op.op === 'add' && existed)
    ) {
      shared.changed.add(name);
      sharedFieldOps += 1;
    } else if (op.op === 'remove') shared.removed.add(name);
    else shared.added.add(name);
  }
  const update = delta.modules.update ?? {};
  return {
    workloads: {
      added: sorted(Object.keys(delta.modules.add ?? {})),
      removed: sorted(delta.modules.remove ?? []),
      changed: sorted(
        Object.keys(update).filter((id) => (update[id] ?? []).length > 0),
      ),
    },
    shared: {
      added: sorted(shared.added),
      removed: sorted(shared.removed),
      changed: sorted(shared.changed),
    },
    opCount:
      Object.values(update).reduce((n, ops) => n + (ops?.length ?? 0), 0) +
      sharedFieldOps,
  };
}

/** Whether a delta changes nothing. */
export function isEmptyDelta(summary: DiffSummaryData) {
  const { workloads: w, shared: s } = summary;
  return [w.added, w.removed, w.changed, s.added, s.removed, s.changed].every(
    (list) => list.length === 0,
  );
}

/** One workload of the comparison, with its values before and after. */
export interface WorkloadEntry {
  id: string;
  kind: EntryKind;
  ops: PatchOp[];
  before?: unknown;
  after?: unknown;
}

/**
 * The workloads to list: every workload of either set, in id order, with its
 * kind from the delta (`unchanged` when the delta does not name it).
 */
export function workloadEntries(
  delta: PlainDelta,
  from: DeploymentSet,
  to: DeploymentSet,
): WorkloadEntry[] {
  const added = delta.modules.add ?? {};
  const removed = new Set(delta.modules.remove ?? []);
  const update = delta.modules.update ?? {};
  const ids = sorted([
    ...Object.keys(from.modules),
    ...Object.keys(to.modules),
    ...Object.keys(added),
    ...removed,
  ]);
  return ids.map((id) => {
    const ops = (update[id] ?? []) as PatchOp[];
    const kind: EntryKind = Object.hasOwn(added, id)
      ? from.modules[id]
        ? 'changed'
        : 'added'
      : removed.has(id)
        ? 'removed'
        : ops.length > 0
          ? 'changed'
          : 'unchanged';
    return {
      id,
      kind,
      ops,
      before: from.modules[id],
      after: to.modules[id] ?? added[id],
    };
  });
}

/** Lower-case search match on a workload id. */
export function matchesSearch(id: string, query: string) {
  const q = query.trim().toLowerCase();
  return q === '' || id.toLowerCase().includes(q);
}
