import { api, unwrap } from './client';
import { optionalExtension } from './health';
import { writeHeaders, type WriteOptions } from './idempotency';
import type { components } from './schema';
import type { components as extensions } from './schema-extensions';

/** A workload field whose placeholders a deployment filled (extension). */
export type ResolvedPlaceholder = extensions['schemas']['ResolvedPlaceholder'];

type DeploymentRequest = components['schemas']['DeploymentRequest'];

/** Deployments of an environment, newest first. */
export function listDeployments(orgId: string, appId: string, envId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys', {
      params: { path: { orgId, appId, envId } },
    }),
  );
}

/** One deployment. */
export function getDeployment(
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}', {
      params: { path: { orgId, appId, envId, deployId } },
    }),
  );
}

/** Errors of a failed deployment. */
export function getDeploymentErrors(
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
) {
  return unwrap(
    api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/errors',
      {
        params: { path: { orgId, appId, envId, deployId } },
      },
    ),
  );
}

/** Options of {@link createDeployment}. */
export interface DeployOptions extends WriteOptions {
  /** The last deployment the change was based on (`If-Match`): the API refuses with 409 when the environment was deployed since. */
  basedOnDeployId?: string;
}

/**
 * Starts a deployment of a delta (or a set) onto the environment's base
 * deployment. With `idempotencyKey` a retry never deploys twice; with
 * `basedOnDeployId` a change made on a stale view is refused (409).
 */
export function createDeployment(
  orgId: string,
  appId: string,
  envId: string,
  body: DeploymentRequest,
  options: DeployOptions = {},
) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys', {
      params: { path: { orgId, appId, envId } },
      body,
      headers: writeHeaders({ ...options, ifMatch: options.basedOnDeployId }),
    }),
  );
}

/** The workload fields whose placeholders a deployment filled; null without the extension. */
export function getDeployPlaceholders(
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
) {
  return optionalExtension(
    unwrap(
      api.GET(
        '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/console/placeholders',
        { params: { path: { orgId, appId, envId, deployId } } },
      ),
    ),
  );
}
