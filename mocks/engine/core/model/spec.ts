/**
 * Domain types of the deployment engine. They mirror the Humanitec API's
 * response shapes (snake_case, the spec's field names) so that the MSW
 * handlers only check them against the generated DTO types with `satisfies`.
 * The engine is pure: nothing here knows about HTTP, MSW, React or the DOM.
 */

/** Any JSON value. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** An injected clock: milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** An injected id source; `kind` lets a deterministic source keep per-kind counters. */
export interface IdSource {
  /** A new unique id; deployments use short hex ids, deltas 40-hex ids; `secret` is the salt of an app's secret store. */
  next(kind: 'deployment' | 'delta' | 'token' | 'user' | 'secret'): string;
}

/** A resource reference: a workload's private resource or a shared resource. */
export interface ResourceRef {
  type: string;
  class?: string;
  id?: string;
  params?: JsonObject;
}

/** When and how a workload is deployed (the spec's DeployConditionResponse). */
export interface DeployCondition {
  when?: 'before' | 'deploy' | 'after';
  success?: 'deploy' | 'available' | 'complete';
  timeout?: number;
}

/** A workload (the API's "module"). */
export interface Module {
  profile: string;
  spec: JsonObject;
  externals: Record<string, ResourceRef>;
  deploy?: DeployCondition;
}

/** An immutable, content-addressed deployment set (the spec's SetResponse). */
export interface DeploymentSet {
  id: string;
  version: 0;
  modules: Record<string, Module>;
  shared: Record<string, ResourceRef>;
}

/** A JSON-patch-like operation; only add, remove and replace are supported. */
export interface PatchOp {
  op: 'add' | 'remove' | 'replace';
  path: string;
  value?: Json;
  from?: string;
}

/** The change that turns one set into another (the spec's PlainDeltaResponse). */
export interface PlainDelta {
  modules: {
    add: Record<string, Module>;
    remove: string[];
    update: Record<string, PatchOp[]>;
  };
  shared: PatchOp[];
}

/** A delta as a client sends it: every part optional (the spec's DeltaRequest). */
export interface DeltaInput {
  id?: string;
  metadata?: {
    name?: string;
    env_id?: string;
    archived?: boolean;
    shared?: boolean;
  };
  modules?: {
    add?: Record<string, Module | null>;
    remove?: string[];
    update?: Record<string, PatchOp[]>;
  };
  shared?: PatchOp[];
}

/** Delta metadata (upstream spells `contributers`). */
export interface DeltaMetadata {
  name?: string;
  env_id?: string;
  created_by: string;
  created_at: string;
  last_modified_at: string;
  archived: boolean;
  shared: boolean;
  contributers: string[];
}

/** A stored delta (the spec's DeltaResponse). */
export interface Delta extends PlainDelta {
  id: string;
  metadata: DeltaMetadata;
}

/** Deployment statuses, as listed in the spec's DeploymentResponse.status. */
export type DeploymentStatus =
  'pending' | 'in progress' | 'succeeded' | 'failed';

/** A deployment (the spec's DeploymentResponse). */
export interface Deployment {
  id: string;
  env_id: string;
  from_id: string;
  set_id: string;
  delta_id?: string;
  /** The value-set version of the environment whose values the deployment used (values/resolve.ts). */
  value_set_version_id?: string | null;
  /** The dependency graph of the resources it provisioned (provisioning/). */
  dependency_graph_id?: string;
  comment: string;
  created_at: string;
  created_by: string;
  status: DeploymentStatus;
  status_changed_at: string;
  export_status: string;
  export_file: string;
  /** `full` or `incremental` (the request's; operator/ exports only what changed for `incremental`). */
  mode?: string;
  /** The Operator version of the cluster, for operator and GitOps deployments (operator/). */
  operator_version?: string;
}

/** An error of a failed deployment (the spec's DeploymentErrorResponse). */
export interface DeploymentError {
  scope: 'workload' | 'resource' | 'deployment';
  object_id: string;
  code: string;
  summary: string;
  message: string;
  error_type: string;
}

/** An environment (the spec's EnvironmentResponse). */
export interface Environment {
  id: string;
  name: string;
  type: string;
  created_at: string;
  created_by: string;
  status: 'active' | 'deleting';
  status_changed_at: string;
  last_deploy?: Deployment;
  from_deploy?: Deployment;
}

/** An application (the spec's ApplicationResponse). */
export interface Application {
  id: string;
  name: string;
  org_id: string;
  envs: { id: string; name: string; type: string }[];
  created_at: string;
  created_by: string;
  status: 'active' | 'deleting';
  status_changed_at: string;
}

/** An organisation (the spec's OrganizationResponse). */
export interface Organization {
  id: string;
  name: string;
  created_at: string;
  created_by: string;
  logo: { dark_url?: string; light_url?: string };
  trial_expires_at: null;
}

/** An environment type (the spec's EnvironmentTypeResponse). */
export interface EnvironmentType {
  id: string;
  description: string;
}

/** A user (the spec's UserProfileResponse, plus its organisation role). */
export interface User {
  id: string;
  name: string;
  email?: string;
  type: 'user' | 'service';
  created_at: string;
}

/** The spec's RuntimeInfoStatus. */
export type RuntimeStatus =
  | 'Running'
  | 'Succeeded'
  | 'Starting'
  | 'Partially Succeeded'
  | 'Failed'
  | 'Stopped'
  | 'Unknown';
/** The spec's RuntimeInfoStatusClass. */
export type RuntimeStatusClass =
  'Success' | 'Failure' | 'Warning' | 'Stopped' | 'Unknown';

/** The spec's RuntimeInfoContainerState: exactly one of the three is set. */
export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { started_at?: string };
  terminated?: {
    exit_code?: number;
    signal?: number;
    reason?: string;
    message?: string;
    started_at?: string;
    finished_at?: string;
    container_id?: string;
  };
}

/** The spec's RuntimeInfoContainerStatus. */
export interface ContainerStatus {
  name: string;
  ready: boolean;
  restart_count: number;
  status: 'Failure' | 'Success' | 'Pending' | 'Unknown';
  state: ContainerState;
  /**
   * Console extension (console-extensions.yaml `ContainerLastState`, as
   * Kubernetes' `lastState`): how the previous run of a restarting container
   * ended.
   */
  last_state?: { terminated: NonNullable<ContainerState['terminated']> };
}

/** The spec's RuntimeInfoPod. */
export interface Pod {
  podName: string;
  revision?: number;
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  status: 'Failure' | 'Success' | 'Pending' | 'Unknown';
  containerStatuses: ContainerStatus[];
}

/** The spec's RuntimeInfoModuleController. */
export interface Controller {
  kind: string;
  status: RuntimeStatus;
  replicas?: number;
  message?: string;
  revision?: number;
  pods?: Pod[];
}

/** The spec's RuntimeInfoModule. */
export interface RuntimeModule {
  status: RuntimeStatus;
  status_class: RuntimeStatusClass;
  controllers: Record<string, Controller>;
}

/** The spec's RuntimeInfoResponseV2. */
export interface RuntimeInfo {
  namespace: string;
  modules: Record<string, RuntimeModule>;
}

/** The spec's ControllerResponse (a controller in the V1 runtime): every field present. */
export interface ControllerV1 {
  kind: string;
  replicas: number;
  status: string;
  message: string;
  revision: number;
  pods: {
    podName: string;
    revision: number;
    phase: string;
    status: string;
    containerStatuses: Record<string, unknown>[];
  }[];
}

/** The spec's RuntimeInfoResponseV1: each workload as deployed (its ModuleResponse) with its controllers by name beside its fields. */
export interface RuntimeInfoV1 {
  namespace: string;
  modules: Record<
    string,
    {
      profile: string;
      spec: JsonObject;
      externals: Record<string, unknown>;
      deploy?: DeployCondition;
      [controller: string]: unknown;
    }
  >;
}

/** The spec's EnvironmentRuntimeInfoResponse (one row of the multi-env summary). */
export interface EnvironmentRuntimeSummary {
  id: string;
  paused: boolean;
  status?: RuntimeStatusClass;
  error?: string;
}

/** A documented, deterministic fault rule of the runtime simulation. */
export interface FaultRule {
  id: string;
  trigger: string;
  effect: string;
}
