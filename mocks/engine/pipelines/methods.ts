/**
 * The pipeline and canary methods of the engine (the {@link PipelineEngine}
 * part of `Engine`), bound to the engine's read / write runners. The only
 * place pipelines authorize: reads need `app.read` (listings across the
 * organisation keep the apps the caller may read); definitions and criteria
 * `app.edit` and deploy rights on every environment type they can deploy to
 * (reach.ts); runs, approvals and canary decisions deploy rights on the
 * environments they touch (`env.deploy`). The operations (ops.ts) are split
 * where a check sits between their steps, so the checks keep their order.
 */
import type { CanaryView } from '../canary';
import type { Actor, Runners } from '../core/context';
import type {
  DeploymentRequestInput,
  Pipeline,
  PipelineApprovalRequest,
  PipelineCriteria,
  PipelineJob,
  PipelineJobPartial,
  PipelineRun,
  PipelineStepLog,
  PipelineVersion,
  RunFilter,
} from '../core/model/pipelines';
import type { OpContext } from '../core/context';
import type { AppPipelines, RunRecord } from '../core/model/pipelines';
import { requirePipeline, requireRun } from '../core/pipelines-store';
import { requireOrg } from '../core/lookup';
import { bySeq } from '../core/state';
import {
  appReadFilter,
  authorize,
  authorizeApp,
  authorizeEnv,
} from '../access';
import * as ops from './ops';
import { criteriaReach, pipelineReach, type Reach } from './reach';
import { runEnvIds } from './run';
import { PIPELINE_SCHEMA } from './schema';
import { toCriteria, toRun } from './views';

/** Ids of an approval request. */
export interface ApprovalIds {
  pipelineId: string;
  runId: string;
  jobId: string;
  approvalId: string;
}

/** Pipelines, runs, approvals and canaries (every method authorises its caller). */
export interface PipelineEngine {
  /** Pipelines of one app, or of every app of the organisation the caller may read when `appId` is undefined. */
  listPipelines(actor: Actor, orgId: string, appId?: string): Pipeline[];
  /** A pipeline at a version (current by default), its versions (newest first) and that version's YAML. */
  getPipeline(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    version?: string,
  ): { pipeline: Pipeline; versions: PipelineVersion[]; yaml: string };
  /** Creates a pipeline from YAML (400 naming each problem, 409 when the id is taken); `dryRun` only validates. */
  createPipeline(
    actor: Actor,
    orgId: string,
    appId: string,
    yaml: string,
    dryRun?: boolean,
  ): Pipeline;
  /** Publishes a new version of a pipeline. */
  updatePipeline(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    yaml: string,
    dryRun?: boolean,
  ): Pipeline;
  deletePipeline(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
  ): void;
  /** The organisation's pipeline definition schema (JSON Schema). */
  getPipelineSchema(actor: Actor, orgId: string): object;
  listPipelineCriteria(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId?: string,
  ): PipelineCriteria[];
  createPipelineCriteria(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    body: Record<string, unknown>,
  ): PipelineCriteria;
  getPipelineCriteria(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    criteriaId: string,
  ): PipelineCriteria;
  deletePipelineCriteria(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    criteriaId: string,
  ): void;
  /** Runs (newest first) of an organisation (the apps the caller may read), filtered. */
  listPipelineRuns(
    actor: Actor,
    orgId: string,
    filter: RunFilter,
  ): PipelineRun[];
  /** Starts a run with `pipeline_call` inputs (needs deploy rights on every environment it names). */
  createPipelineRun(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    inputs: Record<string, unknown>,
  ): PipelineRun;
  /** A deployment request: routed to the pipeline whose criteria match best. */
  requestDeployment(
    actor: Actor,
    orgId: string,
    appId: string,
    body: DeploymentRequestInput,
  ): PipelineRun;
  getPipelineRun(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    runId: string,
  ): PipelineRun;
  deletePipelineRun(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    runId: string,
  ): void;
  cancelPipelineRun(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    runId: string,
  ): void;
  /** A new run with the same trigger and inputs. */
  restartPipelineRun(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    runId: string,
  ): PipelineRun;
  listPipelineJobs(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    runId: string,
    status?: string,
  ): PipelineJobPartial[];
  getPipelineJob(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    runId: string,
    jobId: string,
  ): PipelineJob;
  listPipelineStepLogs(
    actor: Actor,
    orgId: string,
    appId: string,
    pipelineId: string,
    runId: string,
    jobId: string,
    stepIndex: string,
  ): PipelineStepLog[];
  listApprovals(
    actor: Actor,
    orgId: string,
    appId: string,
    filter: { pipelineId?: string; runId?: string; status?: string },
  ): PipelineApprovalRequest[];
  getApproval(
    actor: Actor,
    orgId: string,
    appId: string,
    ids: ApprovalIds,
  ): PipelineApprovalRequest;
  /** Approves (or denies) a waiting request; needs deploy rights on its environment's type. */
  decideApproval(
    actor: Actor,
    orgId: string,
    appId: string,
    ids: ApprovalIds,
    approve: boolean,
    comment?: string,
  ): PipelineApprovalRequest;
  /** The environment's last canary (console extension). */
  getCanary(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
  ): CanaryView;
  /** Manual promote (100 % now) or abort (rollback to stable) of a progressing canary. */
  decideCanary(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    action: 'promote' | 'abort',
    reason?: string,
  ): CanaryView;
}

/**
 * The apps a listing covers: `appId` (its reads authorize it), or every app
 * of the organisation the caller may read (after `org.read`: 403 for a
 * non-member even when the organisation has no apps).
 */
function appsToList(ctx: OpContext, orgId: string, appId?: string): string[] {
  if (appId) return [appId];
  authorize(ctx, { action: 'org.read', orgId });
  return ops.appsToList(ctx, orgId).filter(appReadFilter(ctx, orgId));
}

/** The app's pipelines after checking it exists and the caller may read it. */
function readable(ctx: OpContext, orgId: string, appId: string): AppPipelines {
  authorizeApp(ctx, orgId, appId);
  return ops.readStore(ctx, orgId, appId);
}

/** The app's pipelines after checking the caller may change the app. */
function editable(ctx: OpContext, orgId: string, appId: string): AppPipelines {
  authorizeApp(ctx, orgId, appId, 'app.edit');
  return ops.editStore(ctx, orgId, appId);
}

/** Authorizes `env.deploy` on every type of `reach` (403 names the first one missing). */
function authorizeReach(
  ctx: OpContext,
  store: AppPipelines,
  reach: Reach,
  doing: string,
): void {
  const types =
    reach === 'all'
      ? requireOrg(ctx.state, store.orgId).envTypes.map((t) => t.id)
      : [...reach].sort();
  for (const envType of types) {
    authorize(ctx, {
      action: 'env.deploy',
      orgId: store.orgId,
      appId: store.appId,
      envType,
      doing: `${doing}, which can deploy to environment type ${envType},`,
    });
  }
}

/** A run needs deploy rights on every environment it deploys to. */
function authorizeRun(
  ctx: OpContext,
  store: AppPipelines,
  run: RunRecord,
): RunRecord {
  for (const envId of runEnvIds(run))
    authorizeEnv(
      ctx,
      store.orgId,
      store.appId,
      envId,
      `Running pipeline ${run.pipelineId}, which deploys to`,
    );
  return run;
}

/** The pipeline methods of the engine. */
export function pipelineMethods({ read, write }: Runners): PipelineEngine {
  return {
    listPipelines: (actor, orgId, appId) =>
      read(actor, (ctx) =>
        appsToList(ctx, orgId, appId).flatMap((id) =>
          ops.listPipelines(readable(ctx, orgId, id)),
        ),
      ),
    getPipeline: (actor, orgId, appId, id, version) =>
      read(actor, (ctx) =>
        ops.getPipeline(readable(ctx, orgId, appId), id, version),
      ),
    createPipeline: (actor, orgId, appId, yaml, dryRun) =>
      write(actor, (ctx) => {
        const store = editable(ctx, orgId, appId);
        const id = ops.newPipelineId(store, yaml);
        // What it deploys, someone else may run (reach.ts): the author needs deploy rights there.
        authorizeReach(
          ctx,
          store,
          pipelineReach(ctx, store, id, yaml),
          `Creating pipeline ${id}`,
        );
        return ops.createPipeline(ctx, store, id, yaml, dryRun);
      }),
    updatePipeline: (actor, orgId, appId, id, yaml, dryRun) =>
      write(actor, (ctx) => {
        const store = editable(ctx, orgId, appId);
        const record = ops.pipelineToUpdate(store, id, yaml);
        authorizeReach(
          ctx,
          store,
          pipelineReach(ctx, store, id, record.versions.at(-1)!.yaml),
          `Updating pipeline ${id}`,
        );
        authorizeReach(
          ctx,
          store,
          pipelineReach(ctx, store, id, yaml),
          `Updating pipeline ${id}`,
        );
        return ops.updatePipeline(ctx, store, record, yaml, dryRun);
      }),
    deletePipeline: (actor, orgId, appId, id) =>
      write(actor, (ctx) => {
        const store = editable(ctx, orgId, appId);
        authorizeReach(
          ctx,
          store,
          pipelineReach(
            ctx,
            store,
            id,
            requirePipeline(store, id).versions.at(-1)!.yaml,
          ),
          `Deleting pipeline ${id}`,
        );
        ops.deletePipeline(store, id);
      }),
    getPipelineSchema: (actor, orgId) =>
      read(actor, (ctx) => {
        requireOrg(ctx.state, orgId);
        authorize(ctx, { action: 'org.read', orgId });
        return structuredClone(PIPELINE_SCHEMA) as object;
      }),
    listPipelineCriteria: (actor, orgId, appId, pipelineId) =>
      read(actor, (ctx) => {
        const store = readable(ctx, orgId, appId);
        return bySeq(store.criteria)
          .filter((c) => !pipelineId || c.pipelineId === pipelineId)
          .map((c) => toCriteria(store, c));
      }),
    createPipelineCriteria: (actor, orgId, appId, id, body) =>
      write(actor, (ctx) => {
        const store = editable(ctx, orgId, appId);
        const fields = ops.criteriaFields(store, id, body);
        // Routing deployment requests of an environment type to a pipeline needs deploy rights there (reach.ts).
        authorizeReach(
          ctx,
          store,
          criteriaReach(ctx, store, fields),
          `Routing deployment requests to pipeline ${id}`,
        );
        return ops.createCriteria(ctx, store, id, fields);
      }),
    getPipelineCriteria: (actor, orgId, appId, id, criteriaId) =>
      read(actor, (ctx) => {
        const store = readable(ctx, orgId, appId);
        return toCriteria(store, ops.requireCriteria(store, id, criteriaId));
      }),
    deletePipelineCriteria: (actor, orgId, appId, id, criteriaId) =>
      write(actor, (ctx) => {
        const store = editable(ctx, orgId, appId);
        const criteria = ops.requireCriteria(store, id, criteriaId);
        // Removing a route lets other criteria (another pipeline) take its requests: deploy rights there.
        authorizeReach(
          ctx,
          store,
          criteriaReach(ctx, store, criteria),
          `Deleting criteria ${criteriaId} of pipeline ${id}`,
        );
        ops.deleteCriteria(store, criteria.id);
      }),
    listPipelineRuns: (actor, orgId, filter) =>
      read(actor, (ctx) =>
        appsToList(ctx, orgId, filter.appId)
          .flatMap((id) => ops.listRuns(readable(ctx, orgId, id), filter))
          .reverse(),
      ),
    createPipelineRun: (actor, orgId, appId, id, inputs) =>
      write(actor, (ctx) => {
        const store = editable(ctx, orgId, appId);
        return toRun(
          store,
          authorizeRun(ctx, store, ops.startRun(ctx, store, id, inputs)),
        );
      }),
    requestDeployment: (actor, orgId, appId, body) =>
      write(actor, (ctx) => {
        const store = editable(ctx, orgId, appId);
        return toRun(
          store,
          authorizeRun(ctx, store, ops.requestDeployment(ctx, store, body)),
        );
      }),
    getPipelineRun: (actor, orgId, appId, id, runId) =>
      read(actor, (ctx) => {
        const store = readable(ctx, orgId, appId);
        return toRun(store, requireRun(store, id, runId));
      }),
    deletePipelineRun: (actor, orgId, appId, id, runId) =>
      write(actor, (ctx) =>
        ops.deleteRun(editable(ctx, orgId, appId), id, runId),
      ),
    cancelPipelineRun: (actor, orgId, appId, id, runId) =>
      write(actor, (ctx) =>
        ops.cancelRun(ctx, editable(ctx, orgId, appId), id, runId),
      ),
    restartPipelineRun: (actor, orgId, appId, id, runId) =>
      write(actor, (ctx) => {
        const store = editable(ctx, orgId, appId);
        return toRun(
          store,
          authorizeRun(ctx, store, ops.restartRun(ctx, store, id, runId)),
        );
      }),
    listPipelineJobs: (actor, orgId, appId, id, runId, status) =>
      read(actor, (ctx) =>
        ops.listJobs(readable(ctx, orgId, appId), id, runId, status),
      ),
    getPipelineJob: (actor, orgId, appId, id, runId, jobId) =>
      read(actor, (ctx) =>
        ops.getJob(readable(ctx, orgId, appId), id, runId, jobId),
      ),
    listPipelineStepLogs: (actor, orgId, appId, id, runId, jobId, index) =>
      read(actor, (ctx) =>
        ops.stepLogs(readable(ctx, orgId, appId), id, runId, jobId, index),
      ),
    listApprovals: (actor, orgId, appId, filter) =>
      read(actor, (ctx) =>
        ops.listApprovals(readable(ctx, orgId, appId), filter),
      ),
    getApproval: (actor, orgId, appId, i) =>
      read(actor, (ctx) =>
        ops.getApproval(
          readable(ctx, orgId, appId),
          i.pipelineId,
          i.runId,
          i.jobId,
          i.approvalId,
        ),
      ),
    decideApproval: (actor, orgId, appId, ids, approve, comment) =>
      write(actor, (ctx) => {
        const store = readable(ctx, orgId, appId);
        const a = ops.requireApproval(
          store,
          ids.pipelineId,
          ids.runId,
          ids.jobId,
          ids.approvalId,
        );
        authorizeEnv(
          ctx,
          orgId,
          appId,
          a.envId,
          `${approve ? 'Approving' : 'Denying'} a deployment to ${a.envId}`,
        );
        return ops.decideApproval(ctx, store, a, approve, comment);
      }),
    getCanary: (actor, orgId, appId, envId) =>
      read(actor, (ctx) => {
        authorizeApp(ctx, orgId, appId);
        return ops.getCanary(ctx, orgId, appId, envId);
      }),
    decideCanary: (actor, orgId, appId, envId, action, reason) =>
      write(actor, (ctx) => {
        authorizeEnv(
          ctx,
          orgId,
          appId,
          envId,
          `${action === 'promote' ? 'Promoting' : 'Aborting'} a canary in ${envId}`,
        );
        return ops.decideCanary(ctx, orgId, appId, envId, action, reason);
      }),
  };
}
