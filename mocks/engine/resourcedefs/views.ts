/**
 * The spec's response shapes of definitions, versions, criteria and classes,
 * derived from the records. Secret driver inputs never appear: a response
 * carries `values` and `secret_refs`, and each secret input the engine keeps
 * is shown as a reference to its own store (the key, never the content).
 */
import { cloneJson } from '../core/canonical';
import type {
  ActiveResourceRecord,
  CriteriaRecord,
  DefVersionRecord,
  ResourceClassRecord,
  ResourceDefRecord,
} from '../core/model/resourcedefs';
import type { JsonObject } from '../core/model/spec';
import { activeVersion } from './store';

/** The spec's MatchingCriteriaResponse. */
export interface CriteriaView {
  id: string;
  app_id?: string;
  env_id?: string;
  env_type?: string;
  res_id?: string;
  class: string;
}

/** The spec's ValuesSecretsRefsResponse, as this engine fills it (never `secrets`). */
export interface DriverInputsView {
  values: JsonObject;
  secret_refs: JsonObject;
}

/** The spec's ProvisionDependenciesResponse map. */
export type ProvisionView = Record<
  string,
  { is_dependent: boolean; match_dependents?: boolean; params?: JsonObject }
>;

/** The spec's ResourceDefinitionResponse. */
export interface ResourceDefinitionView {
  org_id: string;
  id: string;
  name: string;
  type: string;
  driver_type: string;
  driver_account?: string;
  driver_inputs: DriverInputsView;
  provision: ProvisionView;
  criteria: CriteriaView[];
  active_version_id: string;
  in_place_driver_change: boolean;
  is_default: boolean;
  is_deleted: boolean;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** The spec's ResourceDefinitionVersion. */
export interface ResourceDefinitionVersionView {
  id: string;
  org_id: string;
  def_id: string;
  name: string;
  type: string;
  driver_type: string;
  driver_account: string;
  driver_inputs: DriverInputsView;
  in_place_driver_change: boolean;
  provision: ProvisionView;
  action: string;
  archived: boolean;
  active: boolean;
  proposed: boolean;
  created_at: string;
  created_by: string;
}

/** The spec's ResourceClassResponse. */
export interface ResourceClassView {
  id: string;
  resource_type: string;
  description: string;
  created_by: string;
  created_at: string;
}

/** The store secret inputs are kept in (the engine's own). */
const SECRET_STORE = 'humanitec';

/** A criteria rule as the API returns it. */
export function criteriaView(rule: CriteriaRecord): CriteriaView {
  const view: CriteriaView = { id: rule.id, class: rule.class };
  if (rule.app_id !== undefined) view.app_id = rule.app_id;
  if (rule.env_id !== undefined) view.env_id = rule.env_id;
  if (rule.env_type !== undefined) view.env_type = rule.env_type;
  if (rule.res_id !== undefined) view.res_id = rule.res_id;
  return view;
}

/**
 * A version's inputs as the API returns them: the values, the caller's
 * secret_refs, and a reference for each secret input kept in the engine's
 * store (`{store, ref, version}`), never its content.
 */
function inputsView(
  orgId: string,
  def: ResourceDefRecord,
  version: DefVersionRecord,
): DriverInputsView {
  const refs = cloneJson(version.secret_refs);
  for (const key of version.secretKeys)
    if (!Object.hasOwn(refs, key))
      refs[key] = {
        store: SECRET_STORE,
        ref: `orgs/${orgId}/resources/defs/${def.id}/driver_inputs/secrets/${key}`,
        version: version.id,
      };
  return { values: cloneJson(version.values), secret_refs: refs };
}

/** A definition as the API returns it: its active version's content, its criteria. */
export function definitionView(
  orgId: string,
  def: ResourceDefRecord,
): ResourceDefinitionView {
  const version = activeVersion(def);
  return {
    org_id: orgId,
    id: def.id,
    name: version.name,
    type: def.type,
    driver_type: version.driver_type,
    ...(version.driver_account !== undefined
      ? { driver_account: version.driver_account }
      : {}),
    driver_inputs: inputsView(orgId, def, version),
    provision: cloneJson(version.provision) as ProvisionView,
    criteria: def.criteria.map(criteriaView),
    active_version_id: version.id,
    in_place_driver_change: version.in_place_driver_change,
    is_default: false,
    is_deleted: def.is_deleted,
    created_at: def.created_at,
    created_by: def.created_by,
    updated_at: def.updated_at,
    updated_by: def.updated_by,
  };
}

/** A version as the API returns it (`proposed`: newer than the active version and not archived). */
export function versionView(
  orgId: string,
  def: ResourceDefRecord,
  version: DefVersionRecord,
): ResourceDefinitionVersionView {
  const active = activeVersion(def);
  return {
    id: version.id,
    org_id: orgId,
    def_id: def.id,
    name: version.name,
    type: def.type,
    driver_type: version.driver_type,
    driver_account: version.driver_account ?? '',
    driver_inputs: inputsView(orgId, def, version),
    in_place_driver_change: version.in_place_driver_change,
    provision: cloneJson(version.provision) as ProvisionView,
    action: version.action,
    archived: version.archived,
    active: version.id === active.id,
    proposed: version.seq > active.seq && !version.archived,
    created_at: version.created_at,
    created_by: version.created_by,
  };
}

/** A class as the API returns it. */
export function classView(record: ResourceClassRecord): ResourceClassView {
  return {
    id: record.id,
    resource_type: record.resource_type,
    description: record.description,
    created_by: record.created_by,
    created_at: record.created_at,
  };
}

/** An active resource as the API returns it (the record is the spec's shape already). */
export function activeResourceView(
  record: ActiveResourceRecord,
): ActiveResourceRecord {
  return cloneJson(record);
}
