import { runIdempotent } from './idempotency';
import { json, route, type Dto } from './kit';

/** `a,b` → `['a', 'b']` (absent or empty → none). */
const list = (value: string | null) =>
  value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/**
 * Clone between environments (console-extensions.yaml; the engine's
 * clone-ops.ts): preview, apply with the preview's fingerprint, history.
 */
export const cloneRoutes = [
  route('previewClone', ({ engine, actor, params: p, query }) =>
    json(
      engine.previewClone(actor, p.orgId, p.appId, p.envId, {
        source_env_id: query.get('source_env_id') ?? undefined,
        source_deploy_id: query.get('source_deploy_id') ?? undefined,
        mode: query.get('mode') ?? undefined,
        modules: list(query.get('modules')),
        shared: list(query.get('shared')),
      }) satisfies Dto['ClonePreview'],
    ),
  ),
  // An Idempotency-Key makes a retried apply answer the first clone (its deployment) instead of a 409: the
  // first apply changed the target, so the preview's fingerprint no longer matches.
  route('applyClone', async (ctx) => {
    const { engine, actor, params: p } = ctx;
    const input = await ctx.body();
    const { result, headers } = runIdempotent(
      ctx,
      p.orgId,
      input,
      {
        action: 'env.deploy',
        appId: p.appId,
        envId: p.envId,
        doing: `Cloning into ${p.appId}/${p.envId}`,
      },
      () => engine.applyClone(actor, p.orgId, p.appId, p.envId, input),
    );
    return json(result satisfies Dto['CloneRecord'], 201, headers);
  }),
  route('listClones', ({ engine, actor, params: p, query }) =>
    json(
      engine.listClones(
        actor,
        p.orgId,
        p.appId,
        query.get('env') || undefined,
      ) satisfies Dto['CloneRecord'][],
    ),
  ),
];
