import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { appQueries } from '@/api/queries/apps';
import { type NavIndex } from '@/api/queries/navigation';
import { useSettled } from '@/lib/use-settled';
import { useNavIndex } from '../queries';

/** How long typing pauses before the server is asked for the matching apps. */
const SEARCH_DELAY_MS = 200;

// Made on first use: making one loads locale data, which the module's evaluation need not wait for.
let byName: Intl.Collator | undefined;

/** The apps the sidebar's list and the app switcher show, and how many there are. */
export interface AllApps {
  /** Sorted by name; undefined while loading. */
  apps: NavIndex['apps'] | undefined;
  /** The organisation's apps (all of them, not only those in the browser's index); undefined while loading. */
  total: number | undefined;
  /** The apps matching the filter the server was asked for (`filtered` only). */
  matching: number | undefined;
  /** The server filtered `apps` by the filter already: shown as they are. */
  filtered: boolean;
  /** More matching apps than shown: `showMore` adds the next page. */
  hasMore: boolean;
  loadingMore: boolean;
  showMore: () => void;
  error: unknown;
  retry: () => void;
}

/**
 * Every app of the organisation for the sidebar and the app switcher. While
 * the browser's navigation index holds them all (up to 1,000), from it,
 * filtered here. Past it (a 10,000-app organisation), from the server: the
 * app list's pages by name, 100 at a time, the filter asked of the server
 * once typing pauses, so every app can be found and the count is the true
 * one instead of the index's first 1,000. `enabled`: asked only while shown.
 */
export function useAllApps(
  orgId: string,
  filter: string,
  enabled = true,
): AllApps {
  const index = useNavIndex(orgId);
  const partial = (index.data?.more ?? 0) > 0;
  const q = useSettled(filter.trim(), SEARCH_DELAY_MS);
  const server = useInfiniteQuery({
    ...appQueries.pages(orgId, q),
    enabled: enabled && partial,
    placeholderData: keepPreviousData,
  });
  const local = useMemo(
    () =>
      index.data
        ? [...index.data.apps].sort((a, b) =>
            (byName ??= new Intl.Collator('en')).compare(a.name, b.name),
          )
        : undefined,
    [index.data],
  );
  const total = index.data
    ? index.data.apps.length + index.data.more
    : undefined;
  if (!partial)
    return {
      apps: local,
      total,
      matching: undefined,
      filtered: false,
      hasMore: false,
      loadingMore: false,
      showMore: () => undefined,
      error: index.error,
      retry: () => void index.refetch(),
    };
  return {
    apps: server.data?.pages.flatMap((page) => page.apps),
    total,
    matching: server.data?.pages[0]?.total,
    filtered: true,
    hasMore: server.hasNextPage,
    loadingMore: server.isFetchingNextPage,
    showMore: () => void server.fetchNextPage(),
    error: server.error,
    retry: () => void server.refetch(),
  };
}
