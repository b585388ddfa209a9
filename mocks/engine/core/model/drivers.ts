/**
 * What the state keeps of an organisation's own resource drivers (drivers/):
 * the custom drivers it registered through `/resources/drivers`. The built-in
 * drivers of the `humanitec` organisation are code (drivers/builtins.ts), not
 * records.
 */
import type { JsonObject } from './spec';

/** The organisation that owns the built-in drivers and types (they are public to every organisation). */
export const PUBLIC_ORG_ID = 'humanitec';

/** One registered driver. */
export interface DriverRecord {
  /** Creation order. */
  seq: number;
  id: string;
  /** The resource type it provisions (`*` for any). */
  type: string;
  /** Where the driver runs (`https://…`), or `driver://{orgId}/{driverId}` for a virtual driver. */
  target: string;
  inputs_schema: JsonObject;
  account_types: string[];
  /** A virtual driver's template (kept and returned as sent). */
  template?: unknown;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** A driver as the API returns it (the spec's DriverDefinitionResponse). */
export interface DriverDefinition {
  org_id: string;
  id: string;
  type: string;
  inputs_schema: JsonObject;
  account_types: string[];
  /** Only members of the owning organisation see it. */
  target?: string;
  template?: unknown;
}
