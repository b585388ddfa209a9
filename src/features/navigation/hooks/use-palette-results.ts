import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useLocation } from 'react-router';
import { navigationQueries, type NavIndex } from '@/api/queries/navigation';
import type { NavigationIndex } from '@/api/navigation';
import { useSettled } from '@/lib/use-settled';
import { useEnvironmentHealth } from './use-health-states';
import { useNavIndex, usePalettePipelines } from '../queries';
import { entryItem } from '../utils/nav-entries';
import { stepItems, stepKinds, type PaletteStep } from '../utils/palette-steps';
import { createRanker, type RankedGroup } from '../utils/rank';
import { searchItemsFor } from '../utils/search-cache';
import {
  pageItems,
  actionItems,
  approvalItems,
  pipelineItems,
  type SearchItem,
} from '../utils/search-items';
import { timed } from '../utils/timed';
import { useNavEntries } from './use-nav-entries';
import { useAttentionRows } from './use-attention-rows';

/** The name of the performance measure taken around each filter run (read by the palette benchmark). */
export const FILTER_MEASURE = 'palette-filter';

/** How long typing pauses before the server is asked for apps beyond the browser's index. */
const SERVER_SEARCH_DELAY_MS = 150;

/**
 * The apps matching `query` beyond the browser's index (a 10,000-app
 * organisation keeps its first 1,000 in the browser): asked from the server
 * once typing pauses, only when the index is partial; the apps already in
 * the index are left out. Undefined while there is nothing to add.
 */
function useServerMatches(
  orgId: string | undefined,
  index: NavIndex | undefined,
  query: string,
): NavigationIndex | undefined {
  const q = useSettled(query.trim(), SERVER_SEARCH_DELAY_MS);
  const partial = !!orgId && !!index && index.more > 0;
  const found = useQuery({
    ...navigationQueries.search(orgId ?? '', q),
    enabled: partial && q.length >= 2,
    placeholderData: keepPreviousData,
  });
  return useMemo(() => {
    if (!partial || !found.data || q.length < 2) return undefined;
    const local = new Set(index.apps.map((app) => app.id));
    const apps = found.data.apps.filter((app) => !local.has(app.id));
    if (apps.length === 0) return undefined;
    const ids = new Set(apps.map((app) => app.id));
    return {
      ...found.data,
      apps,
      deployments: found.data.deployments.filter((d) => ids.has(d.app_id)),
    };
  }, [partial, found.data, index, q]);
}

/** Everything the palette shows for the step and query: grouped, ranked results and the index state. */
export function usePaletteResults(
  orgId: string | undefined,
  step: PaletteStep,
  query: string,
  currentAppId?: string,
) {
  const index = useNavIndex(orgId);
  const server = useServerMatches(orgId, index.data, query);
  const pipelines = usePalettePipelines(orgId);
  // Past the browser's index (10,000 apps) the organisation's health is not asked for: rows show their last deployment.
  const partial = (index.data?.more ?? 0) > 0;
  const health = useEnvironmentHealth(orgId, partial);
  // The runs waiting for your approval, from the same health (the engine lists only those you may decide).
  const attention = useAttentionRows(orgId, partial);
  const { recents, pins } = useNavEntries(orgId);
  const { pathname } = useLocation();
  const all = useMemo<readonly SearchItem[]>(() => {
    if (!orgId) return actionItems();
    const local = index.data
      ? searchItemsFor(orgId, index.data)
      : [...pageItems(orgId), ...actionItems()];
    // Apps past the browser's index that the server found (pages and actions are in `local` already).
    const items = server
      ? [
          ...local,
          ...searchItemsFor(orgId, server).filter(
            (item) =>
              item.kind !== 'page' &&
              item.kind !== 'action' &&
              item.kind !== 'profile',
          ),
        ]
      : local;
    const approvals = approvalItems(orgId, attention);
    // Pipelines come from their own API; without it, the palette goes without them.
    return pipelines.data || approvals.length
      ? [
          ...items,
          ...approvals,
          ...(pipelines.data
            ? pipelineItems(
                orgId,
                pipelines.data.pipelines,
                pipelines.data.runs,
              )
            : []),
        ]
      : items;
  }, [orgId, index.data, server, pipelines.data, attention]);
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
