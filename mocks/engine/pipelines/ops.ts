/**
 * Pipeline operations: definitions and their versions, deployment-request
 * criteria, runs (create, by criteria, cancel, restart, delete), jobs, step
 * logs, approvals and the canary's manual promote / abort. No authorization:
 * methods.ts authorizes each call (reads `app.read`, definitions and criteria
 * `app.edit` and deploy rights on every environment type they can deploy to,
 * see reach.ts; runs and approvals deploy rights on the environments they
 * touch), at the points where these operations are split.
 */
import { canaryTimeline, toCanaryView, type CanaryView } from '../canary';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { freshId, nextSeq, requireEnv, requireOrg } from '../core/lookup';
import type {
  AppPipelines,
  DeploymentRequestInput,
  PipelineRecord,
  RunFilter,
  RunRecord,
} from '../core/model/pipelines';
import { isFinished } from '../core/model/pipelines';
import { checkRunInputs, parsePipeline, slugOf } from './parse';
import { createRun, runEnvIds } from './run';
import { rollbackCanary } from './steps';
import {
  appPipelines,
  canaryKey,
  existingPipelines,
  pipelinesOf,
  requirePipeline,
  requireRun,
} from '../core/pipelines-store';
import {
  toApproval,
  toCriteria,
  toJob,
  toJobPartial,
  toPipeline,
  toRun,
  toVersions,
} from './views';
import { bySeq } from '../core/state';

/** The app's pipelines for reading (an empty store when it has none; reads must not create it). */
export function readStore(
  ctx: OpContext,
  orgId: string,
  appId: string,
): AppPipelines {
  return (
    existingPipelines(ctx.state)?.apps[`${orgId}/${appId}`] ?? {
      orgId,
      appId,
      pipelines: {},
      criteria: {},
      runs: {},
      approvals: {},
    }
  );
}

/** The app's pipelines for a change (created on first use). */
export function editStore(
  ctx: OpContext,
  orgId: string,
  appId: string,
): AppPipelines {
  return appPipelines(ctx.state, orgId, appId);
}

/** The id of a new pipeline from YAML (the YAML's `id` or its name's slug); 400 for bad YAML, 409 when the id is taken. */
export function newPipelineId(store: AppPipelines, yaml: string): string {
  const definition = parsePipeline(yaml);
  const id = definition.id ?? slugOf(definition.name);
  if (Object.hasOwn(store.pipelines, id)) {
    throw new EngineError(
      'conflict',
      `A pipeline \`${id}\` already exists in app \`${store.appId}\`: change its id or name, or update it.`,
      { id },
    );
  }
  return id;
}

/** Creates the pipeline `id` (from `newPipelineId`) with its first version. */
export function createPipeline(
  ctx: OpContext,
  store: AppPipelines,
  id: string,
  yaml: string,
  dryRun = false,
) {
  const record: PipelineRecord = {
    seq: nextSeq(ctx.state),
    id,
    createdMs: ctx.now,
    versions: [{ id: '1', createdMs: ctx.now, createdBy: ctx.userId, yaml }],
  };
  if (!dryRun) store.pipelines[id] = record;
  return toPipeline(store, record);
}

/** The pipeline a new version of `yaml` would update; 404, or 400 for bad YAML or another id. */
export function pipelineToUpdate(
  store: AppPipelines,
  pipelineId: string,
  yaml: string,
): PipelineRecord {
  const record = requirePipeline(store, pipelineId);
  const definition = parsePipeline(yaml);
  if (definition.id !== undefined && definition.id !== pipelineId) {
    throw new EngineError(
      'invalid',
      `The definition's id \`${definition.id}\` differs from the pipeline's id \`${pipelineId}\`.`,
    );
  }
  return record;
}

/** Publishes a new version of a pipeline (from `pipelineToUpdate`). */
export function updatePipeline(
  ctx: OpContext,
  store: AppPipelines,
  record: PipelineRecord,
  yaml: string,
  dryRun = false,
) {
  const pipelineId = record.id;
  const next = {
    id: String(record.versions.length + 1),
    createdMs: ctx.now,
    createdBy: ctx.userId,
    yaml,
  };
  const updated = { ...record, versions: [...record.versions, next] };
  if (!dryRun) store.pipelines[pipelineId] = updated;
  return toPipeline(store, updated);
}

/** Deletes a pipeline, its criteria and finished runs; 409 while a run executes. */
export function deletePipeline(store: AppPipelines, pipelineId: string): void {
  const running = Object.values(store.runs).find(
    (r) => r.pipelineId === pipelineId && !isFinished(r.status),
  );
  if (running)
    throw new EngineError(
      'conflict',
      `Run \`${running.id}\` of pipeline \`${pipelineId}\` is executing: cancel it first.`,
    );
  delete store.pipelines[pipelineId];
  for (const [id, c] of Object.entries(store.criteria))
    if (c.pipelineId === pipelineId) delete store.criteria[id];
  for (const [id, r] of Object.entries(store.runs))
    if (r.pipelineId === pipelineId) delete store.runs[id];
}

/** Every app of the organisation (creation order); the methods keep those the caller may read. */
export function appsToList(ctx: OpContext, orgId: string): string[] {
  return bySeq(requireOrg(ctx.state, orgId).apps).map((a) => a.app.id);
}

/** Pipelines of an app (creation order). */
export function listPipelines(store: AppPipelines) {
  return bySeq(store.pipelines).map((p) => toPipeline(store, p));
}

/** A pipeline (at a version). */
export function getPipeline(
  store: AppPipelines,
  pipelineId: string,
  version?: string,
) {
  const record = requirePipeline(store, pipelineId);
  if (version !== undefined && !record.versions.some((v) => v.id === version)) {
    throw new EngineError(
      'not_found',
      `Pipeline \`${pipelineId}\` has no version \`${version}\`.`,
    );
  }
  return {
    pipeline: toPipeline(store, record, version),
    versions: toVersions(store, record),
    yaml: (
      record.versions.find((v) => v.id === version) ?? record.versions.at(-1)!
    ).yaml,
  };
}

/** The fields of a new deployment-request criterion of a pipeline; 404, or 400 for a bad body or a pipeline without the trigger. */
export function criteriaFields(
  store: AppPipelines,
  pipelineId: string,
  body: Record<string, unknown>,
) {
  const pipeline = requirePipeline(store, pipelineId);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new EngineError(
      'invalid',
      'Criteria are an object like {"trigger": "deployment_request", "env_type": "development"}.',
    );
  }
  if (
    !parsePipeline(pipeline.versions.at(-1)!.yaml).triggers.includes(
      'deployment_request',
    )
  ) {
    throw new EngineError(
      'invalid',
      `Pipeline \`${pipelineId}\` has no \`deployment_request\` trigger under \`on\`.`,
    );
  }
  const str = (k: string) =>
    typeof body[k] === 'string' && body[k] !== ''
      ? (body[k] as string)
      : undefined;
  const type = str('deployment_type');
  if (type !== undefined && type !== 'deploy' && type !== 'redeploy') {
    throw new EngineError(
      'invalid',
      '`deployment_type` must be `deploy` or `redeploy`.',
    );
  }
  return {
    envType: str('env_type'),
    appId: str('app_id'),
    envId: str('env_id'),
    deploymentType: type as 'deploy' | 'redeploy' | undefined,
  };
}

/** Creates a deployment-request criterion (fields from `criteriaFields`); 409 when an identical one exists. */
export function createCriteria(
  ctx: OpContext,
  store: AppPipelines,
  pipelineId: string,
  fields: ReturnType<typeof criteriaFields>,
) {
  const same = Object.values(store.criteria).find(
    (c) =>
      c.envType === fields.envType &&
      c.envId === fields.envId &&
      c.deploymentType === fields.deploymentType &&
      c.appId === fields.appId,
  );
  if (same)
    throw new EngineError(
      'conflict',
      `Criteria \`${same.id}\` already routes these deployment requests to pipeline \`${same.pipelineId}\`.`,
    );
  const id = freshId(ctx.ids, 'deployment', (c) =>
    Object.hasOwn(store.criteria, c),
  );
  store.criteria[id] = { seq: nextSeq(ctx.state), id, pipelineId, ...fields };
  return toCriteria(store, store.criteria[id]);
}

/** A criterion of a pipeline, or `not_found`. */
export function requireCriteria(
  store: AppPipelines,
  pipelineId: string,
  criteriaId: string,
) {
  requirePipeline(store, pipelineId);
  const c = Object.hasOwn(store.criteria, criteriaId)
    ? store.criteria[criteriaId]
    : undefined;
  if (!c || c.pipelineId !== pipelineId)
    throw new EngineError(
      'not_found',
      `Criteria \`${criteriaId}\` of pipeline \`${pipelineId}\` does not exist.`,
    );
  return c;
}

/** Deletes a criterion (from `requireCriteria`). */
export function deleteCriteria(store: AppPipelines, criteriaId: string): void {
  delete store.criteria[criteriaId];
}

/** Starts a run of a pipeline with `pipeline_call` inputs (the caller then authorizes the run's environments). */
export function startRun(
  ctx: OpContext,
  store: AppPipelines,
  pipelineId: string,
  inputs: Record<string, unknown>,
): RunRecord {
  const pipeline = requirePipeline(store, pipelineId);
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    throw new EngineError(
      'invalid',
      '`inputs` must be an object, e.g. {"inputs": {"env_id": "development"}}.',
    );
  }
  const definition = parsePipeline(pipeline.versions.at(-1)!.yaml);
  if (!definition.triggers.includes('pipeline_call'))
    throw new EngineError(
      'unprocessable',
      `Pipeline \`${pipelineId}\` has no \`pipeline_call\` trigger under \`on\`, so it cannot be called: request a deployment (POST /orgs/${store.orgId}/apps/${store.appId}/pipeline-runs), or add the trigger.`,
    );
  return createRun(
    ctx,
    store,
    pipeline,
    'pipeline_call',
    checkRunInputs(definition.inputs, inputs),
  );
}

/** Routes a deployment request to the pipeline whose criteria match best (most fields), and starts it (the caller then authorizes the run's environments). */
export function requestDeployment(
  ctx: OpContext,
  store: AppPipelines,
  body: DeploymentRequestInput,
): RunRecord {
  const { orgId, appId } = store;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new EngineError(
      'invalid',
      'A deployment request is an object like {"trigger": "deployment_request", "env_id": "development"}.',
    );
  }
  if (body.trigger !== 'deployment_request')
    throw new EngineError('invalid', '`trigger` must be `deployment_request`.');
  const envId = body.env_id;
  if (!envId)
    throw new EngineError(
      'invalid',
      '`env_id` is required: the environment to deploy to.',
    );
  const { env } = requireEnv(ctx.state, orgId, appId, envId);
  // The spec: a delta or a set is a `deploy`; a deployment again (or the environment's current set) a `redeploy`.
  const type = body.delta_id || body.set_id ? 'deploy' : 'redeploy';
  const ranked = bySeq(store.criteria)
    .filter(
      (c) =>
        (!c.envType || c.envType === env.env.type) &&
        (!c.envId || c.envId === envId) &&
        (!c.appId || c.appId === appId) &&
        (!c.deploymentType || c.deploymentType === type),
    )
    .sort((a, b) => score(b) - score(a));
  const match = ranked[0];
  if (!match) {
    throw new EngineError(
      'unprocessable',
      `No pipeline criteria match a ${type} to \`${envId}\` (type \`${env.env.type}\`): add criteria to a pipeline with a \`deployment_request\` trigger, or deploy directly.`,
    );
  }
  const inputs = Object.fromEntries(
    Object.entries({
      env_id: envId,
      delta_id: body.delta_id,
      set_id: body.set_id,
      deployment_id: body.deployment_id,
      comment: body.comment,
    }).filter(([, v]) => v !== undefined),
  );
  return createRun(
    ctx,
    store,
    store.pipelines[match.pipelineId],
    'deployment_request',
    inputs,
  );
}

const score = (c: {
  envType?: string;
  envId?: string;
  appId?: string;
  deploymentType?: string;
}) => [c.envType, c.envId, c.appId, c.deploymentType].filter(Boolean).length;

/** Runs of an app matching a filter, oldest first (the caller lists apps with `appsToList` and reverses). */
export function listRuns(store: AppPipelines, filter: RunFilter) {
  if (filter.pipelineId) requirePipeline(store, filter.pipelineId);
  return bySeq(store.runs)
    .filter(
      (r) =>
        (!filter.pipelineId || r.pipelineId === filter.pipelineId) &&
        (!filter.envId || runEnvIds(r).includes(filter.envId)),
    )
    .filter(
      (r) =>
        (!filter.status?.length || filter.status.includes(r.status)) &&
        (filter.completed === undefined ||
          isFinished(r.status) === filter.completed),
    )
    .map((r) => toRun(store, r));
}

/** Requests cancellation; 409 when the run has finished. */
export function cancelRun(
  ctx: OpContext,
  store: AppPipelines,
  pipelineId: string,
  runId: string,
): void {
  const run = requireRun(store, pipelineId, runId);
  if (isFinished(run.status))
    throw new EngineError(
      'conflict',
      `Run \`${runId}\` has already ${run.status}; only an executing run can be cancelled.`,
    );
  run.cancellationRequestedMs = ctx.now;
}

/** Starts a new run with the same trigger and inputs; 409 while the run executes (the caller then authorizes the new run's environments). */
export function restartRun(
  ctx: OpContext,
  store: AppPipelines,
  pipelineId: string,
  runId: string,
): RunRecord {
  const run = requireRun(store, pipelineId, runId);
  if (!isFinished(run.status))
    throw new EngineError(
      'conflict',
      `Run \`${runId}\` is still executing: cancel it or wait before restarting.`,
    );
  return createRun(
    ctx,
    store,
    requirePipeline(store, pipelineId),
    run.trigger,
    run.inputs,
  );
}

/** Deletes a finished run; 409 while it executes. */
export function deleteRun(
  store: AppPipelines,
  pipelineId: string,
  runId: string,
): void {
  const run = requireRun(store, pipelineId, runId);
  if (!isFinished(run.status))
    throw new EngineError(
      'conflict',
      `Run \`${runId}\` is still executing: cancel it first.`,
    );
  delete store.runs[runId];
}

/** A job of a run, or `not_found`. */
export function requireJob(
  store: AppPipelines,
  pipelineId: string,
  runId: string,
  jobId: string,
) {
  const run = requireRun(store, pipelineId, runId);
  const job = run.jobs.find((j) => j.id === jobId);
  if (!job)
    throw new EngineError(
      'not_found',
      `Job \`${jobId}\` does not exist in run \`${runId}\`.`,
    );
  return { run, job };
}

/** Jobs of a run (definition order). */
export function listJobs(
  store: AppPipelines,
  pipelineId: string,
  runId: string,
  status?: string,
) {
  const run = requireRun(store, pipelineId, runId);
  return run.jobs
    .filter((j) => !status || j.status === status)
    .map((j) => toJobPartial(store, run, j));
}

/** A job with its steps. */
export function getJob(
  store: AppPipelines,
  pipelineId: string,
  runId: string,
  jobId: string,
) {
  const { run, job } = requireJob(store, pipelineId, runId, jobId);
  return toJob(store, run, job);
}

/** A step's log lines. */
export function stepLogs(
  store: AppPipelines,
  pipelineId: string,
  runId: string,
  jobId: string,
  stepIndex: string,
) {
  const { job } = requireJob(store, pipelineId, runId, jobId);
  const step = /^\d+$/.test(stepIndex)
    ? job.steps[Number(stepIndex)]
    : undefined;
  if (!step)
    throw new EngineError(
      'not_found',
      `Job \`${jobId}\` has no step ${stepIndex} (it has ${job.steps.length}).`,
    );
  return step.logs.map((l) => ({
    at: new Date(l.atMs).toISOString(),
    level: l.level,
    message: l.message,
  }));
}

/** Approval requests of an app, newest first. */
export function listApprovals(
  store: AppPipelines,
  filter: { pipelineId?: string; runId?: string; status?: string },
) {
  return bySeq(store.approvals)
    .filter(
      (a) =>
        (!filter.pipelineId || a.pipelineId === filter.pipelineId) &&
        (!filter.runId || a.runId === filter.runId) &&
        (!filter.status || a.status === filter.status),
    )
    .map((a) => toApproval(store, a))
    .reverse();
}

export function requireApproval(
  store: AppPipelines,
  pipelineId: string,
  runId: string,
  jobId: string,
  approvalId: string,
) {
  requireJob(store, pipelineId, runId, jobId);
  const a = Object.hasOwn(store.approvals, approvalId)
    ? store.approvals[approvalId]
    : undefined;
  if (!a || a.runId !== runId || a.jobId !== jobId)
    throw new EngineError(
      'not_found',
      `Approval request \`${approvalId}\` does not exist in job \`${jobId}\`.`,
    );
  return a;
}

/** An approval request. */
export function getApproval(
  store: AppPipelines,
  p: string,
  r: string,
  j: string,
  approvalId: string,
) {
  return toApproval(store, requireApproval(store, p, r, j, approvalId));
}

/** Approves or denies a waiting request (from `requireApproval`; the caller checks deploy rights on its environment); 409 once decided. */
export function decideApproval(
  ctx: OpContext,
  store: AppPipelines,
  a: ReturnType<typeof requireApproval>,
  approve: boolean,
  comment?: string,
) {
  if (a.status !== 'waiting')
    throw new EngineError(
      'conflict',
      `Approval request \`${a.id}\` is already ${a.status}.`,
    );
  if (
    comment !== undefined &&
    (typeof comment !== 'string' || comment.length > 1000)
  )
    throw new EngineError(
      'invalid',
      '`comment` must be a string of at most 1000 characters.',
    );
  Object.assign(a, {
    status: approve ? 'approved' : 'denied',
    decidedBy: ctx.userId,
    decidedMs: ctx.now,
    ...(comment ? { comment } : {}),
  });
  return toApproval(store, a);
}

/** The environment's last canary (console extension); `not_found` when none ran there. */
export function getCanary(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
): CanaryView {
  const { app } = requireEnv(ctx.state, orgId, appId, envId);
  const record = existingPipelines(ctx.state)?.canaries[
    canaryKey(orgId, appId, envId)
  ];
  if (!record)
    throw new EngineError(
      'not_found',
      `No canary release has run in environment \`${envId}\`: add a canary step to a pipeline.`,
      { kind: 'canary', id: envId },
    );
  return toCanaryView(record, app, ctx.now);
}

/** Promotes (100 % now) or aborts (rollback to stable) a progressing canary; 409 otherwise. */
export function decideCanary(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  action: 'promote' | 'abort',
  reason?: string,
): CanaryView {
  const { app } = requireEnv(ctx.state, orgId, appId, envId);
  const record = pipelinesOf(ctx.state).canaries[
    canaryKey(orgId, appId, envId)
  ];
  if (!record)
    throw new EngineError(
      'not_found',
      `No canary release has run in environment \`${envId}\`.`,
      { kind: 'canary', id: envId },
    );
  const status = canaryTimeline(record, app, ctx.now).status;
  if (status === 'deploying')
    throw new EngineError(
      'conflict',
      'The canary deployment is still running: wait until traffic shifting starts.',
    );
  if (status !== 'progressing')
    throw new EngineError('conflict', `The canary has already been ${status}.`);
  const user = ctx.state.users[ctx.userId]?.name ?? ctx.userId;
  const why =
    typeof reason === 'string' && reason.trim() !== ''
      ? `: ${reason.trim().slice(0, 500)}`
      : '.';
  record.decided =
    action === 'promote'
      ? { status: 'promoted', atMs: ctx.now, by: ctx.userId }
      : {
          status: 'aborted',
          atMs: ctx.now,
          by: ctx.userId,
          reason: `Aborted manually by ${user}${why}`,
        };
  if (action === 'abort') rollbackCanary(ctx, app, record, ctx.now);
  return toCanaryView(record, app, ctx.now);
}
