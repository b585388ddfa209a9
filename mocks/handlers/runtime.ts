import { json, noContent, route, type Dto, type WithModuleDto } from './kit';

/**
 * Runtime of environments. GET …/envs/{envId}/runtime serves the spec's two
 * media types: the V2 shape (RuntimeInfoResponseV2, `Content-Type:
 * application/v2+json`) when the Accept header names `application/v2+json`
 * (as the console does), else the V1 shape (RuntimeInfoResponseV1,
 * `application/json`: each workload as deployed with its controllers beside
 * its fields), both from the same simulation (issue 19 §6).
 */
export const RUNTIME_V2_MEDIA_TYPE = 'application/v2+json';

/** Whether the client asks for the V2 runtime (`Accept: application/v2+json`, with any parameters or q-value above 0). */
function wantsV2(accept: string | null): boolean {
  return (accept ?? '').split(',').some((part) => {
    const [type, ...params] = part.split(';').map((s) => s.trim());
    if (type.toLowerCase() !== RUNTIME_V2_MEDIA_TYPE) return false;
    const q = params.find((p) => /^q=/i.test(p));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

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
  route('getRuntime', ({ engine, actor, params: p, request }) =>
    wantsV2(request.headers.get('accept'))
      ? json(
          engine.getRuntime(
            actor,
            p.orgId,
            p.appId,
            p.envId,
          ) satisfies Dto['RuntimeInfoResponseV2'],
          200,
          { 'Content-Type': RUNTIME_V2_MEDIA_TYPE, Vary: 'Accept' },
        )
      : json(
          engine.getRuntimeV1(actor, p.orgId, p.appId, p.envId) satisfies {
            namespace: string;
            modules: Record<string, WithModuleDto<Dto['ModuleResponse']>>;
          },
          200,
          { Vary: 'Accept' },
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
