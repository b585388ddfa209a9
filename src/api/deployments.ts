import { api, unwrap } from './client';
import type { components } from './schema';

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
export function getDeployment(orgId: string, appId: string, envId: string, deployId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}', {
      params: { path: { orgId, appId, envId, deployId } },
    }),
  );
}

/** Errors of a failed deployment. */
export function getDeploymentErrors(orgId: string, appId: string, envId: string, deployId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/errors', {
      params: { path: { orgId, appId, envId, deployId } },
    }),
  );
}

/** Starts a deployment of a delta (or a set) onto the environment's base deployment. */
export function createDeployment(
  orgId: string,
  appId: string,
  envId: string,
  body: DeploymentRequest,
) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys', {
      params: { path: { orgId, appId, envId } },
      body,
    }),
  );
}
