/**
 * Pipelines, runs, jobs, step logs, approvals (humanitec.yaml) and the
 * canary extension (console-extensions.yaml). Definitions travel as YAML
 * (`application/x-yaml`); approve / deny accept an optional JSON body
 * `{"comment": "..."}` (our addition, see src/api/openapi/README.md).
 */
import { parse as parseYaml } from 'yaml';
import { EngineError } from '../engine';
import {
  json,
  noContent,
  route,
  textAnswer,
  type ApiRequest,
  type Dto,
} from './kit';
import { pagedJson } from './paged';
import { MAX_BODY_BYTES } from './validate';

const PIPELINE_YAML = 'application/x.humanitec-pipelines-v1.0+yaml';

async function yamlBody(request: ApiRequest): Promise<string> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) {
    throw new EngineError(
      'too_large',
      `The pipeline definition is ${text.length} bytes; the limit is 1 MiB.`,
    );
  }
  if (text.trim() === '')
    throw new EngineError(
      'invalid',
      'The request body must be the pipeline definition in YAML.',
    );
  return text;
}

/** The optional `{"comment": "..."}` of approve / deny. */
async function comment(request: ApiRequest): Promise<string | undefined> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new EngineError(
      'invalid',
      'The body must be JSON like {"comment": "..."} or empty.',
    );
  }
  const value = (body as { comment?: unknown } | null)?.comment;
  if (value !== undefined && typeof value !== 'string')
    throw new EngineError('invalid', '`comment` must be a string.');
  return value;
}

/** Keys that name a pipeline or a run uniquely in an organisation's list (page tokens, paged.ts). */
const pipelineKey = (pipeline: Dto['Pipeline']) =>
  `${pipeline.app_id}/${pipeline.id}`;
const runKey = (run: Dto['PipelineRun']) =>
  `${run.app_id}/${run.pipeline_id}/${run.id}`;

const dryRun = (query: URLSearchParams) => query.get('dry_run') === 'true';

function runFilter(query: URLSearchParams) {
  const completed = query.get('completed');
  if (completed !== null && completed !== 'true' && completed !== 'false') {
    throw new EngineError('invalid', '`completed` must be `true` or `false`.');
  }
  return {
    envId: query.get('env') ?? undefined,
    status: query.getAll('status'),
    completed: completed === null ? undefined : completed === 'true',
  };
}

/** Pipeline definitions, versions and criteria. */
export const pipelineRoutes = [
  route(
    'listPipelinesInOrg',
    ({ engine, actor, params: p, query, request }) => {
      const apps = query.getAll('app');
      const all = engine.listPipelines(actor, p.orgId);
      return pagedJson(
        (apps.length
          ? all.filter((x) => apps.includes(x.app_id))
          : all) satisfies Dto['Pipeline'][],
        pipelineKey,
        request,
        query,
      );
    },
  ),
  route('listPipelines', ({ engine, actor, params: p, query, request }) => {
    const trigger = query.get('trigger');
    const all = engine.listPipelines(actor, p.orgId, p.appId);
    return pagedJson(
      (trigger
        ? all.filter((x) => x.trigger_types.includes(trigger))
        : all) satisfies Dto['Pipeline'][],
      pipelineKey,
      request,
      query,
    );
  }),
  route(
    'createPipeline',
    async ({ engine, actor, params: p, request, query }) => {
      engine.getApp(actor, p.orgId, p.appId);
      const pipeline = engine.createPipeline(
        actor,
        p.orgId,
        p.appId,
        await yamlBody(request),
        dryRun(query),
      );
      return dryRun(query)
        ? noContent()
        : json(pipeline satisfies Dto['Pipeline'], 201, {
            Etag: pipeline.etag,
          });
    },
  ),
  route('getPipeline', ({ engine, actor, params: p, query }) => {
    const { pipeline } = engine.getPipeline(
      actor,
      p.orgId,
      p.appId,
      p.pipelineId,
      query.get('version') ?? undefined,
    );
    return json(pipeline satisfies Dto['Pipeline'], 200, {
      Etag: pipeline.etag,
    });
  }),
  route(
    'updatePipeline',
    async ({ engine, actor, params: p, request, query }) => {
      engine.getPipeline(actor, p.orgId, p.appId, p.pipelineId);
      const pipeline = engine.updatePipeline(
        actor,
        p.orgId,
        p.appId,
        p.pipelineId,
        await yamlBody(request),
        dryRun(query),
      );
      return dryRun(query)
        ? noContent()
        : json(pipeline satisfies Dto['Pipeline'], 200, {
            Etag: pipeline.etag,
          });
    },
  ),
  route('deletePipeline', ({ engine, actor, params: p }) => {
    engine.deletePipeline(actor, p.orgId, p.appId, p.pipelineId);
    return noContent();
  }),
  route(
    'listPipelineVersions',
    ({ engine, actor, params: p, query, request }) =>
      pagedJson(
        engine.getPipeline(actor, p.orgId, p.appId, p.pipelineId)
          .versions satisfies Dto['PipelineVersion'][],
        (version) => version.id,
        request,
        query,
      ),
  ),
  route(
    'getPipelineDefinition',
    ({ engine, actor, params: p, query, request }) => {
      const { yaml } = engine.getPipeline(
        actor,
        p.orgId,
        p.appId,
        p.pipelineId,
        query.get('version') ?? undefined,
      );
      if ((request.headers.get('accept') ?? '').includes('application/json'))
        return json(parseYaml(yaml));
      return textAnswer(yaml, 200, { 'Content-Type': PIPELINE_YAML });
    },
  ),
  route(
    'listPipelineCriteriaInApp',
    ({ engine, actor, params: p, query, request }) =>
      pagedJson(
        engine.listPipelineCriteria(
          actor,
          p.orgId,
          p.appId,
          query.get('pipeline') ?? undefined,
        ) satisfies Dto['PipelineCriteria'][],
        (criteria) => criteria.id,
        request,
        query,
      ),
  ),
  route(
    'createPipelineCriteria',
    async ({ engine, actor, params: p, body }) => {
      engine.getPipeline(actor, p.orgId, p.appId, p.pipelineId);
      const created = engine.createPipelineCriteria(
        actor,
        p.orgId,
        p.appId,
        p.pipelineId,
        (await body()) as Record<string, unknown>,
      );
      return json(created satisfies Dto['PipelineCriteria'], 201);
    },
  ),
  route('getPipelineCriteria', ({ engine, actor, params: p }) =>
    json(
      engine.getPipelineCriteria(
        actor,
        p.orgId,
        p.appId,
        p.pipelineId,
        p.criteriaId,
      ) satisfies Dto['PipelineCriteria'],
    ),
  ),
  route('deletePipelineCriteria', ({ engine, actor, params: p }) => {
    engine.deletePipelineCriteria(
      actor,
      p.orgId,
      p.appId,
      p.pipelineId,
      p.criteriaId,
    );
    return noContent();
  }),
  route('getLatestPipelineDefinitionSchema', ({ engine, actor, params: p }) =>
    json(engine.getPipelineSchema(actor, p.orgId)),
  ),
];

/** Runs, jobs and step logs. */
export const pipelineRunRoutes = [
  route(
    'listPipelineRunsByOrg',
    ({ engine, actor, params: p, query, request }) => {
      const apps = query.getAll('app');
      const pipelines = query.getAll('pipeline');
      const runs = engine.listPipelineRuns(actor, p.orgId, runFilter(query));
      return pagedJson(
        runs.filter(
          (r) =>
            (!apps.length || apps.includes(r.app_id)) &&
            (!pipelines.length || pipelines.includes(r.pipeline_id)),
        ) satisfies Dto['PipelineRun'][],
        runKey,
        request,
        query,
      );
    },
  ),
  route(
    'createPipelineRunByTriggerCriteria',
    async ({ engine, actor, params: p, body }) => {
      engine.getApp(actor, p.orgId, p.appId);
      const run = engine.requestDeployment(
        actor,
        p.orgId,
        p.appId,
        await body(),
      );
      return json(run satisfies Dto['PipelineRun'], 201, { Etag: run.etag });
    },
  ),
  route('listPipelineRuns', ({ engine, actor, params: p, query, request }) =>
    pagedJson(
      engine.listPipelineRuns(actor, p.orgId, {
        ...runFilter(query),
        appId: p.appId,
        pipelineId: p.pipelineId,
      }) satisfies Dto['PipelineRun'][],
      runKey,
      request,
      query,
    ),
  ),
  route('createPipelineRun', async ({ engine, actor, params: p, body }) => {
    engine.getPipeline(actor, p.orgId, p.appId, p.pipelineId);
    const run = engine.createPipelineRun(
      actor,
      p.orgId,
      p.appId,
      p.pipelineId,
      ((await body()) as { inputs?: Record<string, unknown> } | null)
        ?.inputs as Record<string, unknown>,
    );
    return json(run satisfies Dto['PipelineRun'], 201, { Etag: run.etag });
  }),
  route('getPipelineRun', ({ engine, actor, params: p }) => {
    const run = engine.getPipelineRun(
      actor,
      p.orgId,
      p.appId,
      p.pipelineId,
      p.runId,
    );
    return json(run satisfies Dto['PipelineRun'], 200, { Etag: run.etag });
  }),
  route('deletePipelineRun', ({ engine, actor, params: p }) => {
    engine.deletePipelineRun(actor, p.orgId, p.appId, p.pipelineId, p.runId);
    return noContent();
  }),
  route('cancelPipelineRun', ({ engine, actor, params: p }) => {
    engine.cancelPipelineRun(actor, p.orgId, p.appId, p.pipelineId, p.runId);
    return noContent();
  }),
  route('restartPipelineRun', ({ engine, actor, params: p }) => {
    const run = engine.restartPipelineRun(
      actor,
      p.orgId,
      p.appId,
      p.pipelineId,
      p.runId,
    );
    return json(run satisfies Dto['PipelineRun'], 201, { Etag: run.etag });
  }),
  route('listPipelineJobs', ({ engine, actor, params: p, query, request }) =>
    pagedJson(
      engine.listPipelineJobs(
        actor,
        p.orgId,
        p.appId,
        p.pipelineId,
        p.runId,
        query.get('status') ?? undefined,
      ) satisfies Dto['PipelineJobPartial'][],
      (job) => job.id,
      request,
      query,
    ),
  ),
  route('getPipelineJob', ({ engine, actor, params: p }) => {
    const job = engine.getPipelineJob(
      actor,
      p.orgId,
      p.appId,
      p.pipelineId,
      p.runId,
      p.jobId,
    );
    return json(job satisfies Dto['PipelineJob'], 200, { Etag: job.etag });
  }),
  route('listPipelineStepLogs', ({ engine, actor, params: p }) =>
    json(
      engine.listPipelineStepLogs(
        actor,
        p.orgId,
        p.appId,
        p.pipelineId,
        p.runId,
        p.jobId,
        p.stepIndex,
      ) satisfies Dto['PipelineStepLog'][],
    ),
  ),
];

/** Approvals and the canary extension. */
export const pipelineApprovalRoutes = [
  route(
    'listPipelineApprovalRequests',
    ({ engine, actor, params: p, query, request }) =>
      pagedJson(
        engine.listApprovals(actor, p.orgId, p.appId, {
          pipelineId: query.get('pipeline') ?? undefined,
          runId: query.get('run') ?? undefined,
          status: query.get('status') ?? undefined,
        }) satisfies Dto['PipelineApprovalRequest'][],
        (approval) => approval.id,
        request,
        query,
      ),
  ),
  route('getPipelineApprovalRequest', ({ engine, actor, params: p }) =>
    json(
      engine.getApproval(
        actor,
        p.orgId,
        p.appId,
        p,
      ) satisfies Dto['PipelineApprovalRequest'],
    ),
  ),
  route(
    'approvePipelineApprovalRequest',
    async ({ engine, actor, params: p, request }) =>
      json(
        engine.decideApproval(
          actor,
          p.orgId,
          p.appId,
          p,
          true,
          await comment(request),
        ) satisfies Dto['PipelineApprovalRequest'],
      ),
  ),
  route(
    'denyPipelineApprovalRequest',
    async ({ engine, actor, params: p, request }) =>
      json(
        engine.decideApproval(
          actor,
          p.orgId,
          p.appId,
          p,
          false,
          await comment(request),
        ) satisfies Dto['PipelineApprovalRequest'],
      ),
  ),
  route('getCanary', ({ engine, actor, params: p }) =>
    json(
      engine.getCanary(
        actor,
        p.orgId,
        p.appId,
        p.envId,
      ) satisfies Dto['CanaryRelease'],
    ),
  ),
  route('promoteCanary', ({ engine, actor, params: p }) =>
    json(
      engine.decideCanary(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        'promote',
      ) satisfies Dto['CanaryRelease'],
    ),
  ),
  route('abortCanary', async ({ engine, actor, params: p, body }) =>
    json(
      engine.decideCanary(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        'abort',
        ((await body()) as { reason?: string } | null)?.reason,
      ) satisfies Dto['CanaryRelease'],
    ),
  ),
];
