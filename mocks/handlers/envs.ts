import { json, noContent, route, type Dto } from './kit';

/** Environments of an application, and rebasing one onto a deployment. */
export const envRoutes = [
  route('listEnvironments', ({ engine, actor, params: p }) =>
    json(
      engine.listEnvs(
        actor,
        p.orgId,
        p.appId,
      ) satisfies Dto['EnvironmentResponse'][],
    ),
  ),
  route('createEnvironment', async ({ engine, actor, params: p, body }) => {
    const env = engine.createEnv(actor, p.orgId, p.appId, await body());
    return json(env satisfies Dto['EnvironmentResponse'], 201);
  }),
  route('getEnvironment', ({ engine, actor, params: p }) =>
    json(
      engine.getEnv(
        actor,
        p.orgId,
        p.appId,
        p.envId,
      ) satisfies Dto['EnvironmentResponse'],
    ),
  ),
  // `name` (the spec's EnvironmentBaseUpdateRequest) and, our extension, `type`.
  route('updateEnvironment', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateEnv(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        await body(),
      ) satisfies Dto['EnvironmentResponse'],
    ),
  ),
  route('deleteEnvironment', ({ engine, actor, params: p }) => {
    engine.deleteEnv(actor, p.orgId, p.appId, p.envId);
    return noContent();
  }),
  // The body is a JSON string: the deployment id (of any environment of the app).
  route('rebaseEnvironment', async ({ engine, actor, params: p, body }) => {
    engine.rebaseEnv(actor, p.orgId, p.appId, p.envId, await body());
    return noContent();
  }),
];
