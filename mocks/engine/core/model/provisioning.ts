/**
 * What the state keeps of provisioning (provisioning/): the dependency graphs
 * deployments resolved (the spec's DependencyGraphResponse, by id per app) and,
 * on each deployment's plan, what happened to each resource it provisioned.
 */
import type { JsonObject } from './spec';

/** A node of a dependency graph (the spec's NodeBodyResponse). */
export interface GraphNodeRecord {
  /** The resource id (`shared.db`, `modules.api.externals.cache`, `k8s-namespace`, a workload id). */
  id: string;
  type: string;
  class: string;
  /** Globally unique resource id: a hash of organisation, app, environment, type, class and id. */
  guresid: string;
  def_id: string;
  def_version_id: string;
  criteria_id: string;
  driver_type: string;
  driver_account?: string;
  /** The driver's inputs as the definition gives them (secret inputs by key only). */
  driver: JsonObject;
  /** The resource's non-secret outputs (secret outputs are refs in the active resource). */
  resource: JsonObject;
  resource_schema: JsonObject;
  /** The ids of the nodes this one needs first. */
  depends_on: string[];
  in_place_driver_change: boolean;
}

/** A dependency graph of an environment. */
export interface DependencyGraphRecord {
  id: string;
  env_id: string;
  hash: string;
  nodes: GraphNodeRecord[];
  created_at: string;
  used_at: string;
}

/** What a deployment did with one resource (kept on its plan; the steps and health read it). */
export interface ProvisionedRecord {
  res_id: string;
  type: string;
  class: string;
  status: 'succeeded' | 'failed' | 'skipped';
  /** Absent when no definition matched. */
  def_id?: string;
  def_version_id?: string;
  criteria_id?: string;
  driver_type?: string;
  /** For an `agent` resource: the Humanitec Agent the cluster is reached through (agents/). */
  agent_id?: string;
  /** The driver's log (never a secret). */
  log: string[];
}

/** A workload field whose placeholders a deployment filled (provisioning/placeholders.ts). */
export interface ResolvedPlaceholderRecord {
  workload_id: string;
  /** Dotted path inside the workload, e.g. `spec.containers.main.variables.DB_HOST`. */
  field: string;
  /** The field's text as the set has it. */
  template: string;
  /** The filled text; absent when it reads a secret or a placeholder could not be filled. */
  value?: string;
  /** Whether it reads a secret output (then the field is a reference to the secret). */
  secret: boolean;
  /** The secret references it reads. */
  secret_refs?: string[];
  /** The resources it reads (`shared.db`, `modules.api.externals.cache`). */
  resources: string[];
}
