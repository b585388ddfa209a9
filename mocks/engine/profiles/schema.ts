/**
 * From a profile's `spec_definition` to its `spec_schema` (the JSON Schema a
 * workload's `spec` must match), and the checks of a submitted definition.
 * A `feature` property takes the feature's schema, a `collection` becomes a
 * map of objects made of its properties (e.g. containers by name), a
 * `schema` property takes its own schema. `title` and `ui_hints` become the
 * console annotations `title`, `x-console-order` and `x-console-hidden`, so
 * the spec_schema alone drives the generated form.
 */
import {
  MAX_PROFILE_DEFINITION_CHARS,
  PROFILE_SIZE_LIMIT_TEXT,
} from '../../../src/contract/limits';
import { canonicalJson, isJsonObject } from '../core/canonical';
import { EngineError } from '../core/errors';
import type { JsonObject } from '../core/model/spec';
import { FEATURES, ITEM_NAME_PATTERN } from './features';
import type {
  SchemaIssue,
  SchemaValidator,
  SpecDefinition,
  SpecProperty,
} from '../core/model/profiles';

const isObject = isJsonObject;

/** The JSON Schema of a workload spec under this definition. */
export function deriveSpecSchema(definition: SpecDefinition): JsonObject {
  const properties: JsonObject = {};
  for (const [name, property] of Object.entries(definition.properties ?? {})) {
    properties[name] = propertySchema(property);
  }
  const root = isObject(definition['x-console-root'])
    ? structuredClone(definition['x-console-root'])
    : {};
  const { properties: _ignored, ...rest } = root;
  return { type: 'object', ...rest, properties };
}

function propertySchema(property: SpecProperty): JsonObject {
  let schema: JsonObject;
  if (property.type === 'schema')
    schema = structuredClone(property.schema ?? {});
  else if (property.type === 'feature')
    schema = structuredClone(
      FEATURES[property.feature_name ?? '']?.schema ?? {},
    );
  else schema = collectionSchema(property);
  if (property.title) schema.title = property.title;
  if (property.ui_hints?.order !== undefined)
    schema['x-console-order'] = property.ui_hints.order;
  if (property.ui_hints?.hidden) schema['x-console-hidden'] = true;
  return schema;
}

function collectionSchema(property: SpecProperty): JsonObject {
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const [name, sub] of Object.entries(property.properties ?? {})) {
    properties[name] = propertySchema(sub);
    if (
      sub.type === 'feature' &&
      FEATURES[sub.feature_name ?? '']?.requiredInCollection
    )
      required.push(name);
  }
  return {
    type: 'object',
    propertyNames: { pattern: ITEM_NAME_PATTERN },
    'x-console-errors': {
      propertyNames:
        'A name uses lowercase letters, digits and dashes, e.g. api or worker-1.',
    },
    additionalProperties: {
      type: 'object',
      properties,
      ...(required.length ? { required } : {}),
    },
  };
}

/**
 * Checks a submitted definition: known features, a schema on every `schema`
 * property, and (with a validator) a sound spec_schema with known
 * annotations, checked as a whole so `$ref`s into the root's `$defs` resolve.
 * Throws `invalid` listing every problem with its path in the request body.
 */
export function checkSpecDefinition(
  definition: SpecDefinition,
  validator: SchemaValidator | undefined,
): void {
  const problems: SchemaIssue[] = [];
  const walk = (
    properties: Record<string, SpecProperty> | undefined,
    path: string,
  ) => {
    for (const [name, property] of Object.entries(properties ?? {})) {
      const at = `${path}/${escape(name)}`;
      if (
        property.type === 'feature' &&
        !FEATURES[property.feature_name ?? '']
      ) {
        problems.push({
          path: `${at}/feature_name`,
          message: `Unknown feature "${property.feature_name ?? ''}"; known: ${Object.keys(FEATURES).join(', ')}.`,
        });
      } else if (property.type === 'schema' && !isObject(property.schema)) {
        problems.push({
          path: `${at}/schema`,
          message:
            'A property of type "schema" needs a JSON Schema in `schema`.',
        });
      } else if (property.type === 'collection') {
        walk(property.properties, `${at}/properties`);
      }
    }
  };
  walk(definition.properties, '/spec_definition/properties');
  const root = definition['x-console-root'];
  if (root !== undefined && !isObject(root)) {
    problems.push({
      path: '/spec_definition/x-console-root',
      message: '`x-console-root` must be an object of JSON Schema keywords.',
    });
  }
  if (validator) {
    for (const issue of validator.check(deriveSpecSchema(definition))) {
      if (issue.severity !== 'warning')
        problems.push({ ...issue, path: bodyPath(definition, issue.path) });
    }
  }
  const size = canonicalJson(definition).length;
  if (size > MAX_PROFILE_DEFINITION_CHARS) {
    problems.push({
      path: '/spec_definition',
      message: `The definition is ${Math.ceil(size / 1024)} KiB; a profile can be at most ${PROFILE_SIZE_LIMIT_TEXT}. Move repeated parts into $defs and refer to them with $ref.`,
    });
  }
  if (problems.length > 0) {
    const first = problems[0];
    throw new EngineError(
      'invalid',
      `The profile's spec_definition has ${problems.length} problem${problems.length === 1 ? '' : 's'}; the first, at ${first.path}: ${first.message}`,
      {
        errors: problems
          .slice(0, 50)
          .map((p) => ({ field: p.path, path: p.path, message: p.message })),
      },
    );
  }
}

const escape = (segment: string) =>
  segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Where a pointer into the derived spec_schema is in the request body. */
function bodyPath(definition: SpecDefinition, pointer: string): string {
  const match = /^\/properties\/([^/]+)(.*)$/.exec(pointer);
  if (match) {
    const name = match[1].replace(/~1/g, '/').replace(/~0/g, '~');
    const property = definition.properties?.[name];
    if (property?.type === 'schema')
      return `/spec_definition/properties/${match[1]}/schema${match[2]}`;
    return `/spec_definition/properties/${match[1]}`;
  }
  return `/spec_definition/x-console-root${pointer}`;
}
