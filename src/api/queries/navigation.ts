import { queryOptions } from '@tanstack/react-query';
import { isNotFound } from '@/lib/errors';
import { listApps } from '../apps';
import { getNavigationPage, type NavigationIndex } from '../navigation';
import { keys } from './keys';

/**
 * The navigation index; `complete` is false when the API has no index
 * endpoint (apps and environments only); `more` counts the apps past the
 * first {@link NAV_INDEX_APPS} (the palette asks the server for those).
 */
export type NavIndex = NavigationIndex & { complete: boolean; more: number };

/**
 * Apps in the browser's index: the first page in creation order. Searching
 * 1,000 apps, their environments, workloads and deployments stays within a
 * frame per keystroke; 10,000 would not, and would cost megabytes to send.
 */
export const NAV_INDEX_APPS = 1000;

/** Apps the palette asks the server for, per query, when the index is partial. */
export const NAV_SEARCH_APPS = 20;

/** Refetch policy: the index (every app, environment, recent deployment) is fresh for 30 s; no polling. */
export const NAVIGATION_INDEX_STALE_MS = 30_000;

/** Without the extension endpoint (a real Humanitec API answers 404): the spec's app list, apps and envs only. */
async function loadIndex(orgId: string): Promise<NavIndex> {
  try {
    const { index } = await getNavigationPage(orgId, {
      perPage: NAV_INDEX_APPS,
    });
    ready(index.apps.length, index.deployments.length);
    const total = index.total_apps ?? index.apps.length;
    return { ...index, complete: true, more: total - index.apps.length };
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const apps = await listApps(orgId);
    ready(apps.length, 0);
    return {
      org_id: orgId,
      apps: apps.map((app) => ({
        id: app.id,
        name: app.name,
        envs: app.envs.map((env) => ({ ...env, workloads: [] })),
      })),
      deployments: [],
      deploys_per_env: 0,
      profiles: [],
      complete: false,
      more: 0,
    };
  }
}

/** Marks when the index arrived (the palette benchmark's "ready to search" point). */
function ready(apps: number, deployments: number) {
  try {
    performance.mark('navigation-index-ready', {
      detail: { apps, deployments },
    });
  } catch {
    // User Timing Level 3 missing: no mark.
  }
}

export const navigationQueries = {
  index: (orgId: string) =>
    queryOptions({
      queryKey: keys.navigationIndex(orgId),
      queryFn: () => loadIndex(orgId),
      staleTime: NAVIGATION_INDEX_STALE_MS,
    }),
  /** The apps matching `q` (with their environments and recent deployments), from the server. */
  search: (orgId: string, q: string) =>
    queryOptions({
      queryKey: [...keys.navigationIndex(orgId), 'search', q] as const,
      queryFn: async () =>
        (await getNavigationPage(orgId, { perPage: NAV_SEARCH_APPS, q })).index,
      staleTime: NAVIGATION_INDEX_STALE_MS,
    }),
};
