import { json, route, type Dto } from './kit';
import { pageAnswer, pageQueryOf } from './paged';

/**
 * The console's health extensions (console-extensions.yaml): organisation,
 * app and environment health (the model in mocks/engine/health/compute.ts), a
 * deployment's step timeline and a container's logs by cursor.
 */
export const consoleHealthRoutes = [
  route('getOrgHealth', ({ engine, actor, params: p, query, request }) => {
    // With per_page or page: one page of what needs attention (a 10,000-app organisation's whole health is megabytes).
    if (!query.has('per_page') && !query.has('page'))
      return json(
        engine.getOrgHealth(actor, p.orgId) satisfies Dto['OrgHealth'],
      );
    const { health, next } = engine.getOrgHealthPage(
      actor,
      p.orgId,
      pageQueryOf(query),
    );
    return pageAnswer(health satisfies Dto['OrgHealth'], next, request);
  }),
  route('getAppHealth', ({ engine, actor, params: p }) =>
    json(
      engine.getAppHealth(actor, p.orgId, p.appId) satisfies Dto['AppHealth'],
    ),
  ),
  route('getEnvironmentHealth', ({ engine, actor, params: p }) =>
    json(
      engine.getEnvHealth(
        actor,
        p.orgId,
        p.appId,
        p.envId,
      ) satisfies Dto['EnvironmentHealth'],
    ),
  ),
  route('getDeploymentSteps', ({ engine, actor, params: p }) =>
    json(
      engine.getDeploySteps(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.deployId,
      ) satisfies Dto['DeploymentSteps'],
    ),
  ),
  route('getContainerLogs', ({ engine, actor, params: p, query }) =>
    json(
      engine.getContainerLogs(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.workloadId,
        p.containerId,
        {
          pod: query.get('pod'),
          since: query.get('since'),
          limit: query.get('limit'),
        },
      ) satisfies Dto['ContainerLogs'],
    ),
  ),
];
