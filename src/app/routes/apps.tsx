import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { appQueries, healthQueries } from '@/api/queries';
import { PageHeader } from '@/components/layout/page-header';
import { AppsTable } from '@/features/apps/components/apps-table';
import { NeedsAttention } from '@/features/health/components/needs-attention';
import { RouteError } from './route-error';
import { Panel, PanelBody } from '@/components/ui/panel';

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    // Health is an extension and slower on a large organisation: asked for
    // after the list (an API answers in order), never awaited; its panel shows
    // a skeleton, its own error or "unavailable".
    const apps = queryClient.ensureQueryData(appQueries.list(params.orgId!));
    setTimeout(
      () => void queryClient.prefetchQuery(healthQueries.org(params.orgId!)),
      0,
    );
    await apps;
    return null;
  };

export function Component() {
  const { orgId } = useParams() as { orgId: string };
  return (
    <>
      <PageHeader title="Applications" />
      <NeedsAttention orgId={orgId} />
      <Panel titleId="apps-heading" title="All applications">
        <PanelBody flush>
          <AppsTable orgId={orgId} />
        </PanelBody>
      </Panel>
    </>
  );
}

export const ErrorBoundary = RouteError;
