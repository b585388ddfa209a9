/**
 * Score placeholders turned into the deployment set's (score-humanitec's templates.go): `${metadata.KEY}`
 * becomes the metadata's value; `${resources.NAME.OUTPUT}` becomes `${externals.NAME.OUTPUT}`,
 * `${shared.NAME.OUTPUT}`, `${values.OUTPUT}` (an `environment` resource) or `${modules.NAME.service.OUTPUT}`
 * (a `service` resource); `${resources.NAME}` alone becomes the bare reference (`externals.dns`, as an
 * ingress rule's key wants it); `$$` is a literal `$`. Other placeholders (`${values.X}`, `${secrets.…}`)
 * are Humanitec's own and pass through. A placeholder that names a resource or metadata key the file does
 * not have is refused, naming the field that holds it.
 */
import { isJsonObject } from '../core/canonical';
import type { Json, JsonObject } from '../core/model/spec';
import { invalid } from '../core/validate';
import type { ScoreResource } from './resources';

const PLACEHOLDER = /\$(\$|\{([a-zA-Z0-9.\-_[\]"'#]*)\})/g;

/** What placeholders resolve against. */
export interface PlaceholderContext {
  metadata: JsonObject;
  resources: Record<string, ScoreResource>;
}

/** The reference a resource's placeholders point at (without `${}`). */
function sourceOf(resource: ScoreResource): string {
  switch (resource.kind) {
    case 'values':
      return 'values';
    case 'service':
      return `modules.${resource.workload}`;
    default:
      return `${resource.kind}.${resource.name}`;
  }
}

function resolve(ref: string, ctx: PlaceholderContext, field: string): string {
  const [head, rest] = splitOnce(ref);
  if (head === 'metadata') {
    const value = rest === undefined ? undefined : ctx.metadata[rest];
    if (value === undefined || isJsonObject(value) || Array.isArray(value))
      invalid(
        `\`${field}\` uses \${${ref}}, but the Score file's metadata has no value \`${rest ?? ''}\`.`,
        { field },
      );
    return String(value);
  }
  if (head !== 'resources') return `\${${ref}}`;
  const [name, output] = rest === undefined ? [''] : splitOnce(rest);
  const resource = Object.hasOwn(ctx.resources, name)
    ? ctx.resources[name]
    : undefined;
  if (!resource)
    invalid(
      `\`${field}\` uses \${${ref}}, but the Score file declares no resource \`${name}\` under \`resources\`.`,
      { field },
    );
  const source = sourceOf(resource);
  if (output === undefined) return source;
  return resource.kind === 'service'
    ? `\${${source}.service.${output}}`
    : `\${${source}.${output}}`;
}

function splitOnce(text: string): [string, string | undefined] {
  const dot = text.indexOf('.');
  return dot < 0
    ? [text, undefined]
    : [text.slice(0, dot), text.slice(dot + 1)];
}

/** `text` with its placeholders replaced; `field` names where it is (for errors). */
export function substitute(
  text: string,
  ctx: PlaceholderContext,
  field: string,
): string {
  return text.replace(
    PLACEHOLDER,
    (whole, inner: string, ref: string | undefined) =>
      inner === '$' ? '$' : ref ? resolve(ref, ctx, field) : whole,
  );
}

/** `text` with its placeholders escaped as Humanitec reads them (`$\{…}`: Score's `noExpand`). */
export function escapePlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, (whole, inner: string) =>
    inner === '$' ? whole : `$\\${inner}`,
  );
}

/** Every string (values and object keys) of `value` substituted, recursively. */
export function substituteAll(
  value: Json,
  ctx: PlaceholderContext,
  field: string,
): Json {
  if (typeof value === 'string') return substitute(value, ctx, field);
  if (Array.isArray(value))
    return value.map((item, i) => substituteAll(item, ctx, `${field}[${i}]`));
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value))
      out[substitute(key, ctx, `${field}.${key}`)] = substituteAll(
        item,
        ctx,
        `${field}.${key}`,
      );
    return out;
  }
  return value;
}
