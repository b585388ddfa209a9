/** Every URL of the console, built in one place. */
export const paths = {
  home: () => '/',
  apps: (orgId: string) => `/orgs/${enc(orgId)}/apps`,
  app: (orgId: string, appId: string) => `${paths.apps(orgId)}/${enc(appId)}`,
  env: (orgId: string, appId: string, envId: string) =>
    `${paths.app(orgId, appId)}/envs/${enc(envId)}`,
  deployment: (orgId: string, appId: string, envId: string, deployId: string) =>
    `${paths.env(orgId, appId, envId)}/deploys/${enc(deployId)}`,
  workload: (orgId: string, appId: string, envId: string, workloadId: string) =>
    `${paths.env(orgId, appId, envId)}/workloads/${enc(workloadId)}`,
  /** The environment page with a workload's runtime panel open, optionally on a container's logs. */
  workloadRuntime: (orgId: string, appId: string, envId: string, workloadId: string, containerId?: string) =>
    `${paths.env(orgId, appId, envId)}?workload=${enc(workloadId)}${containerId ? `&container=${enc(containerId)}` : ''}`,
  settings: (orgId: string) => `/orgs/${enc(orgId)}/settings`,
  /** Compares two deployments of an app; `from` and `to` are `{ envId, deployId }`. */
  diff: (
    orgId: string,
    appId: string,
    from?: { envId: string; deployId: string },
    to?: { envId: string; deployId: string },
  ) => {
    const side = (ref: { envId: string; deployId: string }) => `${enc(ref.envId)}/${enc(ref.deployId)}`;
    const query = [from && `from=${side(from)}`, to && `to=${side(to)}`].filter(Boolean).join('&');
    return `${paths.app(orgId, appId)}/diff${query ? `?${query}` : ''}`;
  },
  profiles: (orgId: string) => `/orgs/${enc(orgId)}/workload-profiles`,
  /** The designer of a profile, by qualified id (`acme/web-service`); `new` starts a new one. */
  profile: (orgId: string, profileQid: string) => `${paths.profiles(orgId)}/${enc(profileQid)}`,
  workloadEdit: (orgId: string, appId: string, envId: string, workloadId: string) =>
    `${paths.workload(orgId, appId, envId, workloadId)}/edit`,
};

function enc(segment: string) {
  return encodeURIComponent(segment);
}
