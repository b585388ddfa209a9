import { createContext } from 'react';
import {
  isObject,
  resolveRef,
  type SchemaObject,
} from '@/lib/json-schema/pointer';

/** Above this many fields, or this many sections, a form gets sections that collapse, a section list and search. */
export const LARGE_FORM_FIELDS = 25;
export const LARGE_FORM_SECTIONS = 3;

/** Which sections of a form are collapsed; kept by the form, so it survives every re-render of its templates. */
export interface SectionStore {
  collapsed(id: string): boolean;
  set(id: string, collapsed: boolean): void;
  subscribe(listener: () => void): () => void;
}

export function createSectionStore(): SectionStore {
  const collapsed = new Set<string>();
  const listeners = new Set<() => void>();
  return {
    collapsed: (id) => collapsed.has(id),
    set(id, value) {
      if (collapsed.has(id) === value) return;
      if (value) collapsed.add(id);
      else collapsed.delete(id);
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Set by the form when it is large (null otherwise): the templates then draw sections and the section list. */
export const LargeFormContext = createContext<SectionStore | null>(null);

/** The number of messages in an RJSF error schema (`{ a: { __errors: [...] } }`). */
export function errorCount(errorSchema: unknown, depth = 0): number {
  if (!isObject(errorSchema) || depth > 16) return 0;
  let count = 0;
  for (const [key, value] of Object.entries(errorSchema))
    count +=
      key === '__errors'
        ? Array.isArray(value)
          ? value.filter(Boolean).length
          : 0
        : errorCount(value, depth + 1);
  return count;
}

const resolved = (schema: unknown, root: SchemaObject): unknown =>
  isObject(schema) && typeof schema.$ref === 'string'
    ? { ...(resolveRef(schema.$ref, root) as object), ...schema }
    : schema;

/** Fields (leaves) of a schema, following `$ref`, `then`/`else`, map values and array items. */
function countFields(schema: unknown, root: SchemaObject, depth = 0): number {
  const node = resolved(schema, root);
  if (!isObject(node) || depth > 8) return 0;
  const children: unknown[] = [];
  for (const owner of [node, node.then, node.else])
    if (isObject(owner) && isObject(owner.properties))
      children.push(...Object.values(owner.properties));
  for (const keyword of ['additionalProperties', 'items'])
    if (isObject(node[keyword])) children.push(node[keyword]);
  if (children.length === 0) return 1;
  return children.reduce<number>(
    (sum, child) => sum + countFields(child, root, depth + 1),
    0,
  );
}

/** Top-level sections: the root's object properties outside a group, and each group of the root. */
function countSections(schema: SchemaObject): number {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const groups = new Set<string>();
  let objects = 0;
  for (const child of Object.values(properties)) {
    const node = resolved(child, schema);
    if (!isObject(node)) continue;
    if (typeof node['x-console-group'] === 'string')
      groups.add(node['x-console-group']);
    else if (
      (node.type === 'object' || isObject(node.properties)) &&
      !node['x-console-widget']
    )
      objects += 1;
  }
  return objects + groups.size;
}

/** Whether a form is large: more than 25 fields or more than 3 sections. */
export function isLargeForm(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  return (
    countFields(schema, schema) > LARGE_FORM_FIELDS ||
    countSections(schema) > LARGE_FORM_SECTIONS
  );
}
