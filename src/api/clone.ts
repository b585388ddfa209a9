import { api, unwrap } from './client';
import { writeHeaders, type WriteOptions } from './idempotency';
import type { components } from './schema-extensions';
import type { DeploymentSet, PlainDelta } from './types';

type Schemas = components['schemas'];

/** What a clone would change in its target (extension endpoint; the engine's clone-ops.ts). */
export type ClonePreview = Omit<
  Schemas['ClonePreview'],
  'delta' | 'target_set' | 'result_set'
> & {
  delta: PlainDelta;
  target_set: DeploymentSet;
  result_set: DeploymentSet;
};
export type CloneItem = Schemas['CloneItem'];
export type CloneMode = Schemas['CloneMode'];
export type CloneRecord = Schemas['CloneRecord'];

/** The source and selection of a clone. */
export interface CloneRequest {
  sourceEnvId: string;
  sourceDeployId?: string;
  mode: CloneMode;
  modules: string[];
  shared: string[];
}

/** Previews cloning `request` into `envId`. */
export async function previewClone(
  orgId: string,
  appId: string,
  envId: string,
  request: CloneRequest,
): Promise<ClonePreview> {
  const data = await unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/console/clone-preview', {
      params: {
        path: { orgId, appId, envId },
        query: {
          source_env_id: request.sourceEnvId,
          ...(request.sourceDeployId
            ? { source_deploy_id: request.sourceDeployId }
            : {}),
          mode: request.mode,
          modules: request.modules.join(','),
          shared: request.shared.join(','),
        },
      },
    }),
  );
  // The extension schema types sets and deltas loosely (their shape is the spec's SetResponse and PlainDeltaResponse).
  return data as unknown as ClonePreview;
}

/**
 * Applies a previewed clone; 409 when the target changed since the preview (its fingerprint).
 * With `idempotencyKey` a retry answers the first clone instead of applying (or refusing) again.
 */
export function applyClone(
  orgId: string,
  appId: string,
  envId: string,
  request: CloneRequest & { fingerprint: string; comment: string },
  options: WriteOptions = {},
) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/envs/{envId}/console/clone', {
      params: { path: { orgId, appId, envId } },
      body: {
        source_env_id: request.sourceEnvId,
        ...(request.sourceDeployId
          ? { source_deploy_id: request.sourceDeployId }
          : {}),
        mode: request.mode,
        modules: request.modules,
        shared: request.shared,
        fingerprint: request.fingerprint,
        ...(request.comment ? { comment: request.comment } : {}),
      },
      headers: writeHeaders(options),
    }),
  );
}

/** Clones into or out of an environment (all of the app's without `envId`), newest first. */
export function listClones(orgId: string, appId: string, envId?: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/console/clones', {
      params: { path: { orgId, appId }, query: envId ? { env: envId } : {} },
    }),
  );
}
