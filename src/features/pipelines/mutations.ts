import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  cancelPipelineRun,
  createPipeline,
  createPipelineCriteria,
  createPipelineRun,
  deletePipelineCriteria,
  type CriteriaFields,
  decideApproval,
  decideCanary,
  requestDeployment,
  restartPipelineRun,
  updatePipeline,
} from '@/api/pipelines';
import { byPrefix } from '@/api/queries/keys';

type RunPath = {
  orgId: string;
  appId: string;
  pipelineId: string;
  runId: string;
};

/** Creates a pipeline, or publishes a new version of one. */
export function useSavePipeline(orgId: string, appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the editor shows the refusal next to the button
    mutationFn: ({
      pipelineId,
      yaml,
    }: {
      pipelineId?: string;
      yaml: string;
    }) =>
      pipelineId
        ? updatePipeline(orgId, appId, pipelineId, yaml)
        : createPipeline(orgId, appId, yaml),
    onSuccess: () =>
      queryClient.invalidateQueries(byPrefix.pipelines(orgId, appId)),
  });
}

/** Sends a deployment request through the pipelines. */
export function useRequestDeployment(orgId: string, appId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (body: { env_id: string; comment?: string }) =>
      requestDeployment(orgId, appId, body),
    onSuccess: () => queryClient.invalidateQueries(byPrefix.app(orgId, appId)),
  });
}

/** Cancels or restarts a run. */
export function useRunAction(p: RunPath) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (action: 'cancel' | 'restart') =>
      action === 'cancel'
        ? cancelPipelineRun(p).then(() => undefined)
        : restartPipelineRun(p),
    onSuccess: () =>
      queryClient.invalidateQueries(
        byPrefix.pipeline(p.orgId, p.appId, p.pipelineId),
      ),
  });
}

/** Approves or denies an approval request with a comment. */
export function useDecideApproval(p: RunPath) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (input: {
      jobId: string;
      approvalId: string;
      approve: boolean;
      comment: string;
    }) =>
      decideApproval(
        { ...p, jobId: input.jobId, approvalId: input.approvalId },
        input.approve,
        input.comment,
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries(
          byPrefix.pipelineRun(p.orgId, p.appId, p.pipelineId, p.runId),
        ),
        queryClient.invalidateQueries(byPrefix.approvals(p.orgId, p.appId)),
        // The landing's needs attention and the palette list waiting approvals from the organisation's health.
        queryClient.invalidateQueries(byPrefix.orgHealth(p.orgId)),
      ]),
  });
}

/** Promotes or aborts an environment's canary. */
export function useDecideCanary(orgId: string, appId: string, envId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true },
    mutationFn: (input: { action: 'promote' | 'abort'; reason?: string }) =>
      decideCanary(orgId, appId, envId, input.action, input.reason),
    onSuccess: () =>
      queryClient.invalidateQueries(byPrefix.env(orgId, appId, envId)),
  });
}

/** Adds or removes a deployment-request criterion of a pipeline. */
export function useCriteriaMutations(
  orgId: string,
  appId: string,
  pipelineId: string,
) {
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries(byPrefix.pipelineCriteria(orgId, appId));
  const add = useMutation({
    meta: { silent: true }, // the form shows the refusal
    mutationFn: (fields: CriteriaFields) =>
      createPipelineCriteria({ orgId, appId, pipelineId }, fields),
    onSuccess: refresh,
  });
  const remove = useMutation({
    meta: { silent: true }, // the confirm dialog shows the refusal
    mutationFn: (criteriaId: string) =>
      deletePipelineCriteria({ orgId, appId, pipelineId, criteriaId }),
    onSuccess: refresh,
  });
  return { add, remove };
}

/** Calls a pipeline (its `pipeline_call` trigger) with inputs. */
export function useCallPipeline(
  orgId: string,
  appId: string,
  pipelineId: string,
) {
  const queryClient = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the form shows the refusal
    mutationFn: (inputs: Record<string, string | number | boolean>) =>
      createPipelineRun({ orgId, appId, pipelineId }, inputs),
    onSuccess: () =>
      queryClient.invalidateQueries(
        byPrefix.pipeline(orgId, appId, pipelineId),
      ),
  });
}
