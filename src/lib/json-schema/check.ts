/**
 * Checks of a JSON Schema itself, with the JSON pointer of each problem inside
 * the schema so editors can pin it to a line. Errors come from ajv: the
 * draft's meta-schema, then compiling (unresolvable `$ref`s). Warnings are the
 * console's lint on top: keywords no validator knows (typos), RJSF `ui:` keys,
 * defaults that do not fit, bounds no value can meet. Keywords in the `x-`
 * namespace are annotations, left to their own checker.
 */
import type { ErrorObject } from 'ajv';
import { describeError, pruneAlternatives } from './messages';
import {
  escapeSegment,
  isObject,
  resolveRef,
  type JsonSchema,
  type SchemaObject,
} from './pointer';
import { createAjv, schemaCheckerFor, validateJson } from './validate';

/** A problem found in a schema. */
export interface SchemaProblem {
  /** JSON pointer into the schema document (`''` is the root). */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

const SCHEMA_MAPS = [
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SINGLE = [
  'additionalProperties',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
];
const OTHER = [
  '$schema',
  '$id',
  '$ref',
  '$comment',
  '$anchor',
  '$dynamicAnchor',
  '$dynamicRef',
  '$recursiveRef',
  '$recursiveAnchor',
  '$vocabulary',
  'type',
  'enum',
  'const',
  'required',
  'pattern',
  'format',
  'items',
  'dependencies',
  'dependentRequired',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'minContains',
  'maxContains',
  'minimum',
  'maximum',
  'multipleOf',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'uniqueItems',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
];
const KNOWN = new Set([...SCHEMA_MAPS, ...SCHEMA_LISTS, ...SINGLE, ...OTHER]);

/** Problems of `schema` (and its sub-schemas), errors first, in document order otherwise. */
export function checkSchema(schema: unknown): SchemaProblem[] {
  if (typeof schema !== 'boolean' && !isObject(schema)) {
    return [
      {
        path: '',
        message: 'A schema must be a JSON object (or true / false).',
        severity: 'error',
      },
    ];
  }
  const problems = metaErrors(schema);
  if (isObject(schema)) lint(schema, '', schema, problems);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) errors.push(...compileErrors(schema));
  // A default is checked only against a schema that compiles.
  const warnings = problems.filter(
    (p) =>
      p.severity === 'warning' &&
      (errors.length === 0 || !p.path.endsWith('/default')),
  );
  return [...errors, ...warnings];
}

/** ajv's verdict on the schema against its draft's meta-schema. */
function metaErrors(schema: JsonSchema): SchemaProblem[] {
  // One kept ajv per draft: compiling the meta-schema for every check cost more than the check.
  const ajv = schemaCheckerFor(schema);
  let valid: boolean;
  try {
    valid = ajv.validateSchema(schema) as boolean;
  } catch (error) {
    return [
      {
        path: '/$schema',
        message: `The schema's draft is not supported: ${(error as Error).message}`,
        severity: 'error',
      },
    ];
  }
  if (!valid) {
    const seen = new Set<string>();
    return pruneAlternatives([...(ajv.errors ?? [])]).flatMap(
      (error: ErrorObject) => {
        if (seen.has(error.instancePath)) return [];
        seen.add(error.instancePath);
        const key = error.instancePath.split('/').pop() ?? '';
        const what = key
          ? `\`${key.replace(/~1/g, '/').replace(/~0/g, '~')}\``
          : 'The schema';
        return [
          {
            path: error.instancePath,
            message: `${what} ${describeError(error)}.`,
            severity: 'error' as const,
          },
        ];
      },
    );
  }
  return [];
}

/** What ajv says when it compiles the schema (unresolvable references and the like). */
function compileErrors(schema: JsonSchema): SchemaProblem[] {
  try {
    // Checked against its meta-schema already (metaErrors).
    createAjv(schema, { validateSchema: false }).compile(schema);
    return [];
  } catch (error) {
    const message = (error as Error).message;
    const missing = /can't resolve reference (\S+)/.exec(message);
    if (missing) {
      const at = findRef(schema, missing[1]) ?? '';
      return [
        {
          path: at,
          message: `\`$ref\` points to ${missing[1]}, which does not exist in this document.`,
          severity: 'error',
        },
      ];
    }
    return [
      {
        path: '',
        message: `The schema cannot be compiled: ${message}`,
        severity: 'error',
      },
    ];
  }
}

/** The pointer of the first `$ref` holding `ref`. */
function findRef(node: unknown, ref: string, at = ''): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  if (isObject(node) && node.$ref === ref) return `${at}/$ref`;
  for (const [k, v] of Object.entries(node)) {
    const found = findRef(v, ref, `${at}/${escapeSegment(k)}`);
    if (found) return found;
  }
  return undefined;
}

/**
 * The chain of references starting at `ref` when it only ever leads to other
 * bare references (`{"$ref": …}` and nothing else to validate with) and comes
 * back to one it has seen: a cycle no validator can resolve. Recursive
 * schemas whose references sit under real keywords are fine.
 */
function refCycle(ref: string, root: SchemaObject): string[] | undefined {
  const seen: string[] = [];
  let current: string | undefined = ref;
  while (current !== undefined) {
    if (seen.includes(current)) return [...seen, current];
    seen.push(current);
    const target = resolveRef(current, root);
    current =
      isObject(target) &&
      typeof target.$ref === 'string' &&
      Object.keys(target).every(
        (k) =>
          k === '$ref' ||
          k.startsWith('x-') ||
          k === 'title' ||
          k === 'description',
      )
        ? target.$ref
        : undefined;
  }
  return undefined;
}

/** Whether a pattern compiles as ajv compiles it (unicode). */
function validPattern(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

function lint(
  schema: SchemaObject,
  path: string,
  root: SchemaObject,
  out: SchemaProblem[],
): void {
  const warn = (key: string, message: string) =>
    out.push({
      path: key ? `${path}/${escapeSegment(key)}` : path,
      message,
      severity: 'warning',
    });
  const error = (key: string, message: string) =>
    out.push({
      path: `${path}/${escapeSegment(key)}`,
      message,
      severity: 'error',
    });
  const sub = (value: unknown, at: string) => {
    if (isObject(value)) lint(value, at, root, out);
  };
  for (const [key, value] of Object.entries(schema)) {
    const at = `${path}/${escapeSegment(key)}`;
    if (key.startsWith('x-')) continue;
    if (key.startsWith('ui:')) {
      warn(
        key,
        `\`${key}\` is an RJSF uiSchema key; the console reads x-console-* annotations instead (e.g. x-console-widget).`,
      );
    } else if (!KNOWN.has(key)) {
      warn(
        key,
        `Unknown keyword \`${key}\`: validators ignore it. Is it a typo?`,
      );
    } else if (
      key === 'pattern' &&
      typeof value === 'string' &&
      !validPattern(value)
    ) {
      error(
        key,
        `\`pattern\` must be a valid regular expression; got ${JSON.stringify(value)}.`,
      );
    } else if (
      key === '$ref' &&
      typeof value === 'string' &&
      value.startsWith('#') &&
      resolveRef(value, root) === undefined
    ) {
      error(
        key,
        `\`$ref\` points to ${value}, which does not exist in this document.`,
      );
    } else if (
      key === '$ref' &&
      typeof value === 'string' &&
      refCycle(value, root)
    ) {
      error(
        key,
        `\`$ref\` goes round in a circle (${refCycle(value, root)?.join(' → ')}) and never reaches a schema.`,
      );
    } else if (SCHEMA_MAPS.includes(key) && isObject(value)) {
      for (const [name, child] of Object.entries(value)) {
        if (key === 'patternProperties' && !validPattern(name))
          error(key, `\`${name}\` is not a valid regular expression.`);
        sub(child, `${at}/${escapeSegment(name)}`);
      }
    } else if (SCHEMA_LISTS.includes(key) && Array.isArray(value)) {
      value.forEach((child, i) => sub(child, `${at}/${i}`));
    } else if (SINGLE.includes(key) || key === 'items') {
      if (Array.isArray(value))
        value.forEach((child, i) => sub(child, `${at}/${i}`));
      else sub(value, at);
    } else if (key === 'default') {
      const problem = validateJson(schema, value, root)[0];
      if (problem)
        warn(
          key,
          `The default value does not fit this schema: it ${problem.message}.`,
        );
    }
  }
  const { properties, required, minimum, maximum, minLength, maxLength } =
    schema;
  if (
    Array.isArray(required) &&
    isObject(properties) &&
    schema.additionalProperties === false &&
    !schema.patternProperties
  ) {
    for (const name of required) {
      if (typeof name === 'string' && !Object.hasOwn(properties, name)) {
        warn(
          'required',
          `\`required\` names "${name}", which is not one of the properties, and no other property is allowed.`,
        );
      }
    }
  }
  if (
    typeof minimum === 'number' &&
    typeof maximum === 'number' &&
    minimum > maximum
  )
    warn('minimum', '`minimum` is greater than `maximum`: no value can match.');
  if (
    typeof minLength === 'number' &&
    typeof maxLength === 'number' &&
    minLength > maxLength
  )
    warn(
      'minLength',
      '`minLength` is greater than `maxLength`: no value can match.',
    );
}
