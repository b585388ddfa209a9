/** The search parameter that opens the app page's "New environment" dialog. */
export const NEW_ENV_PARAM = 'new-env';

/** Every URL of the console, built in one place. */
export const paths = {
  home: () => '/',
  apps: (orgId: string) => `/orgs/${enc(orgId)}/apps`,
  app: (orgId: string, appId: string) => `${paths.apps(orgId)}/${enc(appId)}`,
  /** The app page with its "New environment" dialog open (NEW_ENV_PARAM). */
  newEnv: (orgId: string, appId: string) =>
    `${paths.app(orgId, appId)}?${NEW_ENV_PARAM}`,
  env: (orgId: string, appId: string, envId: string) =>
    `${paths.app(orgId, appId)}/envs/${enc(envId)}`,
  deployment: (orgId: string, appId: string, envId: string, deployId: string) =>
    `${paths.env(orgId, appId, envId)}/deploys/${enc(deployId)}`,
  workload: (orgId: string, appId: string, envId: string, workloadId: string) =>
    `${paths.env(orgId, appId, envId)}/workloads/${enc(workloadId)}`,
  /** The environment page with a workload's runtime panel open, optionally on a container's logs. */
  workloadRuntime: (
    orgId: string,
    appId: string,
    envId: string,
    workloadId: string,
    containerId?: string,
  ) =>
    `${paths.env(orgId, appId, envId)}?workload=${enc(workloadId)}${containerId ? `&container=${enc(containerId)}` : ''}`,
  settings: (orgId: string) => `/orgs/${enc(orgId)}/settings`,
  /** Humanitec Agents (administrators): status, keys, dependants, register. */
  agents: (orgId: string) => `/orgs/${enc(orgId)}/agents`,
  /** Settings › Environment types (with their deployers). */
  envTypes: (orgId: string) => `${paths.settings(orgId)}/env-types`,
  /** Compares two deployments of an app; `from` and `to` are `{ envId, deployId }`. */
  diff: (
    orgId: string,
    appId: string,
    from?: { envId: string; deployId: string },
    to?: { envId: string; deployId: string },
  ) => {
    const side = (ref: { envId: string; deployId: string }) =>
      `${enc(ref.envId)}/${enc(ref.deployId)}`;
    const query = [from && `from=${side(from)}`, to && `to=${side(to)}`]
      .filter(Boolean)
      .join('&');
    return `${paths.app(orgId, appId)}/diff${query ? `?${query}` : ''}`;
  },
  /**
   * Clone between environments: `from` (source environment), `deploy` (a
   * deployment of it, default its newest), `to` (target), `mode`, and the
   * partial selection (`modules`, `shared`).
   */
  clone: (
    orgId: string,
    appId: string,
    options: {
      from?: string;
      deploy?: string;
      to?: string;
      mode?: 'full' | 'partial';
      modules?: string[];
      shared?: string[];
    } = {},
  ) => {
    const query = new URLSearchParams();
    for (const key of ['from', 'deploy', 'to', 'mode'] as const)
      if (options[key]) query.set(key, options[key]);
    if (options.modules) query.set('modules', options.modules.join(','));
    if (options.shared) query.set('shared', options.shared.join(','));
    const text = query.toString().replace(/%2C/gi, ',');
    return `${paths.app(orgId, appId)}/clone${text ? `?${text}` : ''}`;
  },
  profiles: (orgId: string) => `/orgs/${enc(orgId)}/workload-profiles`,
  /** The designer of a profile, by qualified id (`acme/web-service`); `new` starts a new one. */
  profile: (orgId: string, profileQid: string) =>
    `${paths.profiles(orgId)}/${enc(profileQid)}`,
  /** The fleet of organisations; `baseline` is the organisation drift is measured from. */
  fleet: (orgId: string, baseline?: string) =>
    `/orgs/${enc(orgId)}/fleet${baseline && baseline !== orgId ? `?baseline=${enc(baseline)}` : ''}`,
  /** Team performance (DORA metrics). */
  metrics: (orgId: string) => `/orgs/${enc(orgId)}/metrics`,
  /** The container images CI pushed and their versions; `image` opens that image's versions. */
  artefacts: (orgId: string, image?: string) =>
    `/orgs/${enc(orgId)}/artefacts${image ? `?image=${enc(image)}` : ''}`,
  /** A workload's page with an image proposed for one container (the deploy flow as a change of image). */
  deployImage: (
    orgId: string,
    appId: string,
    envId: string,
    workloadId: string,
    container: string,
    image: string,
  ) =>
    `${paths.workload(orgId, appId, envId, workloadId)}?${new URLSearchParams({ container, image }).toString()}`,
  /**
   * The organisation's audit log; the filters go in the query (`range`: 1h, 24h, 7d, 30d, or `from`/`to`
   * dates; `user`; `app` and `env`, or `path`, the object).
   */
  auditLog: (
    orgId: string,
    filters: Record<string, string | undefined> = {},
  ) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filters))
      if (value) query.set(key, value);
    const text = query.toString();
    return `/orgs/${enc(orgId)}/audit-log${text ? `?${text}` : ''}`;
  },
  /** The organisation's resource definitions, by resource type. */
  resourceDefs: (orgId: string) => `/orgs/${enc(orgId)}/resources/definitions`,
  /** A resource definition (its inputs, criteria and versions); `new` creates one, optionally of a type. */
  resourceDef: (orgId: string, defId: string, type?: string) =>
    `${paths.resourceDefs(orgId)}/${enc(defId)}${type ? `?type=${enc(type)}` : ''}`,
  /** "Which definition matches?" for a resource of an app's environment (the choice in the query). */
  resourceMatch: (
    orgId: string,
    query: Partial<
      Record<'app' | 'env' | 'type' | 'class' | 'res', string>
    > = {},
  ) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
      if (value) search.set(key, value);
    const text = search.toString();
    return `/orgs/${enc(orgId)}/resources/match${text ? `?${text}` : ''}`;
  },
  /** Every pipeline of the organisation. */
  orgPipelines: (orgId: string) => `/orgs/${enc(orgId)}/pipelines`,
  /** An app's shared values and secrets, by environment, with their version history. */
  values: (orgId: string, appId: string) => `${paths.app(orgId, appId)}/values`,
  /** An app's pipelines and their runs. */
  pipelines: (orgId: string, appId: string) =>
    `${paths.app(orgId, appId)}/pipelines`,
  /** A pipeline: its definition (editor) and runs; `new` starts a new one. */
  pipeline: (orgId: string, appId: string, pipelineId: string) =>
    `${paths.pipelines(orgId, appId)}/${enc(pipelineId)}`,
  /** A run as a graph of jobs and steps; `job` and `step` open a step's logs. */
  pipelineRun: (
    orgId: string,
    appId: string,
    pipelineId: string,
    runId: string,
    step?: { job: string; index: number },
  ) =>
    `${paths.pipeline(orgId, appId, pipelineId)}/runs/${enc(runId)}${step ? `?job=${enc(step.job)}&step=${step.index}` : ''}`,
  /** The environment's canary release. */
  canary: (orgId: string, appId: string, envId: string) =>
    `${paths.env(orgId, appId, envId)}/canary`,
  /** Add a workload to an environment: pick a profile, fill its form, review, deploy. */
  addWorkload: (orgId: string, appId: string, envId: string) =>
    `${paths.env(orgId, appId, envId)}/new-workload`,
  /** Deploy a Score file to an environment: paste or upload it, see the change and the matched definitions, deploy. */
  score: (orgId: string, appId: string, envId: string) =>
    `${paths.env(orgId, appId, envId)}/score`,
  /** Move a workload to another profile: pick it, see what carries over, fill the form, review, deploy. */
  changeProfile: (
    orgId: string,
    appId: string,
    envId: string,
    workloadId: string,
  ) => `${paths.workload(orgId, appId, envId, workloadId)}/change-profile`,
  workloadEdit: (
    orgId: string,
    appId: string,
    envId: string,
    workloadId: string,
  ) => `${paths.workload(orgId, appId, envId, workloadId)}/edit`,
  /** One stream of the environment's logs and Kubernetes events; `view` fills its filters (`only` a workload or `workload/container`). */
  envStream: (
    orgId: string,
    appId: string,
    envId: string,
    view: { only?: string; level?: 'warn' | 'error'; range?: string } = {},
  ) => {
    const query = new URLSearchParams(
      Object.entries(view).filter(([, v]) => v !== undefined) as [
        string,
        string,
      ][],
    ).toString();
    return `${paths.env(orgId, appId, envId)}/stream${query ? `?${query}` : ''}`;
  },
  /** "Run locally": the workload's local-run bundle (Compose file, .env, files) and its zip. */
  runLocally: (
    orgId: string,
    appId: string,
    envId: string,
    workloadId: string,
  ) => `${paths.workload(orgId, appId, envId, workloadId)}/run-locally`,
  /** "Operator and GitOps setup": install the Operator, point Argo CD or Flux at the repository (of `app`/`env` when given). */
  gitopsSetup: (orgId: string, target?: { appId: string; envId: string }) =>
    `/orgs/${enc(orgId)}/gitops-setup${target ? `?app=${enc(target.appId)}&env=${enc(target.envId)}` : ''}`,
};

function enc(segment: string) {
  return encodeURIComponent(segment);
}
