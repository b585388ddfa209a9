import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams, useSearchParams } from 'react-router';
import { fleetQueries } from '@/api/queries/fleet';
import { PageHeader } from '@/components/layout/page-header';
import { FleetPage } from '@/features/fleet/components/fleet-page';
import { RouteError } from './route-error';

type Params = { orgId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const { orgId } = params as Params;
    const baseline = new URL(request.url).searchParams.get('baseline') || orgId;
    // The page shows its own error or "unavailable" state; loading it never blocks the route.
    await queryClient.prefetchQuery(fleetQueries.overview(orgId, baseline));
    return null;
  };

export function Component() {
  const { orgId } = useParams() as Params;
  const [search, setSearch] = useSearchParams();
  const baseline = search.get('baseline') || orgId;
  return (
    <>
      <PageHeader title="Fleet" />
      <FleetPage
        orgId={orgId}
        baseline={baseline}
        onBaselineChange={(next) =>
          setSearch(next === orgId ? {} : { baseline: next }, { replace: true })
        }
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
