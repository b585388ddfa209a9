/**
 * Resource references in a resource definition's inputs, as Humanitec writes
 * them: `${resources['agent.default#agent'].outputs.url}` (or the dotted
 * `${resources.agent.default#agent.outputs.url}`). The referenced resource
 * (type, optional class, optional `#id`) is provisioned before the
 * definition's own resource, and the placeholder is replaced by its output.
 * Used by provisioning (to provision and fill them) and by agents (to know
 * which agent a cluster definition goes through).
 */
import type { Json, JsonObject } from './model/spec';

/** One reference: its key as written (`agent.default#agent`) and the output it reads. */
export interface ResourceReference {
  key: string;
  type: string;
  class: string;
  /** The referenced resource's id; undefined when the key names none (the referencing resource's id). */
  id?: string;
  output: string;
}

const REFERENCE =
  /\$\{\s*resources(?:\[\s*['"]([^'"\]]+)['"]\s*\]|\.([^}]+?))\.outputs\.([A-Za-z0-9_.-]+)\s*\}/g;

/** Every reference in `value` (strings anywhere inside it), in the order written, each key once per output. */
export function resourceReferences(value: Json): ResourceReference[] {
  const found: ResourceReference[] = [];
  const seen = new Set<string>();
  walkStrings(value, (text) => {
    for (const match of text.matchAll(REFERENCE)) {
      const key = (match[1] ?? match[2]).trim();
      const [typeAndClass, id] = key.split('#', 2);
      const [type, cls] = typeAndClass.split('.', 2);
      if (!type || seen.has(`${key}\0${match[3]}`)) continue;
      seen.add(`${key}\0${match[3]}`);
      found.push({
        key,
        type,
        class: cls || 'default',
        ...(id ? { id } : {}),
        output: match[3],
      });
    }
  });
  return found;
}

/**
 * `values` with each reference replaced by the output it names, from
 * `outputs` by key; a placeholder that is the whole string keeps the output's
 * type. A reference whose output is missing stays as written.
 */
export function fillResourceReferences(
  values: JsonObject,
  outputs: Record<string, JsonObject>,
): JsonObject {
  return mapStrings(values, (text) => {
    const whole = new RegExp(`^${REFERENCE.source}$`).exec(text);
    if (whole) {
      const value = outputOf(outputs, whole);
      return value === undefined ? text : value;
    }
    return text.replace(REFERENCE, (...match: string[]) => {
      const value = outputOf(outputs, match as unknown as RegExpExecArray);
      if (value === undefined) return match[0];
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  }) as JsonObject;
}

/** Where a resource is provisioned, as the `${context.*}` placeholders of a definition's inputs read it. */
export interface PlaceholderContext {
  org: { id: string };
  app: { id: string };
  env: { id: string; type?: string };
  res: { id: string; type?: string; class?: string };
}

/** `${context.app.id}` and the like (not `$${…}`, the written form of a literal `${…}`). */
const CONTEXT = /(?<!\$)\$\{\s*context\.([A-Za-z]+)\.([A-Za-z]+)\s*\}/g;

/**
 * `value` with each `${context.org.id}`, `${context.app.id}`, `${context.env.id}`, `${context.env.type}`,
 * `${context.res.id}`, `${context.res.type}` or `${context.res.class}` replaced by where the resource is
 * provisioned, as the Platform Orchestrator fills a definition's inputs before it calls any driver (so an
 * echo definition's `acme-${context.app.id}` gives `acme-shop`). Other placeholders stay as written.
 */
export function fillContextPlaceholders<T extends Json>(
  value: T,
  context: PlaceholderContext,
): T {
  const scope = context as unknown as Record<
    string,
    Record<string, string | undefined> | undefined
  >;
  return mapStrings(value, (text) =>
    text.includes('context')
      ? text.replace(CONTEXT, (written, part: string, field: string) => {
          const found = Object.hasOwn(scope, part) ? scope[part] : undefined;
          const filled =
            found && Object.hasOwn(found, field) ? found[field] : undefined;
          return typeof filled === 'string' ? filled : written;
        })
      : text,
  ) as T;
}

function outputOf(
  outputs: Record<string, JsonObject>,
  match: RegExpExecArray,
): Json | undefined {
  const key = (match[1] ?? match[2]).trim();
  let value: Json | undefined = outputs[key];
  for (const part of match[3].split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return undefined;
    value = Object.hasOwn(value, part) ? value[part] : undefined;
  }
  return value;
}

function walkStrings(value: Json, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value))
    for (const item of value) walkStrings(item, visit);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) walkStrings(item, visit);
}

function mapStrings(value: Json, map: (text: string) => Json): Json {
  if (typeof value === 'string') return map(value);
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, map));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, map)]),
    );
  return value;
}
