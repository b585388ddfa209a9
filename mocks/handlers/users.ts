import { EngineError, type TokenScope } from '../engine';
import { runIdempotent } from './idempotency';
import { json, noContent, route, type Dto } from './kit';

/** `?type=user|group` (the spec's SubjectTypeEnum): groups do not exist here, so `group` lists nobody. */
function subjectType(query: URLSearchParams): string | undefined {
  const value = query.get('type');
  if (value === null || value === '') return undefined;
  if (value === 'user' || value === 'group') return value;
  throw new EngineError(
    'invalid',
    `type must be user or group; got "${value}"`,
  );
}

/** The spec's `type=user` means people and service users alike (everything that is not a group). */
function byType<T extends { type: string }>(
  rows: T[],
  type: string | undefined,
): T[] {
  return type === 'group' ? rows.filter((row) => row.type === 'group') : rows;
}

/** Current user, organisation / app / environment-type members, permissions. */
export const userRoutes = [
  route('getCurrentUser', ({ engine, actor }) =>
    json(
      engine.currentUser(actor) satisfies Dto['UserProfileExtendedResponse'],
    ),
  ),
  route('listUserRolesInOrg', ({ engine, actor, params: p, query }) =>
    json(
      byType(
        engine.listOrgUsers(actor, p.orgId),
        subjectType(query),
      ) satisfies Dto['UserRoleResponse'][],
    ),
  ),
  // With an Idempotency-Key a retried creation answers the first service user instead of making `name-2`.
  route('createServiceUserInOrg', async (ctx) => {
    const { engine, actor, params: p } = ctx;
    const input = await ctx.body();
    const { result, headers } = runIdempotent(
      ctx,
      p.orgId,
      input,
      { action: 'org.manage', doing: 'Creating service users' },
      () => engine.createServiceUser(actor, p.orgId, input),
    );
    return json(result satisfies Dto['UserProfileResponse'], 200, headers);
  }),
  route('getUserRoleInOrg', ({ engine, actor, params: p }) =>
    json(
      engine.getOrgUser(
        actor,
        p.orgId,
        p.userId,
      ) satisfies Dto['UserRoleResponse'],
    ),
  ),
  route('updateUserRoleInOrg', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateOrgRole(
        actor,
        p.orgId,
        p.userId,
        (await body()).role,
      ) satisfies Dto['UserRoleResponse'],
    ),
  ),
  route('deleteUserRoleInOrg', ({ engine, actor, params: p }) => {
    engine.removeOrgUser(actor, p.orgId, p.userId);
    return noContent();
  }),
  route('getSubjectPermsInOrg', ({ engine, actor, params: p }) =>
    json(
      engine.getPermissions(
        actor,
        p.orgId,
        p.userId,
      ) satisfies Dto['SubjectPermissions'],
    ),
  ),
  route('listUserRolesInApp', ({ engine, actor, params: p, query }) =>
    json(
      byType(
        engine.listAppUsers(actor, p.orgId, p.appId),
        subjectType(query),
      ) satisfies Dto['UserRoleResponse'][],
    ),
  ),
  route('createUserRoleInApp', async ({ engine, actor, params: p, body }) =>
    json(
      engine.addAppUser(
        actor,
        p.orgId,
        p.appId,
        await body(),
      ) satisfies Dto['UserRoleResponse'],
    ),
  ),
  route('getUserRoleInApp', ({ engine, actor, params: p }) =>
    json(
      engine.getAppUser(
        actor,
        p.orgId,
        p.appId,
        p.userId,
      ) satisfies Dto['UserRoleResponse'],
    ),
  ),
  route('updateUserRoleInApp', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateAppRole(
        actor,
        p.orgId,
        p.appId,
        p.userId,
        (await body()).role,
      ) satisfies Dto['UserRoleResponse'],
    ),
  ),
  route('deleteUserRoleInApp', ({ engine, actor, params: p }) => {
    engine.removeAppUser(actor, p.orgId, p.appId, p.userId);
    return noContent();
  }),
  route('listUserRolesInEnvType', ({ engine, actor, params: p, query }) =>
    json(
      byType(
        engine.listEnvTypeUsers(actor, p.orgId, p.envType),
        subjectType(query),
      ) satisfies Dto['UserRoleResponse'][],
    ),
  ),
  route('createUserRoleInEnvType', async ({ engine, actor, params: p, body }) =>
    json(
      engine.addEnvTypeUser(
        actor,
        p.orgId,
        p.envType,
        await body(),
      ) satisfies Dto['UserRoleResponse'],
    ),
  ),
  route('getUserRoleInEnvType', ({ engine, actor, params: p }) =>
    json(
      engine.getEnvTypeUser(
        actor,
        p.orgId,
        p.envType,
        p.userId,
      ) satisfies Dto['UserRoleResponse'],
    ),
  ),
  route('updateUserRoleInEnvType', async ({ engine, actor, params: p, body }) =>
    json(
      engine.updateEnvTypeRole(
        actor,
        p.orgId,
        p.envType,
        p.userId,
        (await body()).role,
      ) satisfies Dto['UserRoleResponse'],
    ),
  ),
  route('deleteUserRoleInEnvType', ({ engine, actor, params: p }) => {
    engine.removeEnvTypeUser(actor, p.orgId, p.envType, p.userId);
    return noContent();
  }),
];

/** The spec's TokenInfoResponse of our richer token view. */
function toTokenInfo(info: Dto['ScopedTokenInfo']) {
  const {
    user_id: _user,
    expired: _expired,
    last_used_at: _used,
    scope: _scope,
    ...spec
  } = info;
  return spec satisfies Dto['TokenInfoResponse'];
}

/** `/users/{userId}/tokens` (the spec's unscoped tokens) and the console's scoped-token extension. */
export const tokenRoutes = [
  route('listUserTokens', ({ engine, actor, params: p }) =>
    json(
      engine
        .listTokens(actor, p.userId)
        .map(toTokenInfo) satisfies Dto['TokenInfoResponse'][],
    ),
  ),
  route('createUserToken', async ({ engine, actor, params: p, body }) => {
    const input = await body();
    const created = engine.createToken(actor, p.userId, input);
    return json({
      token: created.token,
      type: created.type,
    } satisfies Dto['TokenResponse']);
  }),
  route('getUserToken', ({ engine, actor, params: p }) =>
    json(
      toTokenInfo(
        engine.getToken(actor, p.userId, p.tokenId),
      ) satisfies Dto['TokenInfoResponse'],
    ),
  ),
  route('deleteUserToken', ({ engine, actor, params: p }) => {
    engine.revokeToken(actor, p.userId, p.tokenId);
    return noContent();
  }),
  route('listOrgTokens', ({ engine, actor, params: p }) =>
    json(
      engine.listOrgTokens(actor, p.orgId) satisfies Dto['ScopedTokenInfo'][],
    ),
  ),
  route('deleteExpiredTokens', ({ engine, actor, params: p }) =>
    json({
      deleted: engine.deleteExpiredTokens(actor, p.orgId),
    } satisfies Dto['ExpiredTokensCleanup']),
  ),
  // With an Idempotency-Key a retried creation answers the first token, secret included, instead of a 409
  // ("already has a token"): the user whose answer was lost still sees the secret, once. The replayed
  // answer is kept only in the engine's memory, for the key's owner (mocks/engine/core/idempotency.ts); the caller is
  // authorized before any replay, and the secret is replayed only to the same token within 10 minutes (409 otherwise).
  route('createScopedToken', async (ctx) => {
    const { engine, actor, params: p } = ctx;
    const input = await ctx.body();
    const access = {
      action: 'org.manage',
      doing: `Managing the API tokens of \`${p.userId}\``,
      secret: true,
    } as const;
    const { result, headers } = runIdempotent(
      ctx,
      p.orgId,
      input,
      access,
      () => {
        // The user must belong to the organisation of the path.
        engine.getOrgUser(actor, p.orgId, p.userId);
        return engine.createToken(actor, p.userId, {
          ...input,
          scope: input.scope as TokenScope | undefined,
        });
      },
    );
    return json(result satisfies Dto['ScopedTokenCreated'], 200, headers);
  }),
];
