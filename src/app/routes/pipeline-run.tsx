import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { Link, redirect, useParams, useSearchParams } from 'react-router';
import { ApiError } from '@/api/client';
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

/** The shortest run id prefix looked up (the pages show 8 characters). */
const MIN_PREFIX = 6;

export const loader =
  (queryClient: QueryClient) =>
  async ({ params, request }: LoaderFunctionArgs) => {
    const p = params as Params;
    try {
      await queryClient.ensureQueryData(pipelineQueries.run(p));
    } catch (error) {
      // A run's id as the pages show it (its first 8 characters): the one run of the pipeline it starts.
      if (
        !(error instanceof ApiError && error.status === 404) ||
        p.runId.length < MIN_PREFIX
      )
        throw error;
      const runs = await queryClient.fetchQuery(
        pipelineQueries.runs(p.orgId, p.appId, p.pipelineId),
      );
      const matches = runs.filter((run) => run.id.startsWith(p.runId));
      if (matches.length !== 1) throw error;
      const { search, hash } = new URL(request.url);
      throw redirect(
        `${paths.pipelineRun(p.orgId, p.appId, p.pipelineId, matches[0].id)}${search}${hash}`,
      );
    }
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

export function ErrorBoundary() {
  return (
    <RouteError
      up={({ orgId, appId, pipelineId }) =>
        orgId && appId && pipelineId
          ? {
              to: paths.pipeline(orgId, appId, pipelineId),
              label: `Back to pipeline ${pipelineId}`,
            }
          : undefined
      }
    />
  );
}
