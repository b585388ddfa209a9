import { json, noContent, route, type Dto } from './kit';

/** Secret stores of an organisation (secretstores/ in the engine): credentials are never returned. */
export const secretStoreRoutes = [
  route('listSecretStores', ({ engine, actor, params: p }) =>
    json(
      engine.listSecretStores(
        actor,
        p.orgId,
      ) satisfies Dto['SecretStoreResponse'][],
    ),
  ),
  route('createSecretStore', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createSecretStore(
        actor,
        p.orgId,
        await body(),
      ) satisfies Dto['SecretStoreResponse'],
      201,
    ),
  ),
  route('getSecretStore', ({ engine, actor, params: p }) =>
    json(
      engine.getSecretStore(
        actor,
        p.orgId,
        p.storeId,
      ) satisfies Dto['SecretStoreResponse'],
    ),
  ),
  route('patchSecretStore', async ({ engine, actor, params: p, body }) =>
    json(
      engine.patchSecretStore(
        actor,
        p.orgId,
        p.storeId,
        await body(),
      ) satisfies Dto['SecretStoreResponse'],
    ),
  ),
  route('deleteSecretStore', ({ engine, actor, params: p }) => {
    engine.deleteSecretStore(actor, p.orgId, p.storeId);
    return noContent();
  }),
];
