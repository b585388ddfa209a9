/**
 * The only entry of the engine package: everything outside mocks/engine
 * (handlers, persistence, the CLI, the fixtures in mocks/fixtures) imports
 * from here. See README.md for the layers.
 */
export * from './core/model/spec';
export * from './core/errors';
export * from './core/constants';
export type {
  Actor,
  Engine,
  EngineChange,
  EngineOptions,
  EngineState,
  ReplayAccess,
} from './engine-api';
export { createEngine } from './engine';
export {
  canonicalJson,
  EMPTY_SET_ID,
  isEmptySetId,
  sha256Base64url,
  sha256BytesBase64url,
  SHA256_IMPLEMENTATION,
} from './core/canonical';
export { canonicalJsonBytes } from './core/canonical-bytes';
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
} from './core/json-pointer';
export {
  createManualClock,
  createRandomIds,
  createSequentialIds,
  systemClock,
} from './core/clock';
export type { ManualClock } from './core/clock';
export { bySeq, isCurrentState, isoAt } from './core/state';
export type {
  AppRecord,
  DeployRecord,
  EnvRecord,
  OrgRecord,
  OrgRole,
  StateV1,
} from './core/state';
export { ID_PATTERN } from './core/validate';
export { MAX_RUN_MS, MIN_RUN_MS, PENDING_MS } from './deploys';
export { NAVIGATION_DEPLOYS_PER_ENV, NAVIGATION_PAGE } from './navigation';
export type {
  NavigationApp,
  NavigationDeployment,
  NavigationEnv,
  NavigationIndex,
  NavigationPage,
  NavigationPageQuery,
  NavigationSort,
} from './navigation';
export type {
  SchemaIssue,
  SchemaValidator,
  SpecDefinition,
  SpecProperty,
  WorkloadProfile,
  WorkloadProfileFeature,
  WorkloadProfileVersion,
} from './core/model/profiles';
export type { ProfileInput } from './profiles';
export type { ResourceType } from './resources';
export { BUILTIN_RESOURCE_TYPES } from './resources';
export type { DriverDefinition } from './core/model/drivers';
export { PUBLIC_ORG_ID } from './core/model/drivers';
export type {
  DriverContext,
  DriverInputs,
  DriverOutputs,
  DriverResult,
  DriverRun,
} from './drivers';
export { POSTGRES_MAJORS, runDriver } from './drivers';
export type { ResourceAccount } from './core/model/accounts';
export type {
  AccountCheck,
  AccountType,
  AccountWriteOptions,
} from './accounts';
export type { SpecProblem } from './profiles';
export { deriveSpecSchema } from './profiles';
export { ACME_PROFILES, BUILTIN_CHART, orgProfiles } from './profiles';
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
export type { DeploymentStep, DeploymentSteps, StepStatus } from './deploys';
export type { ContainerLogs, LogLine } from './simulation';
export { DEFAULT_LOG_LIMIT, MAX_LOG_LIMIT } from './simulation';
export type { LogOptions } from './runtime';
export type {
  DriftItem,
  DriftKind,
  DriftStatus,
  FleetAttentionItem,
  FleetOrg,
  FleetOverview,
  ProfileRollout,
  RolloutInput,
} from './fleet';
export { ROLLOUT_STEP_MS } from './fleet';
export { DORA_BANDS, DORA_TIERS } from './dora';
export type { DoraFigures, DoraMetric, DoraTier } from './dora';
export type { DoraReport, DoraWindow } from './dora';
export {
  APP_ROLES,
  APP_VISIBILITIES,
  ENV_TYPE_ROLES,
  ORG_ROLES,
  PERMISSIONS,
  READ_PERMISSIONS,
} from './access';
export type {
  AppRole,
  AppVisibility,
  EnvTypeRole,
  Permission,
  TokenScope,
} from './access';
export { LAST_USED_RESOLUTION_MS, hashToken } from './tokens';
export type { TokenInfo, TokenInput } from './tokens';
export type { CurrentUser, UserRole } from './users';
export type { PipelineEngine, ApprovalIds } from './pipelines';
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
} from './core/model/pipelines';
export { PIPELINE_SCHEMA } from './pipelines';
export { PIPELINE_ACTIONS } from './pipelines';
export { TEST_RUN_MS, HTTP_CALL_MS } from './pipelines';
export type { CanaryView, CanarySample, CanaryStatus } from './canary';
export { DEFAULT_CANARY_INTERVAL_MS, DEFAULT_CANARY_WEIGHTS } from './canary';
export { planClone } from './clone';
export {
  MASKED_PASSWORD,
  REGISTRY_TYPES,
  imageOf,
  imagesOfSet,
  parseImageReference,
  uuidOf,
} from './artefacts';
export type {
  Artefact,
  ArtefactVersion,
  ImageReference,
  Registry,
  RegistryCreds,
  RunningImage,
  VersionFilter,
} from './artefacts';
export type {
  CloneItem,
  CloneMode,
  ClonePlan,
  CloneSelection,
  PrivateResource,
} from './clone';
export type { CloneOrigin, ClonePreview, CloneRecord } from './clone';
export {
  applyPatch,
  type PatchOp,
  type StateChanges,
} from './core/state-changes';
export { FAULT_RULES, deployErrors } from './faults';
export {
  AUDIT_LOG_CAP,
  AUDIT_PAGE_SPAN_MS,
  PLATFORM_EVENTS,
  underPath,
} from './audit';
export type {
  AuditCall,
  AuditLogEntry,
  AuditPage,
  AuditQuery,
  PlatformEvent,
} from './audit';
export {
  BUILTIN_SECRET_STORE_ID,
  SECRET_STORE_KINDS,
} from './core/model/secretstores';
export type {
  OrgSecretStore,
  SecretStoreKind,
} from './core/model/secretstores';
export type { PatchOp as DeltaPatchOp } from './core/model/spec';
export type {
  Value,
  ValueSetVersion,
  ValueSetVersionResultOf,
  ValueSource,
} from './core/model/values';
export {
  ENGINE_SECRET_STORE_ID,
  MISSING_SECRET_CODE,
  MISSING_VALUE_CODE,
  VALUE_KEY_PATTERN,
  valueReferences,
} from './values';
export {
  DEFAULT_CLASS,
  DefinitionInUse,
  indexDefinitions,
  matchResource,
  matchWith,
  noMatchingDefinitionError,
  NO_MATCHING_DEFINITION_CODE,
} from './resourcedefs';
export type {
  CriteriaView,
  DefinitionChange,
  MatchCandidate,
  MatchResult,
  ResourceClassView,
  ResourceDefinitionVersionView,
  ResourceDefinitionView,
} from './resourcedefs';
export {
  convertScore,
  LEGACY_SCORE_API_VERSION,
  SCORE_API_VERSION,
  SCORE_DEFAULT_PROFILE,
  scoreProblems,
} from './score';
export type { ScoreProblem, ScoreSet } from './score';
// Agents and public keys (issue 22).
export {
  AGENT_DISCONNECTED_CODE,
  AGENT_DRIVER,
  NEW_AGENT_VERSION,
  parsePublicKey,
} from './agents';
export type {
  Agent,
  AgentConnectivity,
  AgentKey,
  AgentOverview,
  HumanitecPublicKey,
  OrgPublicKey,
  ParsedPublicKey,
} from './agents';
export {
  AGENT_HEARTBEAT_MS,
  AGENT_SILENCE_MS,
  KEY_LIFETIME_YEARS,
  MIN_RSA_BITS,
} from './core/model/agents';
export { STAND_IN_TYPES } from './localrun';
export type {
  LocalRunBundle,
  LocalRunFile,
  LocalRunOptions,
  LocalRunResource,
  ResourceMode,
} from './localrun';
export { MAX_STREAM_LIMIT } from './envstream';
export type {
  EnvironmentStream,
  KubeEvent,
  LogLevel,
  StreamLine,
  StreamOptions,
} from './envstream';
export {
  DEBUG_CONTAINER,
  MAX_COMMAND_LENGTH,
  SECRET_MASK,
  commandNames,
} from './shell';
export type {
  OpenShellInput,
  ShellCommandResult,
  ShellKind,
  ShellSession,
} from './shell';
export {
  GITOPS_BRANCH,
  envFolder,
  manifestFile,
  manifestProblems,
  renderManifests,
  toYamlStream,
  validateManifests,
  EXPORT_INVALID_CODE,
} from './operator';
export type {
  DeploymentGitopsView,
  GitopsStatusView,
  Manifest,
  PendingCommit,
  RenderInput,
} from './operator';
export type { GitopsCommitRecord } from './core/model/operator';
// The spec's paged lists (per_page / page tokens), cut by the engine (issue 24 §3).
export { pageOf, SPEC_PAGE } from './core/paging';
export type { ListPage, PageQuery } from './core/paging';
