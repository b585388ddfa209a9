import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { isNotFound } from '@/lib/errors';
import { getApp, listApps } from '../apps';
import { getNavigationPage, type NavigationIndex } from '../navigation';
import { keys } from './keys';

/** Apps per page of the app list (the landing's first screenful and each "Show more"). */
export const APPS_PER_PAGE = 100;

/** One page of the app list: rows sorted by name, the apps matching over all pages, the next page's token. */
export interface AppsPage {
  apps: NavigationIndex['apps'];
  total: number;
  next?: string;
}

// Made on first use (only against an API without the navigation index): making one loads locale data.
let collator: Intl.Collator | undefined;

/**
 * A page of the apps matching `q`, by name: the navigation index's pages
 * (console extension; the server filters and sorts, so 10,000 apps are
 * never sent at once). A real Humanitec API has no such endpoint (404) and
 * no paging for its app list: then the spec's list, sorted and filtered
 * here, and the token is the offset.
 */
async function loadAppsPage(
  orgId: string,
  q: string,
  page: string | undefined,
): Promise<AppsPage> {
  try {
    const { index, next } = await getNavigationPage(orgId, {
      perPage: APPS_PER_PAGE,
      page,
      q,
      sort: 'name',
      deploysPerEnv: 0,
    });
    return { apps: index.apps, total: index.total_apps ?? 0, next };
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = (await listApps(orgId))
    .filter((app) => {
      const text = `${app.id} ${app.name.toLowerCase()} ${app.envs.map((e) => `${e.id} ${e.name.toLowerCase()}`).join(' ')}`;
      return words.every((word) => text.includes(word));
    })
    .sort((a, b) =>
      (collator ??= new Intl.Collator(undefined, {
        sensitivity: 'base',
        numeric: true,
      })).compare(a.name, b.name),
    );
  const start = Number(page ?? 0);
  const end = start + APPS_PER_PAGE;
  return {
    apps: matching.slice(start, end).map(({ id, name, created_at, envs }) => ({
      id,
      name,
      created_at,
      envs: envs.map(({ id: envId, name: envName, type }) => ({
        id: envId,
        name: envName,
        type,
        workloads: [],
      })),
    })),
    total: matching.length,
    ...(end < matching.length ? { next: String(end) } : {}),
  };
}

/** Refetch policy: the TanStack defaults (stale at once, refetched on mount and focus; no polling). */
export const appQueries = {
  list: (orgId: string) =>
    queryOptions({
      queryKey: keys.appList(orgId),
      queryFn: () => listApps(orgId),
    }),
  /** The app list a page at a time (under the list's key: what invalidates the list invalidates its pages). */
  pages: (orgId: string, q: string) =>
    infiniteQueryOptions({
      queryKey: [...keys.appList(orgId), 'pages', q] as const,
      queryFn: ({ pageParam }) => loadAppsPage(orgId, q, pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: AppsPage) => last.next,
    }),
  detail: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: keys.appDetail(orgId, appId),
      queryFn: () => getApp(orgId, appId),
    }),
};
