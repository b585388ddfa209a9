import { api, unwrap } from './client';

/** Environments of an application. */
export function listEnvironments(orgId: string, appId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs', { params: { path: { orgId, appId } } }),
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
