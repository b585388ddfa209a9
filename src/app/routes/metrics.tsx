import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import type { DoraWindow } from '@/api/metrics';
import { metricsQueries } from '@/api/queries/metrics';
import { PageHeader } from '@/components/layout/page-header';
import { MetricsPage } from '@/features/metrics/components/metrics-page';
import { useSearchUpdate } from '@/hooks/use-search-update';
import { RouteError } from './route-error';

type Params = { orgId: string };

function filtersOf(search: URLSearchParams): {
  window: DoraWindow;
  app?: string;
} {
  return {
    window: search.get('window') === '90d' ? '90d' : '30d',
    app: search.get('app') || undefined,
  };
}

export const loader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const { orgId } = params as Params;
    const { window, app } = filtersOf(new URL(request.url).searchParams);
    // The page shows its own error or "unavailable" state.
    await Promise.all([
      queryClient.prefetchQuery(metricsQueries.dora(orgId, window)),
      app
        ? queryClient.prefetchQuery(metricsQueries.dora(orgId, window, app))
        : null,
    ]);
    return null;
  };

export function Component() {
  const { orgId } = useParams() as Params;
  const [search, updateSearch] = useSearchUpdate();
  return (
    <>
      <PageHeader title="Team performance" />
      <MetricsPage
        orgId={orgId}
        filters={filtersOf(search)}
        onChange={(change) =>
          updateSearch(
            (current) => {
              const next = change(filtersOf(current));
              return {
                ...(next.window !== '30d' ? { window: next.window } : {}),
                ...(next.app ? { app: next.app } : {}),
              };
            },
            { replace: true },
          )
        }
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
