import { MASK } from '@/lib/diff/masking';
import { escapeSegment, isObject } from '@/lib/json-schema/pointer';
import { isSecretReference, secretPointers } from '@/lib/json-schema/secrets';
import type { JsonSchema } from '@/lib/json-schema/validate';

export { secretPointers } from '@/lib/json-schema/secrets';

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

/**
 * A copy of a form's `data` without the secret values typed into it, to keep
 * as a draft in the browser: a secret field that was typed into holds what
 * `saved` (the workload as stored) holds there (a reference to the stored
 * secret, or nothing); a cleared one stays cleared. A typed secret lives only
 * in memory until it is sent.
 */
export function withoutTypedSecrets(
  schema: JsonSchema,
  data: unknown,
  saved: unknown,
): unknown {
  const pointers = secretPointers(schema, data);
  if (pointers.size === 0) return data;
  const savedAt = (path: string): unknown => {
    let node = saved;
    for (const s of path.split('/').slice(1)) {
      const key = s.replace(/~1/g, '/').replace(/~0/g, '~');
      node =
        isObject(node) || Array.isArray(node)
          ? (node as Record<string, unknown>)[key]
          : undefined;
    }
    return node;
  };
  const walk = (value: unknown, path: string): unknown => {
    if (pointers.has(path)) {
      // Cleared, or still a reference: kept. Typed: what is saved there.
      if (value === undefined || isSecretReference(value)) return value;
      return savedAt(path);
    }
    if (Array.isArray(value))
      return value.map((v, i) => walk(v, `${path}/${i}`));
    if (isObject(value))
      return Object.fromEntries(
        Object.entries(value)
          .map(([k, v]) => [k, walk(v, `${path}/${escapeSegment(k)}`)] as const)
          .filter(([, v]) => v !== undefined),
      );
    return value;
  };
  return walk(data, '');
}
