import { useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { AuditLogPage } from '@/features/audit/components/audit-log-page';
import {
  filtersFromSearch,
  searchOfFilters,
} from '@/features/audit/utils/filters';
import { useSearchUpdate } from '@/hooks/use-search-update';
import { RouteError } from './route-error';

type Params = { orgId: string };

export function Component() {
  const { orgId } = useParams() as Params;
  const [search, updateSearch] = useSearchUpdate();
  const filters = filtersFromSearch(search);
  return (
    <>
      <PageHeader title="Audit log">
        <span>
          Every change made through the API: who, what, when and whether it went
          through. Administrators only.
        </span>
      </PageHeader>
      <AuditLogPage
        orgId={orgId}
        filters={filters}
        onChange={(change) =>
          updateSearch(
            (current) => {
              const query: Record<string, string> = {};
              const next = change(filtersFromSearch(current));
              for (const [key, value] of Object.entries(searchOfFilters(next)))
                if (value) query[key] = value;
              return query;
            },
            { replace: true },
          )
        }
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
