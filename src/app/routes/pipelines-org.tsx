import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { pipelineQueries } from '@/api/queries/pipelines';
import { PageHeader } from '@/components/layout/page-header';
import { PipelineList } from '@/features/pipelines/components/pipeline-list';
import { RouteError } from './route-error';
import { Panel, PanelBody } from '@/components/ui/panel';

type Params = { orgId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    await queryClient.ensureQueryData(
      pipelineQueries.org((params as Params).orgId),
    );
    return null;
  };

export function Component() {
  const { orgId } = useParams() as Params;
  const { data } = useSuspenseQuery(pipelineQueries.org(orgId));
  return (
    <>
      <PageHeader title="Pipelines">
        <span>
          Deploy, test, approve and promote in steps; deployment requests are
          routed to pipelines by criteria.
        </span>
      </PageHeader>
      <Panel titleId="pipelines-heading" title="Every app’s pipelines">
        <PanelBody flush>
          <PipelineList orgId={orgId} pipelines={data} showApp />
        </PanelBody>
      </Panel>
    </>
  );
}

export const ErrorBoundary = RouteError;
