/**
 * JSON helpers the schema code shares: pointer segments, deep equality and
 * local `$ref` lookup (used to read annotations through references;
 * validation itself is ajv's, see validate.ts).
 */

/** A JSON Schema: an object or a boolean. */
export type JsonSchema = boolean | SchemaObject;
/** A JSON Schema object (keywords are not typed: schemas come from users). */
export type SchemaObject = { [keyword: string]: unknown };

/** Whether a value is a plain JSON object. */
export const isSchemaObject = (value: unknown): value is SchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON pointer segment, escaped (RFC 6901). */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Deep equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as SchemaObject)[k], (b as SchemaObject)[k]));
}

const refCache = new WeakMap<object, Map<string, JsonSchema | undefined>>();

/** Resolves a local `$ref` (`#`, `#/…`, the root's `$id` + fragment, or a sub-schema's `$id`). */
export function resolveRef(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (typeof root !== 'object') return undefined;
  let cache = refCache.get(root);
  if (!cache) refCache.set(root, (cache = new Map()));
  if (cache.has(ref)) return cache.get(ref);
  const hash = ref.indexOf('#');
  const base = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  let target: unknown = root;
  if (base && base !== stripHash(root.$id)) target = findById(root, base);
  if (target !== undefined && fragment) {
    for (const raw of fragment.replace(/^\//, '').split('/')) {
      const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isSchemaObject(target) || Array.isArray(target) ? (target as SchemaObject)[segment] : undefined;
      if (target === undefined) break;
    }
  }
  const result = typeof target === 'boolean' || isSchemaObject(target) ? target : undefined;
  cache.set(ref, result);
  return result;
}

const stripHash = (id: unknown) => (typeof id === 'string' ? id.replace(/#$/, '') : undefined);

function findById(node: unknown, id: string): JsonSchema | undefined {
  if (!isSchemaObject(node) && !Array.isArray(node)) return undefined;
  if (isSchemaObject(node) && stripHash(node.$id) === id) return node;
  for (const value of Object.values(node)) {
    const found = findById(value, id);
    if (found !== undefined) return found;
  }
  return undefined;
}
