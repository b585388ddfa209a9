/**
 * The request of `convertScoreToSet` (the spec's ConvertScoreToSetBody): the Score file as JSON, and what
 * `humctl score deploy` sends beside it (the image for containers whose image is `.`, overrides, property
 * overrides, resource type aliases, the Humanitec extensions). Checks the shape and applies the overrides;
 * the Score file itself is checked against the Score schema in `validate.ts`.
 */
import { cloneJson, isJsonObject } from '../core/canonical';
import type { Json, JsonObject } from '../core/model/spec';
import { assertJson, invalid, show } from '../core/validate';

/** The resource scopes the (deprecated) `resources` block of the Humanitec extensions accepts. */
const EXTENSION_SCOPES = ['external', 'externals', 'shared'] as const;

/** The Humanitec extensions file (`humanitec.org/v1b1`): profile, spec merged into the workload, deploy, scopes. */
export interface ScoreExtensions {
  profile?: string;
  spec?: JsonObject;
  deploy?: JsonObject;
  /** Deprecated by score-humanitec, still in its examples: where each resource lives. */
  scopes: Record<string, 'external' | 'shared'>;
}

/** A checked request. */
export interface ScoreRequest {
  /** The Score file with `overrides` and `property_overrides` applied. */
  spec: JsonObject;
  image?: string;
  resourceTypeAliases: Record<string, string>;
  extensions: ScoreExtensions;
}

const BODY_KEYS = [
  'spec',
  'image',
  'overrides',
  'property_overrides',
  'resource_type_aliases',
  'extensions',
];

/** Checks a ConvertScoreToSetBody and applies its overrides to the Score file. */
export function parseScoreRequest(input: unknown): ScoreRequest {
  if (!isJsonObject(input))
    invalid(
      `The request must be a JSON object with the Score file in \`spec\`; got ${show(input)}.`,
    );
  const body = assertJson(input, 'The request') as JsonObject;
  const unknown = Object.keys(body).find((key) => !BODY_KEYS.includes(key));
  if (unknown !== undefined)
    invalid(
      `The request has the unknown field \`${unknown}\`; allowed fields: ${BODY_KEYS.join(', ')}.`,
      { field: unknown },
    );
  if (!isJsonObject(body.spec))
    invalid(
      `\`spec\` must be the Score file as a JSON object (apiVersion, metadata, containers, ...); got ${show(body.spec)}.`,
      { field: 'spec' },
    );
  if (
    body.image !== undefined &&
    (typeof body.image !== 'string' || body.image === '')
  )
    invalid(
      `\`image\` must be a non-empty string (an image reference); got ${show(body.image)}.`,
      {
        field: 'image',
      },
    );
  let spec = cloneJson(body.spec as JsonObject);
  if (body.overrides !== undefined) {
    if (!isJsonObject(body.overrides))
      invalid(
        `\`overrides\` must be an object merged into the Score file; got ${show(body.overrides)}.`,
        {
          field: 'overrides',
        },
      );
    spec = mergeOverrides(spec, body.overrides as JsonObject);
  }
  if (body.property_overrides !== undefined) {
    if (!isJsonObject(body.property_overrides))
      invalid(
        `\`property_overrides\` must map dotted paths of the Score file (e.g. \`containers.main.image\`) to values; got ${show(body.property_overrides)}.`,
        { field: 'property_overrides' },
      );
    for (const [path, value] of Object.entries(
      body.property_overrides as JsonObject,
    ))
      setProperty(spec, path, value);
  }
  return {
    spec,
    ...(body.image !== undefined ? { image: body.image as string } : {}),
    resourceTypeAliases: parseAliases(body.resource_type_aliases),
    extensions: parseExtensions(body.extensions),
  };
}

/** Merges `overrides` into `target` key by key (objects merge, `null` removes a key, anything else replaces). */
export function mergeOverrides(
  target: JsonObject,
  overrides: JsonObject,
): JsonObject {
  const out: JsonObject = { ...target };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete out[key];
    else if (isJsonObject(value) && isJsonObject(out[key]))
      out[key] = mergeOverrides(out[key] as JsonObject, value);
    else out[key] = cloneJson(value);
  }
  return out;
}

/** Sets (or with `null` removes) the value at a dotted path, making the objects on the way. */
function setProperty(spec: JsonObject, path: string, value: Json): void {
  const segments = path.split('.');
  if (path === '' || segments.some((segment) => segment === ''))
    invalid(
      `\`property_overrides\` has the path ${show(path)}; a path names fields with dots, e.g. \`containers.main.variables.LOG_LEVEL\`.`,
      { field: `property_overrides.${path}` },
    );
  let node: JsonObject = spec;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    if (next === undefined || next === null) node = node[segment] = {};
    else if (isJsonObject(next)) node = next;
    else
      invalid(
        `\`property_overrides\` path \`${path}\` goes through \`${segment}\`, which is not an object in the Score file.`,
        { field: `property_overrides.${path}` },
      );
  }
  const last = segments[segments.length - 1];
  if (value === null) delete node[last];
  else node[last] = cloneJson(value);
}

function parseAliases(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (!isJsonObject(value))
    invalid(
      `\`resource_type_aliases\` must map Score resource types to resource types (e.g. {"database": "postgres"}); got ${show(value)}.`,
      { field: 'resource_type_aliases' },
    );
  const out: Record<string, string> = {};
  for (const [from, to] of Object.entries(value as JsonObject)) {
    if (typeof to !== 'string' || to === '')
      invalid(
        `\`resource_type_aliases.${from}\` must be a resource type; got ${show(to)}.`,
        {
          field: `resource_type_aliases.${from}`,
        },
      );
    out[from] = to as string;
  }
  return out;
}

function parseExtensions(value: unknown): ScoreExtensions {
  if (value === undefined) return { scopes: {} };
  if (!isJsonObject(value))
    invalid(
      `\`extensions\` must be the Humanitec extensions file as an object; got ${show(value)}.`,
      {
        field: 'extensions',
      },
    );
  const ext = value as JsonObject;
  if (ext.apiVersion !== 'humanitec.org/v1b1')
    invalid(
      `\`extensions.apiVersion\` must be "humanitec.org/v1b1" (the Humanitec extensions of a Score file); got ${show(ext.apiVersion)}.`,
      { field: 'extensions.apiVersion' },
    );
  if (
    ext.profile !== undefined &&
    (typeof ext.profile !== 'string' || ext.profile === '')
  )
    invalid(
      `\`extensions.profile\` must be a workload profile id (e.g. "humanitec/default-module"); got ${show(ext.profile)}.`,
      {
        field: 'extensions.profile',
      },
    );
  for (const key of ['spec', 'deploy'] as const)
    if (ext[key] !== undefined && !isJsonObject(ext[key]))
      invalid(
        `\`extensions.${key}\` must be an object; got ${show(ext[key])}.`,
        {
          field: `extensions.${key}`,
        },
      );
  return {
    ...(ext.profile !== undefined ? { profile: ext.profile as string } : {}),
    ...(ext.spec !== undefined ? { spec: ext.spec as JsonObject } : {}),
    ...(ext.deploy !== undefined ? { deploy: ext.deploy as JsonObject } : {}),
    scopes: parseScopes(ext.resources),
  };
}

function parseScopes(value: Json | undefined): ScoreExtensions['scopes'] {
  if (value === undefined) return {};
  if (!isJsonObject(value))
    invalid(
      `\`extensions.resources\` must map resource names to \`{scope}\`; got ${show(value)}.`,
      {
        field: 'extensions.resources',
      },
    );
  const out: ScoreExtensions['scopes'] = {};
  for (const [name, entry] of Object.entries(value as JsonObject)) {
    const scope = isJsonObject(entry) ? entry.scope : undefined;
    if (scope === undefined) continue;
    if (!EXTENSION_SCOPES.includes(scope as (typeof EXTENSION_SCOPES)[number]))
      invalid(
        `\`extensions.resources.${name}.scope\` must be "external" or "shared"; got ${show(scope)}.`,
        { field: `extensions.resources.${name}.scope` },
      );
    out[name] = scope === 'shared' ? 'shared' : 'external';
  }
  return out;
}
