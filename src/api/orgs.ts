import { api, unwrap } from './client';

/** Organisations the caller belongs to. */
export function listOrgs() {
  return unwrap(api.GET('/orgs'));
}

/** One organisation. */
export function getOrg(orgId: string) {
  return unwrap(api.GET('/orgs/{orgId}', { params: { path: { orgId } } }));
}
