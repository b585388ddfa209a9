/**
 * What the state keeps of an organisation's resource definitions
 * (resourcedefs/): the definitions with their versions and matching criteria,
 * the resource classes, the write-only contents of their secret driver inputs
 * and the active resources provisioned through them.
 */
import type { Json, JsonObject } from './spec';

/** One matching criteria rule of a definition (the spec's MatchingCriteriaResponse). */
export interface CriteriaRecord {
  id: string;
  app_id?: string;
  env_id?: string;
  env_type?: string;
  res_id?: string;
  /** `default` when the rule named none. */
  class: string;
}

/** A `provision` entry (the spec's ProvisionDependenciesResponse). */
export interface ProvisionRecord {
  is_dependent: boolean;
  match_dependents?: boolean;
  params?: JsonObject;
}

/**
 * One version of a definition: everything a change can set. The contents of
 * its secret inputs are not here but in {@link OrgResourceDefsRecord.secrets}
 * under `secretsKey`; `secretKeys` lists their top-level names.
 */
export interface DefVersionRecord {
  id: string;
  seq: number;
  name: string;
  driver_type: string;
  driver_account?: string;
  values: JsonObject;
  secret_refs: JsonObject;
  /** The top-level keys of the secret inputs (their contents are write-only). */
  secretKeys: string[];
  /** Where the secret inputs' contents are kept (absent when there are none). */
  secretsKey?: string;
  provision: Record<string, ProvisionRecord>;
  in_place_driver_change: boolean;
  action: 'created' | 'updated' | 'deleted';
  archived: boolean;
  created_at: string;
  created_by: string;
}

/** A resource definition: its identity, criteria and versions (its content is its active version's). */
export interface ResourceDefRecord {
  seq: number;
  id: string;
  type: string;
  criteria: CriteriaRecord[];
  versions: DefVersionRecord[];
  active_version_id: string;
  is_deleted: boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** A resource class of a type (the spec's ResourceClassResponse). */
export interface ResourceClassRecord {
  seq: number;
  id: string;
  resource_type: string;
  description: string;
  created_at: string;
  created_by: string;
}

/** An active resource as the spec's ActiveResourceResponse describes it (recorded by deployments). */
export interface ActiveResourceRecord {
  org_id: string;
  app_id: string;
  env_id: string;
  env_type: string;
  res_id: string;
  type: string;
  class: string;
  def_id: string;
  def_version_id: string;
  criteria_id?: string;
  driver_type: string;
  driver_account?: string;
  status: string;
  resource: JsonObject;
  secret_refs: JsonObject;
  updated_at: string;
  deploy_id: string;
  gu_res_id: string;
  scheduled_deletion: boolean;
  target_def_version_id?: string;
}

/** Everything of resource definitions an organisation keeps; absent until the first definition or class. */
export interface OrgResourceDefsRecord {
  /** Creation counter (ids of versions and criteria are derived from it). */
  counter: number;
  defs: Record<string, ResourceDefRecord>;
  /** Classes by `<type>/<id>`. */
  classes: Record<string, ResourceClassRecord>;
  /** Write-only contents of secret driver inputs, by a version's `secretsKey`; nothing returns them. */
  secrets: Record<string, Record<string, Json>>;
  /** Active resources by `<app>/<env>/<type>/<class>/<res_id>`. */
  active: Record<string, ActiveResourceRecord>;
}
