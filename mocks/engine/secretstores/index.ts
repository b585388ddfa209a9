/**
 * Secret stores of an organisation (`/orgs/{orgId}/secretstores`): the
 * engine's own store (`humanitec`, the default primary) and registered
 * external ones (Vault, AWS Secrets Manager, GCP Secret Manager, Azure Key
 * Vault), simulated: their configuration is kept, their credentials are
 * checked and dropped. Exactly one store is primary; the primary, the
 * engine's own store and a store values refer to cannot be deleted.
 * Other domains check a store id with {@link secretStoreExists} /
 * {@link requireSecretStore} and find the default with {@link primarySecretStoreId}.
 */
export * from './methods';
export {
  listStores,
  primarySecretStoreId,
  requireSecretStore,
  secretStoreExists,
  storeUses,
} from './ops';
