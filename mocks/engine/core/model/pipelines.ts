/**
 * Pipelines: the persisted records (kept under the state's `pipelines` key,
 * see core/pipelines-store.ts) and the spec-shaped views the engine returns
 * (Pipeline, PipelineRun, PipelineJob, PipelineStep, PipelineApprovalRequest,
 * PipelineCriteria of humanitec.yaml).
 *
 * Status values (the spec leaves them free strings; documented in
 * src/api/openapi/README.md):
 * - run: `executing`, `succeeded`, `failed`, `cancelled`;
 * - job: `waiting` (for the jobs it needs), `executing`, `succeeded`,
 *   `failed`, `cancelled`, `skipped` (a job it needs did not succeed);
 * - step: `waiting` (not started), `executing`, `succeeded`, `failed`,
 *   `cancelled`, `skipped` (its `if` condition did not hold);
 * - approval: the spec's enum `waiting`, `approved`, `denied`, `cancelled`.
 */

/** Run, job and step statuses (see the module comment). */
export type PipelineStatus =
  'waiting' | 'executing' | 'succeeded' | 'failed' | 'cancelled' | 'skipped';

/** Whether a run, job or step status is final. */
export function isFinished(status: PipelineStatus): boolean {
  return status !== 'waiting' && status !== 'executing';
}

/** Step actions that deploy to their `env_id` (who may change a pipeline, who wrote a step, what a run deploys to). */
export const DEPLOYING_ACTIONS: ReadonlySet<string> = new Set([
  'deploy',
  'clone',
  'rollback',
  'canary',
]);

/** A step's `if`: run after success (default), only after a failure, or always. */
export type StepCondition = 'success' | 'failure' | 'always';

/** A parsed step of a pipeline definition. */
export interface StepDefinition {
  name: string;
  uses: string;
  /** The action name: `deploy`, `approve`, `canary`, ... (from `actions/humanitec/<name>@v1`). */
  action: string;
  with: Record<string, unknown>;
  if: StepCondition;
}

/** A parsed job. */
export interface JobDefinition {
  id: string;
  needs: string[];
  timeoutMinutes: number;
  steps: StepDefinition[];
}

/** The types a `pipeline_call` input may declare. */
export type PipelineInputType = 'string' | 'number' | 'boolean';

/** A declared input of the `pipeline_call` trigger (`on.pipeline_call.inputs.<name>`). */
export interface PipelineInputDefinition {
  name: string;
  type: PipelineInputType;
  description?: string;
  required: boolean;
  default?: string | number | boolean;
}

/** A parsed, validated pipeline definition. */
export interface PipelineDefinition {
  id?: string;
  name: string;
  triggers: string[];
  /** The `pipeline_call` trigger's declared inputs, in the order written (none: a call may pass any). */
  inputs: PipelineInputDefinition[];
  timeoutMinutes: number;
  metadata: Record<string, string>;
  jobs: JobDefinition[];
}

/** One version of a pipeline: its YAML as written. */
export interface PipelineVersionRecord {
  id: string;
  createdMs: number;
  createdBy: string;
  yaml: string;
}

/** A pipeline of an app. */
export interface PipelineRecord {
  seq: number;
  id: string;
  createdMs: number;
  /** Oldest first; the last is current. */
  versions: PipelineVersionRecord[];
}

/** A log line of a step. */
export interface StepLog {
  atMs: number;
  level: 'INFO' | 'WARN' | 'ERROR';
  message: string;
}

/** A step of a run. */
export interface StepRecord {
  index: number;
  name: string;
  uses: string;
  action: string;
  with: Record<string, unknown>;
  if: StepCondition;
  status: PipelineStatus;
  statusMessage: string;
  startedMs?: number;
  completedMs?: number;
  related: Record<string, string>;
  logs: StepLog[];
  approvalId?: string;
  deployId?: string;
  /** For a step that deploys: who defined it (the author of the run's pipeline version). */
  definedBy?: string;
}

/** A job of a run. */
export interface JobRecord {
  id: string;
  needs: string[];
  status: PipelineStatus;
  statusMessage: string;
  timeoutMs: number;
  startedMs?: number;
  completedMs?: number;
  updatedMs: number;
  waitingFor?: string;
  steps: StepRecord[];
}

/** A run of a pipeline. */
export interface RunRecord {
  seq: number;
  id: string;
  pipelineId: string;
  pipelineVersion: string;
  createdMs: number;
  createdBy: string;
  trigger: string;
  inputs: Record<string, unknown>;
  status: PipelineStatus;
  statusMessage: string;
  timeoutMs: number;
  completedMs?: number;
  cancellationRequestedMs?: number;
  jobs: JobRecord[];
}

/** An approval request raised by an `approve` step. */
export interface ApprovalRecord {
  seq: number;
  id: string;
  pipelineId: string;
  runId: string;
  jobId: string;
  envId: string;
  message: string;
  createdMs: number;
  status: 'waiting' | 'approved' | 'denied' | 'cancelled';
  decidedBy?: string;
  decidedMs?: number;
  comment?: string;
}

/** A deployment-request criterion: routes requests matching it to a pipeline. */
export interface CriteriaRecord {
  seq: number;
  id: string;
  pipelineId: string;
  envType?: string;
  appId?: string;
  envId?: string;
  deploymentType?: 'deploy' | 'redeploy';
}

/** The pipelines of one app. */
export interface AppPipelines {
  orgId: string;
  appId: string;
  pipelines: Record<string, PipelineRecord>;
  criteria: Record<string, CriteriaRecord>;
  runs: Record<string, RunRecord>;
  approvals: Record<string, ApprovalRecord>;
}

/** The spec's Pipeline. */
export interface Pipeline {
  id: string;
  etag: string;
  org_id: string;
  app_id: string;
  name: string;
  status: string;
  version: string;
  created_at: string;
  trigger_types: string[];
  metadata?: Record<string, string>;
}

/** The spec's PipelineVersion. */
export interface PipelineVersion {
  id: string;
  org_id: string;
  app_id: string;
  pipeline_id: string;
  created_by: string;
  created_at: string;
}

/** The spec's PipelineRun. */
export interface PipelineRun {
  id: string;
  etag: string;
  org_id: string;
  app_id: string;
  env_ids: string[];
  pipeline_id: string;
  pipeline_version: string;
  status: string;
  status_message: string;
  created_at: string;
  created_by: string;
  executing_at?: string;
  cancellation_requested_at?: string;
  completed_at?: string;
  timeout_seconds: number;
  trigger: string;
  inputs: Record<string, unknown>;
  run_as: string;
  waiting_for: Record<string, string>;
}

/** The spec's PipelineStep. */
export interface PipelineStep {
  index: number;
  name: string;
  uses: string;
  status: string;
  status_message: string;
  created_at: string;
  completed_at?: string;
  timeout_seconds: number;
  related_entities: Record<string, string>;
}

/** The spec's PipelineJobPartial. */
export interface PipelineJobPartial {
  id: string;
  etag: string;
  org_id: string;
  app_id: string;
  pipeline_id: string;
  pipeline_version: string;
  run_id: string;
  status: string;
  waiting_for?: string;
  status_message: string;
  created_at: string;
  updated_at: string;
  completed_at?: string;
  timeout_seconds: number;
}

/** The spec's PipelineJob: a job with its steps. */
export interface PipelineJob extends PipelineJobPartial {
  steps: PipelineStep[];
}

/** The spec's PipelineStepLog. */
export interface PipelineStepLog {
  at: string;
  level: string;
  message: string;
}

/** The spec's PipelineApprovalRequest (plus the decision's comment). */
export interface PipelineApprovalRequest {
  id: string;
  org_id: string;
  app_id: string;
  pipeline_id: string;
  run_id: string;
  job_id: string;
  env_id: string;
  message: string;
  created_at: string;
  status: 'waiting' | 'approved' | 'denied' | 'cancelled';
  approved_by?: string;
  approved_at?: string;
  comment?: string;
}

/** The spec's PipelineCriteria (deployment_request). */
export interface PipelineCriteria {
  trigger: 'deployment_request';
  id: string;
  pipeline_id: string;
  pipeline_name: string;
  env_type?: string;
  app_id?: string;
  env_id?: string;
  deployment_type?: string;
}

/** The spec's PipelineRunCreateByDeploymentRequestCriteriaBody. */
export interface DeploymentRequestInput {
  trigger?: string;
  env_id?: string;
  delta_id?: string;
  set_id?: string;
  deployment_id?: string;
  comment?: string;
}

/** Filters of run lists. */
export interface RunFilter {
  appId?: string;
  pipelineId?: string;
  envId?: string;
  status?: string[];
  completed?: boolean;
}

/** The environments a run's deploying steps name, in the order the steps come. */
export function deployingEnvIds(run: RunRecord): string[] {
  const ids = run.jobs
    .flatMap((job) => job.steps)
    .filter((step) => DEPLOYING_ACTIONS.has(step.action))
    .map((step) => step.with.env_id)
    .filter((id): id is string => typeof id === 'string' && id !== '');
  return [...new Set(ids)];
}
