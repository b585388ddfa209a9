import { api, unwrap } from './client';
import type { DeltaRequest, DeploymentSet } from './types';

/** One deployment set. */
export async function getSet(orgId: string, appId: string, setId: string) {
  // getSet's 200 is a oneOf (a set, or a diff when ?diff= is given); without ?diff it is a set.
  const data = await unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/sets/{setId}', {
      params: { path: { orgId, appId, setId } },
    }),
  );
  return data as DeploymentSet;
}

/** The delta that turns `sourceSetId` into `setId`. */
export function getSetDiff(
  orgId: string,
  appId: string,
  setId: string,
  sourceSetId: string,
) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/sets/{setId}/diff/{sourceSetId}', {
      params: { path: { orgId, appId, setId, sourceSetId } },
    }),
  );
}

/**
 * Applies a delta to a set without deploying (the spec's updateSet) and
 * returns the new set's id. The engine validates the workloads the delta
 * touches against their profiles: a 400 names each field in `details.errors`.
 */
export function applyDeltaToSet(
  orgId: string,
  appId: string,
  setId: string,
  delta: DeltaRequest,
) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps/{appId}/sets/{setId}', {
      params: { path: { orgId, appId, setId } },
      body: delta,
    }),
  );
}
