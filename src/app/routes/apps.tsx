import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { AppsTable } from '@/features/apps/components/apps-table';
import { appQueries } from '@/features/apps/queries';
import { RouteError } from './route-error';

export const loader = (queryClient: QueryClient) => async ({ params }: LoaderFunctionArgs) => {
  await queryClient.ensureQueryData(appQueries.list(params.orgId!));
  return null;
};

export function Component() {
  const { orgId } = useParams() as { orgId: string };
  return (
    <>
      <PageHeader title="Applications" />
      <section className="panel">
        <div className="panel__body--flush">
          <AppsTable orgId={orgId} />
        </div>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteError;
