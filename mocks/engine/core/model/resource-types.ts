/**
 * What the state keeps of an organisation's custom resource types
 * (resources/): the types it defined through `/resources/types`. The built-in
 * catalogue is code (resources/catalogue.ts), not records.
 */
import type { JsonObject } from './spec';

/** How a resource of a type is used: by a workload, by another resource, or always there. */
export const RESOURCE_TYPE_USES = ['direct', 'indirect', 'implicit'] as const;
/** One of {@link RESOURCE_TYPE_USES}. */
export type ResourceTypeUse = (typeof RESOURCE_TYPE_USES)[number];

/** A resource type, as the API returns it (the spec's ResourceTypeResponse). */
export interface ResourceType {
  type: string;
  name: string;
  category: string;
  use: ResourceTypeUse;
  inputs_schema: JsonObject;
  outputs_schema: JsonObject;
}

/** A custom type the organisation defined. */
export interface ResourceTypeRecord extends ResourceType {
  /** Creation order. */
  seq: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}
