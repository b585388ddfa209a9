import { json, noContent, route, type Dto } from './kit';

/**
 * Custom resource types (resources/ in the engine): define, change and delete
 * them (listResourceTypes is with the profiles' routes, whose forms pick from it).
 */
export const resourceTypeRoutes = [
  route('createResourceType', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createResourceType(
        actor,
        p.orgId,
        await body(),
      ) satisfies Dto['ResourceTypeResponse'],
    ),
  ),
  route('patchResourceType', async ({ engine, actor, params: p, body }) =>
    json(
      engine.patchResourceType(
        actor,
        p.orgId,
        p.typeId,
        await body(),
      ) satisfies Dto['ResourceTypeResponse'],
    ),
  ),
  route('updateResourceType', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateResourceType(
        actor,
        p.orgId,
        p.typeId,
        await body(),
      ) satisfies Dto['ResourceTypeResponse'],
    ),
  ),
  route('deleteResourceType', ({ engine, actor, params: p }) => {
    engine.deleteResourceType(actor, p.orgId, p.typeId);
    return noContent();
  }),
];
