import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { PageHeader } from '@/components/layout/page-header';
import { EnvironmentsTable } from '@/features/apps/components/environments-table';
import { appQueries, useApp } from '@/features/apps/queries';
import { RouteError } from './route-error';

export const loader = (queryClient: QueryClient) => async ({ params }: LoaderFunctionArgs) => {
  const { orgId, appId } = params as { orgId: string; appId: string };
  await Promise.all([
    queryClient.ensureQueryData(appQueries.detail(orgId, appId)),
    queryClient.ensureQueryData(appQueries.environments(orgId, appId)),
  ]);
  return null;
};

export function Component() {
  const { orgId, appId } = useParams() as { orgId: string; appId: string };
  const { data: app } = useApp(orgId, appId);
  return (
    <>
      <PageHeader title={app.name}>
        <span>
          Application <code>{app.id}</code>
        </span>
        <span>{app.envs.length} environments</span>
      </PageHeader>
      <section className="panel" aria-labelledby="envs-heading">
        <div className="panel__header">
          <h2 id="envs-heading">Environments</h2>
        </div>
        <div className="panel__body--flush">
          <EnvironmentsTable orgId={orgId} appId={appId} />
        </div>
      </section>
    </>
  );
}

export const ErrorBoundary = RouteError;
