import { ApiError } from '@/api/client';
import type { ErrorTree } from '@/components/editors/schema-form';
import { fieldLabel as labelOf } from '@/lib/json-schema/labels';
import {
  isObject,
  parsePointer,
  resolveRef,
  valueAt,
  type SchemaObject,
} from '@/lib/json-schema/pointer';
import { validationIssues } from '@/lib/json-schema/schema-validator';
import { isSecretReference, secretPointers } from '@/lib/json-schema/secrets';

/** A field-level problem the engine reported for a workload (details.errors of a 400). */
export interface FieldProblem {
  /** JSON pointer inside the workload's spec. */
  path: string;
  message: string;
}

const segments = (pointer: string) =>
  pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));

/** The engine's field-level problems of `workloadId` in an API error (400/422 with details.errors), if any. */
export function fieldProblems(
  error: unknown,
  workloadId: string,
): FieldProblem[] {
  if (
    !(error instanceof ApiError) ||
    (error.status !== 400 && error.status !== 422)
  )
    return [];
  const errors = error.body.details?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((e) => {
    const entry = e as {
      workload_id?: unknown;
      path?: unknown;
      message?: unknown;
    };
    if (
      entry.workload_id !== workloadId ||
      typeof entry.path !== 'string' ||
      typeof entry.message !== 'string'
    )
      return [];
    return [{ path: entry.path, message: entry.message }];
  });
}

/** The problems as the form's error tree: each message at its field. */
export function toErrorTree(problems: FieldProblem[]): ErrorTree {
  const tree: ErrorTree = {};
  for (const { path, message } of problems) {
    let node = tree;
    for (const segment of segments(path))
      node = (node[segment] ??= {}) as ErrorTree;
    node.__errors = [...(node.__errors ?? []), message];
  }
  return tree;
}

/**
 * A readable name of a field from its pointer, e.g. `containers › api › image`;
 * with the schema, by the labels the form shows (`Containers › api › Image`:
 * titles, else property names in words; the names of map entries as they are).
 */
export function fieldLabel(pointer: string, schema?: unknown): string {
  const names: string[] = [];
  let node: unknown = schema;
  for (const segment of segments(pointer)) {
    const current =
      isObject(node) && typeof node.$ref === 'string'
        ? {
            ...(resolveRef(node.$ref, schema as SchemaObject) as object),
            ...node,
          }
        : node;
    const properties =
      isObject(current) && isObject(current.properties)
        ? current.properties
        : undefined;
    if (properties && Object.hasOwn(properties, segment)) {
      node = properties[segment];
      names.push(labelOf(node, undefined, segment));
    } else {
      node =
        isObject(current) && isObject(current.additionalProperties)
          ? current.additionalProperties
          : undefined;
      names.push(segment);
    }
  }
  return names.join(' › ') || 'spec';
}

/**
 * The problems of a workload's spec against its profile's schema as the form
 * opens (the engine's check, run in the browser with the same validator and
 * messages): after a breaking version was published, the form starts by
 * listing the fields to fix. A secret field holding a stored reference is fine,
 * as in the engine.
 */
export function openingProblems(
  schema: SchemaObject,
  spec: unknown,
): FieldProblem[] {
  const issues = validationIssues(schema, spec);
  if (issues.length === 0) return [];
  const secrets = secretPointers(schema, spec);
  return issues
    .filter((issue) => {
      if (!secrets.has(issue.path)) return true;
      const tokens = parsePointer(issue.path);
      return !(tokens && isSecretReference(valueAt(spec, tokens)));
    })
    .map(({ path, message }) => ({ path, message }));
}
