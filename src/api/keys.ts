/**
 * Query keys mirror the API path, segment by segment, so that a mutation can
 * invalidate everything under a path (e.g. an environment and its deploys and
 * runtime) by prefix, without any feature knowing another feature's keys.
 */
export const apiKeys = {
  orgs: () => ['orgs'] as const,
  org: (orgId: string) => ['orgs', orgId] as const,
  apps: (orgId: string) => ['orgs', orgId, 'apps'] as const,
  app: (orgId: string, appId: string) => ['orgs', orgId, 'apps', appId] as const,
  envs: (orgId: string, appId: string) => [...apiKeys.app(orgId, appId), 'envs'] as const,
  env: (orgId: string, appId: string, envId: string) =>
    [...apiKeys.envs(orgId, appId), envId] as const,
  sets: (orgId: string, appId: string) => [...apiKeys.app(orgId, appId), 'sets'] as const,
  deltas: (orgId: string, appId: string) => [...apiKeys.app(orgId, appId), 'deltas'] as const,
  /** Console extensions under `/orgs/{orgId}/console` and `/orgs/{orgId}/apps/{appId}/console` (e.g. health). */
  orgConsole: (orgId: string) => [...apiKeys.org(orgId), 'console'] as const,
  appConsole: (orgId: string, appId: string) => [...apiKeys.app(orgId, appId), 'console'] as const,
  profiles: (orgId: string) => [...apiKeys.org(orgId), 'workload-profiles'] as const,
  profile: (orgId: string, profileQid: string) => [...apiKeys.profiles(orgId), profileQid] as const,
  profileFeatures: (orgId: string) => [...apiKeys.org(orgId), 'workload-profile-features'] as const,
  resourceTypes: (orgId: string) => [...apiKeys.org(orgId), 'resources', 'types'] as const,
  /** `/orgs/{orgId}/users/...`: members, their roles and permissions. */
  orgUsers: (orgId: string) => [...apiKeys.org(orgId), 'users'] as const,
  perms: (orgId: string, userId: string) => [...apiKeys.org(orgId), 'users', userId, 'perms'] as const,
  appUsers: (orgId: string, appId: string) => [...apiKeys.app(orgId, appId), 'users'] as const,
  envTypeUsers: (orgId: string, envType: string) => [...apiKeys.org(orgId), 'env-types', envType, 'users'] as const,
  /** `/orgs/{orgId}/pipelines` and `/orgs/{orgId}/apps/{appId}/pipelines/...` (runs, jobs, approvals). */
  orgPipelines: (orgId: string) => [...apiKeys.org(orgId), 'pipelines'] as const,
  pipelines: (orgId: string, appId: string) => [...apiKeys.app(orgId, appId), 'pipelines'] as const,
  pipeline: (orgId: string, appId: string, pipelineId: string) => [...apiKeys.pipelines(orgId, appId), pipelineId] as const,
  pipelineRun: (orgId: string, appId: string, pipelineId: string, runId: string) =>
    [...apiKeys.pipeline(orgId, appId, pipelineId), 'runs', runId] as const,
  approvals: (orgId: string, appId: string) => [...apiKeys.app(orgId, appId), 'approvals'] as const,
  orgTokens: (orgId: string) => [...apiKeys.orgConsole(orgId), 'tokens'] as const,
};
