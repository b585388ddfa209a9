/**
 * Secret fields of a JSON Schema (`x-console-widget: secret`) and the
 * references that stand for their values. The engine moves a value typed
 * into a secret field into its write-only store and keeps a reference in the
 * workload (`${secrets.<key>}`, mocks/engine/secrets); the console shows a
 * reference as "set", never a value. Shared by both (`mocks/` may import
 * `src/lib/json-schema`), so they agree on which fields are secret.
 */
import {
  escapeSegment,
  isObject,
  parsePointer,
  resolveRef,
  type JsonSchema,
  type SchemaObject,
  valueAt,
} from './pointer';

/** A reference to a stored secret: the whole value is `${secrets.<key>}`. */
const REFERENCE = /^\$\{secrets\.([A-Za-z0-9_.-]+)\}$/;

/** Whether a value is a reference to a stored secret (`${secrets.<key>}`), not a secret value. */
export function isSecretReference(value: unknown): value is string {
  return typeof value === 'string' && REFERENCE.test(value);
}

/** The reference to the stored secret `key` (letters, digits, `_`, `.` and `-`). */
export function secretReference(key: string): string {
  return `\${secrets.${key}}`;
}

const MAX_DEPTH = 32;

/** `schema` with its `$ref`s followed (a few levels), or undefined for a non-object schema. */
function resolved(schema: unknown, root: JsonSchema): SchemaObject | undefined {
  let s = schema;
  for (let i = 0; i < 8 && isObject(s) && typeof s.$ref === 'string'; i += 1)
    s = resolveRef(s.$ref, root) ?? {};
  return isObject(s) ? s : undefined;
}

/** Whether a (resolved) schema marks its value secret. */
function isSecretSchema(s: SchemaObject): boolean {
  return s['x-console-widget'] === 'secret';
}

/** The schemas a property `key` of an object under `s` may have: its properties and those of the branches, else additionalProperties. */
function propertySchemas(s: SchemaObject, key: string): unknown[] {
  const found: unknown[] = [];
  if (isObject(s.properties) && Object.hasOwn(s.properties, key))
    found.push(s.properties[key]);
  for (const k of ['then', 'else', 'allOf', 'oneOf', 'anyOf']) {
    const v = s[k];
    for (const branch of Array.isArray(v) ? v : [v]) {
      if (
        isObject(branch) &&
        isObject(branch.properties) &&
        Object.hasOwn(branch.properties, key)
      )
        found.push(branch.properties[key]);
    }
  }
  if (found.length === 0 && isObject(s.additionalProperties))
    found.push(s.additionalProperties);
  return found;
}

/** The schemas element `index` of an array under `s` may have (`prefixItems`, then `items`). */
function itemSchemas(s: SchemaObject, index: number | undefined): unknown[] {
  if (
    index !== undefined &&
    Array.isArray(s.prefixItems) &&
    index < s.prefixItems.length
  )
    return [s.prefixItems[index]];
  if (Array.isArray(s.items))
    return index !== undefined && index < s.items.length
      ? [s.items[index]]
      : [];
  return isObject(s.items) ? [s.items] : [];
}

/**
 * The fields of `data` under `schema` whose (resolved) schema `isField`
 * picks: JSON pointer (below `path`) → the field's schema, through
 * properties, maps, lists, the `if`/`then`/`else`, `allOf`, `oneOf` and
 * `anyOf` branches and `$ref`s. A picked field is a whole value: nothing
 * inside it is visited.
 */
export function fieldsWhere(
  isField: (fieldSchema: SchemaObject) => boolean,
  schema: JsonSchema,
  data: unknown,
  root: JsonSchema = schema,
  path = '',
): Map<string, SchemaObject> {
  const out = new Map<string, SchemaObject>();
  const walk = (sub: unknown, value: unknown, at: string, depth: number) => {
    const s = resolved(sub, root);
    if (!s || depth > MAX_DEPTH) return;
    if (isField(s)) {
      out.set(at, s);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        for (const itemSchema of itemSchemas(s, i))
          walk(itemSchema, item, `${at}/${i}`, depth + 1);
      });
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        for (const sub of propertySchemas(s, key))
          walk(sub, item, `${at}/${escapeSegment(key)}`, depth + 1);
      }
    }
  };
  walk(schema, data, path, 0);
  return out;
}

/**
 * The secret fields of `data` under `schema`: JSON pointer (below `path`) →
 * the field's schema, for every value the schema marks
 * `x-console-widget: secret`.
 */
export function secretFields(
  schema: JsonSchema,
  data: unknown,
  root: JsonSchema = schema,
  path = '',
): Map<string, SchemaObject> {
  return fieldsWhere(isSecretSchema, schema, data, root, path);
}

/** JSON pointers of the values of `data` that the schema marks `x-console-widget: secret`. */
export function secretPointers(
  schema: JsonSchema,
  data: unknown,
  root: JsonSchema = schema,
  path = '',
): Set<string> {
  return new Set(secretFields(schema, data, root, path).keys());
}

/**
 * The secret fields of `value` when it is written at `pointer` of a document
 * under `schema` (a patch operation's value): pointers relative to `value`
 * (`''` when `value` itself is secret) → the field's schema. Every schema the
 * path may lead to counts (an index is an array element or an object key;
 * `-` is a new element).
 */
export function secretFieldsAt(
  schema: JsonSchema,
  pointer: string,
  value: unknown,
): Map<string, SchemaObject> {
  const out = new Map<string, SchemaObject>();
  const tokens = parsePointer(pointer);
  if (!tokens || tokens.length > MAX_DEPTH) return out;
  let candidates: SchemaObject[] = [];
  const start = resolved(schema, schema);
  if (start) candidates.push(start);
  for (const token of tokens) {
    const next: SchemaObject[] = [];
    for (const s of candidates) {
      if (isSecretSchema(s)) continue; // a secret is a whole value: nothing is inside it
      const index = /^(0|[1-9]\d*)$/.test(token) ? Number(token) : undefined;
      const subs = [
        ...propertySchemas(s, token),
        ...(index !== undefined || token === '-' ? itemSchemas(s, index) : []),
      ];
      for (const sub of subs) {
        const r = resolved(sub, schema);
        if (r) next.push(r);
      }
    }
    candidates = next;
    if (candidates.length === 0) return out;
  }
  for (const s of candidates)
    for (const [at, field] of secretFields(s, value, schema))
      out.set(at, field);
  return out;
}

/**
 * `issues` of `data` without those of secret fields holding a reference to a
 * stored secret: its value was checked when it was stored, and the reference
 * is not checked again. The form, the workload page and the engine all drop
 * the same ones.
 */
export function withoutSecretReferences<T extends { path: string }>(
  schema: JsonSchema,
  data: unknown,
  issues: T[],
): T[] {
  if (issues.length === 0) return issues;
  const secrets = secretPointers(schema, data);
  if (secrets.size === 0) return issues;
  return issues.filter((issue) => {
    if (!secrets.has(issue.path)) return true;
    const tokens = parsePointer(issue.path);
    return !(tokens && isSecretReference(valueAt(data, tokens)));
  });
}
