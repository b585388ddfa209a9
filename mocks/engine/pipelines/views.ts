/** Spec-shaped views of pipeline records (humanitec.yaml's Pipeline*, see core/model/pipelines.ts). */
import { sha256Text, toHex } from '../core/canonical';
import type {
  AppPipelines,
  ApprovalRecord,
  CriteriaRecord,
  JobRecord,
  Pipeline,
  PipelineApprovalRequest,
  PipelineCriteria,
  PipelineJob,
  PipelineJobPartial,
  PipelineRecord,
  PipelineRun,
  PipelineStep,
  PipelineVersion,
  RunRecord,
} from '../core/model/pipelines';
import { parsePipeline } from './parse';
import { runEnvIds } from './run';
import { isoAt } from '../core/state';
import { runAndVersion } from '../core/pipelines-store';

const etag = (value: unknown): string =>
  toHex(sha256Text(JSON.stringify(value))).slice(0, 16);

/** The spec's Pipeline (at a version: the current one by default). */
export function toPipeline(
  store: AppPipelines,
  record: PipelineRecord,
  versionId?: string,
): Pipeline {
  const version =
    record.versions.find((v) => v.id === versionId) ?? record.versions.at(-1)!;
  const definition = parsePipeline(version.yaml);
  return {
    id: record.id,
    etag: etag([record.id, version.id]),
    org_id: store.orgId,
    app_id: store.appId,
    name: definition.name,
    status: 'active',
    version: version.id,
    created_at: isoAt(record.createdMs),
    trigger_types: definition.triggers,
    ...(Object.keys(definition.metadata).length
      ? { metadata: definition.metadata }
      : {}),
  };
}

/** The spec's PipelineVersion list, newest first. */
export function toVersions(
  store: AppPipelines,
  record: PipelineRecord,
): PipelineVersion[] {
  return [...record.versions].reverse().map((v) => ({
    id: v.id,
    org_id: store.orgId,
    app_id: store.appId,
    pipeline_id: record.id,
    created_by: v.createdBy,
    created_at: isoAt(v.createdMs),
  }));
}

/** The spec's PipelineRun. */
export function toRun(store: AppPipelines, run: RunRecord): PipelineRun {
  const waiting = Object.fromEntries(
    run.jobs.filter((j) => j.waitingFor).map((j) => [j.id, j.waitingFor!]),
  );
  return {
    id: run.id,
    etag: etag([run.id, run.status, run.jobs.map((j) => j.updatedMs)]),
    org_id: store.orgId,
    app_id: store.appId,
    env_ids: runEnvIds(run),
    pipeline_id: run.pipelineId,
    pipeline_version: run.pipelineVersion,
    status: run.status,
    status_message: run.statusMessage,
    created_at: isoAt(run.createdMs),
    created_by: run.createdBy,
    executing_at: isoAt(run.createdMs),
    ...(run.cancellationRequestedMs !== undefined
      ? { cancellation_requested_at: isoAt(run.cancellationRequestedMs) }
      : {}),
    ...(run.completedMs !== undefined
      ? { completed_at: isoAt(run.completedMs) }
      : {}),
    timeout_seconds: Math.round(run.timeoutMs / 1000),
    trigger: run.trigger,
    inputs: structuredClone(run.inputs),
    run_as: `pipeline-${run.pipelineId}`,
    waiting_for: waiting,
  };
}

/** The spec's PipelineJobPartial. */
export function toJobPartial(
  store: AppPipelines,
  run: RunRecord,
  job: JobRecord,
): PipelineJobPartial {
  return {
    id: job.id,
    etag: etag([run.id, job.id, job.updatedMs, job.status]),
    org_id: store.orgId,
    app_id: store.appId,
    pipeline_id: run.pipelineId,
    pipeline_version: run.pipelineVersion,
    run_id: run.id,
    status: job.status,
    ...(job.waitingFor ? { waiting_for: job.waitingFor } : {}),
    status_message: job.statusMessage,
    created_at: isoAt(run.createdMs),
    updated_at: isoAt(job.updatedMs),
    ...(job.completedMs !== undefined
      ? { completed_at: isoAt(job.completedMs) }
      : {}),
    timeout_seconds: Math.round(job.timeoutMs / 1000),
  };
}

/** The spec's PipelineJob: the job with its steps. */
export function toJob(
  store: AppPipelines,
  run: RunRecord,
  job: JobRecord,
): PipelineJob {
  const steps: PipelineStep[] = job.steps.map((s) => ({
    index: s.index,
    name: s.name,
    uses: s.uses,
    status: s.status,
    status_message: s.statusMessage,
    created_at: isoAt(s.startedMs ?? run.createdMs),
    ...(s.completedMs !== undefined && s.status !== 'waiting'
      ? { completed_at: isoAt(s.completedMs) }
      : {}),
    timeout_seconds: Math.round(job.timeoutMs / 1000),
    related_entities: {
      ...s.related,
      ...(s.definedBy ? { defined_by: s.definedBy } : {}),
    },
  }));
  return { ...toJobPartial(store, run, job), steps };
}

/** The spec's PipelineApprovalRequest (with the decision's comment). */
export function toApproval(
  store: AppPipelines,
  a: ApprovalRecord,
): PipelineApprovalRequest {
  return {
    id: a.id,
    org_id: store.orgId,
    app_id: store.appId,
    pipeline_id: a.pipelineId,
    run_id: a.runId,
    job_id: a.jobId,
    env_id: a.envId,
    message: [a.message, ...definitionNotes(store, a)].join(' '),
    created_at: isoAt(a.createdMs),
    status: a.status,
    ...(a.decidedBy ? { approved_by: a.decidedBy } : {}),
    ...(a.decidedMs !== undefined && a.decidedBy
      ? { approved_at: isoAt(a.decidedMs) }
      : {}),
    ...(a.comment ? { comment: a.comment } : {}),
  };
}

/**
 * What an approver should know about the definition the run executes: who
 * defined it when that is not the requester, and a newer version published
 * since the run was requested (a run keeps the version it started with).
 */
export function definitionNotes(
  store: AppPipelines,
  a: ApprovalRecord,
): string[] {
  const { run, pipeline, version } = runAndVersion(
    store,
    a.pipelineId,
    a.runId,
  );
  if (!run || !pipeline) return [];
  const notes: string[] = [];
  if (version && version.createdBy !== run.createdBy) {
    notes.push(
      `This run executes version ${version.id} of pipeline ${pipeline.id}, defined by ${version.createdBy} at ${isoAt(version.createdMs)}; ${run.createdBy} requested it.`,
    );
  }
  const latest = pipeline.versions.at(-1)!;
  if (latest.id !== run.pipelineVersion) {
    notes.push(
      `Pipeline ${pipeline.id} changed since this run was requested: version ${latest.id} by ${latest.createdBy} at ${isoAt(latest.createdMs)}; this run executes version ${run.pipelineVersion}.`,
    );
  }
  return notes;
}

/** The spec's PipelineCriteria. */
export function toCriteria(
  store: AppPipelines,
  c: CriteriaRecord,
): PipelineCriteria {
  const pipeline = store.pipelines[c.pipelineId];
  return {
    trigger: 'deployment_request',
    id: c.id,
    pipeline_id: c.pipelineId,
    pipeline_name: pipeline
      ? parsePipeline(pipeline.versions.at(-1)!.yaml).name
      : c.pipelineId,
    ...(c.envType ? { env_type: c.envType } : {}),
    ...(c.appId ? { app_id: c.appId } : {}),
    ...(c.envId ? { env_id: c.envId } : {}),
    ...(c.deploymentType ? { deployment_type: c.deploymentType } : {}),
  };
}
