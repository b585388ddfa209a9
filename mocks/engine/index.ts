// The only entry of the engine package: everything outside mocks/engine imports from here.
export * from './model';
export * from './errors';
export * from './constants';
export type { Actor, Engine, EngineOptions, EngineState, ReplayAccess } from './engine-api';
export { createEngine } from './engine';
export { canonicalJson, EMPTY_SET_ID, isEmptySetId } from './canonical';
export {
  applySetDelta,
  computeSetId,
  diffSetContents,
  emptySet,
  makeSet,
} from './sets';
export type { SetContent } from './sets';
export { mergeDeltas, simplifyPatchOps } from './deltas';
export {
  escapePointerToken,
  formatPointer,
  parsePointer,
} from './json-pointer';
export {
  createManualClock,
  createRandomIds,
  createSequentialIds,
  systemClock,
} from './clock';
export type { ManualClock } from './clock';
export { DEFAULT_ENV_TYPES, DEMO_USERS } from './state';
export type { DemoUser, OrgRole } from './state';
export { ID_PATTERN } from './validate';
export { MAX_RUN_MS, MIN_RUN_MS, PENDING_MS } from './deploys';
export { SCENARIOS, type Scenario } from './scenarios';
export { NAVIGATION_DEPLOYS_PER_ENV } from './navigation-index';
export type { NavigationApp, NavigationDeployment, NavigationEnv, NavigationIndex } from './navigation-index';
export type {
  SchemaIssue,
  SchemaValidator,
  SpecDefinition,
  SpecProperty,
  WorkloadProfile,
  WorkloadProfileFeature,
  WorkloadProfileVersion,
} from './profiles-model';
export type { ProfileInput } from './profiles';
export type { ResourceType } from './resource-types';
export type { SpecProblem } from './profiles-validate';
export { deriveSpecSchema } from './profiles-schema';
export { HEALTH_LEGEND, HEALTH_STATES, NEEDS_ATTENTION } from './health';
export type {
  AppHealth,
  AppHealthSummary,
  EnvironmentHealth,
  HealthIssue,
  HealthState,
  NeedsAttentionItem,
  OrgHealth,
  WorkloadHealth,
} from './health';
export type { DeploymentStep, DeploymentSteps, StepStatus } from './deploy-steps';
export type { ContainerLogs, LogLine } from './logs';
export { DEFAULT_LOG_LIMIT, MAX_LOG_LIMIT } from './logs';
export type { LogOptions } from './diagnostics-ops';
export type {
  DriftItem,
  DriftKind,
  DriftStatus,
  FleetAttentionItem,
  FleetOrg,
  FleetOverview,
  ProfileRollout,
  RolloutInput,
} from './fleet-model';
export { ROLLOUT_STEP_MS } from './fleet-rollout';
export { DORA_BANDS, DORA_TIERS } from './dora';
export type { DoraFigures, DoraMetric, DoraTier } from './dora';
export type { DoraReport, DoraWindow } from './dora-ops';
export {
  APP_ROLES,
  ENV_TYPE_ROLES,
  ORG_ROLES,
  PERMISSIONS,
  READ_PERMISSIONS,
} from './access';
export type { AppRole, EnvTypeRole, Permission, TokenScope } from './access';
export { DEMO_APP_ROLES } from './access-seed';
export { LAST_USED_RESOLUTION_MS, hashToken } from './tokens';
export type { TokenInfo, TokenInput } from './tokens';
export type { CurrentUser, UserRole } from './users';
export type { PipelineEngine, ApprovalIds } from './pipelines-engine';
export type {
  DeploymentRequestInput,
  Pipeline,
  PipelineApprovalRequest,
  PipelineCriteria,
  PipelineJob,
  PipelineJobPartial,
  PipelineRun,
  PipelineStep,
  PipelineStepLog,
  PipelineVersion,
  RunFilter,
} from './pipelines-model';
export { PIPELINE_SCHEMA } from './pipelines-schema';
export { PIPELINE_ACTIONS } from './pipelines-parse';
export { TEST_RUN_MS, HTTP_CALL_MS } from './pipelines-steps';
export type { CanaryView, CanarySample, CanaryStatus } from './canary';
export { DEFAULT_CANARY_INTERVAL_MS, DEFAULT_CANARY_WEIGHTS } from './canary';
export { planClone } from './clone';
export type { CloneItem, CloneMode, ClonePlan, CloneSelection, PrivateResource } from './clone';
export type { CloneOrigin, ClonePreview, CloneRecord } from './clone-ops';
export { applyPatch, type PatchOp, type StateChanges } from './state-changes';
