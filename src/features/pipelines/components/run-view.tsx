import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { pipelineQueries } from '@/api/queries/pipelines';
import { ApiText } from '@/components/ui/api-text';
import { Banner } from '@/components/ui/banner';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useRunApprovals, useRunJobs } from '../queries';
import { jobNeeds } from '../utils/graph';
import { isRunActive, pipelineStatus } from '../utils/status';
import { ApprovalPanel } from './approval-panel';
import { RunActions } from './run-actions';
import { RunGraph } from './run-graph';
import { StepLogs } from './step-logs';
import './pipelines.css';

type RunPath = {
  orgId: string;
  appId: string;
  pipelineId: string;
  runId: string;
};

interface RunViewProps {
  run: RunPath;
  selected?: { job: string; index: number };
  canRun: boolean;
  canApprove: (envId: string) => boolean;
}

/** A run: the verdict first, waiting approvals, the graph of jobs and steps (live), then the selected step's logs. */
export function RunView({
  run: p,
  selected,
  canRun,
  canApprove,
}: RunViewProps) {
  const { data: run } = useSuspenseQuery(pipelineQueries.run(p));
  const active = isRunActive(run.status);
  const jobs = useRunJobs(p, active);
  const approvals = useRunApprovals(p, active);
  const yaml = useQuery(
    pipelineQueries.yaml(p.orgId, p.appId, p.pipelineId, run.pipeline_version),
  );
  const needs = jobNeeds(yaml.data);
  const canaryEnvs = [
    ...new Set(
      (jobs.data ?? []).flatMap((j) =>
        j.steps
          .filter((s) => s.related_entities.canary)
          .map((s) => s.related_entities.env_id),
      ),
    ),
  ];
  const job = selected && jobs.data?.find((j) => j.id === selected.job);
  return (
    <div className="stack">
      <Banner
        label="Run status"
        status={pipelineStatus(run.status)}
        summary={<ApiText text={run.status_message} />}
      >
        <div className="row">
          <span className="muted">
            Environments: {run.env_ids.join(', ') || 'none'}
          </span>
          {canaryEnvs.map((envId) => (
            <Link key={envId} to={paths.canary(p.orgId, p.appId, envId)}>
              Canary in {envId}
            </Link>
          ))}
        </div>
        <RunActions run={run} canRun={canRun} />
      </Banner>
      {approvals.data
        ?.filter((a) => a.status === 'waiting')
        .map((a) => (
          <ApprovalPanel
            key={a.id}
            run={p}
            approval={a}
            canDecide={canApprove(a.env_id)}
          />
        ))}
      <Panel titleId="graph-heading" title="Jobs and steps">
        {jobs.isPending && <Skeleton rows={4} label="Loading the jobs" />}
        {jobs.isError && (
          <ErrorPanel
            error={jobs.error}
            action="load the jobs"
            onRetry={() => jobs.refetch()}
          />
        )}
        {jobs.data && (
          <RunGraph
            jobs={jobs.data}
            needs={needs}
            selected={selected}
            stepLink={(jobId, index) =>
              paths.pipelineRun(p.orgId, p.appId, p.pipelineId, p.runId, {
                job: jobId,
                index,
              })
            }
          />
        )}
      </Panel>
      {job && <StepLogs run={p} job={job} index={selected.index} />}
      {!job && jobs.data && (
        <p className="muted">Choose a step to read its logs.</p>
      )}
      {approvals.data?.some((a) => a.status !== 'waiting') && (
        <section aria-labelledby="decided-heading">
          <h2 id="decided-heading">Approvals</h2>
          {approvals.data
            .filter((a) => a.status !== 'waiting')
            .map((a) => (
              <ApprovalPanel
                key={a.id}
                run={p}
                approval={a}
                canDecide={false}
              />
            ))}
        </section>
      )}
    </div>
  );
}
