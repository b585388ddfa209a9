/**
 * Active resources, the resource inputs of a set, and dependency graphs
 * (provisioning/ in the engine): what deployments provisioned in an
 * environment, pinning one to a definition version, deleting one, and the
 * graph of resources matched and created as a deployment would.
 */
import { EngineError } from '../engine';
import { json, noContent, route, type Dto } from './kit';

/** `?scheduled_deletion=true|false`, or undefined when absent. */
function scheduledDeletion(query: URLSearchParams): boolean | undefined {
  const value = query.get('scheduled_deletion');
  if (value === null || value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new EngineError(
    'invalid',
    `\`scheduled_deletion\` must be true or false; got "${value}".`,
    { field: 'scheduled_deletion' },
  );
}

export const provisioningRoutes = [
  route('listActiveResources', ({ engine, actor, params: p, query }) =>
    json(
      engine.listActiveResources(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        scheduledDeletion(query),
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
];
