import { api, unwrap } from './client';
import type { components } from './schema';

type Schemas = components['schemas'];
/** What a deployment provisioned in an environment: its definition and version, driver, status and outputs. */
export type ActiveResource = Schemas['ActiveResourceResponse'];
/** The version an active resource is pinned to (`null` unpins it). */
export type ActiveResourcePin =
  Schemas['ActiveResourceTargetDefinitionRequest'];

/** The environment's active resources; secret outputs only as `secret_refs`, never their values. */
export function listActiveResources(
  orgId: string,
  appId: string,
  envId: string,
) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/resources', {
      params: { path: { orgId, appId, envId } },
    }),
  );
}

/** Deletes an active resource: the next deployment that asks for it provisions it again. */
export async function deleteActiveResource(
  orgId: string,
  appId: string,
  envId: string,
  type: string,
  resId: string,
) {
  await unwrap(
    api.DELETE(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/resources/{type}/{resId}',
      {
        params: { path: { orgId, appId, envId, type, resId } },
      },
    ),
  );
}

/**
 * Pins an active resource to a version of the definition that provisioned it (`null` unpins): later deployments
 * provision it with that version while the definition still matches it.
 */
export function pinActiveResource(
  orgId: string,
  appId: string,
  envId: string,
  type: string,
  resId: string,
  body: ActiveResourcePin,
) {
  return unwrap(
    api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/resources/{type}/{resId}/actions/pin',
      { params: { path: { orgId, appId, envId, type, resId } }, body },
    ),
  );
}
