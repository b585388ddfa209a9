import { infiniteQueryOptions } from '@tanstack/react-query';
import { searchAuditLog, type AuditFilters } from '../audit';
import { keys } from './keys';

/** Where a page of the log starts: its token, and the moment relative time ranges count back from. */
interface AuditPageParam {
  page?: string;
  asOf?: number;
}

/**
 * The audit log, page by page ("Load more"). `filters` is the page's own filter object (the key);
 * `toApi` turns it into the API's filters as of a moment, taken once when the first page is read so
 * later pages continue the same query. Refetch policy: TanStack defaults, no polling.
 */
export const auditQueries = {
  log: (
    orgId: string,
    filters: object,
    toApi: (asOf: number) => AuditFilters,
  ) =>
    infiniteQueryOptions({
      queryKey: keys.auditLog(orgId, filters),
      queryFn: async ({ pageParam }: { pageParam: AuditPageParam }) => {
        const asOf = pageParam.asOf ?? Date.now();
        const page = await searchAuditLog(orgId, toApi(asOf), pageParam.page);
        return { ...page, asOf };
      },
      initialPageParam: {} as AuditPageParam,
      getNextPageParam: (last): AuditPageParam | undefined =>
        last.next ? { page: last.next, asOf: last.asOf } : undefined,
      retry: false,
    }),
};
