/**
 * The query layer: one file per API resource, each exporting `xxxQueries`
 * (TanStack `queryOptions` builders with their key from the one factory in
 * `keys.ts` and the resource's one refetch policy). Features compose these in
 * their hooks and never build a key; mutations invalidate with `byPrefix`.
 */
export { keys, byPrefix } from './keys';
export { activeResourceQueries } from './active-resources';
export { APPS_PER_PAGE, appQueries, type AppsPage } from './apps';
export { artefactQueries } from './artefacts';
export { auditQueries } from './audit';
export { cloneQueries, CLONE_TARGET_DEPLOYING_MS } from './clone';
export { consoleQueries } from './console';
export { valueQueries } from './values';
export {
  deploymentQueries,
  DEPLOYMENT_LIST_IDLE_MS,
  DEPLOYMENT_LIVE_MS,
} from './deployments';
export {
  envQueries,
  ENVIRONMENT_IDLE_MS,
  ENVIRONMENT_LIVE_MS,
  ENVIRONMENTS_REFETCH_MS,
} from './environments';
export { envTypeQueries } from './env-types';
export { fleetQueries, ROLLOUT_POLL_MS } from './fleet';
export { gitopsQueries, GITOPS_IDLE_MS, GITOPS_LIVE_MS } from './gitops';
export {
  ATTENTION_PER_PAGE,
  healthQueries,
  HEALTH_IDLE_MS,
  HEALTH_LIVE_MS,
} from './health';
export { localRunQueries } from './local-run';
export { envStreamQueries, STREAM_LIMIT } from './env-stream';
export { metricsQueries } from './metrics';
export {
  navigationQueries,
  NAVIGATION_INDEX_STALE_MS,
  type NavIndex,
} from './navigation';
export { orgQueries, ORGS_STALE_MS } from './orgs';
export {
  PALETTE_PIPELINES_STALE_MS,
  pipelineQueries,
  RUN_LIVE_MS,
  type RunPath,
} from './pipelines';
export { profileQueries, RESOURCE_TYPES_STALE_MS } from './profiles';
export {
  LOGS_FOLLOW_MS,
  MAX_LOG_LINES,
  runtimeQueries,
  RUNTIME_REFETCH_MS,
  RUNTIME_SUMMARY_REFETCH_MS,
  type LogView,
} from './runtime';
export { registryQueries } from './registries';
export { secretStoreQueries } from './secret-stores';
export { agentQueries, AGENT_POLL_MS } from './agents';
export { resourceDefQueries } from './resource-definitions';
export { resourceGraphQueries } from './resource-graphs';
export { setQueries } from './sets';
export { tokenQueries } from './tokens';
export { PERMISSIONS_STALE_MS, userQueries } from './users';
