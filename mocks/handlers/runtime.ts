import { json, noContent, route, type Dto } from './kit';

/**
 * Runtime of environments. Decision: GET …/envs/{envId}/runtime always
 * answers with the V2 shape (RuntimeInfoResponseV2) and says so with
 * `Content-Type: application/v2+json`, whether the client asks for
 * `application/v2+json` (as the console does), `application/json` or
 * anything else. The engine models only V2 (controllers, pods, containers);
 * V1 (workload specs with raw controllers) is the deprecated shape and a V1
 * answer made up from V2 would be a second, untested model. The content type
 * keeps the answer honest for a client that asked for V1.
 */
export const RUNTIME_V2_MEDIA_TYPE = 'application/v2+json';

/** `?id=a&id=b` (the spec's form) or `?id=a,b`; the engine enforces the limit of 5. */
function envIds(query: URLSearchParams): string[] {
  return query
    .getAll('id')
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Runtime, pause/resume and scaling. */
export const runtimeRoutes = [
  route('getRuntime', ({ engine, actor, params: p }) =>
    json(
      engine.getRuntime(
        actor,
        p.orgId,
        p.appId,
        p.envId,
      ) satisfies Dto['RuntimeInfoResponseV2'],
      200,
      { 'Content-Type': RUNTIME_V2_MEDIA_TYPE },
    ),
  ),
  route('listRuntime', ({ engine, actor, params: p, query }) =>
    json(
      engine.listRuntime(
        actor,
        p.orgId,
        p.appId,
        envIds(query),
      ) satisfies Dto['EnvironmentRuntimeInfoResponse'][],
    ),
  ),
  route('updatePaused', async ({ engine, actor, params: p, body }) => {
    engine.setPaused(actor, p.orgId, p.appId, p.envId, await body());
    return noContent();
  }),
  route('patchReplicas', async ({ engine, actor, params: p, body }) => {
    engine.setReplicas(actor, p.orgId, p.appId, p.envId, await body());
    return noContent();
  }),
];
