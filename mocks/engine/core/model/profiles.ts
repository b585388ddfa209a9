/**
 * Workload-profile types: the spec's WorkloadProfile* shapes, the engine's
 * stored records, and the injected schema validator.
 */
import type { JsonObject } from './spec';

/** The spec's WorkloadProfileSpecDefinitionPropertyUIHints. */
export interface UiHints {
  order?: number;
  hidden?: boolean;
}

/** The spec's WorkloadProfileSpecDefinitionRuntimeProperty. */
export interface RuntimeProperty {
  type: 'feature' | 'collection';
  feature_name?: string;
  title?: string;
  version?: string;
  ui_hints?: UiHints;
}

/** The spec's WorkloadProfileSpecDefinitionProperty. */
export interface SpecProperty {
  type: 'feature' | 'collection' | 'schema';
  feature_name?: string;
  title?: string;
  version?: string;
  ui_hints?: UiHints;
  schema?: JsonObject;
  runtime_properties?: RuntimeProperty[];
  properties?: Record<string, SpecProperty>;
}

/**
 * The spec's WorkloadProfileSpecDefinition. `x-console-root` is our
 * extension (the spec's object allows more keys): root-level JSON Schema
 * keywords of the workload spec (`required`, `if`/`then`/`else`, `allOf`,
 * `$defs`, …) that per-property definitions cannot carry.
 */
export interface SpecDefinition {
  properties?: Record<string, SpecProperty>;
  runtime_properties?: RuntimeProperty[];
  'x-console-root'?: JsonObject;
}

/** The spec's WorkloadProfileChartReference. */
export interface ChartRef {
  id: string;
  version: string;
}

/** The spec's WorkloadProfileResponse. */
export interface WorkloadProfile {
  id: string;
  org_id: string;
  version: string;
  description: string;
  deprecation_message?: string;
  spec_definition: SpecDefinition;
  /** Derived from `spec_definition`: the JSON Schema a workload's `spec` must match. */
  spec_schema: JsonObject;
  workload_profile_chart: ChartRef;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** The spec's WorkloadProfileVersionResponse. */
export interface WorkloadProfileVersion {
  id: string;
  org_id: string;
  workload_profile_id: string;
  version: string;
  description: string;
  deprecation_message?: string;
  spec_definition: SpecDefinition;
  spec_schema: JsonObject;
  workload_profile_chart: ChartRef;
  created_at: string;
  created_by: string;
}

/** The spec's WorkloadProfileFeatureResponse. */
export interface WorkloadProfileFeature {
  id: string;
  org_id: string;
  version: string;
  schema: JsonObject;
}

/** One stored version of a profile. */
export interface ProfileVersionRecord {
  version: string;
  description: string;
  deprecation_message?: string;
  spec_definition: SpecDefinition;
  workload_profile_chart: ChartRef;
  created_at: string;
  created_by: string;
}

/** A stored profile: its owner organisation, id and versions (oldest first; the last one is current). */
export interface ProfileRecord {
  seq: number;
  orgId: string;
  id: string;
  created_at: string;
  created_by: string;
  versions: ProfileVersionRecord[];
}

/** A problem found by the schema validator, at a JSON pointer. */
export interface SchemaIssue {
  path: string;
  message: string;
  keyword?: string;
  severity?: 'error' | 'warning';
}

/**
 * Validates JSON Schemas and data against them. Injected (EngineOptions):
 * the console's validator interprets schemas without `eval`, which the
 * browser's Content-Security-Policy forbids; without one the engine does not
 * validate workload specs or profile schemas.
 */
export interface SchemaValidator {
  /** Problems of `data` against `schema` (`path` is the pointer of the value; for a missing property, of the property). */
  validate(schema: JsonObject, data: unknown): SchemaIssue[];
  /** Problems of the schema itself and of its annotations (`path` points into the schema). */
  check(schema: JsonObject): SchemaIssue[];
}
