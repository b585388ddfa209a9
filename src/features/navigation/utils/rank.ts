import { scoreTokens, tokenize } from './fuzzy';
import type { ItemKind, SearchItem } from './search-items';

/** A group of palette results. */
export type GroupId = 'pinned' | 'recent' | ItemKind;

export const GROUP_LABELS: Record<GroupId, string> = {
  pinned: 'Pinned',
  recent: 'Recent',
  action: 'Actions',
  app: 'Applications',
  env: 'Environments',
  workload: 'Workloads',
  deployment: 'Deployments',
  profile: 'Workload profiles',
  pipeline: 'Pipelines',
  run: 'Pipeline runs',
  approval: 'Waiting for your approval',
  page: 'Pages',
};

/** Group order when scores tie. */
const KIND_ORDER: ItemKind[] = [
  'approval',
  'action',
  'page',
  'app',
  'env',
  'workload',
  'deployment',
  'profile',
  'pipeline',
  'run',
];

/** Among equal matches, apps come before their environments, environments before workloads and deployments. */
const KIND_BONUS: Record<ItemKind, number> = {
  app: 8,
  env: 6,
  page: 6,
  // An action beats a page of the same match: "deploy" means Deploy…, not the Deployers section.
  action: 7,
  workload: 3,
  profile: 2,
  pipeline: 4,
  run: 0,
  // A run waiting for you beats the same run among the others, and the pipeline it belongs to.
  approval: 5,
  deployment: 0,
};

const score = (tokens: string[], item: SearchItem) => {
  const s = scoreTokens(tokens, item.text, item.primary);
  return s > 0 ? s + KIND_BONUS[item.kind] : 0;
};

export interface RankedGroup {
  id: GroupId;
  label: string;
  items: SearchItem[];
  /** How many items matched (items holds at most `limit`). */
  total: number;
}

export interface RankContext {
  /** Pinned items, in the user's order. */
  pinned?: readonly SearchItem[];
  /** Recent items, most recent first. */
  recent?: readonly SearchItem[];
  /** Most items shown per group (default 200). */
  limit?: number;
  /** Kinds listed in full for the empty query (default: actions, pages, apps). */
  browseKinds?: readonly ItemKind[];
}

/**
 * The `k` best-scored indices seen so far, in a min-heap on (score, -index):
 * the root is the worst of the best. Feeding n indices costs O(n log k), so a
 * one-letter query matching 20,000 items does not sort them all.
 */
class TopK {
  readonly heap: number[] = [];
  count = 0;
  constructor(
    private readonly scores: Float64Array,
    private readonly k: number,
  ) {}

  private worse(a: number, b: number) {
    const { scores } = this;
    return scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  }

  push(index: number) {
    this.count += 1;
    const { heap } = this;
    if (heap.length < this.k) {
      heap.push(index);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (!this.worse(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (this.k > 0 && this.worse(heap[0], index)) {
      heap[0] = index;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.worse(heap[l], heap[m])) m = l;
        if (r < heap.length && this.worse(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
  }

  /** Best first; ties keep index order. */
  sorted() {
    const { scores } = this;
    return [...this.heap].sort((a, b) => scores[b] - scores[a] || a - b);
  }
}

/** The indices of the `k` best-scored entries of `list`, best first (ties keep index order). */
export function topK(
  list: ArrayLike<number>,
  scores: Float64Array,
  k: number,
): number[] {
  const top = new TopK(scores, k);
  for (let n = 0; n < list.length; n += 1) top.push(list[n]);
  return top.sorted();
}

/** Buffers a ranker reuses between keystrokes (no large allocations while typing). */
export interface RankScratch {
  scores: Float64Array;
  out: Int32Array;
}

const identities = new WeakMap<readonly SearchItem[], Int32Array>();
function everyIndex(items: readonly SearchItem[]) {
  let all = identities.get(items);
  if (!all) identities.set(items, (all = Int32Array.from(items.keys())));
  return all;
}

/**
 * Groups for the empty query: pinned, recent, then every item of the browsed
 * kinds but the search-only ones (the palette virtualizes the list).
 */
function browse(items: readonly SearchItem[], ctx: RankContext): RankedGroup[] {
  const groups: RankedGroup[] = [];
  const all = (id: GroupId, list: readonly SearchItem[]) => {
    if (list.length)
      groups.push({
        id,
        label: GROUP_LABELS[id],
        items: [...list],
        total: list.length,
      });
  };
  all('pinned', ctx.pinned ?? []);
  all('recent', ctx.recent ?? []);
  for (const kind of ctx.browseKinds ?? ['action', 'page', 'app'])
    all(
      kind,
      items.filter((i) => i.kind === kind && !i.searchOnly),
    );
  return groups;
}

/**
 * Ranks `items` for `query`: every token must match (see fuzzy.ts); matching
 * pinned and recent items come first, in groups of their own (and are not
 * repeated below); the other groups follow, ordered by their best score.
 * `candidates` (indices into `items`) restricts the scan, e.g. to the matches
 * of a shorter query that this one extends.
 */
export function rankItems(
  items: readonly SearchItem[],
  query: string,
  ctx: RankContext = {},
  candidates?: Int32Array,
  scratch?: RankScratch,
): { groups: RankedGroup[]; matched: Int32Array } {
  const tokens = tokenize(query);
  if (tokens.length === 0)
    return { groups: browse(items, ctx), matched: new Int32Array(0) };
  const limit = ctx.limit ?? 200;
  const special = new Set<string>();
  const groups: RankedGroup[] = [];
  for (const id of ['pinned', 'recent'] as const) {
    const list = (ctx[id] ?? []).filter((item) => !special.has(item.key));
    for (const item of list) special.add(item.key);
    const scores = Float64Array.from(list, (item) => score(tokens, item));
    const hits = [...list.keys()].filter((i) => scores[i] > 0);
    if (hits.length)
      groups.push({
        id,
        label: GROUP_LABELS[id],
        items: topK(hits, scores, limit).map((i) => list[i]),
        total: hits.length,
      });
  }
  // One monomorphic pass over typed arrays: every match is scored and offered
  // to its kind's top-k; the matches are kept for the next, longer query.
  const scores = scratch?.scores ?? new Float64Array(items.length);
  const out = scratch?.out ?? new Int32Array(items.length);
  const scan = candidates ?? everyIndex(items);
  const tops = new Map<ItemKind, TopK>();
  let count = 0;
  for (let n = 0; n < scan.length; n += 1) {
    const i = scan[n];
    const item = items[i];
    const value = score(tokens, item);
    if (value <= 0) continue;
    out[count] = i;
    count += 1;
    scores[i] = value;
    if (special.size > 0 && special.has(item.key)) continue;
    let top = tops.get(item.kind);
    if (!top) tops.set(item.kind, (top = new TopK(scores, limit)));
    top.push(i);
  }
  const rest = [...tops.entries()].map(([kind, top]) => ({
    kind,
    total: top.count,
    best: top.sorted(),
  }));
  rest.sort(
    (a, b) =>
      scores[b.best[0]] - scores[a.best[0]] ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  for (const { kind, total, best } of rest) {
    groups.push({
      id: kind,
      label: GROUP_LABELS[kind],
      items: best.map((i) => items[i]),
      total,
    });
  }
  return { groups, matched: out.subarray(0, count) };
}

/**
 * A ranker that remembers its last query: when the next query extends it
 * (typing on), only the previous matches are scanned again, since a match
 * of the longer query is always a match of the shorter one. Two buffers
 * alternate: one holds the previous matches while the other receives the new.
 */
export function createRanker() {
  let last:
    | { items: readonly SearchItem[]; query: string; matched: Int32Array }
    | undefined;
  let buffers:
    | {
        items: readonly SearchItem[];
        scores: Float64Array;
        out: [Int32Array, Int32Array];
        turn: 0 | 1;
      }
    | undefined;
  return (
    items: readonly SearchItem[],
    query: string,
    ctx: RankContext = {},
  ) => {
    if (buffers?.items !== items) {
      const n = items.length;
      buffers = {
        items,
        scores: new Float64Array(n),
        out: [new Int32Array(n), new Int32Array(n)],
        turn: 0,
      };
    }
    const normal = query.toLowerCase();
    const reuse =
      last &&
      last.items === items &&
      last.query.trim() !== '' &&
      normal.startsWith(last.query)
        ? last.matched
        : undefined;
    buffers.turn = buffers.turn === 0 ? 1 : 0;
    const scratch = { scores: buffers.scores, out: buffers.out[buffers.turn] };
    const result = rankItems(items, normal, ctx, reuse, scratch);
    last = { items, query: normal, matched: result.matched };
    return result.groups;
  };
}
