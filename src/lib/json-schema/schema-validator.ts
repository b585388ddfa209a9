/**
 * The schema validator the embedded engine is given (mocks/runtime.ts
 * injects it; the engine declares the interface, SchemaValidator): ajv with
 * the same options and messages the forms use, so the engine and the browser
 * agree on every verdict and message.
 */
import { compileAnnotations } from '../schema-annotations';
import { checkSchema } from './check';
import { escapeSegment, validateJson, type SchemaObject } from './validate';

/** A field-level problem: the JSON pointer of the value (of the missing property for `required`). */
export interface ValidationIssue {
  path: string;
  message: string;
  keyword?: string;
  severity?: 'error' | 'warning';
}

/** Problems of `data` against `schema`, each at the pointer of the field it is about. */
export function validationIssues(
  schema: SchemaObject,
  data: unknown,
): ValidationIssue[] {
  return validateJson(schema, data).map((error) => {
    const missing = error.params.missingProperty;
    const path =
      typeof missing === 'string'
        ? `${error.instancePath}/${escapeSegment(missing)}`
        : error.instancePath;
    return { path, message: error.message, keyword: error.keyword };
  });
}

/** Problems of a schema and of its annotations (unknown annotations are errors). */
export function schemaIssues(schema: SchemaObject): ValidationIssue[] {
  return [...checkSchema(schema), ...compileAnnotations(schema).problems];
}

/** The validator handed to the engine. */
export const consoleSchemaValidator = {
  validate: validationIssues,
  check: schemaIssues,
};
