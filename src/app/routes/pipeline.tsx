import type { QueryClient } from '@tanstack/react-query';
import { useSuspenseQuery } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useParams } from 'react-router';
import { pipelineQueries } from '@/api/queries/pipelines';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { PipelineEditor } from '@/features/pipelines/components/pipeline-editor';
import { CallPipeline } from '@/features/pipelines/components/call-pipeline';
import { CriteriaPanel } from '@/features/pipelines/components/criteria-panel';
import { RequestDeployment } from '@/features/pipelines/components/request-deployment';
import { RunList } from '@/features/pipelines/components/run-list';
import { NEW_PIPELINE_YAML } from '@/features/pipelines/utils/template';
import { useCan } from '@/hooks/use-can';
import { RouteError } from './route-error';
import { Panel, PanelBody } from '@/components/ui/panel';

type Params = { orgId: string; appId: string; pipelineId: string };

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    const { orgId, appId, pipelineId } = params as Params;
    if (pipelineId === 'new') return null;
    await Promise.all([
      queryClient.ensureQueryData(
        pipelineQueries.detail(orgId, appId, pipelineId),
      ),
      queryClient.ensureQueryData(
        pipelineQueries.yaml(orgId, appId, pipelineId),
      ),
    ]);
    return null;
  };

function NewPipeline({ orgId, appId }: Omit<Params, 'pipelineId'>) {
  const edit = useCan(orgId, 'edit', { appId });
  return (
    <>
      <PageHeader title="New pipeline">
        <Link to={paths.pipelines(orgId, appId)}>Pipelines of {appId}</Link>
      </PageHeader>
      <PipelineEditor
        orgId={orgId}
        appId={appId}
        saved=""
        initial={NEW_PIPELINE_YAML}
        canEdit={edit.allowed}
      />
    </>
  );
}

export function Component() {
  const params = useParams() as Params;
  if (params.pipelineId === 'new')
    return <NewPipeline orgId={params.orgId} appId={params.appId} />;
  return <PipelineDetail {...params} />;
}

function PipelineDetail({ orgId, appId, pipelineId }: Params) {
  const { data: pipeline } = useSuspenseQuery(
    pipelineQueries.detail(orgId, appId, pipelineId),
  );
  const { data: yaml } = useSuspenseQuery(
    pipelineQueries.yaml(orgId, appId, pipelineId),
  );
  const edit = useCan(orgId, 'edit', { appId });
  return (
    <>
      <PageHeader
        title={pipeline.name}
        status={<span className="muted">version {pipeline.version}</span>}
      >
        <Link to={paths.pipelines(orgId, appId)}>Pipelines of {appId}</Link>
        <span className="muted">
          {' '}
          · triggers: {pipeline.trigger_types.join(', ').replace(/_/g, ' ')}
        </span>
      </PageHeader>
      {pipeline.trigger_types.includes('pipeline_call') && (
        <Panel>
          <PanelBody>
            <CallPipeline
              key={pipeline.version}
              orgId={orgId}
              appId={appId}
              pipelineId={pipelineId}
              yaml={yaml}
              can={edit}
            />
          </PanelBody>
        </Panel>
      )}
      {pipeline.trigger_types.includes('deployment_request') && (
        <Panel>
          <PanelBody>
            <div className="stack">
              <CriteriaPanel
                orgId={orgId}
                appId={appId}
                pipelineId={pipelineId}
                can={edit}
              />
              <RequestDeployment
                orgId={orgId}
                appId={appId}
                pipelineId={pipelineId}
                canRun={edit.allowed}
              />
            </div>
          </PanelBody>
        </Panel>
      )}
      <Panel titleId="runs-heading" title="Runs">
        <PanelBody flush>
          <RunList
            orgId={orgId}
            appId={appId}
            pipelineId={pipelineId}
            triggers={pipeline.trigger_types}
          />
        </PanelBody>
      </Panel>
      <Panel titleId="definition-heading" title="Definition">
        <PanelBody>
          <PipelineEditor
            key={pipeline.version}
            orgId={orgId}
            appId={appId}
            pipelineId={pipelineId}
            saved={yaml}
            canEdit={edit.allowed}
          />
        </PanelBody>
      </Panel>
    </>
  );
}

export const ErrorBoundary = RouteError;
