import { api, unwrap } from './client';
import type { DeploymentSet } from './types';

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
export function getSetDiff(orgId: string, appId: string, setId: string, sourceSetId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/sets/{setId}/diff/{sourceSetId}', {
      params: { path: { orgId, appId, setId, sourceSetId } },
    }),
  );
}
