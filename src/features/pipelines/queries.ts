import { useQuery } from '@tanstack/react-query';
import { envQueries } from '@/api/queries/environments';
import { envTypeQueries } from '@/api/queries/env-types';
import { pipelineQueries, type RunPath } from '@/api/queries/pipelines';

/** Hooks of the pipeline pages (options, keys and refetch policies live in `src/api/queries`). */
export const usePipelineRuns = (
  orgId: string,
  appId: string,
  pipelineId: string,
) => useQuery(pipelineQueries.runs(orgId, appId, pipelineId));
export const useRunJobs = (p: RunPath, active: boolean) =>
  useQuery(pipelineQueries.jobs(p, active));
export const useRunApprovals = (p: RunPath, active: boolean) =>
  useQuery(pipelineQueries.approvals(p, active));
export const useStepLogs = (
  p: RunPath & { jobId: string; stepIndex: number },
  active: boolean,
) => useQuery(pipelineQueries.logs(p, active));
export const usePipelineSchema = (orgId: string) =>
  useQuery(pipelineQueries.schema(orgId));
/** The app's environments (to pick a deployment target, and to know their types). */
export const usePipelineEnvironments = (orgId: string, appId: string) =>
  useQuery(envQueries.list(orgId, appId));
/** The app's approval requests that wait for a decision. */
export const useWaitingApprovals = (orgId: string, appId: string) =>
  useQuery(pipelineQueries.waitingApprovals(orgId, appId));
/** The app's deployment-request criteria (every pipeline's, in the order the API routes ties by). */
export const usePipelineCriteria = (orgId: string, appId: string) =>
  useQuery(pipelineQueries.criteria(orgId, appId));
/** The organisation's environment types (for a criterion's type). */
export const useEnvTypes = (orgId: string) =>
  useQuery(envTypeQueries.list(orgId));
