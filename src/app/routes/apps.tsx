import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { AppsTable } from '@/features/apps/components/apps-table';
import { appQueries } from '@/features/apps/queries';
import { NeedsAttention } from '@/features/health/components/needs-attention';
import { healthQueries } from '@/features/health/queries';
import { RouteError } from './route-error';

export const loader = (queryClient: QueryClient) => async ({ params }: LoaderFunctionArgs) => {
  // Health is an extension and slower on a large organisation: asked for
  // after the list (an API answers in order), never awaited; its panel shows
  // a skeleton, its own error or "unavailable".
  const apps = queryClient.ensureQueryData(appQueries.list(params.orgId!));
  setTimeout(() => void queryClient.prefetchQuery(healthQueries.org(params.orgId!)), 0);
  await apps;
  return null;
};

export function Component() {
  const { orgId } = useParams() as { orgId: string };
  return (
    <>
      <PageHeader title="Applications" />
      <NeedsAttention orgId={orgId} />
      <section className="panel" aria-labelledby="apps-heading">
        <div className="panel__header">
          <h2 id="apps-heading">All applications</h2>
        </div>
        <div className="panel__body--flush">
          <AppsTable orgId={orgId} />
        </div>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteError;
