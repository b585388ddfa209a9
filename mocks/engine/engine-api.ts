import type {
  Application,
  Clock,
  Delta,
  DeltaInput,
  Deployment,
  DeploymentError,
  DeploymentSet,
  Environment,
  EnvironmentRuntimeSummary,
  EnvironmentType,
  FaultRule,
  IdSource,
  Organization,
  PlainDelta,
  RuntimeInfo,
  User,
} from './model';
import type { NavigationIndex } from './navigation-index';
import type { PipelineEngine } from './pipelines-engine';
import type { CloneEngine } from './clone-engine';
import type { StateChanges } from './state-changes';
import type { DeploymentSteps } from './deploy-steps';
import type { LogOptions } from './diagnostics-ops';
import type { AppHealth, EnvironmentHealth, OrgHealth } from './health';
import type { ContainerLogs } from './logs';
import type {
  SchemaValidator,
  WorkloadProfile,
  WorkloadProfileFeature,
  WorkloadProfileVersion,
} from './profiles-model';
import type { ProfileInput } from './profiles';
import type { ResourceType } from './resource-types';
import type { FleetOverview, ProfileRollout } from './fleet-model';
import type { DoraReport } from './dora-ops';
import type { Permission } from './access';
import type { TokenInfo, TokenInput } from './tokens';
import type { CurrentUser, UserRole } from './users';

/** Who is calling: resolved from the bearer token by `authenticate`. */
export interface Actor {
  userId: string;
  /** The id of the API token used, when it is one of the user's tokens (its scope narrows the user's roles). */
  tokenId?: string;
}

/**
 * What an idempotent call needs, checked before a replay: `action` on the
 * organisation, on `appId`, or (`env.deploy`) on the environment `envId`.
 */
export interface ReplayAccess {
  action: Permission;
  appId?: string;
  envId?: string;
  doing?: string;
}

/** The whole engine state: plain JSON, so it can be persisted and restored. */
export interface EngineState {
  /** Bumped when the shape changes; a stored state of another version is discarded. */
  schemaVersion: number;
  [key: string]: unknown;
}

/** Options of `createEngine`. Time and ids are injected; nothing is global. */
export interface EngineOptions {
  clock: Clock;
  ids: IdSource;
  /** A persisted state to resume from; without it the engine seeds the demo organisation. */
  state?: EngineState;
  /** `demo` (default) seeds the demo organisation; `empty` has one empty organisation. */
  seed?: 'demo' | 'empty';
  /** Builds the seed state instead of the demo organisation (a named scenario, see scenarios.ts); `reset()` restores it. */
  scenario?: (now: number) => EngineState;
  /**
   * Validates workload specs against their profiles (when a delta is applied
   * or deployed) and profile schemas (when published). Without one the
   * engine skips both (the demo seed does).
   */
  schemaValidator?: SchemaValidator;
  /** Keep track of what changed for `takeChanges` (the incremental store of `npm run api`); off by default. */
  trackChanges?: boolean;
  /** With `state`: use that object as it is instead of a deep copy (the caller gives it up). */
  adoptState?: boolean;
}

/**
 * The deployment engine: a Humanitec-compatible model of organisations, apps,
 * environments, deployment sets, deltas, deploys and runtime. Every method is
 * synchronous and either returns spec-shaped data or throws an `EngineError`.
 * Time-driven progress (deploy status, runtime) is computed from the injected
 * clock whenever state is read.
 */
export interface Engine extends AccessEngine, PipelineEngine, CloneEngine {
  /** Resolves a bearer token to its user; throws `unauthorized` when unknown. */
  authenticate(token: string | null): Actor;

  listOrgs(actor: Actor): Organization[];
  getOrg(actor: Actor, orgId: string): Organization;

  listApps(actor: Actor, orgId: string): Application[];
  getApp(actor: Actor, orgId: string, appId: string): Application;
  createApp(actor: Actor, orgId: string, input: { id: string; name: string }): Application;
  deleteApp(actor: Actor, orgId: string, appId: string): void;

  listEnvTypes(actor: Actor, orgId: string): EnvironmentType[];

  listEnvs(actor: Actor, orgId: string, appId: string): Environment[];
  getEnv(actor: Actor, orgId: string, appId: string, envId: string): Environment;
  createEnv(
    actor: Actor,
    orgId: string,
    appId: string,
    input: { id: string; name: string; type?: string; from_deploy_id?: string },
  ): Environment;
  deleteEnv(actor: Actor, orgId: string, appId: string, envId: string): void;
  /** Sets the base of the next deployment (rollback, full clone). */
  rebaseEnv(actor: Actor, orgId: string, appId: string, envId: string, deployId: string): void;

  /** Newest first. */
  listDeploys(actor: Actor, orgId: string, appId: string, envId: string): Deployment[];
  getDeploy(actor: Actor, orgId: string, appId: string, envId: string, deployId: string): Deployment;
  /** Applies the delta (or forces the set) onto `from_deploy`; 409 while another deploy runs. */
  createDeploy(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    input: { delta_id?: string; set_id?: string; comment?: string },
  ): Deployment;
  getDeployErrors(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ): DeploymentError[];

  listSets(actor: Actor, orgId: string, appId: string): DeploymentSet[];
  getSet(actor: Actor, orgId: string, appId: string, setId: string): DeploymentSet;
  /** Applies a delta to a set and returns the new set's id (the spec's updateSet). */
  applyDelta(actor: Actor, orgId: string, appId: string, setId: string, delta: DeltaInput): string;
  /** The delta that turns `sourceSetId` into `setId` (the spec's getDiff). */
  diffSets(actor: Actor, orgId: string, appId: string, setId: string, sourceSetId: string): PlainDelta;

  listDeltas(
    actor: Actor,
    orgId: string,
    appId: string,
    filter?: { archived?: boolean; env?: string },
  ): Delta[];
  getDelta(actor: Actor, orgId: string, appId: string, deltaId: string): Delta;
  createDelta(actor: Actor, orgId: string, appId: string, input: DeltaInput): Delta;
  /** Merges the given deltas into the stored one, in order (the spec's patchDelta). */
  patchDelta(actor: Actor, orgId: string, appId: string, deltaId: string, inputs: DeltaInput[]): Delta;
  /** Replaces the delta's content (the spec's putDelta). */
  replaceDelta(actor: Actor, orgId: string, appId: string, deltaId: string, input: DeltaInput): void;
  setDeltaArchived(actor: Actor, orgId: string, appId: string, deltaId: string, archived: boolean): void;
  setDeltaEnv(actor: Actor, orgId: string, appId: string, deltaId: string, envId: string): void;
  setDeltaName(actor: Actor, orgId: string, appId: string, deltaId: string, name: string): void;

  /** V2 runtime of the environment's current deployment, simulated from the set and the clock. */
  getRuntime(actor: Actor, orgId: string, appId: string, envId: string): RuntimeInfo;
  /** One summary row per environment id (at most 5, as the spec says). */
  listRuntime(actor: Actor, orgId: string, appId: string, envIds: string[]): EnvironmentRuntimeSummary[];
  setPaused(actor: Actor, orgId: string, appId: string, envId: string, paused: boolean): void;
  setReplicas(actor: Actor, orgId: string, appId: string, envId: string, replicas: Record<string, number>): void;

  /** Workload profiles of the organisation (built-ins first); deprecated ones only with `deprecated: true`. */
  listProfiles(actor: Actor, orgId: string, filter?: { deprecated?: boolean }): WorkloadProfile[];
  /** A profile by qualified (`acme/web-service`) or bare (`web-service`) id: its current version. */
  getProfile(actor: Actor, orgId: string, profileRef: string): WorkloadProfile;
  /** Creates a profile of the organisation with its first version; 409 when the id is taken. */
  createProfile(actor: Actor, orgId: string, input: ProfileInput): WorkloadProfile;
  /** Publishes a new version of a profile (built-ins are read-only: 403). */
  updateProfile(actor: Actor, orgId: string, profileRef: string, input: ProfileInput): WorkloadProfile;
  deleteProfile(actor: Actor, orgId: string, profileRef: string): void;
  /** Versions of a profile, newest first. */
  listProfileVersions(actor: Actor, orgId: string, profileRef: string): WorkloadProfileVersion[];
  latestProfileVersion(actor: Actor, orgId: string, profileRef: string): WorkloadProfileVersion;
  /** The built-in profile features and their schemas. */
  listProfileFeatures(actor: Actor, orgId: string): WorkloadProfileFeature[];
  /** The resource types workloads can ask for. */
  listResourceTypes(actor: Actor, orgId: string): ResourceType[];

  /** The health of an environment (the model in health.ts; console extension). */
  getEnvHealth(actor: Actor, orgId: string, appId: string, envId: string): EnvironmentHealth;
  /** The health of an app and each of its environments (console extension). */
  getAppHealth(actor: Actor, orgId: string, appId: string): AppHealth;
  /** The organisation's health: apps, legend, "needs attention" (console extension). */
  getOrgHealth(actor: Actor, orgId: string): OrgHealth;
  /** A deployment's step timeline (deploy-steps.ts; console extension). */
  getDeploySteps(actor: Actor, orgId: string, appId: string, envId: string, deployId: string): DeploymentSteps;
  /** A page of a running container's logs, by cursor (logs.ts; console extension). */
  getContainerLogs(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    workloadId: string,
    containerId: string,
    options?: LogOptions,
  ): ContainerLogs;

  /**
   * The fleet (console extension): every organisation the caller is a member
   * of, with health, a needs-attention inbox across them, drift from the
   * baseline organisation and its profile rollouts.
   */
  getFleetOverview(actor: Actor, baselineOrgId: string): FleetOverview;
  /** Profile rollouts from or to an organisation, newest first. */
  listProfileRollouts(actor: Actor, orgId: string): ProfileRollout[];
  /** Starts a rollout of `orgId`'s current version of a profile to other organisations, one at a time. */
  createProfileRollout(actor: Actor, orgId: string, input: unknown): ProfileRollout;
  /** DORA metrics of an organisation (or one app) over 30 or 90 days (console extension). */
  getDoraMetrics(actor: Actor, orgId: string, options?: { window?: string | null; appId?: string | null }): DoraReport;

  /** The documented fault rules of the runtime simulation. */
  faultRules(): FaultRule[];
  /**
   * Runs `op` (a call that creates something) at most once per organisation,
   * user and Idempotency-Key for 24 h (idempotency.ts): a repeat with the same
   * `fingerprint` answers the first result (`replayed`), another request with
   * the same key is refused (422). Failed calls are not remembered. `access`
   * is checked first, replay or not (403); a `secret` result is replayed only
   * to the same token within 10 minutes (409 otherwise).
   */
  idempotent<T>(
    actor: Actor,
    orgId: string,
    request: { key: string; fingerprint: string; access: ReplayAccess; secret?: boolean },
    op: () => T,
  ): { result: T; replayed: boolean };
  /** Compact rows of the organisation's apps, environments and recent deployments (console extension). */
  navigationIndex(actor: Actor, orgId: string, deploysPerEnv?: number): NavigationIndex;
  /** Restores the seeded demo data; with an actor (an API call), only an administrator may (403). */
  reset(actor?: Actor): void;
  /** A deep copy of the whole state, for persistence. */
  snapshot(): EngineState;
  /**
   * What changed since the previous call, as patch operations (state-changes.ts), at the cost of the
   * change; needs `trackChanges`. `full` means the whole state was replaced: store a `snapshot()`.
   */
  takeChanges(): StateChanges;
  /** Called after every change of state (mutations and time-driven progress). */
  subscribe(listener: () => void): () => void;
}

/**
 * Users, role assignments, permissions and API tokens (access.ts, users.ts,
 * tokens.ts). Every method authorizes the caller: 403 names the missing role.
 */
export interface AccessEngine {
  /** The calling user with its roles by object path (`/orgs/acme/apps/shop` → `developer`). */
  currentUser(actor: Actor): CurrentUser;
  /** Members of the organisation; `type` keeps only `user` or `service` users. */
  listOrgUsers(actor: Actor, orgId: string, type?: string): UserRole[];
  getOrgUser(actor: Actor, orgId: string, userId: string): UserRole;
  /** A new service user with an organisation role (administrators). */
  createServiceUser(actor: Actor, orgId: string, input: { name?: unknown; role?: unknown; email?: unknown }): User;
  /** Changes an organisation role; the last administrator cannot be downgraded (409). */
  updateOrgRole(actor: Actor, orgId: string, userId: string, role: unknown): UserRole;
  /** Removes a member with all its roles in the organisation. */
  removeOrgUser(actor: Actor, orgId: string, userId: string): void;
  listAppUsers(actor: Actor, orgId: string, appId: string, type?: string): UserRole[];
  getAppUser(actor: Actor, orgId: string, appId: string, userId: string): UserRole;
  addAppUser(actor: Actor, orgId: string, appId: string, input: { id?: unknown; role?: unknown }): UserRole;
  updateAppRole(actor: Actor, orgId: string, appId: string, userId: string, role: unknown): UserRole;
  removeAppUser(actor: Actor, orgId: string, appId: string, userId: string): void;
  listEnvTypeUsers(actor: Actor, orgId: string, envType: string, type?: string): UserRole[];
  getEnvTypeUser(actor: Actor, orgId: string, envType: string, userId: string): UserRole;
  addEnvTypeUser(actor: Actor, orgId: string, envType: string, input: { id?: unknown; role?: unknown }): UserRole;
  updateEnvTypeRole(actor: Actor, orgId: string, envType: string, userId: string, role: unknown): UserRole;
  removeEnvTypeUser(actor: Actor, orgId: string, envType: string, userId: string): void;
  /** Effective permissions by object path (the spec's SubjectPermissions). */
  getPermissions(actor: Actor, orgId: string, userId: string): { objects: Record<string, { permissions: Permission[] }> };
  listTokens(actor: Actor, userId: string): TokenInfo[];
  getToken(actor: Actor, userId: string, tokenId: string): TokenInfo;
  /** Creates a (possibly scoped) token of a service user; the secret is returned only here. */
  createToken(actor: Actor, userId: string, input: TokenInput): { token: string; type: string; info: TokenInfo };
  /** Revokes a token: it stops working at once. */
  revokeToken(actor: Actor, userId: string, tokenId: string): void;
  /** Every token of the organisation's members (administrators). */
  listOrgTokens(actor: Actor, orgId: string): TokenInfo[];
  /** Deletes the organisation's expired tokens; returns their keys (`userId/tokenId`). */
  deleteExpiredTokens(actor: Actor, orgId: string): string[];
}
