/**
 * "Hidden values are not submitted": removes from form data every value the
 * form does not show because of a condition, i.e. properties that only an
 * inactive `then` / `else` branch, an unmatched `dependencies` entry or an
 * unselected `oneOf` / `anyOf` option defines, and properties whose
 * `x-console-visible-if` does not match their object. Values of properties
 * the schema does not know, and of `x-console-hidden` properties, are kept:
 * the form never shows them, so it must not destroy them.
 */
import {
  isValidJson,
  jsonEqual,
  resolveRef,
  type JsonSchema,
  type SchemaObject,
} from './json-schema/validate';
import { declaredPropertySchema } from './json-schema/labels';
import { isObject } from './json-schema/pointer';

/** A copy of `data` without conditionally hidden values (see the module comment). */
export function pruneHiddenValues(
  schema: JsonSchema,
  data: unknown,
  root: JsonSchema = schema,
): unknown {
  return prune(schema, data, root, 0);
}

function deref(schema: unknown, root: JsonSchema): SchemaObject | undefined {
  let current = schema;
  for (
    let hops = 0;
    isObject(current) && typeof current.$ref === 'string' && hops < 16;
    hops += 1
  ) {
    const target = resolveRef(current.$ref, root);
    const { $ref: _ref, ...rest } = current;
    current = isObject(target) ? { ...target, ...rest } : rest;
  }
  return isObject(current) ? current : undefined;
}

function prune(
  rawSchema: unknown,
  data: unknown,
  root: JsonSchema,
  depth: number,
): unknown {
  const schema = deref(rawSchema, root);
  if (!schema || depth > 64) return data;
  if (Array.isArray(data)) {
    const items = schema.items;
    return isObject(items)
      ? data.map((item) => prune(items, item, root, depth + 1))
      : data;
  }
  if (!isObject(data)) return data;

  const active = new Map<string, unknown>();
  const inactive = new Set<string>();
  const take = (owner: unknown, on: boolean) => {
    const props = deref(owner, root)?.properties;
    if (!isObject(props)) return;
    for (const [name, sub] of Object.entries(props)) {
      if (on && !active.has(name)) active.set(name, sub);
      else if (!on) inactive.add(name);
    }
  };
  take(schema, true);
  for (const sub of Array.isArray(schema.allOf) ? schema.allOf : [])
    take(sub, true);
  if (
    schema.if !== undefined &&
    (typeof schema.if === 'boolean' || isObject(schema.if))
  ) {
    const matches = isValidJson(schema.if, data, root);
    take(schema.then, matches);
    take(schema.else, !matches);
  }
  for (const keyword of ['dependencies', 'dependentSchemas']) {
    const deps = schema[keyword];
    if (!isObject(deps)) continue;
    for (const [trigger, dep] of Object.entries(deps))
      take(dep, Object.hasOwn(data, trigger));
  }
  for (const keyword of ['oneOf', 'anyOf']) {
    const options = schema[keyword];
    if (!Array.isArray(options) || options.length === 0) continue;
    const chosen = selectOption(options, data, root);
    options.forEach((option, i) => take(option, i === chosen));
  }

  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(data)) {
    const sub = active.get(key);
    if (sub === undefined && inactive.has(key)) continue;
    const visibleIf = deref(sub, root)?.['x-console-visible-if'];
    if (
      (typeof visibleIf === 'boolean' || isObject(visibleIf)) &&
      !isValidJson(visibleIf, data, root)
    )
      continue;
    const valueSchema = sub ?? additionalSchema(schema, key);
    out[key] =
      valueSchema === undefined
        ? value
        : prune(valueSchema, value, root, depth + 1);
  }
  return out;
}

function additionalSchema(schema: SchemaObject, key: string): unknown {
  if (isObject(schema.patternProperties)) {
    for (const [pattern, sub] of Object.entries(schema.patternProperties)) {
      try {
        if (new RegExp(pattern, 'u').test(key)) return sub;
      } catch {
        // An invalid pattern matches nothing.
      }
    }
  }
  return isObject(schema.additionalProperties)
    ? schema.additionalProperties
    : undefined;
}

/** The option the form shows for `data`: the first valid one, else the one sharing most property names. */
export function selectOption(
  options: unknown[],
  data: unknown,
  root: JsonSchema,
): number {
  const valid = options.findIndex(
    (o) =>
      (typeof o === 'boolean' || isObject(o)) && isValidJson(o, data, root),
  );
  if (valid >= 0) return valid;
  let best = 0;
  let bestScore = -1;
  options.forEach((option, i) => {
    const props = deref(option, root)?.properties;
    const score =
      isObject(props) && isObject(data)
        ? Object.keys(data).filter((k) => Object.hasOwn(props, k)).length
        : 0;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/**
 * A copy of `data` without the empty objects the form library filled in on
 * its own: an object-valued property that is empty (or holds only such empty
 * objects), that `original` (the data the form opened with) did not have, and
 * that its object's schema does not require. Editing one field of a new
 * container must not add `variables: {}`, `resources: {requests: {}}` or an
 * empty readiness check (which its own `required` then refuses). An entry of
 * a map (a key its schema does not declare, such as a new container) is the
 * user's own, never filled in: it stays, however empty (a review that
 * dropped it said "Nothing changed" to someone who had added a container).
 */
export function pruneNewEmptyObjects(
  schema: JsonSchema,
  data: unknown,
  original: unknown,
  root: JsonSchema = schema,
): unknown {
  return pruneEmpty(schema, data, original, root, 0);
}

function pruneEmpty(
  rawSchema: unknown,
  data: unknown,
  original: unknown,
  root: JsonSchema,
  depth: number,
): unknown {
  if (!isObject(data) || depth > 64) return data;
  const schema = deref(rawSchema, root);
  const required = Array.isArray(schema?.required) ? schema.required : [];
  const before = isObject(original) ? original : undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    // Declared by the object's schema or a branch of it (then/else, allOf…): a field the form draws, so an empty
    // one it filled in is pruned; anything else is a map entry, the user's own.
    const declaredAs = schema
      ? declaredPropertySchema(schema, key, root)
      : undefined;
    const declared = declaredAs !== undefined;
    const sub = declared ? declaredAs : schema && additionalSchema(schema, key);
    const had = before !== undefined && Object.hasOwn(before, key);
    const next = pruneEmpty(sub, value, before?.[key], root, depth + 1);
    if (
      declared &&
      isObject(next) &&
      Object.keys(next).length === 0 &&
      !had &&
      !required.includes(key)
    )
      continue;
    out[key] = next;
  }
  return out;
}

/**
 * The JSON pointers (from `data`'s root, escaped) of every entry of a map in
 * `data`: a key its object's schema does not declare (a container, a
 * variable). Such an entry is the user's own, never filled in by the form,
 * so a review keeps it even while it is empty.
 */
export function mapEntryPointers(
  schema: JsonSchema,
  data: unknown,
  root: JsonSchema = schema,
): string[] {
  const out: string[] = [];
  const walk = (raw: unknown, value: unknown, at: string, depth: number) => {
    if (!isObject(value) || depth > 64) return;
    const sub = deref(raw, root);
    for (const [key, item] of Object.entries(value)) {
      const pointer = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const declaredAs = sub
        ? declaredPropertySchema(sub, key, root)
        : undefined;
      if (declaredAs === undefined) out.push(pointer);
      walk(
        declaredAs ?? (sub && additionalSchema(sub, key)),
        item,
        pointer,
        depth + 1,
      );
    }
  };
  walk(schema, data, '', 0);
  return out;
}

/**
 * "Opening a workload is not an edit": `data` without the values the form
 * filled in from the schema's defaults where `original` had none, unless the
 * user has changed them since. `filled` is the form's view of `original`
 * (its default form state). A value the user changed, under a key `original`
 * lacks, is kept whole; arrays are compared item by item.
 */
export function withoutUnchangedDefaults(
  data: unknown,
  filled: unknown,
  original: unknown,
  depth = 0,
): unknown {
  if (depth > 64) return data;
  if (Array.isArray(data) && Array.isArray(filled) && Array.isArray(original))
    return data.map((item, i) =>
      i < original.length
        ? withoutUnchangedDefaults(item, filled[i], original[i], depth + 1)
        : item,
    );
  if (!isObject(data) || !isObject(filled) || !isObject(original)) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (Object.hasOwn(original, key)) {
      out[key] = withoutUnchangedDefaults(
        value,
        filled[key],
        original[key],
        depth + 1,
      );
    } else if (!Object.hasOwn(filled, key) || !jsonEqual(value, filled[key])) {
      out[key] = value;
    }
  }
  return out;
}
