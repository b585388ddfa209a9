import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { auditQueries } from '@/api/queries/audit';
import { navigationQueries } from '@/api/queries/navigation';
import { userQueries } from '@/api/queries/users';
import { apiFilters, type AuditPageFilters } from './utils/filters';

/** The audit log with the page's filters, page by page (`fetchNextPage` loads more); not fetched while `enabled` is false. */
export const useAuditLog = (
  orgId: string,
  filters: AuditPageFilters,
  enabled = true,
) =>
  useInfiniteQuery({
    ...auditQueries.log(orgId, filters, (asOf) =>
      apiFilters(orgId, filters, asOf),
    ),
    enabled,
  });

/** The organisation's members (to name who made a call and to filter by them). */
export const useAuditUsers = (orgId: string) =>
  useQuery(userQueries.list(orgId));

/** Apps and their environments (to filter by object). */
export const useAuditApps = (orgId: string) =>
  useQuery(navigationQueries.index(orgId));
