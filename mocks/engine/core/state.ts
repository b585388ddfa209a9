/**
 * The engine's persisted state: plain JSON records, keyed by id (the seeds that
 * build one are in mocks/fixtures). Views (the
 * spec-shaped objects the engine returns) are derived from these records by
 * `views.ts`; nothing outside the engine should depend on this shape.
 */
import type {
  DependencyGraphRecord,
  ProvisionedRecord,
  ResolvedPlaceholderRecord,
} from './model/provisioning';
import { STATE_SCHEMA_VERSION } from './constants';
import type {
  Application,
  Delta,
  Deployment,
  DeploymentError,
  DeploymentSet,
  Environment,
  EnvironmentType,
  Organization,
  User,
} from './model/spec';
import type { ProfileRecord } from './model/profiles';
import type { AppRole, EnvTypeRole, OrgRole } from './model/access';
import type { TokenRecord } from './model/tokens';
import type { FleetRecord } from './model/fleet';
import type { CloneOrigin } from './model/clone';
import type { AccountCredentialStore, SecretStore } from './model/secrets';
import type { DriverRecord } from './model/drivers';
import type { ResourceAccountRecord } from './model/accounts';
import type { ResourceTypeRecord } from './model/resource-types';
import type { AuditLogRecord } from './model/audit';
import type { OrgArtefactsRecord, RegistryRecord } from './model/artefacts';
import type { OrgSecretStoreRecord } from './model/secretstores';
import type { OrgAgentsRecord } from './model/agents';
import type { AppValuesRecord } from './model/values';
import type { OrgResourceDefsRecord } from './model/resourcedefs';
import type { EnvOperatorRecord } from './model/operator';

/** The whole engine state: plain JSON, so it can be persisted and restored. */
export interface EngineState {
  /** Bumped when the shape changes; a stored state of another version is discarded. */
  schemaVersion: number;
  [key: string]: unknown;
}

export type { OrgRole } from './model/access';

/** What `planDeploy` decided for a deployment, kept so its status can follow the clock. */
export interface DeployPlan {
  outcome: 'succeeded' | 'failed';
  errors: DeploymentError[];
  /** Time in `pending`, from creation. */
  pendingMs: number;
  /** Time in `in progress`, after `pending`. */
  runMs: number;
  /** What happened to each resource the deployment provisioned (provisioning/); absent before definitions existed. */
  resources?: ProvisionedRecord[];
  /** The workload fields whose placeholders it filled (provisioning/placeholders.ts); absent when none. */
  placeholders?: ResolvedPlaceholderRecord[];
  /** The export's outcome, shown as `export_status` once `pending` ends (operator/); absent in the direct mode. */
  export?: 'succeeded' | 'failed';
}

/** A deployment with its plan. `deployment.status` is the status last materialised. */
export interface DeployRecord {
  seq: number;
  createdMs: number;
  deployment: Deployment;
  plan: DeployPlan;
  /** The commit the deployment shipped, when known (DORA lead time; see dora/metrics.ts). */
  commit?: { sha: string; committed_at: string };
  /** Where the deployment was cloned from, when a clone made it (clone/ops.ts). */
  clone?: CloneOrigin;
}

/** An environment and its engine-side state (deploy history, pause, replica overrides). */
export interface EnvRecord {
  seq: number;
  env: Omit<Environment, 'last_deploy' | 'from_deploy'>;
  /** Deployments made in this environment, oldest first. */
  deployIds: string[];
  /** The newest deployment (also while it runs). */
  lastDeployId?: string;
  /** The base of the next deployment: the last finished one, or the rebase target. */
  fromDeployId?: string;
  /** The deployment that is pending or in progress, if any. */
  activeDeployId?: string;
  paused: boolean;
  replicas: Record<string, number>;
}

/** An application with its environments, deployments (of any of its envs), sets and deltas. */
export interface AppRecord {
  seq: number;
  app: Omit<Application, 'envs'>;
  envs: Record<string, EnvRecord>;
  deploys: Record<string, DeployRecord>;
  sets: Record<string, { seq: number; set: DeploymentSet }>;
  deltas: Record<string, { seq: number; delta: Delta }>;
  /** User id → application role (access/authorize.ts); absent in states made before roles existed. */
  roles?: Record<string, AppRole>;
  /** The values typed into secret fields of workload specs (secrets/); write-only, absent until the first one. */
  secrets?: SecretStore;
  /** Shared values, environment overrides and their versions (values/); absent until the first value. */
  values?: AppValuesRecord;
  /** Dependency graphs of the app's environments by id (provisioning/); absent until the first. */
  graphs?: Record<string, DependencyGraphRecord>;
  /** Operator / GitOps exports and the live cluster of each environment by id (operator/); absent until the first export. */
  operator?: Record<string, EnvOperatorRecord>;
}

/** An organisation with its environment types, member roles and apps. */
export interface OrgRecord {
  seq: number;
  org: Organization;
  envTypes: EnvironmentType[];
  roles: Record<string, OrgRole>;
  apps: Record<string, AppRecord>;
  /** Workload profiles by qualified id; absent until the organisation changes one (see profiles/ops.ts). */
  profiles?: Record<string, ProfileRecord>;
  /** Environment type → user id → role (access/authorize.ts); absent until someone is given one. */
  envTypeRoles?: Record<string, Record<string, EnvTypeRole>>;
  /** Secret stores by id (secretstores/); absent until the organisation changes one: then only the engine's own. */
  secretStores?: Record<string, OrgSecretStoreRecord>;
  /** Humanitec Agents and the organisation's public keys (agents/); absent until one is registered. */
  agents?: OrgAgentsRecord;
  /** Artefacts CI pushed and their versions (artefacts/); absent until the first push. */
  artefacts?: OrgArtefactsRecord;
  /** Container registries by id (artefacts/registries.ts); absent until the first one. */
  registries?: Record<string, RegistryRecord>;
  /** Resource definitions, their criteria and versions, classes and active resources (resourcedefs/); absent until the first. */
  resourceDefs?: OrgResourceDefsRecord;
  /** Custom resource drivers by id (drivers/); absent until the first one. The built-ins are code. */
  drivers?: Record<string, DriverRecord>;
  /** Resource accounts by id (accounts/); absent until the first one. */
  resourceAccounts?: Record<string, ResourceAccountRecord>;
  /** The accounts' credentials by account id (secrets/credentials.ts): write-only, never in a response. */
  accountCredentials?: AccountCredentialStore;
  /** Custom resource types by type (resources/); absent until the first one. The built-ins are code. */
  resourceTypes?: Record<string, ResourceTypeRecord>;
}

/** Version 1 of the persisted state. */
export interface StateV1 extends EngineState {
  schemaVersion: typeof STATE_SCHEMA_VERSION;
  /** A counter giving every record a creation order (lists are sorted by it). */
  seq: number;
  orgs: Record<string, OrgRecord>;
  users: Record<string, User>;
  /** The demo bearer tokens (local use only, listed in the README) → user id. */
  tokens: Record<string, string>;
  /** API tokens of service users by `userId/tokenId`, with the SHA-256 hash of the secret (tokens/ops.ts); never the secret. */
  apiTokens?: Record<string, TokenRecord>;
  /** Fleet data: profile rollouts (fleet/model.ts). */
  fleet?: FleetRecord;
  /** Owning team of each app, by organisation then app id (DORA per team). */
  teams?: Record<string, Record<string, string>>;
  /**
   * The audit log of each organisation (audit/): written outside writes (a refused call is recorded too),
   * so a write's draft shares it and the change tracker gets its operations from audit/ (core/state-changes.ts).
   */
  audit?: Record<string, AuditLogRecord>;
}

/** ISO-8601 text of a clock reading. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

/** Whether a persisted state has the current schema version and the expected top-level shape. */
export function isCurrentState(
  state: EngineState | undefined,
): state is StateV1 {
  if (!state || state.schemaVersion !== STATE_SCHEMA_VERSION) return false;
  const s = state as Partial<StateV1>;
  const isMap = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  return (
    typeof s.seq === 'number' &&
    isMap(s.orgs) &&
    isMap(s.users) &&
    isMap(s.tokens)
  );
}

/** Records of a map sorted by creation order. */
export function bySeq<T extends { seq: number }>(
  records: Record<string, T>,
): T[] {
  return Object.values(records).sort((a, b) => a.seq - b.seq);
}
