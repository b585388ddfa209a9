import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useParams } from 'react-router';
import { appQueries } from '@/api/queries/apps';
import { pipelineQueries } from '@/api/queries/pipelines';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { PipelineList } from '@/features/pipelines/components/pipeline-list';
import { RequestDeployment } from '@/features/pipelines/components/request-deployment';
import { useCan } from '@/hooks/use-can';
import { RouteError } from './route-error';
import { Panel, PanelBody } from '@/components/ui/panel';

type Params = { orgId: string; appId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { orgId, appId } = params as Params;
    await Promise.all([
      queryClient.ensureQueryData(pipelineQueries.list(orgId, appId)),
      queryClient.ensureQueryData(appQueries.detail(orgId, appId)),
    ]);
    return null;
  };

export function Component() {
  const { orgId, appId } = useParams() as Params;
  const { data } = useSuspenseQuery(pipelineQueries.list(orgId, appId));
  const { data: app } = useSuspenseQuery(appQueries.detail(orgId, appId));
  const edit = useCan(orgId, 'edit', { appId });
  return (
    <>
      <PageHeader
        title={`Pipelines of ${app.name || appId}`}
        actions={
          edit.allowed ? (
            <Link
              className="button button--primary"
              to={paths.pipeline(orgId, appId, 'new')}
            >
              New pipeline
            </Link>
          ) : (
            <span className="muted">{edit.reason}</span>
          )
        }
      >
        <Link to={paths.app(orgId, appId)}>Back to {app.name || appId}</Link>
      </PageHeader>
      <Panel titleId="pipelines-heading" title="Pipelines">
        <PanelBody flush>
          <PipelineList orgId={orgId} pipelines={data} />
        </PanelBody>
      </Panel>
      {data.some((p) => p.trigger_types.includes('deployment_request')) && (
        <Panel>
          <PanelBody>
            <RequestDeployment
              orgId={orgId}
              appId={appId}
              canRun={edit.allowed}
            />
          </PanelBody>
        </Panel>
      )}
    </>
  );
}

export const ErrorBoundary = RouteError;
