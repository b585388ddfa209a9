import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import {
  getAppHealth,
  getAttentionPage,
  getEnvironmentHealth,
  getOrgHealth,
  type AttentionPage,
} from '../health';
import { keys } from './keys';

/**
 * Refetch policy of health (console extension; `null` data means the API does
 * not offer it, and then it is never polled): every second while something
 * deploys (or a canary progresses), every 10 s otherwise (restart counts and
 * reasons change with time). The app page, the sidebar's environments and
 * the switchers share the app's entry, so one poll serves them all; the
 * landing pages what needs attention (`attention`); only the palette reads
 * the whole organisation's health, and not past the browser's index.
 */
export const HEALTH_LIVE_MS = 1000;
export const HEALTH_IDLE_MS = 10_000;

const interval = (deploying: boolean) =>
  deploying ? HEALTH_LIVE_MS : HEALTH_IDLE_MS;

/** Rows of the "needs attention" list per page (the landing's first screenful and each "Show more"). */
export const ATTENTION_PER_PAGE = 20;

export const healthQueries = {
  org: (orgId: string) =>
    queryOptions({
      queryKey: keys.orgHealth(orgId),
      queryFn: () => getOrgHealth(orgId),
      refetchInterval: (query) =>
        query.state.data === null
          ? false
          : interval(
              !!query.state.data?.apps.some((a) =>
                a.envs.some((e) => e.state === 'Deploying'),
              ),
            ),
    }),
  /**
   * The "needs attention" list a page at a time (a 10,000-app organisation
   * has thousands of rows; the whole health is megabytes), under the org
   * health's key so what invalidates one invalidates both. Polled every 10 s
   * (its rows carry no deploying state).
   */
  attention: (orgId: string) =>
    infiniteQueryOptions({
      queryKey: [...keys.orgHealth(orgId), 'attention'] as const,
      queryFn: ({ pageParam }) =>
        getAttentionPage(orgId, ATTENTION_PER_PAGE, pageParam),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last: AttentionPage | null) => last?.next,
      refetchInterval: (query) =>
        query.state.data?.pages[0] === null ? false : HEALTH_IDLE_MS,
    }),
  app: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: keys.appHealth(orgId, appId),
      queryFn: () => getAppHealth(orgId, appId),
      refetchInterval: (query) =>
        query.state.data === null
          ? false
          : interval(
              !!query.state.data?.envs.some((e) => e.state === 'Deploying'),
            ),
    }),
  env: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: keys.envHealth(orgId, appId, envId),
      queryFn: () => getEnvironmentHealth(orgId, appId, envId),
      refetchInterval: (query) =>
        query.state.data === null
          ? false
          : interval(
              query.state.data?.state === 'Deploying' ||
                ['deploying', 'progressing'].includes(
                  query.state.data?.canary?.status ?? '',
                ),
            ),
    }),
};
