/**
 * The one JSON module of the repository: JSON values, the object check,
 * JSON Pointer (RFC 6901), deep equality and local `$ref` lookup. The schema
 * code reads annotations through references with it (validation itself is
 * ajv's, see validate.ts), the diff walks sets and deltas with it, and the
 * engine applies JSON patches with it (`mocks/` may import `src/lib/json-schema`).
 */

/** A JSON value, as the API carries it inside sets and deltas. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** A JSON Schema: an object or a boolean. */
export type JsonSchema = boolean | SchemaObject;
/** A JSON Schema object (keywords are not typed: schemas come from users). */
export type SchemaObject = { [keyword: string]: unknown };

/** Whether a value is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Escapes one reference token (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapeSegment(segment: string | number): string {
  const text = String(segment);
  // Most tokens need no escape (the engine's set diff escapes every key).
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Unescapes one reference token: `~1` → `/`, `~0` → `~`. */
export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** A pointer from reference tokens: `['a/b', 'c']` → `/a~1b/c`. */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${escapeSegment(token)}`).join('');
}

/**
 * The reference tokens of a pointer, unescaped (`/a~1b/c` → `['a/b', 'c']`),
 * or `undefined` when it is malformed: it must be empty or start with `/`,
 * and `~` must be followed by 0 or 1.
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/') || /~(?![01])/.test(pointer)) return undefined;
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** The value at `tokens` inside `root`, or `undefined` when the path does not exist. */
export function valueAt(
  root: unknown,
  tokens: readonly string[],
): JsonValue | undefined {
  let current: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current) && Object.hasOwn(current, token))
      current = current[token];
    else return undefined;
  }
  return current as JsonValue | undefined;
}

/** Sets an own property, even `__proto__` (a plain assignment would change the prototype instead). */
export function setOwn<T>(target: { [key: string]: T }, key: string, value: T) {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Deep equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null
  )
    return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return (
      a.length === other.length &&
      a.every((item, i) => jsonEqual(item, other[i]))
    );
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b, k) &&
        jsonEqual((a as SchemaObject)[k], (b as SchemaObject)[k]),
    )
  );
}

const refCache = new WeakMap<object, Map<string, JsonSchema | undefined>>();

/** Resolves a local `$ref` (`#`, `#/…`, the root's `$id` + fragment, or a sub-schema's `$id`). */
export function resolveRef(
  ref: string,
  root: JsonSchema,
): JsonSchema | undefined {
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
      const segment = unescapeSegment(decodeURIComponent(raw));
      target =
        isObject(target) || Array.isArray(target)
          ? (target as SchemaObject)[segment]
          : undefined;
      if (target === undefined) break;
    }
  }
  const result =
    typeof target === 'boolean' || isObject(target) ? target : undefined;
  cache.set(ref, result);
  return result;
}

const stripHash = (id: unknown) =>
  typeof id === 'string' ? id.replace(/#$/, '') : undefined;

function findById(node: unknown, id: string): JsonSchema | undefined {
  if (!isObject(node) && !Array.isArray(node)) return undefined;
  if (isObject(node) && stripHash(node.$id) === id) return node;
  for (const value of Object.values(node)) {
    const found = findById(value, id);
    if (found !== undefined) return found;
  }
  return undefined;
}
