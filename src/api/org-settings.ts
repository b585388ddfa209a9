import { api, unwrap } from './client';
import type { components } from './schema';

/** A secret store of the organisation (the spec's SecretStoreResponse; never credentials). */
export type SecretStore = components['schemas']['SecretStoreResponse'];
/** What registering a secret store sends (credentials go in, never come back). */
export type SecretStoreRequest =
  components['schemas']['CreateSecretStorePayloadRequest'];
/** A change of a secret store. */
export type SecretStoreChange =
  components['schemas']['UpdateSecretStorePayloadRequest'];
/** An environment type. */
export type EnvironmentType = components['schemas']['EnvironmentTypeResponse'];

/** The organisation's secret stores, the engine's own first. */
export function listSecretStores(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/secretstores', { params: { path: { orgId } } }),
  );
}

/** Registers a secret store. */
export function createSecretStore(orgId: string, body: SecretStoreRequest) {
  return unwrap(
    api.POST('/orgs/{orgId}/secretstores', {
      params: { path: { orgId } },
      body,
    }),
  );
}

/** Changes a secret store (its configuration; `primary: true` makes it the primary). */
export function patchSecretStore(
  orgId: string,
  storeId: string,
  body: SecretStoreChange,
) {
  return unwrap(
    api.PATCH('/orgs/{orgId}/secretstores/{storeId}', {
      params: { path: { orgId, storeId } },
      body,
    }),
  );
}

/** Deletes a secret store (refused for the primary, the engine's own and one values use: 409). */
export function deleteSecretStore(orgId: string, storeId: string) {
  return unwrap(
    api.DELETE('/orgs/{orgId}/secretstores/{storeId}', {
      params: { path: { orgId, storeId } },
    }),
  );
}

/** Creates an environment type. */
export function createEnvType(
  orgId: string,
  body: { id: string; description?: string },
) {
  return unwrap(
    api.POST('/orgs/{orgId}/env-types', { params: { path: { orgId } }, body }),
  );
}

/** Changes an environment type's description. */
export function updateEnvType(
  orgId: string,
  envTypeId: string,
  description: string,
) {
  return unwrap(
    api.PATCH('/orgs/{orgId}/env-types/{envTypeId}', {
      params: { path: { orgId, envTypeId } },
      body: { description },
    }),
  );
}

/** Deletes an environment type (409 naming the environments that use it). */
export function deleteEnvType(orgId: string, envTypeId: string) {
  return unwrap(
    api.DELETE('/orgs/{orgId}/env-types/{envTypeId}', {
      params: { path: { orgId, envTypeId } },
    }),
  );
}

/** Renames an environment and (the engine's extension) changes its type. */
export function updateEnvironment(
  orgId: string,
  appId: string,
  envId: string,
  change: { name?: string; type?: string },
) {
  return unwrap(
    api.PATCH('/orgs/{orgId}/apps/{appId}/envs/{envId}', {
      params: { path: { orgId, appId, envId } },
      // `type` is the engine's extension of EnvironmentBaseUpdateRequest (console-extensions.yaml).
      body: change as { name?: string },
    }),
  );
}

/** A container registry of the organisation (the spec's RegistryResponse; never its credentials). */
export type Registry = components['schemas']['RegistryResponse'];
/** What registering a registry sends: the password goes in and never comes back. */
export type RegistryRequest = components['schemas']['RegistryRequest'];
/** A registry's credentials as `/creds` shows them: the user name and expiry, the password masked. */
export type RegistryCreds = components['schemas']['RegistryCredsResponse'];

/** The organisation's registries. */
export function listRegistries(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/registries', { params: { path: { orgId } } }),
  );
}

/** Registers a registry (administrator or manager). */
export function createRegistry(orgId: string, body: RegistryRequest) {
  return unwrap(
    api.POST('/orgs/{orgId}/registries', { params: { path: { orgId } }, body }),
  );
}

/** Deletes a registry (administrator or manager). */
export function deleteRegistry(orgId: string, regId: string) {
  return unwrap(
    api.DELETE('/orgs/{orgId}/registries/{regId}', {
      params: { path: { orgId, regId } },
    }),
  );
}

/** A registry's credentials (administrator or manager; the password masked): read only to say whether they are set. */
export function getRegistryCreds(orgId: string, regId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/registries/{regId}/creds', {
      params: { path: { orgId, regId } },
    }),
  );
}
