import { api, unwrap } from './client';
import type { RuntimeInfo } from './types';

/** The V2 runtime of an environment (controllers, pods, containers). */
export async function getRuntime(orgId: string, appId: string, envId: string) {
  const data = await unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime', {
      params: { path: { orgId, appId, envId } },
      headers: { Accept: 'application/v2+json' },
    }),
  );
  return data as unknown as RuntimeInfo;
}

/** Summary rows (paused, status class) for up to five environments of an app. */
export function listRuntimeSummaries(
  orgId: string,
  appId: string,
  envIds: string[],
) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/runtime', {
      params: { path: { orgId, appId }, query: { id: envIds } },
    }),
  );
}

/** Pauses (every workload scaled to 0) or resumes an environment. */
export function setEnvironmentPaused(
  orgId: string,
  appId: string,
  envId: string,
  paused: boolean,
) {
  return unwrap(
    api.PUT('/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime/paused', {
      params: { path: { orgId, appId, envId } },
      body: paused,
    }),
  );
}

/** Sets the replica count of running workloads, e.g. `{ api: 3 }`. */
export function setWorkloadReplicas(
  orgId: string,
  appId: string,
  envId: string,
  replicas: Record<string, number>,
) {
  return unwrap(
    api.PATCH('/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime/replicas', {
      params: { path: { orgId, appId, envId } },
      body: replicas,
    }),
  );
}
