// The only entry of the engine package: everything outside mocks/engine imports from here.
export * from './model';
export * from './errors';
export * from './constants';
export type { Actor, Engine, EngineOptions, EngineState } from './engine-api';
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
