import { useMemo } from 'react';
import { useLocation } from 'react-router';
import { useEnvironmentHealth } from './use-health-states';
import { useNavIndex, usePalettePipelines } from '../queries';
import { entryItem } from '../utils/nav-entries';
import { stepItems, stepKinds, type PaletteStep } from '../utils/palette-steps';
import { createRanker, type RankedGroup } from '../utils/rank';
import { searchItemsFor } from '../utils/search-cache';
import {
  pageItems,
  actionItems,
  pipelineItems,
  type SearchItem,
} from '../utils/search-items';
import { timed } from '../utils/timed';
import { useNavEntries } from './use-nav-entries';

/** The name of the performance measure taken around each filter run (read by the palette benchmark). */
export const FILTER_MEASURE = 'palette-filter';

/** Everything the palette shows for the step and query: grouped, ranked results and the index state. */
export function usePaletteResults(
  orgId: string | undefined,
  step: PaletteStep,
  query: string,
  currentAppId?: string,
) {
  const index = useNavIndex(orgId);
  const pipelines = usePalettePipelines(orgId);
  const health = useEnvironmentHealth(orgId);
  const { recents, pins } = useNavEntries(orgId);
  const { pathname } = useLocation();
  const all = useMemo<readonly SearchItem[]>(() => {
    if (!orgId) return actionItems();
    const items = index.data
      ? searchItemsFor(orgId, index.data)
      : [...pageItems(orgId), ...actionItems()];
    // Pipelines come from their own API; without it, the palette goes without them.
    return pipelines.data
      ? [
          ...items,
          ...pipelineItems(
            orgId,
            pipelines.data.pipelines,
            pipelines.data.runs,
          ),
        ]
      : items;
  }, [orgId, index.data, pipelines.data]);
  const items = useMemo(
    () => stepItems(all, step, currentAppId),
    [all, step, currentAppId],
  );
  const live = useMemo(() => new Map(all.map((i) => [i.key, i])), [all]);
  const context = useMemo(() => {
    const inStep =
      step.kind === 'root' ? undefined : new Set(items.map((i) => i.key));
    const allowed = (item: SearchItem) => !inStep || inStep.has(item.key);
    return {
      pinned: pins.map((e) => entryItem(e, live)).filter(allowed),
      // Not the page you are on: the palette is for going somewhere else.
      recent: recents
        .filter((e) => e.to !== pathname)
        .map((e) => entryItem(e, live))
        .filter(allowed),
      browseKinds: stepKinds(step),
    };
  }, [pins, recents, live, items, step, pathname]);
  const ranker = useMemo(() => createRanker(), []);
  const ranked = useMemo<RankedGroup[]>(() => {
    return timed(FILTER_MEASURE, () => ranker(items, query, context), {
      query,
      items: items.length,
    });
  }, [ranker, items, query, context]);
  // Environments show their health, as in the sidebar (only the rows shown).
  const groups = useMemo(
    () =>
      ranked.map((group) => ({
        ...group,
        items: group.items.map((item) =>
          item.kind === 'env' && item.appId && item.envId
            ? { ...item, status: health(item.appId, item.envId, item.status) }
            : item,
        ),
      })),
    [ranked, health],
  );
  return { groups, index, itemCount: items.length };
}
