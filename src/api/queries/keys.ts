/**
 * The query layer (src/api/queries): one file per API resource, each
 * exporting `xxxQueries` (TanStack `queryOptions` builders with their key from
 * this factory and the resource's one refetch policy). Features compose these
 * in their hooks, importing each file itself (no index: in the dev server a
 * page then loads the query modules it uses, not all thirty with their API
 * modules), and never build a key; mutations invalidate with `byPrefix`.
 *
 * The one query key factory of the console. Every query key is built here and
 * nowhere else (the query options in this folder use it; features never build
 * a key).
 *
 * Keys mirror the API path, segment by segment, so a mutation can invalidate
 * everything under a path by prefix: `byPrefix.app(org, app)` matches the
 * app's detail, its environments, their deployments, runtime and health, its
 * sets, deltas and pipelines, and nothing of another app.
 */
export const keys = {
  // ── Organisations ──────────────────────────────────────────────────────────
  orgs: () => ['orgs'] as const,
  orgList: () => [...keys.orgs(), 'list'] as const,
  org: (orgId: string) => [...keys.orgs(), orgId] as const,
  /** Console extensions under `/orgs/{orgId}/console` (health, metrics, fleet, navigation index, tokens). */
  orgConsole: (orgId: string) => [...keys.org(orgId), 'console'] as const,

  // ── Apps ───────────────────────────────────────────────────────────────────
  apps: (orgId: string) => [...keys.org(orgId), 'apps'] as const,
  appList: (orgId: string) => [...keys.apps(orgId), 'list'] as const,
  app: (orgId: string, appId: string) => [...keys.apps(orgId), appId] as const,
  appDetail: (orgId: string, appId: string) =>
    [...keys.app(orgId, appId), 'detail'] as const,
  /** Console extensions under `/orgs/{orgId}/apps/{appId}/console` (health, clones). */
  appConsole: (orgId: string, appId: string) =>
    [...keys.app(orgId, appId), 'console'] as const,
  /** Shared values of the app (`envId` undefined) or of an environment, and their value-set versions. */
  allValues: (orgId: string, appId: string) =>
    [...keys.app(orgId, appId), 'values'] as const,
  values: (orgId: string, appId: string, envId?: string) =>
    [...keys.allValues(orgId, appId), envId ?? ''] as const,
  valueSetVersions: (orgId: string, appId: string, envId?: string) =>
    [...keys.values(orgId, appId, envId), 'versions'] as const,
  valueSetVersion: (
    orgId: string,
    appId: string,
    envId: string,
    versionId: string,
  ) => [...keys.values(orgId, appId, envId), 'version', versionId] as const,

  // ── Environments, their runtime and logs ───────────────────────────────────
  envs: (orgId: string, appId: string) =>
    [...keys.app(orgId, appId), 'envs'] as const,
  envList: (orgId: string, appId: string) =>
    [...keys.envs(orgId, appId), 'list'] as const,
  env: (orgId: string, appId: string, envId: string) =>
    [...keys.envs(orgId, appId), envId] as const,
  envDetail: (orgId: string, appId: string, envId: string) =>
    [...keys.env(orgId, appId, envId), 'detail'] as const,
  /** Runtime summary rows (paused, replicas) of some environments of the app. */
  runtimeSummaries: (orgId: string, appId: string, envIds: string[]) =>
    [...keys.envs(orgId, appId), 'runtime-summary', envIds] as const,
  runtime: (orgId: string, appId: string, envId: string) =>
    [...keys.env(orgId, appId, envId), 'runtime'] as const,
  /** `/orgs/{orgId}/apps/{appId}/envs/{envId}/resources`: what deployments provisioned in the environment. */
  activeResources: (orgId: string, appId: string, envId: string) =>
    [...keys.env(orgId, appId, envId), 'resources'] as const,
  containerLogs: (
    orgId: string,
    appId: string,
    envId: string,
    workloadId: string,
    containerId: string,
    pod: string,
  ) =>
    [
      ...keys.runtime(orgId, appId, envId),
      workloadId,
      'containers',
      containerId,
      'console',
      'logs',
      pod,
    ] as const,

  // ── Deployments ────────────────────────────────────────────────────────────
  deploys: (orgId: string, appId: string, envId: string) =>
    [...keys.env(orgId, appId, envId), 'deploys'] as const,
  deployList: (orgId: string, appId: string, envId: string) =>
    [...keys.deploys(orgId, appId, envId), 'list'] as const,
  deploy: (orgId: string, appId: string, envId: string, deployId: string) =>
    [...keys.deploys(orgId, appId, envId), deployId] as const,
  deployErrors: (
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ) => [...keys.deploy(orgId, appId, envId, deployId), 'errors'] as const,
  deploySteps: (
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ) =>
    [
      ...keys.deploy(orgId, appId, envId, deployId),
      'console',
      'steps',
    ] as const,
  deployPlaceholders: (
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ) =>
    [
      ...keys.deploy(orgId, appId, envId, deployId),
      'console',
      'placeholders',
    ] as const,
  /** A deployment's export, commit and reconciliation (Operator and GitOps extension). */
  deployGitops: (
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ) =>
    [
      ...keys.deploy(orgId, appId, envId, deployId),
      'console',
      'gitops',
    ] as const,
  /** A deployment's exported YAML stream, as written (`file`) or every object (`full`). */
  deployExport: (
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
    view: 'file' | 'full',
  ) => [...keys.deploy(orgId, appId, envId, deployId), 'export', view] as const,
  /** The environment's mode, repository, sync, drift and resources (Operator and GitOps extension). */
  envGitops: (orgId: string, appId: string, envId: string) =>
    [...keys.env(orgId, appId, envId), 'console', 'gitops'] as const,
  /** A dependency graph of the environment (a deployment's `dependency_graph_id`). */
  resourceGraph: (
    orgId: string,
    appId: string,
    envId: string,
    graphId: string,
  ) =>
    [...keys.env(orgId, appId, envId), 'resources', 'graphs', graphId] as const,

  // ── Sets and deltas ────────────────────────────────────────────────────────
  sets: (orgId: string, appId: string) =>
    [...keys.app(orgId, appId), 'sets'] as const,
  set: (orgId: string, appId: string, setId: string) =>
    [...keys.sets(orgId, appId), setId] as const,
  setDiff: (orgId: string, appId: string, setId: string, sourceSetId: string) =>
    [...keys.set(orgId, appId, setId), 'diff', sourceSetId] as const,
  deltas: (orgId: string, appId: string) =>
    [...keys.app(orgId, appId), 'deltas'] as const,

  // ── Artefacts (versions CI pushed; where images run: console extension) ────
  artefacts: (orgId: string) => [...keys.org(orgId), 'artefacts'] as const,
  artefactVersions: (orgId: string, archived: boolean) =>
    [...keys.artefacts(orgId), 'versions', { archived }] as const,
  runningImages: (orgId: string) =>
    [...keys.artefacts(orgId), 'running'] as const,

  // ── Health (console extension) ─────────────────────────────────────────────
  orgHealth: (orgId: string) => [...keys.orgConsole(orgId), 'health'] as const,
  appHealth: (orgId: string, appId: string) =>
    [...keys.appConsole(orgId, appId), 'health'] as const,
  envHealth: (orgId: string, appId: string, envId: string) =>
    [...keys.env(orgId, appId, envId), 'console', 'health'] as const,
  /** An environment's stream of logs and events from an instant (debug tools, console extension). */
  envStream: (orgId: string, appId: string, envId: string, since: string) =>
    [...keys.env(orgId, appId, envId), 'console', 'stream', since] as const,
  /** A workload's local-run bundle for a choice of resources and secrets (debug tools, console extension). */
  localRun: (
    orgId: string,
    appId: string,
    envId: string,
    workloadId: string,
    choice: {
      mode: string;
      choices: Record<string, string>;
      includeSecrets: boolean;
    },
  ) =>
    [
      ...keys.env(orgId, appId, envId),
      'workloads',
      workloadId,
      'console',
      'local-run',
      choice,
    ] as const,

  // ── Navigation, metrics, fleet, clone (console extensions) ─────────────────
  navigationIndex: (orgId: string) =>
    [...keys.orgConsole(orgId), 'navigation-index'] as const,
  doraMetrics: (orgId: string, window: string, app: string | null) =>
    [...keys.orgConsole(orgId), 'metrics', 'dora', { window, app }] as const,
  fleet: (orgId: string) => [...keys.orgConsole(orgId), 'fleet'] as const,
  fleetOverview: (orgId: string, baseline: string) =>
    [...keys.fleet(orgId), baseline] as const,
  /** A clone preview; `request` is normalised by the caller (sorted ids), so equal selections share one entry. */
  clonePreview: (
    orgId: string,
    appId: string,
    envId: string,
    request: object,
  ) =>
    [
      ...keys.env(orgId, appId, envId),
      'console',
      'clone-preview',
      request,
    ] as const,
  cloneHistory: (orgId: string, appId: string, envId: string) =>
    [...keys.appConsole(orgId, appId), 'clones', envId] as const,

  // ── Users, permissions, tokens, environment types ──────────────────────────
  currentUser: () => ['current-user'] as const,
  /** `/orgs/{orgId}/users/...`: members, their roles and permissions. */
  orgUsers: (orgId: string) => [...keys.org(orgId), 'users'] as const,
  orgUserList: (orgId: string) => [...keys.orgUsers(orgId), 'list'] as const,
  perms: (orgId: string, userId: string) =>
    [...keys.orgUsers(orgId), userId, 'perms'] as const,
  appUsers: (orgId: string, appId: string) =>
    [...keys.app(orgId, appId), 'users'] as const,
  appUserList: (orgId: string, appId: string) =>
    [...keys.appUsers(orgId, appId), 'list'] as const,
  envTypes: (orgId: string) => [...keys.org(orgId), 'env-types'] as const,
  envTypeList: (orgId: string) => [...keys.envTypes(orgId), 'list'] as const,
  secretStores: (orgId: string) =>
    [...keys.org(orgId), 'secretstores'] as const,
  /** `/orgs/{orgId}/agents` and the console's overview of them (status, keys, dependants). */
  agents: (orgId: string) => [...keys.org(orgId), 'agents'] as const,
  agentOverview: (orgId: string) =>
    [...keys.agents(orgId), 'overview'] as const,
  secretStoreList: (orgId: string) =>
    [...keys.secretStores(orgId), 'list'] as const,
  /** `/orgs/{orgId}/registries`: the container registries and whether each has credentials. */
  registries: (orgId: string) => [...keys.org(orgId), 'registries'] as const,
  registryList: (orgId: string) => [...keys.registries(orgId), 'list'] as const,
  registryCreds: (orgId: string, regId: string) =>
    [...keys.registries(orgId), regId, 'creds'] as const,
  /** The deployers of some environment types. */
  envTypeUsers: (orgId: string, envTypes: string[]) =>
    [...keys.envTypes(orgId), 'users', envTypes] as const,
  orgTokens: (orgId: string) => [...keys.orgConsole(orgId), 'tokens'] as const,
  orgTokenList: (orgId: string) => [...keys.orgTokens(orgId), 'list'] as const,
  /** The audit log (console search) with its filters. */
  auditLog: (orgId: string, filters: object) =>
    [...keys.orgConsole(orgId), 'audit-logs', filters] as const,

  // ── Workload profiles and resource types ───────────────────────────────────
  profiles: (orgId: string) =>
    [...keys.org(orgId), 'workload-profiles'] as const,
  profileList: (orgId: string, deprecated: boolean) =>
    [...keys.profiles(orgId), 'list', { deprecated }] as const,
  profile: (orgId: string, profileQid: string) =>
    [...keys.profiles(orgId), profileQid] as const,
  profileDetail: (orgId: string, profileQid: string) =>
    [...keys.profile(orgId, profileQid), 'detail'] as const,
  profileVersions: (orgId: string, profileQid: string) =>
    [...keys.profile(orgId, profileQid), 'versions'] as const,
  profileFeatures: (orgId: string) =>
    [...keys.org(orgId), 'workload-profile-features'] as const,
  profileFeatureList: (orgId: string) =>
    [...keys.profileFeatures(orgId), 'list'] as const,
  resourceTypes: (orgId: string) =>
    [...keys.org(orgId), 'resources', 'types'] as const,
  resourceTypeList: (orgId: string) =>
    [...keys.resourceTypes(orgId), 'list'] as const,

  // ── Resource definitions, drivers, classes, accounts, matching ─────────────
  /** `/orgs/{orgId}/resources/defs/...`: definitions, their criteria and versions. */
  resourceDefs: (orgId: string) =>
    [...keys.org(orgId), 'resources', 'defs'] as const,
  resourceDefList: (orgId: string) =>
    [...keys.resourceDefs(orgId), 'list'] as const,
  resourceDef: (orgId: string, defId: string) =>
    [...keys.resourceDefs(orgId), defId] as const,
  resourceDefDetail: (orgId: string, defId: string) =>
    [...keys.resourceDef(orgId, defId), 'detail'] as const,
  resourceDefVersions: (orgId: string, defId: string) =>
    [...keys.resourceDef(orgId, defId), 'versions'] as const,
  resourceDefResources: (orgId: string, defId: string) =>
    [...keys.resourceDef(orgId, defId), 'resources'] as const,
  resourceDrivers: (orgId: string) =>
    [...keys.org(orgId), 'resources', 'drivers'] as const,
  resourceClasses: (orgId: string) =>
    [...keys.org(orgId), 'resources', 'classes'] as const,
  resourceAccounts: (orgId: string) =>
    [...keys.org(orgId), 'resources', 'accounts'] as const,
  /** "Which definition matches?" for one resource of an app's environment (the match depends on every definition). */
  resourceMatch: (orgId: string, request: object) =>
    [...keys.resourceDefs(orgId), 'match', request] as const,

  // ── Pipelines, runs, approvals, canaries ───────────────────────────────────
  /** `/orgs/{orgId}/pipelines`: every pipeline of the organisation. */
  orgPipelines: (orgId: string) => [...keys.org(orgId), 'pipelines'] as const,
  /** The organisation's pipelines and their runs, as the command palette lists them. */
  palettePipelines: (orgId: string) =>
    [...keys.orgPipelines(orgId), 'console', 'palette'] as const,
  pipelineSchema: (orgId: string) =>
    [...keys.org(orgId), 'pipeline-schemas', 'latest'] as const,
  pipelines: (orgId: string, appId: string) =>
    [...keys.app(orgId, appId), 'pipelines'] as const,
  pipelineList: (orgId: string, appId: string) =>
    [...keys.pipelines(orgId, appId), 'list'] as const,
  pipelineCriteria: (orgId: string, appId: string) =>
    [...keys.app(orgId, appId), 'pipeline-criteria'] as const,
  pipeline: (orgId: string, appId: string, pipelineId: string) =>
    [...keys.pipelines(orgId, appId), pipelineId] as const,
  pipelineYaml: (
    orgId: string,
    appId: string,
    pipelineId: string,
    version: string,
  ) => [...keys.pipeline(orgId, appId, pipelineId), 'schema', version] as const,
  pipelineRuns: (orgId: string, appId: string, pipelineId: string) =>
    [...keys.pipeline(orgId, appId, pipelineId), 'runs'] as const,
  pipelineRun: (
    orgId: string,
    appId: string,
    pipelineId: string,
    runId: string,
  ) => [...keys.pipelineRuns(orgId, appId, pipelineId), runId] as const,
  runJobs: (orgId: string, appId: string, pipelineId: string, runId: string) =>
    [...keys.pipelineRun(orgId, appId, pipelineId, runId), 'jobs'] as const,
  stepLogs: (
    orgId: string,
    appId: string,
    pipelineId: string,
    runId: string,
    jobId: string,
    stepIndex: number,
  ) =>
    [
      ...keys.runJobs(orgId, appId, pipelineId, runId),
      jobId,
      'steps',
      stepIndex,
      'logs',
    ] as const,
  approvals: (orgId: string, appId: string) =>
    [...keys.app(orgId, appId), 'approvals'] as const,
  runApprovals: (orgId: string, appId: string, runId: string) =>
    [...keys.approvals(orgId, appId), runId] as const,
  waitingApprovals: (orgId: string, appId: string) =>
    [...keys.approvals(orgId, appId), ':waiting'] as const,
  canary: (orgId: string, appId: string, envId: string) =>
    [...keys.env(orgId, appId, envId), 'canary'] as const,

  // ── The embedded engine's console (demo data) ─────────────────────────────
  demoInfo: () => ['console', 'demo-info'] as const,
};

type Keys = typeof keys;

/**
 * Query filters matching every query under a key (TanStack matches by prefix),
 * for `invalidateQueries`, `removeQueries`, `cancelQueries`:
 * `queryClient.invalidateQueries(byPrefix.envs(orgId, appId))`. One per key of
 * {@link keys}, so mutations never spell a key either.
 */
export const byPrefix = Object.fromEntries(
  Object.entries(keys).map(([name, key]) => [
    name,
    (...args: unknown[]) => ({
      queryKey: (key as (...a: unknown[]) => unknown)(...args),
    }),
  ]),
) as {
  [K in keyof Keys]: (...args: Parameters<Keys[K]>) => {
    queryKey: ReturnType<Keys[K]>;
  };
};
