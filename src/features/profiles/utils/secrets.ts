import { MASK } from '@/lib/diff/masking';
import {
  escapeSegment,
  resolveRef,
  type JsonSchema,
  type SchemaObject,
} from '@/lib/json-schema/validate';
import { isObject } from '@/lib/json-schema/pointer';

/** JSON pointers of the values of `data` that the schema marks `x-console-widget: secret`. */
export function secretPointers(
  schema: JsonSchema,
  data: unknown,
  root: JsonSchema = schema,
  path = '',
  depth = 0,
): Set<string> {
  const out = new Set<string>();
  let s: unknown = schema;
  if (isObject(s) && typeof s.$ref === 'string')
    s = resolveRef(s.$ref, root) ?? s;
  if (!isObject(s) || depth > 32) return out;
  if (s['x-console-widget'] === 'secret') return out.add(path);
  const subs = (key: string): unknown[] => {
    const found: unknown[] = [];
    if (
      isObject(s) &&
      isObject(s.properties) &&
      Object.hasOwn(s.properties, key)
    )
      found.push(s.properties[key]);
    for (const k of [
      'then',
      'else',
      ...(['allOf', 'oneOf', 'anyOf'] as const),
    ]) {
      const v = isObject(s) ? s[k] : undefined;
      for (const branch of Array.isArray(v) ? v : [v]) {
        if (
          isObject(branch) &&
          isObject(branch.properties) &&
          Object.hasOwn(branch.properties, key)
        )
          found.push(branch.properties[key]);
      }
    }
    if (found.length === 0 && isObject(s) && isObject(s.additionalProperties))
      found.push(s.additionalProperties);
    return found;
  };
  if (Array.isArray(data) && isObject(s.items)) {
    data.forEach((item, i) =>
      secretPointers(
        s.items as SchemaObject,
        item,
        root,
        `${path}/${i}`,
        depth + 1,
      ).forEach((p) => out.add(p)),
    );
  } else if (isObject(data)) {
    for (const [key, value] of Object.entries(data)) {
      for (const sub of subs(key)) {
        secretPointers(
          sub as JsonSchema,
          value,
          root,
          `${path}/${escapeSegment(key)}`,
          depth + 1,
        ).forEach((p) => out.add(p));
      }
    }
  }
  return out;
}

/** A copy of `data` with every secret value replaced by {@link MASK} (the mask every diff and form uses). */
export function maskSecrets(schema: JsonSchema, data: unknown): unknown {
  const pointers = secretPointers(schema, data);
  if (pointers.size === 0) return data;
  const walk = (value: unknown, path: string): unknown => {
    if (pointers.has(path) && value !== undefined) return MASK;
    if (Array.isArray(value))
      return value.map((v, i) => walk(v, `${path}/${i}`));
    if (isObject(value))
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          walk(v, `${path}/${escapeSegment(k)}`),
        ]),
      );
    return value;
  };
  return walk(data, '');
}
