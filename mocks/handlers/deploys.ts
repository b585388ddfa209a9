import { EngineError, type Actor, type Engine } from '../engine';
import { json, route, type Dto } from './kit';
import { runIdempotent } from './idempotency';

/**
 * The optional `If-Match: "<deployId>"` precondition of createDeployment
 * (console-extensions.yaml, IfMatchLastDeploy): refuses (409) when the
 * environment's last deployment is not the one the change was based on.
 * Checked in the same synchronous turn as the deploy, so nothing can slip in between.
 */
function checkLastDeploy(
  engine: Engine,
  actor: Actor,
  p: { orgId: string; appId: string; envId: string },
  header: string | null,
) {
  if (header === null || header.trim() === '*') return;
  const expected = header.split(',').map((tag) =>
    tag
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1'),
  );
  const last = engine.getEnv(actor, p.orgId, p.appId, p.envId).last_deploy;
  if (last && expected.includes(last.id)) return;
  const by = last
    ? `deployment \`${last.id}\` (${last.status}) by ${last.created_by} at ${last.created_at}${last.comment ? ` ("${last.comment}")` : ''}`
    : 'no deployment';
  throw new EngineError(
    'conflict',
    `Environment \`${p.envId}\` changed since your edit started: it now has ${by}. Your change was based on \`${expected.join(', ')}\`; review the current configuration, then deploy again.`,
    {
      last_deploy_id: last?.id ?? null,
      expected_deploy_id: expected.join(', '),
    },
  );
}

/** Deployments of an environment (newest first) and their errors. */
export const deployRoutes = [
  route('listDeployments', ({ engine, actor, params: p }) =>
    json(
      engine.listDeploys(
        actor,
        p.orgId,
        p.appId,
        p.envId,
      ) satisfies Dto['DeploymentResponse'][],
    ),
  ),
  // An Idempotency-Key makes a retried deploy answer the first one instead of deploying twice.
  route('createDeployment', async (ctx) => {
    const { engine, actor, params: p } = ctx;
    const input = await ctx.body();
    const { result: deploy, headers } = runIdempotent(
      ctx,
      p.orgId,
      input,
      { action: 'env.deploy', appId: p.appId, envId: p.envId },
      () => {
        checkLastDeploy(engine, actor, p, ctx.request.headers.get('if-match'));
        return engine.createDeploy(actor, p.orgId, p.appId, p.envId, input);
      },
    );
    return json(deploy satisfies Dto['DeploymentResponse'], 201, headers);
  }),
  route('getDeployment', ({ engine, actor, params: p }) =>
    json(
      engine.getDeploy(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.deployId,
      ) satisfies Dto['DeploymentResponse'],
    ),
  ),
  route('listDeploymentErrors', ({ engine, actor, params: p }) =>
    json(
      engine.getDeployErrors(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.deployId,
      ) satisfies Dto['DeploymentErrorResponse'][],
    ),
  ),
];
