/**
 * The shapes a driver run takes and gives, and the check of its inputs
 * against a driver's `inputs_schema` (ajv, through the console's validator,
 * so the engine and the forms give the same verdict and messages).
 */
import { consoleSchemaValidator } from '../../../src/lib/json-schema/schema-validator';
import { isJsonObject } from '../core/canonical';
import { dottedPath } from '../core/json-pointer';
import type { JsonObject } from '../core/model/spec';

/** What a resource definition gives its driver: `driver_inputs`. */
export interface DriverInputs {
  values?: JsonObject;
  /** Write-only: never in a log, a message or a non-secret output. */
  secrets?: JsonObject;
}

/** What a driver gives back: the resource's outputs (secrets stay write-only wherever they go). */
export interface DriverOutputs {
  values: JsonObject;
  secrets: JsonObject;
}

/** Where the resource is provisioned (the `${context.*}` placeholders). */
export interface DriverContext {
  org?: { id: string };
  app?: { id: string };
  env?: { id: string; type?: string };
  res?: { id: string; type?: string; class?: string };
}

/** One driver run. */
export interface DriverRun {
  inputs: DriverInputs;
  context?: DriverContext;
  /** Outputs of the resources this one depends on, by reference (`postgres`, `postgres.large`, `dns#api-dns`). */
  dependencies?: Record<string, DriverOutputs>;
}

/** The result of a run: outputs, or the driver's error; the log shows in the deployment's steps either way. */
export type DriverResult =
  | { ok: true; outputs: DriverOutputs; log: string[] }
  | { ok: false; message: string; log: string[] };

/** The inputs as the object the schema describes (`{values, secrets}`, both present). */
export function inputsObject(inputs: DriverInputs): JsonObject {
  return {
    values: isJsonObject(inputs.values) ? inputs.values : {},
    secrets: isJsonObject(inputs.secrets) ? inputs.secrets : {},
  };
}

/**
 * The problems of the inputs against a driver's schema, one sentence each,
 * naming the field (`values.version`) and the rule, never the value.
 */
export function inputProblems(
  schema: JsonObject,
  inputs: DriverInputs,
): string[] {
  return consoleSchemaValidator
    .validate(schema, inputsObject(inputs))
    .filter((issue) => issue.severity !== 'warning')
    .map((issue) => {
      const field = dottedPath(issue.path);
      return `${field === '' ? 'the inputs' : `\`${field}\``}: ${issue.message}`;
    });
}

/** Problems of a JSON Schema itself (for a custom driver's `inputs_schema`). */
export function schemaProblems(schema: JsonObject): string[] {
  return consoleSchemaValidator
    .check(schema)
    .filter((issue) => issue.severity !== 'warning')
    .map((issue) => `${issue.path || '/'}: ${issue.message}`);
}
