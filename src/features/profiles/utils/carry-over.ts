import { isObject } from '@/lib/json-schema/pointer';
import { resolveRef, type SchemaObject } from '@/lib/json-schema/validate';

/** What of a workload's spec a new profile keeps: the kept spec, and the dotted paths of the fields it drops. */
export interface CarryOver {
  spec: Record<string, unknown>;
  kept: string[];
  dropped: string[];
}

function deref(schema: unknown, root: unknown): SchemaObject | undefined {
  let current = schema;
  for (
    let hops = 0;
    isObject(current) && typeof current.$ref === 'string' && hops < 16;
    hops += 1
  )
    current = resolveRef(current.$ref, root as SchemaObject);
  return isObject(current) ? (current as SchemaObject) : undefined;
}

/**
 * Moves a spec to another profile's schema: a field carries over when the new
 * schema declares it (in `properties`, or as an entry of an
 * `additionalProperties` map such as containers by name), recursively; any
 * other field is dropped. Values are carried as they are: whether they are
 * valid under the new schema is the form's and the engine's verdict.
 */
export function carryOver(schema: SchemaObject, spec: unknown): CarryOver {
  const kept: string[] = [];
  const dropped: string[] = [];
  const walk = (raw: unknown, data: unknown, path: string[]): unknown => {
    const node = deref(raw, schema);
    if (!isObject(data) || !node) return data;
    const props = isObject(node.properties) ? node.properties : undefined;
    const extra = node.additionalProperties;
    // A schema that says nothing about the object's fields takes it whole.
    if (!props && extra === undefined) {
      if (path.length === 0) kept.push(...Object.keys(data));
      return data;
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) {
      const at = [...path, key];
      const sub =
        props && Object.hasOwn(props, key)
          ? props[key]
          : isObject(extra)
            ? extra
            : undefined;
      if (sub === undefined) {
        dropped.push(at.join('.'));
        continue;
      }
      if (path.length === 0) kept.push(key);
      out[key] = walk(sub, value, at);
    }
    return out;
  };
  const result = walk(schema, isObject(spec) ? spec : {}, []);
  return {
    spec: (isObject(result) ? result : {}) as Record<string, unknown>,
    kept,
    dropped,
  };
}
