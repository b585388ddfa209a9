import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError } from '@/api/client';
import { apiKeys } from '@/api/keys';
import {
  getCanary,
  getPipeline,
  getPipelineJobs,
  getPipelineRun,
  getPipelineSchema,
  getPipelineYaml,
  getStepLogs,
  listOrgPipelines,
  listPipelineCriteria,
  listPipelineRuns,
  listPipelines,
  listRunApprovals,
} from '@/api/pipelines';
import { isRunActive } from './utils/status';

type RunPath = { orgId: string; appId: string; pipelineId: string; runId: string };

function noCanaryYet(error: unknown): null {
  const details = error instanceof ApiError ? (error.body.details as { kind?: unknown } | undefined) : undefined;
  if (error instanceof ApiError && error.status === 404 && details?.kind === 'canary') return null;
  throw error;
}

/** Poll every second while a run executes; stop when it has finished. */
const live = (active: boolean) => (active ? 1000 : false);

export const pipelineQueries = {
  org: (orgId: string) => queryOptions({ queryKey: apiKeys.orgPipelines(orgId), queryFn: () => listOrgPipelines(orgId) }),
  list: (orgId: string, appId: string) =>
    queryOptions({ queryKey: [...apiKeys.pipelines(orgId, appId), 'list'], queryFn: () => listPipelines(orgId, appId) }),
  criteria: (orgId: string, appId: string) =>
    queryOptions({ queryKey: [...apiKeys.app(orgId, appId), 'pipeline-criteria'], queryFn: () => listPipelineCriteria(orgId, appId) }),
  detail: (orgId: string, appId: string, pipelineId: string) =>
    queryOptions({ queryKey: apiKeys.pipeline(orgId, appId, pipelineId), queryFn: () => getPipeline(orgId, appId, pipelineId) }),
  yaml: (orgId: string, appId: string, pipelineId: string, version?: string) =>
    queryOptions({
      queryKey: [...apiKeys.pipeline(orgId, appId, pipelineId), 'schema', version ?? 'current'],
      queryFn: () => getPipelineYaml(orgId, appId, pipelineId, version),
    }),
  schema: (orgId: string) =>
    queryOptions({ queryKey: [...apiKeys.org(orgId), 'pipeline-schemas', 'latest'], queryFn: () => getPipelineSchema(orgId), staleTime: Infinity }),
  runs: (orgId: string, appId: string, pipelineId: string) =>
    queryOptions({
      queryKey: [...apiKeys.pipeline(orgId, appId, pipelineId), 'runs'],
      queryFn: () => listPipelineRuns(orgId, appId, pipelineId),
      refetchInterval: (q) => live(!!q.state.data?.some((r) => isRunActive(r.status))),
    }),
  run: ({ orgId, appId, pipelineId, runId }: RunPath) =>
    queryOptions({
      queryKey: apiKeys.pipelineRun(orgId, appId, pipelineId, runId),
      queryFn: () => getPipelineRun({ orgId, appId, pipelineId, runId }),
      refetchInterval: (q) => live(isRunActive(q.state.data?.status)),
    }),
  jobs: ({ orgId, appId, pipelineId, runId }: RunPath, active: boolean) =>
    queryOptions({
      queryKey: [...apiKeys.pipelineRun(orgId, appId, pipelineId, runId), 'jobs'],
      queryFn: () => getPipelineJobs({ orgId, appId, pipelineId, runId }),
      refetchInterval: live(active),
    }),
  approvals: (p: RunPath, active: boolean) =>
    queryOptions({
      queryKey: [...apiKeys.approvals(p.orgId, p.appId), p.runId],
      queryFn: () => listRunApprovals(p.orgId, p.appId, p.runId),
      refetchInterval: live(active),
    }),
  logs: ({ orgId, appId, pipelineId, runId, jobId, stepIndex }: RunPath & { jobId: string; stepIndex: number }, active: boolean) =>
    queryOptions({
      queryKey: [...apiKeys.pipelineRun(orgId, appId, pipelineId, runId), 'jobs', jobId, 'steps', stepIndex, 'logs'],
      queryFn: () => getStepLogs({ orgId, appId, pipelineId, runId, jobId, stepIndex }),
      refetchInterval: live(active),
    }),
  canary: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: [...apiKeys.env(orgId, appId, envId), 'canary'],
      // No canary has run in the environment yet (the engine's 404 names kind `canary`): an empty state, not an error.
      queryFn: () => getCanary(orgId, appId, envId).catch(noCanaryYet),
      refetchInterval: (q) => live(q.state.data?.status === 'deploying' || q.state.data?.status === 'progressing'),
    }),
};

export const usePipelineRuns = (orgId: string, appId: string, pipelineId: string) => useQuery(pipelineQueries.runs(orgId, appId, pipelineId));
export const useRunJobs = (p: RunPath, active: boolean) => useQuery(pipelineQueries.jobs(p, active));
export const useRunApprovals = (p: RunPath, active: boolean) => useQuery(pipelineQueries.approvals(p, active));
export const useStepLogs = (p: RunPath & { jobId: string; stepIndex: number }, active: boolean) => useQuery(pipelineQueries.logs(p, active));
export const usePipelineSchema = (orgId: string) => useQuery(pipelineQueries.schema(orgId));
