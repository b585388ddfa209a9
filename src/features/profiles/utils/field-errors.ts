import { ApiError } from '@/api/client';
import type { ErrorTree } from '@/components/editors/schema-form';
import { fieldLabel as labelOf } from '@/lib/json-schema/labels';
import {
  isObject,
  resolveRef,
  type SchemaObject,
} from '@/lib/json-schema/pointer';
import { issueTree, specIssues } from '@/lib/json-schema/schema-validator';

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

/** The element id of the form field at `pointer` in a form whose ids start with `idPrefix` (RJSF's `_` separator). */
export const fieldDomId = (idPrefix: string, pointer: string) =>
  [idPrefix, ...segments(pointer)].join('_');

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

/** The problems as the form's error tree: each message at its field (the form's own validator places them the same way). */
export function toErrorTree(problems: FieldProblem[]): ErrorTree {
  return issueTree(problems);
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
  return specIssues(schema, spec).map(({ path, message }) => ({
    path,
    message,
  }));
}

/**
 * `schema` with the fields of `problems` shown: an `x-console-hidden` field
 * (or object) on a problem's path loses the annotation, so a hidden value a new
 * version of the profile refuses (a fixed value that changed) can be fixed at
 * its field, and the summary's link has a field to focus. Copies only what it
 * changes; the same schema when nothing hidden has a problem.
 */
export function revealProblemFields(
  schema: SchemaObject,
  problems: readonly FieldProblem[],
): SchemaObject {
  let root = schema;
  for (const problem of problems) root = reveal(root, segments(problem.path));
  return root;
}

function reveal(node: SchemaObject, path: readonly string[]): SchemaObject {
  let next = node;
  if (next['x-console-hidden'] === true) {
    const { 'x-console-hidden': _hidden, ...rest } = next;
    next = rest;
  }
  const [segment, ...rest] = path;
  if (segment === undefined) return next;
  const properties = isObject(next.properties) ? next.properties : undefined;
  if (properties && Object.hasOwn(properties, segment)) {
    const child = properties[segment];
    if (!isObject(child)) return next;
    const shown = reveal(child as SchemaObject, rest);
    return shown === child
      ? next
      : { ...next, properties: { ...properties, [segment]: shown } };
  }
  if (isObject(next.additionalProperties)) {
    const child = next.additionalProperties as SchemaObject;
    const shown = reveal(child, rest);
    return shown === child ? next : { ...next, additionalProperties: shown };
  }
  return next;
}
