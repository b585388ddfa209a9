/**
 * Resource references of a workload spec: the values of fields with
 * `x-console-widget: resource-ref`, and whether the workload's environment
 * can resolve them. A field may ask for resources of some types
 * (`x-console-resource-type`) and a class (`x-console-resource-class`); with
 * `x-console-resource-output` it holds the placeholder of one output, the
 * form Humanitec and Score resolve at deploy time:
 *
 * - `shared.<name>` / `${shared.<name>.<output>}`: a shared resource of the application;
 * - `externals.<name>` / `${externals.<name>.<output>}`: a private resource of the workload;
 * - `resources.<name>` / `${resources.<name>.<output>}`: a resource the workload's own spec
 *   declares (Score's `resources` map);
 * - a bare resource type (`postgres`): a resource of that type, provisioned for the workload.
 *
 * Shared by the form (the picker offers only what resolves) and the engine
 * (which refuses what does not, mocks/engine/profiles/resource-refs.ts), so
 * both agree on what a reference means.
 */
import {
  isObject,
  parsePointer,
  valueAt,
  type JsonSchema,
  type SchemaObject,
} from './pointer';
import { fieldsWhere } from './secrets';

/** Where a reference points. */
export type ResourceScope = 'shared' | 'externals' | 'resources';

/** A reference parsed from a field's value. */
export type ResourceRef =
  | { scope: ResourceScope; name: string; output?: string }
  | { scope: 'type'; type: string };

/** What a resource-ref field accepts, from its annotations. */
export interface ResourceFilter {
  /** Resource types it accepts (none: any). */
  types?: string[];
  /** The class it accepts (none: any). */
  class?: string;
  /** The output it wants: the field holds `${<scope>.<name>.<output>}`. */
  output?: string;
}

/** A resource the environment has: `type` and `class` (absent means `default`). */
export interface KnownResource {
  type?: unknown;
  class?: unknown;
}

/** The resources a workload's references can resolve against. */
export interface ResourceScopes {
  shared?: Record<string, KnownResource>;
  externals?: Record<string, KnownResource>;
  /** Resources the workload's spec declares (Score's `resources`). */
  resources?: Record<string, KnownResource>;
}

const NAME = '[A-Za-z0-9_-]+';
const OUTPUT = '[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*';
const ID = new RegExp(`^(shared|externals|resources)\\.(${NAME})$`);
const PLACEHOLDER = new RegExp(
  `^\\$\\{(shared|externals|resources)\\.(${NAME})\\.(${OUTPUT})\\}$`,
);
const TYPE = /^[a-z0-9][a-z0-9-]*$/;
/** An output name (`host`, `connection.url`). */
export const OUTPUT_PATTERN = new RegExp(`^${OUTPUT}$`);

/** The placeholder of a resource's output: `${shared.db.host}`. */
export function resourcePlaceholder(
  scope: ResourceScope,
  name: string,
  output: string,
): string {
  return `\${${scope}.${name}.${output}}`;
}

/** The value a picker writes for a resource: its placeholder when the field wants an output, else its id (`shared.db`). */
export function resourceRefValue(
  scope: ResourceScope,
  name: string,
  output?: string,
): string {
  return output ? resourcePlaceholder(scope, name, output) : `${scope}.${name}`;
}

/** A field's value as a reference, or undefined when it is none of the forms above. */
export function parseResourceRef(value: unknown): ResourceRef | undefined {
  if (typeof value !== 'string') return undefined;
  const placeholder = PLACEHOLDER.exec(value);
  if (placeholder)
    return {
      scope: placeholder[1] as ResourceScope,
      name: placeholder[2],
      output: placeholder[3],
    };
  const id = ID.exec(value);
  if (id) return { scope: id[1] as ResourceScope, name: id[2] };
  if (TYPE.test(value)) return { scope: 'type', type: value };
  return undefined;
}

const strings = (value: unknown): string[] | undefined =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value) && value.every((v) => typeof v === 'string')
      ? (value as string[])
      : undefined;

/** What a resource-ref field's schema accepts (annotations of the wrong type are ignored: the annotation check reports them). */
export function resourceFilter(schema: SchemaObject): ResourceFilter {
  const types = strings(schema['x-console-resource-type']);
  const cls = schema['x-console-resource-class'];
  const output = schema['x-console-resource-output'];
  return {
    ...(types?.length ? { types } : {}),
    ...(typeof cls === 'string' && cls ? { class: cls } : {}),
    ...(typeof output === 'string' && OUTPUT_PATTERN.test(output)
      ? { output }
      : {}),
  };
}

/** The class of a resource (`default` when it has none). */
export const classOf = (resource: KnownResource): string =>
  typeof resource.class === 'string' && resource.class
    ? resource.class
    : 'default';

/** Whether a resource of the environment fits a field's filter. */
export function fitsFilter(
  resource: KnownResource,
  filter: ResourceFilter,
): boolean {
  if (
    filter.types &&
    !filter.types.includes(
      typeof resource.type === 'string' ? resource.type : '',
    )
  )
    return false;
  return !filter.class || classOf(resource) === filter.class;
}

const SCOPE_WORDS: Record<ResourceScope, string> = {
  shared: 'shared resource',
  externals: 'private resource',
  resources: 'resource of the workload',
};
const oneOf = (words: string[]) =>
  words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;

/** The resource-ref fields of a spec: pointer → field schema. */
export function resourceRefFields(
  schema: JsonSchema,
  data: unknown,
): Map<string, SchemaObject> {
  return fieldsWhere(
    (s) => s['x-console-widget'] === 'resource-ref',
    schema,
    data,
  );
}

/** A reference the environment cannot resolve: the field's pointer and what is wrong, with the fix. */
export interface ResourceRefProblem {
  path: string;
  message: string;
}

/**
 * The problem of one field's value, or undefined when it resolves: the
 * resource it names exists in its scope and has a type (and class) the
 * field accepts; a bare type must be one the field accepts; a field that
 * wants an output holds a placeholder. Messages start with "must" (the form
 * puts the field's label in front) and say how to fix it.
 */
export function resourceRefProblem(
  value: unknown,
  filter: ResourceFilter,
  scopes: ResourceScopes,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  const ref = parseResourceRef(value);
  const wanted = [
    filter.types ? `of type ${oneOf(filter.types)}` : '',
    filter.class ? `of class "${filter.class}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const candidates = (['shared', 'externals', 'resources'] as const).flatMap(
    (scope) =>
      Object.entries(scopes[scope] ?? {})
        .filter(([, r]) => isObject(r) && fitsFilter(r, filter))
        .map(([name]) => resourceRefValue(scope, name, filter.output)),
  );
  const choose = candidates.length
    ? `choose one of: ${candidates.slice(0, 5).join(', ')}${candidates.length > 5 ? ', …' : ''}`
    : `add a shared resource${wanted ? ` ${wanted}` : ''} to the application`;
  if (!ref)
    return `must refer to a resource (such as \${shared.<name>.<output>} or shared.<name>); ${choose}`;
  if (ref.scope === 'type') {
    if (filter.output)
      return `must be the placeholder of a resource's ${filter.output} (such as ${resourcePlaceholder('shared', '<name>', filter.output)}), not the type "${ref.type}"; ${choose}`;
    if (filter.types && !filter.types.includes(ref.type))
      return `must be a resource ${wanted}, not the type "${ref.type}"; ${choose}`;
    return undefined;
  }
  const resource = scopes[ref.scope]?.[ref.name];
  const id = `${ref.scope}.${ref.name}`;
  if (!isObject(resource))
    return `must refer to a resource this environment has, but there is no ${SCOPE_WORDS[ref.scope]} "${ref.name}"; ${choose}`;
  if (!fitsFilter(resource, filter)) {
    const type = typeof resource.type === 'string' ? resource.type : 'unknown';
    return `must refer to a resource ${wanted}, but ${id} is of type ${type}${filter.class ? ` and class "${classOf(resource)}"` : ''}; ${choose}`;
  }
  if (filter.output && ref.output === undefined)
    return `must be the placeholder of a resource's ${filter.output}: ${resourcePlaceholder(ref.scope, ref.name, filter.output)}`;
  return undefined;
}

/** Every resource-ref field of `spec` whose value the environment cannot resolve. */
export function resourceRefProblems(
  schema: JsonSchema,
  spec: unknown,
  scopes: ResourceScopes,
): ResourceRefProblem[] {
  const problems: ResourceRefProblem[] = [];
  const withOwn: ResourceScopes = {
    ...scopes,
    resources:
      scopes.resources ??
      (isObject(spec) && isObject(spec.resources)
        ? (spec.resources as Record<string, KnownResource>)
        : undefined),
  };
  for (const [path, field] of resourceRefFields(schema, spec)) {
    const tokens = parsePointer(path);
    const value = tokens ? valueAt(spec, tokens) : undefined;
    const message = resourceRefProblem(value, resourceFilter(field), withOwn);
    if (message) problems.push({ path, message });
  }
  return problems;
}
