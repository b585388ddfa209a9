/**
 * `${...}` placeholders, as the template and dns-wildcard drivers fill them:
 * a hand-written substitution of dotted paths, nothing else (no expressions,
 * no functions, no code), so a template can only read what its scope offers
 * and renders the same text every time.
 *
 * - `${context.app.id}`, `${driver.values.port}`: a dotted path into the scope;
 * - `${resources.postgres.outputs.host}`: a dependency's output (its reference,
 *   `postgres`, `postgres.large` or `dns#api-dns`, is everything between
 *   `resources.` and `.outputs.`);
 * - `$${` is a literal `${`.
 *
 * A template that is exactly one placeholder gives the value itself (a number
 * stays a number); otherwise values are written into the text (objects as JSON).
 * Whether a value is secret is tracked, so callers can keep secrets out of
 * non-secret outputs; messages name paths, never values.
 */
import type { Json } from '../core/model/spec';

/** A value a placeholder reads, and whether it is a secret. */
export interface ScopeValue {
  value: Json;
  secret: boolean;
}

/** What a template can read. */
export interface TemplateScope {
  /** The value at a placeholder's path, or undefined when there is none. */
  lookup(path: string): ScopeValue | undefined;
  /** The placeholders there are, for the message of one that is missing (e.g. "context.app.id, ..."). */
  available(): string[];
}

/** A rendered template, or why it could not be. */
export type Rendered =
  | { ok: true; value: Json; secret: boolean; reads: string[] }
  | { ok: false; message: string };

const PATH = /^[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_#-]+)*$/;

/** Renders one template string against a scope; `where` names it in messages (e.g. "outputs.host"). */
export function renderTemplate(
  template: string,
  scope: TemplateScope,
  where: string,
): Rendered {
  const parts: (string | ScopeValue)[] = [];
  const reads: string[] = [];
  let secret = false;
  let text = '';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('$${', i)) {
      text += '${';
      i += 3;
      continue;
    }
    if (!template.startsWith('${', i)) {
      text += template[i];
      i += 1;
      continue;
    }
    const end = template.indexOf('}', i + 2);
    if (end < 0)
      return fail(
        `${where}: the placeholder at character ${i + 1} is not closed; write \${path} (or $\${ for a literal \${).`,
      );
    const path = template.slice(i + 2, end).trim();
    if (!PATH.test(path))
      return fail(
        `${where}: \`\${${path}}\` is not a placeholder: only dotted paths such as \${context.app.id} or \${resources.postgres.outputs.host} are read (no expressions).`,
      );
    const found = scope.lookup(path);
    if (!found) {
      const there = scope.available();
      return fail(
        `${where}: \`\${${path}}\` has no value here; the placeholders there are ${there.length > 0 ? there.map((p) => `\${${p}}`).join(', ') : 'none'}.`,
      );
    }
    if (text !== '') parts.push(text);
    text = '';
    parts.push(found);
    reads.push(path);
    secret ||= found.secret;
    i = end + 1;
  }
  if (text !== '') parts.push(text);
  // Exactly one placeholder: its value as it is (a port stays a number).
  if (parts.length === 1 && typeof parts[0] !== 'string')
    return { ok: true, value: parts[0].value, secret, reads };
  const value = parts
    .map((part) => (typeof part === 'string' ? part : written(part.value)))
    .join('');
  return { ok: true, value, secret, reads };
}

function written(value: Json): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function fail(message: string): Rendered {
  return { ok: false, message };
}

/** A scope over plain objects: each root is an object whose leaves are values; `secretRoots` mark secret subtrees. */
export function objectScope(
  roots: Record<string, Json>,
  isSecret: (path: string) => boolean,
  resources: Record<string, { values: Json; secrets: Json }> = {},
): TemplateScope {
  return {
    lookup(path) {
      const resource = /^resources\.(.+?)\.outputs\.(.+)$/.exec(path);
      if (resource) {
        const [, ref, key] = resource;
        if (!Object.hasOwn(resources, ref)) return undefined;
        const outputs = resources[ref];
        const plain = at(outputs.values, key.split('.'));
        if (plain !== undefined) return { value: plain, secret: false };
        const hidden = at(outputs.secrets, key.split('.'));
        return hidden === undefined
          ? undefined
          : { value: hidden, secret: true };
      }
      const segments = path.split('.');
      const root = segments[0];
      if (!Object.hasOwn(roots, root)) return undefined;
      const value = at(roots[root], segments.slice(1));
      return value === undefined
        ? undefined
        : { value, secret: isSecret(path) };
    },
    available() {
      const paths: string[] = [];
      for (const [root, value] of Object.entries(roots))
        leaves(value, root, paths);
      for (const [ref, outputs] of Object.entries(resources)) {
        leaves(outputs.values, `resources.${ref}.outputs`, paths);
        leaves(outputs.secrets, `resources.${ref}.outputs`, paths);
      }
      return paths.sort();
    },
  };
}

function at(value: Json, path: string[]): Json | undefined {
  let current: Json | undefined = value;
  for (const segment of path) {
    if (
      current === null ||
      typeof current !== 'object' ||
      Array.isArray(current) ||
      !Object.hasOwn(current, segment)
    )
      return undefined;
    current = current[segment];
  }
  return current;
}

function leaves(value: Json, prefix: string, out: string[]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, item] of Object.entries(value))
      leaves(item, `${prefix}.${key}`, out);
    return;
  }
  out.push(prefix);
}
