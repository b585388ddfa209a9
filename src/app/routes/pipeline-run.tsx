import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, useParams, useSearchParams } from 'react-router';
import { pipelineQueries } from '@/api/queries/pipelines';
import { PageHeader } from '@/components/layout/page-header';
import { paths } from '@/config/paths';
import { RunView } from '@/features/pipelines/components/run-view';
import { useCanDeployTo } from '@/features/pipelines/hooks/use-can-deploy';
import { useCan } from '@/hooks/use-can';
import { RouteError } from './route-error';

type Params = {
  orgId: string;
  appId: string;
  pipelineId: string;
  runId: string;
};

export const loader =
  (queryClient: QueryClient) =>
  async ({ params }: LoaderFunctionArgs) => {
    await queryClient.ensureQueryData(pipelineQueries.run(params as Params));
    return null;
  };

export function Component() {
  const p = useParams() as Params;
  const [search] = useSearchParams();
  const job = search.get('job');
  const step = Number(search.get('step'));
  const selected =
    job && Number.isInteger(step) ? { job, index: step } : undefined;
  const edit = useCan(p.orgId, 'edit', { appId: p.appId });
  const canDeployTo = useCanDeployTo(p.orgId, p.appId);
  return (
    <>
      <PageHeader
        title={`Run ${p.runId.slice(0, 8)}`}
        documentTitle={`Run ${p.runId} of ${p.pipelineId}`}
      >
        <Link to={paths.pipeline(p.orgId, p.appId, p.pipelineId)}>
          Pipeline {p.pipelineId}
        </Link>
      </PageHeader>
      <RunView
        run={p}
        selected={selected}
        canRun={edit.allowed}
        canApprove={canDeployTo}
      />
    </>
  );
}

export const ErrorBoundary = RouteError;
