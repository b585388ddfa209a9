import { json, route, type Dto } from './kit';

/**
 * The fleet extensions (console-extensions.yaml): the overview of every
 * organisation of the caller with drift from a baseline, and profile
 * rollouts (the engine's fleet.ts and fleet-rollout.ts).
 */
export const fleetRoutes = [
  route('getFleetOverview', ({ engine, actor, params: p, query }) =>
    json(
      engine.getFleetOverview(
        actor,
        query.get('baseline') || p.orgId,
      ) satisfies Dto['FleetOverview'],
    ),
  ),
  route('listProfileRollouts', ({ engine, actor, params: p }) =>
    json(
      engine.listProfileRollouts(
        actor,
        p.orgId,
      ) satisfies Dto['ProfileRollout'][],
    ),
  ),
  route('createProfileRollout', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createProfileRollout(
        actor,
        p.orgId,
        await body(),
      ) satisfies Dto['ProfileRollout'],
      201,
    ),
  ),
];
