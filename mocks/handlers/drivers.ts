import { json, noContent, route, type Dto } from './kit';

/** Resource drivers (drivers/ in the engine): the humanitec built-ins and the organisation's own. */
export const driverRoutes = [
  route('listResourceDrivers', ({ engine, actor, params: p }) =>
    json(
      engine.listResourceDrivers(
        actor,
        p.orgId,
      ) satisfies Dto['DriverDefinitionResponse'][],
    ),
  ),
  route('createResourceDriver', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createResourceDriver(
        actor,
        p.orgId,
        await body(),
      ) satisfies Dto['DriverDefinitionResponse'],
    ),
  ),
  route('getResourceDriver', ({ engine, actor, params: p }) =>
    json(
      engine.getResourceDriver(
        actor,
        p.orgId,
        p.driverId,
      ) satisfies Dto['DriverDefinitionResponse'],
    ),
  ),
  route('updateResourceDriver', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateResourceDriver(
        actor,
        p.orgId,
        p.driverId,
        await body(),
      ) satisfies Dto['DriverDefinitionResponse'],
    ),
  ),
  route('deleteResourceDriver', ({ engine, actor, params: p }) => {
    engine.deleteResourceDriver(actor, p.orgId, p.driverId);
    return noContent();
  }),
];
