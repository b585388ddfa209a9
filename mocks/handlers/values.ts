import { json, noContent, route, type Dto } from './kit';

// Shared values of an app and of its environments, and their value-set versions (issue 19 §1).
// A secret's content never leaves the engine: every answer gives `value: ""` for it.

/** App values and environment overrides. */
export const valueRoutes = [
  route('listAppValues', ({ engine, actor, params: p }) =>
    json(
      engine.listValues(
        actor,
        p.orgId,
        p.appId,
      ) satisfies Dto['ValueResponse'][],
    ),
  ),
  route('createAppValue', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createValue(
        actor,
        p.orgId,
        p.appId,
        undefined,
        await body(),
      ) satisfies Dto['ValueResponse'],
      201,
    ),
  ),
  route('deleteAppValues', ({ engine, actor, params: p }) => {
    engine.deleteAllValues(actor, p.orgId, p.appId);
    return noContent();
  }),
  route('replaceAppValue', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateValue(
        actor,
        p.orgId,
        p.appId,
        undefined,
        p.key,
        await body(),
        'replace',
      ) satisfies Dto['ValueResponse'],
    ),
  ),
  route('patchAppValue', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateValue(
        actor,
        p.orgId,
        p.appId,
        undefined,
        p.key,
        await body(),
        'patch',
      ) satisfies Dto['ValueResponse'],
    ),
  ),
  route('deleteAppValue', ({ engine, actor, params: p }) => {
    engine.deleteValue(actor, p.orgId, p.appId, undefined, p.key);
    return noContent();
  }),
  route('listEnvValues', ({ engine, actor, params: p }) =>
    json(
      engine.listValues(
        actor,
        p.orgId,
        p.appId,
        p.envId,
      ) satisfies Dto['ValueResponse'][],
    ),
  ),
  route('createEnvValue', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createValue(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        await body(),
      ) satisfies Dto['ValueResponse'],
      201,
    ),
  ),
  route('deleteEnvValues', ({ engine, actor, params: p }) => {
    engine.deleteAllValues(actor, p.orgId, p.appId, p.envId);
    return noContent();
  }),
  route('replaceEnvValue', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateValue(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.key,
        await body(),
        'replace',
      ) satisfies Dto['ValueResponse'],
    ),
  ),
  route('patchEnvValue', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateValue(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.key,
        await body(),
        'patch',
      ) satisfies Dto['ValueResponse'],
    ),
  ),
  route('deleteEnvValue', ({ engine, actor, params: p }) => {
    engine.deleteValue(actor, p.orgId, p.appId, p.envId, p.key);
    return noContent();
  }),
];

/** Value-set versions of an app and of its environments: list, get, restore (whole or one key), purge a key. */
export const valueSetVersionRoutes = [
  route('listAppValueSetVersions', ({ engine, actor, params: p, query }) =>
    json(
      engine.listValueSetVersions(
        actor,
        p.orgId,
        p.appId,
        undefined,
        query.get('key_changed') ?? undefined,
      ) satisfies Dto['ValueSetVersionResponse'][],
    ),
  ),
  route('getAppValueSetVersion', ({ engine, actor, params: p }) =>
    json(
      engine.getValueSetVersion(
        actor,
        p.orgId,
        p.appId,
        undefined,
        p.valueSetVersionId,
      ) satisfies Dto['ValueSetVersionResponse'],
    ),
  ),
  route(
    'restoreAppValueSetVersion',
    async ({ engine, actor, params: p, body }) =>
      json(
        engine.restoreValueSetVersion(
          actor,
          p.orgId,
          p.appId,
          undefined,
          p.valueSetVersionId,
          undefined,
          await body(),
        ) satisfies Dto['ValueSetVersionResponse'],
      ),
  ),
  route(
    'restoreAppValueSetVersionKey',
    async ({ engine, actor, params: p, body }) =>
      json(
        engine.restoreValueSetVersion(
          actor,
          p.orgId,
          p.appId,
          undefined,
          p.valueSetVersionId,
          p.key,
          await body(),
        ) satisfies Dto['ValueSetVersionResponse'],
      ),
  ),
  route(
    'purgeAppValueSetVersionKey',
    async ({ engine, actor, params: p, body }) => {
      engine.purgeValueSetVersionKey(
        actor,
        p.orgId,
        p.appId,
        undefined,
        p.valueSetVersionId,
        p.key,
        await body(),
      );
      return noContent();
    },
  ),
  route('listEnvValueSetVersions', ({ engine, actor, params: p, query }) =>
    json(
      engine.listValueSetVersions(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        query.get('key_changed') ?? undefined,
      ) satisfies Dto['ValueSetVersionResponse'][],
    ),
  ),
  route('getEnvValueSetVersion', ({ engine, actor, params: p }) =>
    json(
      engine.getValueSetVersion(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.valueSetVersionId,
      ) satisfies Dto['ValueSetVersionResponse'],
    ),
  ),
  route(
    'restoreEnvValueSetVersion',
    async ({ engine, actor, params: p, body }) =>
      json(
        engine.restoreValueSetVersion(
          actor,
          p.orgId,
          p.appId,
          p.envId,
          p.valueSetVersionId,
          undefined,
          await body(),
        ) satisfies Dto['ValueSetVersionResponse'],
      ),
  ),
  route(
    'restoreEnvValueSetVersionKey',
    async ({ engine, actor, params: p, body }) =>
      json(
        engine.restoreValueSetVersion(
          actor,
          p.orgId,
          p.appId,
          p.envId,
          p.valueSetVersionId,
          p.key,
          await body(),
        ) satisfies Dto['ValueSetVersionResponse'],
      ),
  ),
  route(
    'purgeEnvValueSetVersionKey',
    async ({ engine, actor, params: p, body }) => {
      engine.purgeValueSetVersionKey(
        actor,
        p.orgId,
        p.appId,
        p.envId,
        p.valueSetVersionId,
        p.key,
        await body(),
      );
      return noContent();
    },
  ),
];
