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

/** Creates an application (it starts with the environment `development`, as Humanitec's do). */
export function createApp(orgId: string, input: { id: string; name: string }) {
  return unwrap(
    api.POST('/orgs/{orgId}/apps', {
      params: { path: { orgId } },
      body: { id: input.id, name: input.name },
    }),
  );
}
