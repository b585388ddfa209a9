import { api, unwrap } from './client';

/** Applications of an organisation. */
export function listApps(orgId: string) {
  return unwrap(api.GET('/orgs/{orgId}/apps', { params: { path: { orgId } } }));
}

/** One application. */
export function getApp(orgId: string, appId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}', {
      params: { path: { orgId, appId } },
    }),
  );
}
