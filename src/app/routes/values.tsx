import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { envQueries } from '@/api/queries/environments';
import { valueQueries } from '@/api/queries/values';
import { PageHeader } from '@/components/layout/page-header';
import { ValuesPage } from '@/features/values/components/values-page';
import { useCan } from '@/hooks/use-can';
import { RouteError } from './route-error';

type Params = { orgId: string; appId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { orgId, appId } = params as Params;
    // Start both; the page shows its own loading and error states.
    void queryClient.prefetchQuery(envQueries.list(orgId, appId));
    void queryClient.prefetchQuery(valueQueries.list({ orgId, appId }));
    return null;
  };

export function Component() {
  const { orgId, appId } = useParams() as Params;
  const edit = useCan(orgId, 'edit', { appId });
  return (
    <>
      <PageHeader title="Values" documentTitle={`Values of ${appId}`}>
        <p className="muted">
          Shared values and secrets of {appId}: what workloads read as{' '}
          <code>{'${values.KEY}'}</code>, per environment.
        </p>
      </PageHeader>
      <ValuesPage orgId={orgId} appId={appId} canEdit={edit.allowed} />
    </>
  );
}

export const ErrorBoundary = RouteError;
