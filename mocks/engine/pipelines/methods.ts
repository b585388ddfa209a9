/**
 * The pipeline and canary methods of the engine (the {@link PipelineEngine}
 * part of `Engine`), bound to the engine's read / write runners.
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
import * as ops from './ops';
import { PIPELINE_SCHEMA } from './schema';
import { requireRun } from '../core/pipelines-store';
import { toCriteria, toRun } from './views';
import { authorizeReach, criteriaReach } from './reach';
import { requireOrg } from '../core/lookup';
import { bySeq } from '../core/state';
import { authorize } from '../access';

/** Ids of an approval request. */
export interface ApprovalIds {
  pipelineId: string;
  runId: string;
  jobId: string;
  approvalId: string;
}

/** Pipelines, runs, approvals and canaries (every method authorises its caller). */
export interface PipelineEngine {
  /** Pipelines of one app, or of every app of the organisation when `appId` is undefined. */
  listPipelines(actor: Actor, orgId: string, appId?: string): Pipeline[];
  /** A pipeline at a version (current by default), its versions (newest first) and that version's YAML. */
  getPipeline(actor: Actor, orgId: string, appId: string, pipelineId: string, version?: string): { pipeline: Pipeline; versions: PipelineVersion[]; yaml: string };
  /** Creates a pipeline from YAML (400 naming each problem, 409 when the id is taken); `dryRun` only validates. */
  createPipeline(actor: Actor, orgId: string, appId: string, yaml: string, dryRun?: boolean): Pipeline;
  /** Publishes a new version of a pipeline. */
  updatePipeline(actor: Actor, orgId: string, appId: string, pipelineId: string, yaml: string, dryRun?: boolean): Pipeline;
  deletePipeline(actor: Actor, orgId: string, appId: string, pipelineId: string): void;
  /** The organisation's pipeline definition schema (JSON Schema). */
  getPipelineSchema(actor: Actor, orgId: string): object;
  listPipelineCriteria(actor: Actor, orgId: string, appId: string, pipelineId?: string): PipelineCriteria[];
  createPipelineCriteria(actor: Actor, orgId: string, appId: string, pipelineId: string, body: Record<string, unknown>): PipelineCriteria;
  getPipelineCriteria(actor: Actor, orgId: string, appId: string, pipelineId: string, criteriaId: string): PipelineCriteria;
  deletePipelineCriteria(actor: Actor, orgId: string, appId: string, pipelineId: string, criteriaId: string): void;
  /** Runs (newest first) of an organisation, filtered. */
  listPipelineRuns(actor: Actor, orgId: string, filter: RunFilter): PipelineRun[];
  /** Starts a run with `pipeline_call` inputs (needs deploy rights on every environment it names). */
  createPipelineRun(actor: Actor, orgId: string, appId: string, pipelineId: string, inputs: Record<string, unknown>): PipelineRun;
  /** A deployment request: routed to the pipeline whose criteria match best. */
  requestDeployment(actor: Actor, orgId: string, appId: string, body: DeploymentRequestInput): PipelineRun;
  getPipelineRun(actor: Actor, orgId: string, appId: string, pipelineId: string, runId: string): PipelineRun;
  deletePipelineRun(actor: Actor, orgId: string, appId: string, pipelineId: string, runId: string): void;
  cancelPipelineRun(actor: Actor, orgId: string, appId: string, pipelineId: string, runId: string): void;
  /** A new run with the same trigger and inputs. */
  restartPipelineRun(actor: Actor, orgId: string, appId: string, pipelineId: string, runId: string): PipelineRun;
  listPipelineJobs(actor: Actor, orgId: string, appId: string, pipelineId: string, runId: string, status?: string): PipelineJobPartial[];
  getPipelineJob(actor: Actor, orgId: string, appId: string, pipelineId: string, runId: string, jobId: string): PipelineJob;
  listPipelineStepLogs(actor: Actor, orgId: string, appId: string, pipelineId: string, runId: string, jobId: string, stepIndex: string): PipelineStepLog[];
  listApprovals(actor: Actor, orgId: string, appId: string, filter: { pipelineId?: string; runId?: string; status?: string }): PipelineApprovalRequest[];
  getApproval(actor: Actor, orgId: string, appId: string, ids: ApprovalIds): PipelineApprovalRequest;
  /** Approves (or denies) a waiting request; needs deploy rights on its environment's type. */
  decideApproval(actor: Actor, orgId: string, appId: string, ids: ApprovalIds, approve: boolean, comment?: string): PipelineApprovalRequest;
  /** The environment's last canary (console extension). */
  getCanary(actor: Actor, orgId: string, appId: string, envId: string): CanaryView;
  /** Manual promote (100 % now) or abort (rollback to stable) of a progressing canary. */
  decideCanary(actor: Actor, orgId: string, appId: string, envId: string, action: 'promote' | 'abort', reason?: string): CanaryView;
}

/** The pipeline methods of the engine. */
export function pipelineMethods({ read, write }: Runners): PipelineEngine {
  return {
    listPipelines: (actor, orgId, appId) => read(actor, (ctx) => ops.listPipelines(ctx, orgId, appId)),
    getPipeline: (actor, orgId, appId, id, version) => read(actor, (ctx) => ops.getPipeline(ctx, orgId, appId, id, version)),
    createPipeline: (actor, orgId, appId, yaml, dryRun) => write(actor, (ctx) => ops.createPipeline(ctx, orgId, appId, yaml, dryRun)),
    updatePipeline: (actor, orgId, appId, id, yaml, dryRun) => write(actor, (ctx) => ops.updatePipeline(ctx, orgId, appId, id, yaml, dryRun)),
    deletePipeline: (actor, orgId, appId, id) => write(actor, (ctx) => ops.deletePipeline(ctx, orgId, appId, id)),
    getPipelineSchema: (actor, orgId) =>
      read(actor, (ctx) => {
        requireOrg(ctx.state, orgId);
        authorize(ctx, { action: 'org.read', orgId });
        return structuredClone(PIPELINE_SCHEMA) as object;
      }),
    listPipelineCriteria: (actor, orgId, appId, pipelineId) =>
      read(actor, (ctx) => {
        const store = ops.readable(ctx, orgId, appId);
        return bySeq(store.criteria).filter((c) => !pipelineId || c.pipelineId === pipelineId).map((c) => toCriteria(store, c));
      }),
    createPipelineCriteria: (actor, orgId, appId, id, body) => write(actor, (ctx) => ops.createCriteria(ctx, orgId, appId, id, body)),
    getPipelineCriteria: (actor, orgId, appId, id, criteriaId) =>
      read(actor, (ctx) => {
        const store = ops.readable(ctx, orgId, appId);
        return toCriteria(store, ops.requireCriteria(store, id, criteriaId));
      }),
    deletePipelineCriteria: (actor, orgId, appId, id, criteriaId) =>
      write(actor, (ctx) => {
        const store = ops.editable(ctx, orgId, appId);
        const criteria = ops.requireCriteria(store, id, criteriaId);
        // Removing a route lets other criteria (another pipeline) take its requests: deploy rights there.
        authorizeReach(ctx, store, criteriaReach(ctx, store, criteria), `Deleting criteria ${criteriaId} of pipeline ${id}`);
        delete store.criteria[criteria.id];
      }),
    listPipelineRuns: (actor, orgId, filter) => read(actor, (ctx) => ops.listRuns(ctx, orgId, filter)),
    createPipelineRun: (actor, orgId, appId, id, inputs) =>
      write(actor, (ctx) => toRun(ops.editable(ctx, orgId, appId), ops.startRun(ctx, orgId, appId, id, inputs))),
    requestDeployment: (actor, orgId, appId, body) => write(actor, (ctx) => ops.requestDeployment(ctx, orgId, appId, body)),
    getPipelineRun: (actor, orgId, appId, id, runId) =>
      read(actor, (ctx) => {
        const store = ops.readable(ctx, orgId, appId);
        return toRun(store, requireRun(store, id, runId));
      }),
    deletePipelineRun: (actor, orgId, appId, id, runId) => write(actor, (ctx) => ops.deleteRun(ctx, orgId, appId, id, runId)),
    cancelPipelineRun: (actor, orgId, appId, id, runId) => write(actor, (ctx) => ops.cancelRun(ctx, orgId, appId, id, runId)),
    restartPipelineRun: (actor, orgId, appId, id, runId) => write(actor, (ctx) => ops.restartRun(ctx, orgId, appId, id, runId)),
    listPipelineJobs: (actor, orgId, appId, id, runId, status) => read(actor, (ctx) => ops.listJobs(ctx, orgId, appId, id, runId, status)),
    getPipelineJob: (actor, orgId, appId, id, runId, jobId) => read(actor, (ctx) => ops.getJob(ctx, orgId, appId, id, runId, jobId)),
    listPipelineStepLogs: (actor, orgId, appId, id, runId, jobId, index) =>
      read(actor, (ctx) => ops.stepLogs(ctx, orgId, appId, id, runId, jobId, index)),
    listApprovals: (actor, orgId, appId, filter) => read(actor, (ctx) => ops.listApprovals(ctx, orgId, appId, filter)),
    getApproval: (actor, orgId, appId, i) =>
      read(actor, (ctx) => ops.getApproval(ctx, orgId, appId, i.pipelineId, i.runId, i.jobId, i.approvalId)),
    decideApproval: (actor, orgId, appId, ids, approve, comment) =>
      write(actor, (ctx) => ops.decideApproval(ctx, orgId, appId, ids, approve, comment)),
    getCanary: (actor, orgId, appId, envId) => read(actor, (ctx) => ops.getCanary(ctx, orgId, appId, envId)),
    decideCanary: (actor, orgId, appId, envId, action, reason) =>
      write(actor, (ctx) => ops.decideCanary(ctx, orgId, appId, envId, action, reason)),
  };
}

