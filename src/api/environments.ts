import { api, unwrap } from './client';

/** Environments of an application. */
export function listEnvironments(orgId: string, appId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs', {
      params: { path: { orgId, appId } },
    }),
  );
}

/** One environment, with its last and base deployment. */
export function getEnvironment(orgId: string, appId: string, envId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}', {
      params: { path: { orgId, appId, envId } },
    }),
  );
}

/** Creates an environment, from a deployment of the app (its base) or empty; it runs nothing until deployed. */
export function createEnvironment(
  orgId: string,
  appId: string,
  input: { id: string; name: string; type: string; fromDeployId?: string },
) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/envs', {
      params: { path: { orgId, appId } },
      body: {
        id: input.id,
        name: input.name,
        type: input.type,
        // Left out: an empty environment.
        ...(input.fromDeployId ? { from_deploy_id: input.fromDeployId } : {}),
      },
    }),
  );
}
