import { json, noContent, route, type Dto } from './kit';

/** Applications of an organisation. */
export const appRoutes = [
  route('listApplications', ({ engine, actor, params }) =>
    json(
      engine.listApps(
        actor,
        params.orgId,
      ) satisfies Dto['ApplicationResponse'][],
    ),
  ),
  route('createApplication', async ({ engine, actor, params, body }) => {
    const app = engine.createApp(actor, params.orgId, await body());
    return json(app satisfies Dto['ApplicationResponse'], 201);
  }),
  route('getApplication', ({ engine, actor, params }) =>
    json(
      engine.getApp(
        actor,
        params.orgId,
        params.appId,
      ) satisfies Dto['ApplicationResponse'],
    ),
  ),
  route('deleteApplication', ({ engine, actor, params }) => {
    engine.deleteApp(actor, params.orgId, params.appId);
    return noContent();
  }),
];
