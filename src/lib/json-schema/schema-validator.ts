/**
 * The schema validator the embedded engine is given (mocks/runtime.ts
 * injects it; the engine declares the interface, SchemaValidator): ajv with
 * the same options and messages the forms use, so the engine and the browser
 * agree on every verdict and message.
 */
import { compileAnnotations } from '../schema-annotations';
import { checkSchema } from './check';
import { parsePointer, setOwn } from './pointer';
import { withoutSecretReferences } from './secrets';
import { escapeSegment, validateJson, type SchemaObject } from './validate';

/** A field-level problem: the JSON pointer of the value (of the missing property for `required`). */
export interface ValidationIssue {
  path: string;
  message: string;
  keyword?: string;
  severity?: 'error' | 'warning';
}

/** Problems of `data` against `schema`, each at the pointer of the field it is about, each said once. */
export function validationIssues(
  schema: SchemaObject,
  data: unknown,
): ValidationIssue[] {
  const seen = new Set<string>();
  return validateJson(schema, data).flatMap((error) => {
    const missing = error.params.missingProperty;
    const path =
      typeof missing === 'string'
        ? `${error.instancePath}/${escapeSegment(missing)}`
        : error.instancePath;
    // Two names of a map that break the same rule, or a field two branches require: one message.
    const key = `${path}\n${error.message}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ path, message: error.message, keyword: error.keyword }];
  });
}

/**
 * The verdict on a workload spec, the one the form shows and the engine
 * enforces: its problems against the profile's schema, except at secret
 * fields that hold a reference to a stored secret.
 */
export function specIssues(
  schema: SchemaObject,
  spec: unknown,
): ValidationIssue[] {
  return withoutSecretReferences(schema, spec, validationIssues(schema, spec));
}

/** Messages by field, as a form's error tree: `{ a: { b: { __errors: ['…'] } } }`. */
export interface IssueTree {
  __errors?: string[];
  [field: string]: IssueTree | string[] | undefined;
}

/** Problems as a form's error tree: each message under its pointer's tokens (a key may hold `.`, `/` or `~`). */
export function issueTree(
  issues: readonly { path: string; message: string }[],
): IssueTree {
  const tree: IssueTree = {};
  for (const { path, message } of issues) {
    let node = tree;
    for (const token of parsePointer(path) ?? []) {
      const next = Object.hasOwn(node, token) ? node[token] : undefined;
      if (next && !Array.isArray(next)) node = next;
      else {
        const created: IssueTree = {};
        setOwn(node as Record<string, unknown>, token, created);
        node = created;
      }
    }
    node.__errors = [...(node.__errors ?? []), message];
  }
  return tree;
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
