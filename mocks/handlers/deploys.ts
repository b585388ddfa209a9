import { json, route, type Dto } from './kit';

/** Deployments of an environment (newest first) and their errors. */
export const deployRoutes = [
  route('listDeployments', ({ engine, actor, params: p }) =>
    json(engine.listDeploys(actor, p.orgId, p.appId, p.envId) satisfies Dto['DeploymentResponse'][]),
  ),
  route('createDeployment', async ({ engine, actor, params: p, body }) => {
    const deploy = engine.createDeploy(actor, p.orgId, p.appId, p.envId, await body());
    return json(deploy satisfies Dto['DeploymentResponse'], 201);
  }),
  route('getDeployment', ({ engine, actor, params: p }) =>
    json(
      engine.getDeploy(actor, p.orgId, p.appId, p.envId, p.deployId) satisfies Dto['DeploymentResponse'],
    ),
  ),
  route('listDeploymentErrors', ({ engine, actor, params: p }) =>
    json(
      engine.getDeployErrors(actor, p.orgId, p.appId, p.envId, p.deployId) satisfies Dto['DeploymentErrorResponse'][],
    ),
  ),
];
