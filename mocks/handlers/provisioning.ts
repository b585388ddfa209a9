/**
 * Active resources, the resource inputs of a set, and dependency graphs
 * (provisioning/ in the engine): what deployments provisioned in an
 * environment, pinning one to a definition version, deleting one, and the
 * graph of resources matched and created as a deployment would.
 */
import { booleanQuery } from './query';
import { json, noContent, route, type Dto } from './kit';

export const provisioningRoutes = [
  route('listActiveResources', ({ engine, actor, params: p, query }) =>
    json(
      engine.listActiveResources(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        booleanQuery(query, 'scheduled_deletion'),
      ) satisfies Dto['ActiveResourceResponse'][],
    ),
  ),
  route('deleteActiveResource', ({ engine, actor, params: p }) => {
    engine.deleteActiveResource(
      actor,
      p.orgId,
      p.appId,
      p.envId,
      p.type,
      p.resId,
    );
    return noContent();
  }),
  route('pinActiveResource', async ({ engine, actor, params: p, body }) =>
    json(
      engine.pinActiveResource(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.type,
        p.resId,
        await body(),
      ) satisfies Dto['ActiveResourceResponse'],
    ),
  ),
  route('getSetResourceInputs', ({ engine, actor, params: p }) =>
    json(
      engine.getSetResourceInputs(
        actor,
        p.orgId,
        p.appId,
        p.setId,
      ) as Dto['ResourceInputsResponse'][],
    ),
  ),
  route('createDependencyGraph', async ({ engine, actor, params: p, body }) =>
    json(
      engine.computeDependencyGraph(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        await body(),
        true,
      ) satisfies Dto['DependencyGraphResponse'],
    ),
  ),
  route('queryResourceGraph', async ({ engine, actor, params: p, body }) =>
    json(
      engine.computeDependencyGraph(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        await body(),
        false,
      ).nodes satisfies Dto['NodeBodyResponse'][],
    ),
  ),
  route('getDependencyGraph', ({ engine, actor, params: p }) =>
    json(
      engine.getDependencyGraph(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.graphId,
      ) satisfies Dto['DependencyGraphResponse'],
    ),
  ),
  route('getDeployPlaceholders', ({ engine, actor, params: p }) =>
    json(
      engine.getDeployPlaceholders(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.deployId,
      ) satisfies Dto['ResolvedPlaceholder'][],
    ),
  ),
];
