import {
  api,
  ApiError,
  apiReady,
  getApiToken,
  toErrorBody,
  unwrap,
} from './client';
import type { components } from './schema';
import type { components as extension } from './schema-extensions';
import { config } from '@/config/env';
import { everyPage, pageParams } from './paging';

export type Pipeline = components['schemas']['Pipeline'];
export type PipelineRun = components['schemas']['PipelineRun'];
export type PipelineJob = components['schemas']['PipelineJob'];
export type PipelineStep = components['schemas']['PipelineStep'];
export type PipelineStepLog = components['schemas']['PipelineStepLog'];
/** The spec's approval request; the embedded engine adds the decision's `comment`. */
export type PipelineApproval =
  components['schemas']['PipelineApprovalRequest'] & { comment?: string };
export type PipelineCriteria = components['schemas']['PipelineCriteria'];
export type CanaryRelease = extension['schemas']['CanaryRelease'];

type Path = { orgId: string; appId: string };
type RunPath = Path & { pipelineId: string; runId: string };

/** Pipelines of an app (every page of the spec's paged list). */
export function listPipelines(orgId: string, appId: string) {
  return everyPage((page) =>
    api.GET('/orgs/{orgId}/apps/{appId}/pipelines', {
      params: { path: { orgId, appId }, query: pageParams(page) },
    }),
  );
}

/** Every pipeline of the organisation (every page). */
export function listOrgPipelines(orgId: string) {
  return everyPage((page) =>
    api.GET('/orgs/{orgId}/pipelines', {
      params: { path: { orgId }, query: pageParams(page) },
    }),
  );
}

/** Runs of every pipeline of the organisation (every page). */
export function listOrgPipelineRuns(orgId: string) {
  return everyPage((page) =>
    api.GET('/orgs/{orgId}/pipeline-runs', {
      params: { path: { orgId }, query: pageParams(page) },
    }),
  );
}

/** A pipeline (current version). */
export function getPipeline(orgId: string, appId: string, pipelineId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/pipelines/{pipelineId}', {
      params: { path: { orgId, appId, pipelineId } },
    }),
  );
}

function url(path: string) {
  const base = config.apiBase.replace(/\/$/, '');
  return `${/^https?:/.test(base) || typeof window === 'undefined' ? base : new URL(base, window.location.origin).toString().replace(/\/$/, '')}${path}`;
}

async function send(
  method: string,
  path: string,
  body?: string,
  contentType = 'application/json',
  accept?: string,
) {
  await apiReady();
  const headers: Record<string, string> = { 'Content-Type': contentType };
  const token = getApiToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (accept) headers.Accept = accept;
  let response: Response;
  try {
    response = await globalThis.fetch(url(path), { method, body, headers });
  } catch (cause) {
    throw new ApiError(0, {
      error: 'NETWORK',
      message: `The API could not be reached (${String(cause)}). Check your connection and retry.`,
    });
  }
  const text = await response.text();
  if (!response.ok) {
    let raw: unknown = text;
    try {
      raw = JSON.parse(text);
    } catch {
      // keep the text
    }
    throw new ApiError(response.status, toErrorBody(response.status, raw));
  }
  return text;
}

const enc = encodeURIComponent;
const pipelinePath = (orgId: string, appId: string, pipelineId?: string) =>
  `/orgs/${enc(orgId)}/apps/${enc(appId)}/pipelines${pipelineId ? `/${enc(pipelineId)}` : ''}`;

/** The pipeline's definition as written (YAML, comments kept). */
export function getPipelineYaml(
  orgId: string,
  appId: string,
  pipelineId: string,
  version?: string,
) {
  return send(
    'GET',
    `${pipelinePath(orgId, appId, pipelineId)}/schema${version ? `?version=${enc(version)}` : ''}`,
    undefined,
    'application/json',
    'application/x.humanitec-pipelines-v1.0+yaml',
  );
}

/** Creates a pipeline from YAML (the spec sends definitions as `application/x-yaml`). */
export async function createPipeline(
  orgId: string,
  appId: string,
  yaml: string,
): Promise<Pipeline> {
  return JSON.parse(
    await send('POST', pipelinePath(orgId, appId), yaml, 'application/x-yaml'),
  ) as Pipeline;
}

/** Publishes a new version of a pipeline. */
export async function updatePipeline(
  orgId: string,
  appId: string,
  pipelineId: string,
  yaml: string,
): Promise<Pipeline> {
  return JSON.parse(
    await send(
      'PATCH',
      pipelinePath(orgId, appId, pipelineId),
      yaml,
      'application/x-yaml',
    ),
  ) as Pipeline;
}

/** The organisation's pipeline definition schema (JSON Schema). */
export function getPipelineSchema(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/pipeline-schemas/latest', {
      params: { path: { orgId } },
    }),
  ) as Promise<object>;
}

/** Runs of a pipeline, newest first. */
export function listPipelineRuns(
  orgId: string,
  appId: string,
  pipelineId: string,
) {
  return everyPage((page) =>
    api.GET('/orgs/{orgId}/apps/{appId}/pipelines/{pipelineId}/runs', {
      params: { path: { orgId, appId, pipelineId }, query: pageParams(page) },
    }),
  );
}

/** A deployment request: the engine routes it to the pipeline whose criteria match. */
export function requestDeployment(
  orgId: string,
  appId: string,
  body: { env_id: string; comment?: string; delta_id?: string },
) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/pipeline-runs', {
      params: { path: { orgId, appId } },
      body: { trigger: 'deployment_request', ...body },
    }),
  );
}

/** Criteria of an app's pipelines. */
export function listPipelineCriteria(orgId: string, appId: string) {
  return everyPage((page) =>
    api.GET('/orgs/{orgId}/apps/{appId}/pipeline-criteria', {
      params: { path: { orgId, appId }, query: pageParams(page) },
    }),
  );
}

/** The fields of a new deployment-request criterion (the spec's create body without `trigger`). */
export interface CriteriaFields {
  env_type?: string;
  env_id?: string;
  deployment_type?: 'deploy' | 'redeploy';
}

/** Adds a deployment-request criterion to a pipeline. */
export function createPipelineCriteria(
  p: Path & { pipelineId: string },
  fields: CriteriaFields,
) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/pipelines/{pipelineId}/criteria', {
      params: { path: p },
      body: { trigger: 'deployment_request', ...fields },
    }),
  );
}

/** Removes a criterion of a pipeline. */
export function deletePipelineCriteria(
  p: Path & { pipelineId: string; criteriaId: string },
) {
  return unwrap(
    api.DELETE(
      '/orgs/{orgId}/apps/{appId}/pipelines/{pipelineId}/criteria/{criteriaId}',
      { params: { path: p } },
    ),
  );
}

/** Calls a pipeline (its `pipeline_call` trigger) with inputs. */
export function createPipelineRun(
  p: Path & { pipelineId: string },
  inputs: Record<string, string | number | boolean>,
) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/pipelines/{pipelineId}/runs', {
      params: { path: p },
      body: { inputs },
    }),
  );
}

/** One run. */
export function getPipelineRun(p: RunPath) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/pipelines/{pipelineId}/runs/{runId}', {
      params: { path: p },
    }),
  );
}

/** Every job of a run with its steps (one request per job). */
export async function getPipelineJobs(p: RunPath): Promise<PipelineJob[]> {
  const jobs = await everyPage((page) =>
    api.GET(
      '/orgs/{orgId}/apps/{appId}/pipelines/{pipelineId}/runs/{runId}/jobs',
      { params: { path: p, query: pageParams(page) } },
    ),
  );
  return Promise.all(
    jobs.map((job) =>
      unwrap(
        api.GET(
          '/orgs/{orgId}/apps/{appId}/pipelines/{pipelineId}/runs/{runId}/jobs/{jobId}',
          { params: { path: { ...p, jobId: job.id } } },
        ),
      ),
    ),
  );
}

/** A step's log lines. */
export function getStepLogs(p: RunPath & { jobId: string; stepIndex: number }) {
  return unwrap(
    api.GET(
      '/orgs/{orgId}/apps/{appId}/pipelines/{pipelineId}/runs/{runId}/jobs/{jobId}/steps/{stepIndex}/logs',
      { params: { path: p } },
    ),
  );
}

/** Cancels a run. */
export function cancelPipelineRun(p: RunPath) {
  return unwrap(
    api.POST(
      '/orgs/{orgId}/apps/{appId}/pipelines/{pipelineId}/runs/{runId}/cancel',
      { params: { path: p } },
    ),
  );
}

/** Runs a finished run again (same trigger and inputs). */
export function restartPipelineRun(p: RunPath) {
  return unwrap(
    api.POST(
      '/orgs/{orgId}/apps/{appId}/pipelines/{pipelineId}/runs/{runId}/restart',
      { params: { path: p } },
    ),
  );
}

/** Approval requests of a run. */
export function listRunApprovals(orgId: string, appId: string, runId: string) {
  return everyPage((page) =>
    api.GET('/orgs/{orgId}/apps/{appId}/approvals', {
      params: {
        path: { orgId, appId },
        query: { run: [runId], ...pageParams(page) },
      },
    }),
  ) as Promise<PipelineApproval[]>;
}

/** The approval requests of an app that wait for a decision. */
export function listWaitingApprovals(orgId: string, appId: string) {
  return everyPage((page) =>
    api.GET('/orgs/{orgId}/apps/{appId}/approvals', {
      params: {
        path: { orgId, appId },
        query: { status: 'waiting', ...pageParams(page) },
      },
    }),
  ) as Promise<PipelineApproval[]>;
}

/** Approves or denies an approval request, with an optional comment. */
export async function decideApproval(
  p: RunPath & { jobId: string; approvalId: string },
  approve: boolean,
  comment: string,
) {
  const path = `${pipelinePath(p.orgId, p.appId, p.pipelineId)}/runs/${enc(p.runId)}/jobs/${enc(p.jobId)}/approvals/${enc(p.approvalId)}/${approve ? 'approve' : 'deny'}`;
  return JSON.parse(
    await send(
      'POST',
      path,
      comment.trim() ? JSON.stringify({ comment: comment.trim() }) : undefined,
    ),
  ) as PipelineApproval;
}

/** The environment's last canary release (console extension). */
export function getCanary(orgId: string, appId: string, envId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/canary', {
      params: { path: { orgId, appId, envId } },
    }),
  );
}

/** Promotes (100 % now) or aborts (rollback to stable) a progressing canary. */
export function decideCanary(
  orgId: string,
  appId: string,
  envId: string,
  action: 'promote' | 'abort',
  reason = '',
) {
  const path = { orgId, appId, envId };
  return action === 'promote'
    ? unwrap(
        api.POST('/orgs/{orgId}/apps/{appId}/envs/{envId}/canary/promote', {
          params: { path },
        }),
      )
    : unwrap(
        api.POST('/orgs/{orgId}/apps/{appId}/envs/{envId}/canary/abort', {
          params: { path },
          body: reason.trim() ? { reason: reason.trim() } : {},
        }),
      );
}
