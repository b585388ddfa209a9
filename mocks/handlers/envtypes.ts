import { EngineError } from '../engine';
import { json, noContent, route, type Dto } from './kit';

/**
 * The spec's 409 body of `deleteEnvironmentType`: an array of string maps,
 * one per environment that has the type (`app_id`, `env_id`), each with the
 * error code and the whole message (which names them all), so a client that
 * reads the first item gets the explanation.
 */
function inUseAnswer(error: EngineError) {
  const environments = error.details?.environments as {
    app_id: string;
    env_id: string;
  }[];
  return json(
    environments.map((env) => ({
      error: error.error,
      message: error.message,
      app_id: env.app_id,
      env_id: env.env_id,
    })),
    409,
  );
}

/** Environment types of an organisation (listing them: orgs.ts). */
export const envTypeRoutes = [
  route('createEnvironmentType', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createEnvType(
        actor,
        p.orgId,
        await body(),
      ) satisfies Dto['EnvironmentTypeResponse'],
      201,
    ),
  ),
  route('getEnvironmentType', ({ engine, actor, params: p }) =>
    json(
      engine.getEnvType(
        actor,
        p.orgId,
        p.envTypeId,
      ) satisfies Dto['EnvironmentTypeResponse'],
    ),
  ),
  route('updateEnvironmentType', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateEnvType(
        actor,
        p.orgId,
        p.envTypeId,
        await body(),
      ) satisfies Dto['EnvironmentTypeResponse'],
    ),
  ),
  route('deleteEnvironmentType', ({ engine, actor, params: p }) => {
    try {
      engine.deleteEnvType(actor, p.orgId, p.envTypeId);
    } catch (error) {
      if (
        error instanceof EngineError &&
        error.code === 'conflict' &&
        Array.isArray(error.details?.environments)
      )
        return inUseAnswer(error);
      throw error;
    }
    return noContent();
  }),
];
