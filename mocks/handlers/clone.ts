import { json, route, type Dto } from './kit';

/** `a,b` → `['a', 'b']` (absent or empty → none). */
const list = (value: string | null) => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);

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
  route('applyClone', async ({ engine, actor, params: p, body }) =>
    json(engine.applyClone(actor, p.orgId, p.appId, p.envId, await body()) satisfies Dto['CloneRecord'], 201),
  ),
  route('listClones', ({ engine, actor, params: p, query }) =>
    json(engine.listClones(actor, p.orgId, p.appId, query.get('env') || undefined) satisfies Dto['CloneRecord'][]),
  ),
];
