/**
 * Structural checks of a JSON Schema itself (what a meta-schema would say,
 * in plain English, with the JSON pointer of each problem inside the schema
 * so editors can pin it to a line). Keywords in the `x-` namespace are
 * annotations and are left to their own checker.
 */
import { escapeSegment, isValidJson, patternOf, resolveRef, validateJson, type JsonSchema, type SchemaObject } from './validate';

/** A problem found in a schema. */
export interface SchemaProblem {
  /** JSON pointer into the schema document (`''` is the root). */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'object', 'array', 'null']);
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SINGLE = ['additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'];
const COUNTS = ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'minContains', 'maxContains'];
const NUMBERS = ['minimum', 'maximum', 'multipleOf'];
const OTHER = [
  '$schema', '$id', '$ref', '$comment', '$anchor', '$dynamicAnchor', '$dynamicRef', '$vocabulary',
  'type', 'enum', 'const', 'required', 'pattern', 'format', 'items', 'dependencies', 'dependentRequired',
  'exclusiveMinimum', 'exclusiveMaximum', 'uniqueItems', 'title', 'description', 'default', 'examples',
  'deprecated', 'readOnly', 'writeOnly', 'contentEncoding', 'contentMediaType', 'contentSchema',
];
const KNOWN = new Set([...SCHEMA_MAPS, ...SCHEMA_LISTS, ...SINGLE, ...COUNTS, ...NUMBERS, ...OTHER]);

const isObject = (value: unknown): value is SchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isSchema = (value: unknown): value is JsonSchema => typeof value === 'boolean' || isObject(value);

/** Problems of `schema` (and its sub-schemas), errors first, in document order otherwise. */
export function checkSchema(schema: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (!isSchema(schema)) {
    return [{ path: '', message: 'A schema must be a JSON object (or true / false).', severity: 'error' }];
  }
  walk(schema, '', schema, problems);
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity === 'warning')];
}

function walk(schema: JsonSchema, path: string, root: JsonSchema, out: SchemaProblem[]): void {
  if (typeof schema === 'boolean') return;
  const error = (key: string, message: string) => out.push({ path: `${path}/${escapeSegment(key)}`, message, severity: 'error' });
  const warn = (key: string, message: string) => out.push({ path: key ? `${path}/${escapeSegment(key)}` : path, message, severity: 'warning' });
  const sub = (key: string, value: unknown, at: string) => {
    if (isSchema(value)) walk(value, at, root, out);
    else out.push({ path: at, message: `\`${key}\` must hold a schema (an object, or true / false).`, severity: 'error' });
  };

  for (const [key, value] of Object.entries(schema)) {
    const at = `${path}/${escapeSegment(key)}`;
    if (key.startsWith('x-')) continue;
    if (key.startsWith('ui:')) {
      warn(key, `\`${key}\` is an RJSF uiSchema key; the console reads x-console-* annotations instead (e.g. x-console-widget).`);
    } else if (!KNOWN.has(key)) {
      warn(key, `Unknown keyword \`${key}\`: validators ignore it. Is it a typo?`);
    } else if (SCHEMA_MAPS.includes(key)) {
      if (!isObject(value)) error(key, `\`${key}\` must be an object of schemas.`);
      else for (const [name, child] of Object.entries(value)) {
        if (key === 'patternProperties' && !patternOf(name)) error(key, `\`${name}\` is not a valid regular expression.`);
        sub(key, child, `${at}/${escapeSegment(name)}`);
      }
    } else if (SCHEMA_LISTS.includes(key)) {
      if (!Array.isArray(value) || value.length === 0) error(key, `\`${key}\` must be a non-empty list of schemas.`);
      else value.forEach((child, i) => sub(key, child, `${at}/${i}`));
    } else if (SINGLE.includes(key)) {
      sub(key, value, at);
    } else if (key === 'items') {
      if (Array.isArray(value)) value.forEach((child, i) => sub(key, child, `${at}/${i}`));
      else sub(key, value, at);
    } else if (COUNTS.includes(key)) {
      if (!Number.isInteger(value) || (value as number) < 0) error(key, `\`${key}\` must be a whole number ≥ 0.`);
    } else if (NUMBERS.includes(key) || ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof value !== 'boolean')) {
      if (typeof value !== 'number') error(key, `\`${key}\` must be a number.`);
      else if (key === 'multipleOf' && value <= 0) error(key, '`multipleOf` must be greater than 0.');
    } else {
      checkKeyword(key, value, schema, root, error, warn);
    }
  }
  checkConsistency(schema, root, warn);
}

function checkKeyword(
  key: string,
  value: unknown,
  schema: SchemaObject,
  root: JsonSchema,
  error: (key: string, message: string) => void,
  warn: (key: string, message: string) => void,
): void {
  if (key === 'type') {
    const types = Array.isArray(value) ? value : [value];
    const bad = types.filter((t) => typeof t !== 'string' || !TYPES.has(t));
    if (bad.length > 0 || types.length === 0) error(key, `\`type\` must be one of ${[...TYPES].join(', ')} (or a list of them); got ${JSON.stringify(value)}.`);
  } else if (key === 'required' || key === 'dependentRequired') {
    if (key === 'required' && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) {
      error(key, '`required` must be a list of property names.');
    } else if (key === 'dependentRequired' && !isObject(value)) {
      error(key, '`dependentRequired` must map property names to lists of names.');
    }
  } else if (key === 'enum') {
    if (!Array.isArray(value) || value.length === 0) error(key, '`enum` must be a non-empty list of values.');
  } else if (key === 'pattern') {
    if (typeof value !== 'string' || !patternOf(value)) error(key, `\`pattern\` must be a valid regular expression; got ${JSON.stringify(value)}.`);
  } else if (key === '$ref') {
    if (typeof value !== 'string') error(key, '`$ref` must be a string.');
    else if (resolveRef(value, root) === undefined) error(key, `\`$ref\` points to ${value}, which does not exist in this document.`);
  } else if (key === 'title' || key === 'description' || key === 'format' || key === '$id' || key === '$schema') {
    if (typeof value !== 'string') error(key, `\`${key}\` must be a string.`);
  } else if (key === 'dependencies') {
    if (!isObject(value)) error(key, '`dependencies` must be an object.');
  } else if (key === 'uniqueItems' || key === 'deprecated' || key === 'readOnly' || key === 'writeOnly') {
    if (typeof value !== 'boolean') error(key, `\`${key}\` must be true or false.`);
  } else if (key === 'default' && !isValidJson(schema, value, root)) {
    const reason = validateJson(schema, value, root)[0]?.message ?? 'is invalid';
    warn(key, `The default value does not fit this schema: it ${reason}.`);
  }
}

function checkConsistency(schema: SchemaObject, _root: JsonSchema, warn: (key: string, message: string) => void): void {
  const { properties, required, minimum, maximum, minLength, maxLength } = schema;
  if (Array.isArray(required) && isObject(properties) && schema.additionalProperties === false && !schema.patternProperties) {
    for (const name of required) {
      if (typeof name === 'string' && !Object.hasOwn(properties, name)) {
        warn('required', `\`required\` names "${name}", which is not one of the properties, and no other property is allowed.`);
      }
    }
  }
  if (typeof minimum === 'number' && typeof maximum === 'number' && minimum > maximum) warn('minimum', '`minimum` is greater than `maximum`: no value can match.');
  if (typeof minLength === 'number' && typeof maxLength === 'number' && minLength > maxLength) warn('minLength', '`minLength` is greater than `maxLength`: no value can match.');
}
