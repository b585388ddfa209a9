import type { Answer } from './answer';
import type { HandledOperation } from './operation-ids';
import {
  json,
  noContent,
  route,
  type Dto,
  type RouteContext,
  type RouteDef,
} from './kit';

// Shared values of an app and of its environments, and their value-set versions (issue 19 §1).
// A secret's content never leaves the engine: every answer gives `value: ""` for it.

/**
 * Every operation here comes twice, on the app's path and on an environment's (`…/envs/{envId}/…`), and both
 * answer alike: the engine takes the environment, `undefined` for the app's own values. This declares both routes
 * with one handler.
 */
function appAndEnvRoutes<
  A extends HandledOperation,
  E extends HandledOperation,
>(
  appOperation: A,
  envOperation: E,
  resolve: (
    ctx: RouteContext<A> | RouteContext<E>,
    envId: string | undefined,
  ) => Answer | Promise<Answer>,
): RouteDef[] {
  return [
    route(appOperation, (ctx) => resolve(ctx, undefined)),
    route(envOperation, (ctx) =>
      resolve(ctx, (ctx.params as { envId: string }).envId),
    ),
  ];
}

/** App values and environment overrides. */
export const valueRoutes = [
  ...appAndEnvRoutes(
    'listAppValues',
    'listEnvValues',
    ({ engine, actor, params: p }, envId) =>
      json(
        engine.listValues(
          actor,
          p.orgId,
          p.appId,
          envId,
        ) satisfies Dto['ValueResponse'][],
      ),
  ),
  ...appAndEnvRoutes(
    'createAppValue',
    'createEnvValue',
    async ({ engine, actor, params: p, body }, envId) =>
      json(
        engine.createValue(
          actor,
          p.orgId,
          p.appId,
          envId,
          await body(),
        ) satisfies Dto['ValueResponse'],
        201,
      ),
  ),
  ...appAndEnvRoutes(
    'deleteAppValues',
    'deleteEnvValues',
    ({ engine, actor, params: p }, envId) => {
      engine.deleteAllValues(actor, p.orgId, p.appId, envId);
      return noContent();
    },
  ),
  ...appAndEnvRoutes(
    'replaceAppValue',
    'replaceEnvValue',
    async ({ engine, actor, params: p, body }, envId) =>
      json(
        engine.updateValue(
          actor,
          p.orgId,
          p.appId,
          envId,
          p.key,
          await body(),
          'replace',
        ) satisfies Dto['ValueResponse'],
      ),
  ),
  ...appAndEnvRoutes(
    'patchAppValue',
    'patchEnvValue',
    async ({ engine, actor, params: p, body }, envId) =>
      json(
        engine.updateValue(
          actor,
          p.orgId,
          p.appId,
          envId,
          p.key,
          await body(),
          'patch',
        ) satisfies Dto['ValueResponse'],
      ),
  ),
  ...appAndEnvRoutes(
    'deleteAppValue',
    'deleteEnvValue',
    ({ engine, actor, params: p }, envId) => {
      engine.deleteValue(actor, p.orgId, p.appId, envId, p.key);
      return noContent();
    },
  ),
];

/** Value-set versions of an app and of its environments: list, get, restore (whole or one key), purge a key. */
export const valueSetVersionRoutes = [
  ...appAndEnvRoutes(
    'listAppValueSetVersions',
    'listEnvValueSetVersions',
    ({ engine, actor, params: p, query }, envId) =>
      json(
        engine.listValueSetVersions(
          actor,
          p.orgId,
          p.appId,
          envId,
          query.get('key_changed') ?? undefined,
        ) satisfies Dto['ValueSetVersionResponse'][],
      ),
  ),
  ...appAndEnvRoutes(
    'getAppValueSetVersion',
    'getEnvValueSetVersion',
    ({ engine, actor, params: p }, envId) =>
      json(
        engine.getValueSetVersion(
          actor,
          p.orgId,
          p.appId,
          envId,
          p.valueSetVersionId,
        ) satisfies Dto['ValueSetVersionResponse'],
      ),
  ),
  ...appAndEnvRoutes(
    'restoreAppValueSetVersion',
    'restoreEnvValueSetVersion',
    async ({ engine, actor, params: p, body }, envId) =>
      json(
        engine.restoreValueSetVersion(
          actor,
          p.orgId,
          p.appId,
          envId,
          p.valueSetVersionId,
          undefined,
          await body(),
        ) satisfies Dto['ValueSetVersionResponse'],
      ),
  ),
  ...appAndEnvRoutes(
    'restoreAppValueSetVersionKey',
    'restoreEnvValueSetVersionKey',
    async ({ engine, actor, params: p, body }, envId) =>
      json(
        engine.restoreValueSetVersion(
          actor,
          p.orgId,
          p.appId,
          envId,
          p.valueSetVersionId,
          p.key,
          await body(),
        ) satisfies Dto['ValueSetVersionResponse'],
      ),
  ),
  ...appAndEnvRoutes(
    'purgeAppValueSetVersionKey',
    'purgeEnvValueSetVersionKey',
    async ({ engine, actor, params: p, body }, envId) => {
      engine.purgeValueSetVersionKey(
        actor,
        p.orgId,
        p.appId,
        envId,
        p.valueSetVersionId,
        p.key,
        await body(),
      );
      return noContent();
    },
  ),
];
