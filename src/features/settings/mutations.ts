import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createEnvType,
  createRegistry,
  createSecretStore,
  deleteEnvType,
  deleteRegistry,
  deleteSecretStore,
  patchSecretStore,
  updateEnvType,
  updateEnvironment,
  type RegistryRequest,
  type SecretStoreChange,
  type SecretStoreRequest,
} from '@/api/org-settings';
import { byPrefix } from '@/api/queries/keys';

/** Registering, changing, making primary and deleting secret stores. */
export function useSecretStoreChanges(orgId: string) {
  const client = useQueryClient();
  const invalidate = () =>
    client.invalidateQueries(byPrefix.secretStores(orgId));
  return {
    create: useMutation({
      meta: { silent: true }, // the form shows the refusal in place
      mutationFn: (body: SecretStoreRequest) => createSecretStore(orgId, body),
      onSuccess: invalidate,
    }),
    patch: useMutation({
      meta: { silent: true }, // the store's row or dialog shows the refusal in place
      mutationFn: (v: { storeId: string; change: SecretStoreChange }) =>
        patchSecretStore(orgId, v.storeId, v.change),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: (storeId: string) => deleteSecretStore(orgId, storeId),
      onSuccess: invalidate,
    }),
  };
}

/** Registering and deleting container registries. */
export function useRegistryChanges(orgId: string) {
  const client = useQueryClient();
  // The list only: refetching a deleted registry's /creds (its row is still shown until the list comes) is a 404.
  const invalidate = () =>
    client.invalidateQueries(byPrefix.registryList(orgId));
  return {
    create: useMutation({
      meta: { silent: true }, // the form shows the refusal in place
      mutationFn: (body: RegistryRequest) => createRegistry(orgId, body),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: (regId: string) => deleteRegistry(orgId, regId),
      onSuccess: invalidate,
    }),
  };
}

/** Creating, describing and deleting environment types. */
export function useEnvTypeChanges(orgId: string) {
  const client = useQueryClient();
  const invalidate = () => client.invalidateQueries(byPrefix.org(orgId));
  return {
    create: useMutation({
      meta: { silent: true }, // the form shows the refusal in place
      mutationFn: (body: { id: string; description: string }) =>
        createEnvType(orgId, body),
      onSuccess: invalidate,
    }),
    describe: useMutation({
      meta: { silent: true }, // the dialog shows the refusal in place
      mutationFn: (v: { id: string; description: string }) =>
        updateEnvType(orgId, v.id, v.description),
      onSuccess: invalidate,
    }),
    remove: useMutation({
      mutationFn: (id: string) => deleteEnvType(orgId, id),
      onSuccess: invalidate,
    }),
  };
}

/** Renaming an environment or changing its type. */
export function useEnvironmentChange(
  orgId: string,
  appId: string,
  envId: string,
) {
  const client = useQueryClient();
  return useMutation({
    meta: { silent: true }, // the form shows the refusal in place
    mutationFn: (change: { name?: string; type?: string }) =>
      updateEnvironment(orgId, appId, envId, change),
    onSuccess: () => client.invalidateQueries(byPrefix.app(orgId, appId)),
  });
}
