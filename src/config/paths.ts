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
  settings: (orgId: string) => `/orgs/${enc(orgId)}/settings`,
};

function enc(segment: string) {
  return encodeURIComponent(segment);
}
