import { booleanQuery } from './query';
import { json, noContent, route, type Dto } from './kit';

/** The spec's `dry_run` and `check_credential` of a create or a patch. */
function writeOptions(query: URLSearchParams) {
  return {
    dryRun: booleanQuery(query, 'dry_run'),
    checkCredential: booleanQuery(query, 'check_credential'),
  };
}

/** Resource accounts and account types (accounts/ in the engine): credentials are never returned. */
export const accountRoutes = [
  route('listResourceAccountTypes', ({ engine, actor, params: p }) =>
    json(
      engine.listResourceAccountTypes(
        actor,
        p.orgId,
      ) satisfies Dto['AccountTypeResponse'][],
    ),
  ),
  route('listResourceAccounts', ({ engine, actor, params: p }) =>
    json(
      engine.listResourceAccounts(
        actor,
        p.orgId,
      ) satisfies Dto['ResourceAccountResponse'][],
    ),
  ),
  route(
    'createResourceAccount',
    async ({ engine, actor, params: p, query, body }) => {
      const options = writeOptions(query);
      const account = engine.createResourceAccount(
        actor,
        p.orgId,
        await body(),
        options,
      );
      // A dry run made nothing: 204, as the spec says.
      return account === undefined
        ? noContent()
        : json(account satisfies Dto['ResourceAccountResponse']);
    },
  ),
  route('getResourceAccount', ({ engine, actor, params: p }) =>
    json(
      engine.getResourceAccount(
        actor,
        p.orgId,
        p.accId,
      ) satisfies Dto['ResourceAccountResponse'],
    ),
  ),
  route(
    'patchResourceAccount',
    async ({ engine, actor, params: p, query, body }) => {
      const options = writeOptions(query);
      const account = engine.patchResourceAccount(
        actor,
        p.orgId,
        p.accId,
        await body(),
        options,
      );
      return account === undefined
        ? noContent()
        : json(account satisfies Dto['ResourceAccountResponse']);
    },
  ),
  route('deleteResourceAccount', ({ engine, actor, params: p }) => {
    engine.deleteResourceAccount(actor, p.orgId, p.accId);
    return noContent();
  }),
  route('checkResourceAccount', ({ engine, actor, params: p }) =>
    json(
      engine.checkResourceAccount(
        actor,
        p.orgId,
        p.accId,
      ) satisfies Dto['CheckResourceAccountData'],
    ),
  ),
];
