/**
 * Operator and GitOps (operator/ in the engine; console extensions, issue
 * 21): a deployment's export as a YAML stream, its commit and
 * reconciliation, the environment's GitOps status and the demo actions
 * (drift, resync, a broken in-cluster secret store).
 */
import { EngineError } from '../engine';
import { json, route, textAnswer, type Dto } from './kit';
import { textQuery } from './query';
import { validateBody } from './validate';

/** The media type of an export (a multi-document YAML stream). */
export const EXPORT_MEDIA_TYPE = 'application/yaml';

function exportView(query: URLSearchParams): 'file' | 'full' {
  const view = textQuery(query, 'view') ?? 'file';
  if (view !== 'file' && view !== 'full')
    throw new EngineError(
      'invalid',
      `\`view\` must be file (the export file as written) or full (every object the deployment leaves in the cluster); got "${view}".`,
      { field: 'view' },
    );
  return view;
}

export const gitopsRoutes = [
  route('getDeploymentExport', ({ engine, actor, params: p, query }) => {
    const { yaml, file } = engine.getDeploymentExport(
      actor,
      p.orgId,
      p.appId,
      p.envId,
      p.deployId,
      exportView(query),
    );
    return textAnswer(yaml, 200, {
      'Content-Type': `${EXPORT_MEDIA_TYPE}; charset=utf-8`,
      'Content-Disposition': `attachment; filename="${file}"`,
    });
  }),
  route('getDeploymentGitops', ({ engine, actor, params: p }) =>
    json(
      engine.getDeploymentGitops(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.deployId,
      ) satisfies Dto['DeploymentGitops'],
    ),
  ),
  route('getEnvironmentGitops', ({ engine, actor, params: p }) =>
    json(
      engine.getEnvironmentGitops(
        actor,
        p.orgId,
        p.appId,
        p.envId,
      ) satisfies Dto['GitopsStatus'],
    ),
  ),
  route('causeGitopsDrift', async ({ engine, actor, params: p, request }) => {
    // The body is optional: none edits the first workload's replicas.
    const text = await request.text();
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch (error) {
        throw new EngineError(
          'invalid',
          `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      body = validateBody('causeGitopsDrift', body);
    }
    return json(
      engine.causeGitopsDrift(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        body,
      ) satisfies Dto['GitopsStatus'],
    );
  }),
  route('resyncGitops', ({ engine, actor, params: p }) =>
    json(
      engine.resyncGitops(
        actor,
        p.orgId,
        p.appId,
        p.envId,
      ) satisfies Dto['GitopsStatus'],
    ),
  ),
  route('setGitopsSecretFault', async ({ engine, actor, params: p, body }) =>
    json(
      engine.setGitopsSecretFault(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        await body(),
      ) satisfies Dto['GitopsStatus'],
    ),
  ),
];
