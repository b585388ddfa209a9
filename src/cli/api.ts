/** The CLI's calls, on the console's typed client (src/api/client.ts) with the CLI's own base URL and token. */
import { createApiClient, unwrap } from '@/api/client';
import type { DeltaRequest } from '@/api/types';
import type { CliSettings } from './config';

/** The typed calls the commands use. */
export function createCliApi(settings: CliSettings) {
  const api = createApiClient({
    baseUrl: settings.apiUrl,
    token: () => settings.token,
  });
  const app = (orgId: string, appId: string) => ({ orgId, appId });
  const env = (orgId: string, appId: string, envId: string) => ({
    orgId,
    appId,
    envId,
  });
  return {
    currentUser: () => unwrap(api.GET('/current-user')),
    listOrgs: () => unwrap(api.GET('/orgs')),
    listApps: (orgId: string) =>
      unwrap(api.GET('/orgs/{orgId}/apps', { params: { path: { orgId } } })),
    listEnvTypes: (orgId: string) =>
      unwrap(
        api.GET('/orgs/{orgId}/env-types', { params: { path: { orgId } } }),
      ),
    listEnvs: (orgId: string, appId: string) =>
      unwrap(
        api.GET('/orgs/{orgId}/apps/{appId}/envs', {
          params: { path: app(orgId, appId) },
        }),
      ),
    getEnv: (orgId: string, appId: string, envId: string) =>
      unwrap(
        api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}', {
          params: { path: env(orgId, appId, envId) },
        }),
      ),
    createEnv: (
      orgId: string,
      appId: string,
      body: { id: string; name: string; type?: string; from_deploy_id: string },
    ) =>
      unwrap(
        api.POST('/orgs/{orgId}/apps/{appId}/envs', {
          params: { path: app(orgId, appId) },
          body,
        }),
      ),
    listDeploys: (orgId: string, appId: string, envId: string) =>
      unwrap(
        api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys', {
          params: { path: env(orgId, appId, envId) },
        }),
      ),
    getDeploy: (
      orgId: string,
      appId: string,
      envId: string,
      deployId: string,
    ) =>
      unwrap(
        api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}', {
          params: { path: { ...env(orgId, appId, envId), deployId } },
        }),
      ),
    deploy: (
      orgId: string,
      appId: string,
      envId: string,
      body: { delta_id?: string; set_id?: string; comment?: string },
    ) =>
      unwrap(
        api.POST('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys', {
          params: { path: env(orgId, appId, envId) },
          body,
        }),
      ),
    createDelta: (orgId: string, appId: string, body: DeltaRequest) =>
      unwrap(
        api.POST('/orgs/{orgId}/apps/{appId}/deltas', {
          params: { path: app(orgId, appId) },
          body,
        }),
      ),
    getSet: (orgId: string, appId: string, setId: string) =>
      unwrap(
        api.GET('/orgs/{orgId}/apps/{appId}/sets/{setId}', {
          params: { path: { ...app(orgId, appId), setId } },
        }),
      ),
    envHealth: (orgId: string, appId: string, envId: string) =>
      unwrap(
        api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/console/health', {
          params: { path: env(orgId, appId, envId) },
        }),
      ),
  };
}

/** The API the commands run against. */
export type CliApi = ReturnType<typeof createCliApi>;
