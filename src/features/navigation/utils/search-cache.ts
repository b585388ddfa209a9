import type { NavigationIndex } from '@/api/navigation';
import { createRanker } from './rank';
import {
  actionItems,
  appItems,
  deploymentItems,
  envItems,
  pageItems,
  profileItems,
  workloadItems,
  type SearchItem,
} from './search-items';

/** Apps, or deployments, whose items one step builds (a few ms on a slow machine). */
const APPS_PER_PART = 200;
const DEPLOYMENTS_PER_PART = 2_000;

interface Entry {
  orgId: string;
  /** Builders of the parts of the items, in their order (buildSearchItems's). */
  builders: (() => SearchItem[])[];
  parts: (SearchItem[] | undefined)[];
  items?: readonly SearchItem[];
}

const cache = new WeakMap<NavigationIndex, Entry>();

function slices<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * The items of an index as parts, each built by itself: the apps, the
 * environments, the workloads and the deployments a slice at a time, then
 * the rest. Concatenated in order they are buildSearchItems's items (each
 * builder maps its apps or deployments in order).
 */
function entryFor(orgId: string, index: NavigationIndex): Entry {
  const hit = cache.get(index);
  if (hit && hit.orgId === orgId) return hit;
  const appSlices = slices(index.apps, APPS_PER_PART);
  const builders = [
    ...appSlices.map((apps) => () => appItems({ ...index, apps })),
    ...appSlices.map((apps) => () => envItems({ ...index, apps })),
    ...appSlices.map((apps) => () => workloadItems({ ...index, apps })),
    ...slices(index.deployments, DEPLOYMENTS_PER_PART).map(
      (deployments) => () => deploymentItems({ ...index, deployments }),
    ),
    () => [...profileItems(index), ...pageItems(orgId), ...actionItems()],
  ];
  const entry: Entry = {
    orgId,
    builders,
    parts: builders.map(() => undefined),
  };
  cache.set(index, entry);
  return entry;
}

function buildPart(entry: Entry, part: number) {
  entry.parts[part] ??= entry.builders[part]();
}

/** The palette's items for an index, built once per index (the index object is the cache key). */
export function searchItemsFor(
  orgId: string,
  index: NavigationIndex,
): readonly SearchItem[] {
  const entry = entryFor(orgId, index);
  if (!entry.items) {
    entry.builders.forEach((_, part) => buildPart(entry, part));
    entry.items = entry.parts.flatMap((part) => part ?? []);
  }
  return entry.items;
}

/** Queries that exercise every path of the ranking (substring, subsequence, several tokens, refinement). */
const WARM_UP = ['e', 'er', 'era', 'a p', 'a pr', 'zq'];
/** Items the first warm-up rankings run on: enough to optimise the code, a few ms cold. */
const WARM_UP_ITEMS = 1_500;

/**
 * Builds the items and runs the ranking a few times, so that the palette
 * opens at once and the first keystrokes run optimised code rather than
 * cold code (≈50 ms → ≈3 ms per keystroke on 27,000 items). Returns the
 * work as small steps, to run one per idle callback: the items a part at a
 * time, the cold rankings on a slice of them, then on all of them once.
 */
export function prewarmSteps(
  orgId: string,
  index: NavigationIndex,
): (() => void)[] {
  const rank = createRanker();
  const entry = entryFor(orgId, index);
  const items = () => searchItemsFor(orgId, index);
  let sample: readonly SearchItem[] | undefined;
  const sampleItems = () => (sample ??= items().slice(0, WARM_UP_ITEMS));
  return [
    ...entry.builders.map((_, part) => () => buildPart(entry, part)),
    ...WARM_UP.map((q) => () => void rank(sampleItems(), q)),
    ...WARM_UP.slice(0, 2).map((q) => () => void rank(items(), q)),
  ];
}
