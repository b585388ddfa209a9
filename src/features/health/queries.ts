import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { healthQueries } from '@/api/queries/health';

/** Health from the console extension; `null` data means the API does not offer it (policy in `src/api/queries/health.ts`). */
/** The "needs attention" list a page at a time (`null` pages: the API does not offer it). */
export const useAttention = (orgId: string) =>
  useInfiniteQuery(healthQueries.attention(orgId));
export const useAppHealth = (orgId: string, appId: string) =>
  useQuery(healthQueries.app(orgId, appId));
export const useEnvironmentHealth = (
  orgId: string,
  appId: string,
  envId: string,
) => useQuery(healthQueries.env(orgId, appId, envId));
