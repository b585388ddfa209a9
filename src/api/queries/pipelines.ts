import { queryOptions } from '@tanstack/react-query';
import { isRunActive } from '@/lib/status';
import { ApiError } from '../client';
import {
  getCanary,
  getPipeline,
  getPipelineJobs,
  getPipelineRun,
  getPipelineSchema,
  getPipelineYaml,
  getStepLogs,
  listOrgPipelineRuns,
  listOrgPipelines,
  listPipelineCriteria,
  listPipelineRuns,
  listPipelines,
  listRunApprovals,
  listWaitingApprovals,
} from '../pipelines';
import { keys } from './keys';

export type RunPath = {
  orgId: string;
  appId: string;
  pipelineId: string;
  runId: string;
};

/**
 * Refetch policy: live while something runs. Runs, jobs, approvals, step logs
 * and canaries are polled every second while active and not at all once
 * finished; the palette's pipelines and runs are fresh for 10 s; the pipeline
 * schema never changes within a page load; the rest uses the TanStack defaults.
 */
export const RUN_LIVE_MS = 1000;
/** How often an environment page asks whether a pipeline run waits for an approval to deploy there. */
export const WAITING_APPROVALS_MS = 10_000;
export const PALETTE_PIPELINES_STALE_MS = 10_000;

/** Poll every second while a run executes; stop when it has finished. */
const live = (active: boolean) => (active ? RUN_LIVE_MS : false);

function noCanaryYet(error: unknown): null {
  const details =
    error instanceof ApiError
      ? (error.body.details as { kind?: unknown } | undefined)
      : undefined;
  if (
    error instanceof ApiError &&
    error.status === 404 &&
    details?.kind === 'canary'
  )
    return null;
  throw error;
}

export const pipelineQueries = {
  org: (orgId: string) =>
    queryOptions({
      queryKey: keys.orgPipelines(orgId),
      queryFn: () => listOrgPipelines(orgId),
    }),
  /** The organisation's pipelines and their runs, for the command palette. */
  palette: (orgId: string) =>
    queryOptions({
      queryKey: keys.palettePipelines(orgId),
      queryFn: async () => {
        const [pipelines, runs] = await Promise.all([
          listOrgPipelines(orgId),
          listOrgPipelineRuns(orgId),
        ]);
        return { pipelines, runs };
      },
      staleTime: PALETTE_PIPELINES_STALE_MS,
    }),
  list: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: keys.pipelineList(orgId, appId),
      queryFn: () => listPipelines(orgId, appId),
    }),
  criteria: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: keys.pipelineCriteria(orgId, appId),
      queryFn: () => listPipelineCriteria(orgId, appId),
    }),
  detail: (orgId: string, appId: string, pipelineId: string) =>
    queryOptions({
      queryKey: keys.pipeline(orgId, appId, pipelineId),
      queryFn: () => getPipeline(orgId, appId, pipelineId),
    }),
  yaml: (orgId: string, appId: string, pipelineId: string, version?: string) =>
    queryOptions({
      queryKey: keys.pipelineYaml(
        orgId,
        appId,
        pipelineId,
        version ?? 'current',
      ),
      queryFn: () => getPipelineYaml(orgId, appId, pipelineId, version),
    }),
  schema: (orgId: string) =>
    queryOptions({
      queryKey: keys.pipelineSchema(orgId),
      queryFn: () => getPipelineSchema(orgId),
      staleTime: Infinity,
    }),
  runs: (orgId: string, appId: string, pipelineId: string) =>
    queryOptions({
      queryKey: keys.pipelineRuns(orgId, appId, pipelineId),
      queryFn: () => listPipelineRuns(orgId, appId, pipelineId),
      refetchInterval: (q) =>
        live(!!q.state.data?.some((r) => isRunActive(r.status))),
    }),
  run: ({ orgId, appId, pipelineId, runId }: RunPath) =>
    queryOptions({
      queryKey: keys.pipelineRun(orgId, appId, pipelineId, runId),
      queryFn: () => getPipelineRun({ orgId, appId, pipelineId, runId }),
      refetchInterval: (q) => live(isRunActive(q.state.data?.status)),
    }),
  jobs: ({ orgId, appId, pipelineId, runId }: RunPath, active: boolean) =>
    queryOptions({
      queryKey: keys.runJobs(orgId, appId, pipelineId, runId),
      queryFn: () => getPipelineJobs({ orgId, appId, pipelineId, runId }),
      // While the run is active, and until the jobs last read say they ended too: the run can turn terminal between
      // two reads of its jobs, whose last read still said Running (a finished run showed running jobs until a reload).
      refetchInterval: (q) =>
        live(
          active ||
            !!q.state.data?.some(
              (job) =>
                isRunActive(job.status) ||
                job.steps.some((step) => isRunActive(step.status)),
            ),
        ),
    }),
  /** What waits for a decision in an app (read again now and then: a run elsewhere may ask for one). */
  waitingApprovals: (orgId: string, appId: string) =>
    queryOptions({
      queryKey: keys.waitingApprovals(orgId, appId),
      queryFn: () => listWaitingApprovals(orgId, appId),
      refetchInterval: WAITING_APPROVALS_MS,
    }),
  approvals: (p: RunPath, active: boolean) =>
    queryOptions({
      queryKey: keys.runApprovals(p.orgId, p.appId, p.runId),
      queryFn: () => listRunApprovals(p.orgId, p.appId, p.runId),
      refetchInterval: live(active),
    }),
  logs: (
    {
      orgId,
      appId,
      pipelineId,
      runId,
      jobId,
      stepIndex,
    }: RunPath & { jobId: string; stepIndex: number },
    active: boolean,
  ) =>
    queryOptions({
      queryKey: keys.stepLogs(
        orgId,
        appId,
        pipelineId,
        runId,
        jobId,
        stepIndex,
      ),
      queryFn: () =>
        getStepLogs({ orgId, appId, pipelineId, runId, jobId, stepIndex }),
      refetchInterval: live(active),
    }),
  canary: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: keys.canary(orgId, appId, envId),
      // No canary has run in the environment yet (the engine's 404 names kind `canary`): an empty state, not an error.
      queryFn: () => getCanary(orgId, appId, envId).catch(noCanaryYet),
      refetchInterval: (q) =>
        live(
          q.state.data?.status === 'deploying' ||
            q.state.data?.status === 'progressing',
        ),
    }),
};
