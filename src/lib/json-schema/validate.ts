/**
 * A JSON Schema validator that interprets the schema (no code generation, so
 * no `eval` / `new Function`): the console's Content-Security-Policy
 * (`script-src 'self'`) forbids the run-time compilation ajv does, and
 * workload-profile schemas are written by users at run time, so they cannot
 * be compiled ahead of time. Covers drafts 07 and 2020-12 as forms use them:
 * types, enum/const, numeric, string (pattern, format), array (items,
 * prefixItems, contains, uniqueItems), object (properties, required,
 * additional/pattern properties, propertyNames, dependencies,
 * dependentRequired/Schemas), allOf/anyOf/oneOf/not, if/then/else and local
 * `$ref`s. Not supported: `unevaluated*`, `$dynamicRef`, remote references.
 *
 * Errors have ajv's shape (`instancePath`, `schemaPath`, `keyword`, `params`,
 * `message`), so @rjsf can map them to fields; messages are plain English and
 * a schema can replace them with its `x-console-errors` annotation.
 * Pure and dependency-free: the embedded engine uses it too (injected).
 */
import { FORMATS } from './formats';

/** A JSON Schema: an object or a boolean. */
export type JsonSchema = boolean | SchemaObject;
/** A JSON Schema object (keywords are not typed: schemas come from users). */
export type SchemaObject = { [keyword: string]: unknown };

/** One validation problem, in ajv's shape. */
export interface SchemaError {
  /** JSON pointer of the value (for `required`, of the object missing the property). */
  instancePath: string;
  /** JSON pointer (with `#`) of the failing keyword in the schema. */
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
  parentSchema?: SchemaObject;
}

interface Context {
  root: JsonSchema;
  errors: SchemaError[];
  /** Stop at the first problem (isValid). */
  failFast: boolean;
  depth: number;
}

const MAX_DEPTH = 64;

/** Validates `data` against `schema`; `root` resolves `$ref`s (default: the schema). Returns every problem. */
export function validateJson(schema: JsonSchema, data: unknown, root: JsonSchema = schema): SchemaError[] {
  const ctx: Context = { root, errors: [], failFast: false, depth: 0 };
  check(schema, data, '', '#', ctx);
  return ctx.errors;
}

/** Whether `data` is valid against `schema` (stops at the first problem). */
export function isValidJson(schema: JsonSchema, data: unknown, root: JsonSchema = schema): boolean {
  return check(schema, data, '', '#', { root, errors: [], failFast: true, depth: 0 });
}

/** A JSON pointer segment, escaped (RFC 6901). */
export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The JSON type name of a value (`integer` for whole numbers). */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Deep equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => jsonEqual(item, other[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as SchemaObject)[k], (b as SchemaObject)[k]));
}

const isObject = (value: unknown): value is SchemaObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

const show = (value: unknown) => {
  const text = JSON.stringify(value);
  return text && text.length > 40 ? `${text.slice(0, 37)}…` : String(text);
};

/** The message a schema declares for a keyword (`x-console-errors`), if any. */
export function declaredMessage(schema: SchemaObject | undefined, keyword: string): string | undefined {
  const declared = schema?.['x-console-errors'];
  if (typeof declared === 'string') return declared;
  if (isObject(declared) && typeof declared[keyword] === 'string') return declared[keyword] as string;
  return undefined;
}

function fail(
  ctx: Context,
  schema: SchemaObject,
  instancePath: string,
  schemaPath: string,
  keyword: string,
  params: Record<string, unknown>,
  message: string,
): false {
  if (!ctx.failFast) {
    ctx.errors.push({
      instancePath,
      schemaPath: `${schemaPath}/${keyword}`,
      keyword,
      params,
      message: declaredMessage(schema, keyword) ?? message,
      parentSchema: schema,
    });
  }
  return false;
}

const refCache = new WeakMap<object, Map<string, JsonSchema | undefined>>();

/** Resolves a local `$ref` (`#`, `#/…`, the root's `$id` + fragment, or a sub-schema's `$id`). */
export function resolveRef(ref: string, root: JsonSchema): JsonSchema | undefined {
  if (typeof root !== 'object') return undefined;
  let cache = refCache.get(root);
  if (!cache) refCache.set(root, (cache = new Map()));
  if (cache.has(ref)) return cache.get(ref);
  const hash = ref.indexOf('#');
  const base = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  let target: unknown = root;
  if (base && base !== stripHash(root.$id)) target = findById(root, base);
  if (target !== undefined && fragment) {
    for (const raw of fragment.replace(/^\//, '').split('/')) {
      const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) || Array.isArray(target) ? (target as SchemaObject)[segment] : undefined;
      if (target === undefined) break;
    }
  }
  const result = typeof target === 'boolean' || isObject(target) ? target : undefined;
  cache.set(ref, result);
  return result;
}

const stripHash = (id: unknown) => (typeof id === 'string' ? id.replace(/#$/, '') : undefined);

function findById(node: unknown, id: string): JsonSchema | undefined {
  if (!isObject(node) && !Array.isArray(node)) return undefined;
  if (isObject(node) && stripHash(node.$id) === id) return node;
  for (const value of Object.values(node)) {
    const found = findById(value, id);
    if (found !== undefined) return found;
  }
  return undefined;
}

const regexCache = new Map<string, RegExp | null>();

/** The compiled pattern (unicode), or null when it is not a valid regular expression. */
export function patternOf(source: string): RegExp | null {
  let regex = regexCache.get(source);
  if (regex === undefined) {
    try {
      regex = new RegExp(source, 'u');
    } catch {
      regex = null;
    }
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(source, regex);
  }
  return regex;
}

function check(schema: JsonSchema, data: unknown, path: string, spath: string, ctx: Context): boolean {
  if (schema === true) return true;
  if (schema === false) return fail(ctx, {}, path, spath, 'false schema', {}, 'is not allowed here');
  if (!isObject(schema)) return true;
  if (ctx.depth > MAX_DEPTH) return fail(ctx, schema, path, spath, '$ref', {}, 'the schema nests too deeply');
  let valid = true;
  const done = () => !valid && ctx.failFast;

  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref, ctx.root);
    if (target === undefined) {
      valid = fail(ctx, schema, path, spath, '$ref', { $ref: schema.$ref }, `refers to ${schema.$ref}, which does not exist`);
    } else {
      ctx.depth += 1;
      valid = check(target, data, path, `${spath}/$ref`, ctx) && valid;
      ctx.depth -= 1;
    }
    if (done()) return false;
  }
  valid = checkType(schema, data, path, spath, ctx) && valid;
  if (done()) return false;
  valid = checkValue(schema, data, path, spath, ctx) && valid;
  if (done()) return false;
  if (typeof data === 'string') valid = checkString(schema, data, path, spath, ctx) && valid;
  else if (typeof data === 'number') valid = checkNumber(schema, data, path, spath, ctx) && valid;
  else if (Array.isArray(data)) valid = checkArray(schema, data, path, spath, ctx) && valid;
  else if (isObject(data)) valid = checkObject(schema, data, path, spath, ctx) && valid;
  if (done()) return false;
  return checkCombinators(schema, data, path, spath, ctx) && valid;
}

function checkType(schema: SchemaObject, data: unknown, path: string, spath: string, ctx: Context): boolean {
  const { type } = schema;
  if (type === undefined) return true;
  const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
  const actual = jsonType(data);
  const ok = types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
  if (ok || types.length === 0) return true;
  const words = types.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
  return fail(ctx, schema, path, spath, 'type', { type: types.join(',') }, `must be ${words}`);
}

function checkValue(schema: SchemaObject, data: unknown, path: string, spath: string, ctx: Context): boolean {
  let valid = true;
  if (Array.isArray(schema.enum) && !schema.enum.some((v) => jsonEqual(v, data))) {
    const options = schema.enum.slice(0, 10).map(show).join(', ');
    valid = fail(ctx, schema, path, spath, 'enum', { allowedValues: schema.enum }, `must be one of: ${options}${schema.enum.length > 10 ? ', …' : ''}`);
    if (ctx.failFast) return false;
  }
  if ('const' in schema && !jsonEqual(schema.const, data)) {
    valid = fail(ctx, schema, path, spath, 'const', { allowedValue: schema.const }, `must be ${show(schema.const)}`);
  }
  return valid;
}

const num = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function checkString(schema: SchemaObject, data: string, path: string, spath: string, ctx: Context): boolean {
  let valid = true;
  const length = num(schema.minLength) || num(schema.maxLength) ? [...data].length : 0;
  if (num(schema.minLength) && length < schema.minLength) {
    const limit = schema.minLength;
    valid = fail(ctx, schema, path, spath, 'minLength', { limit }, limit === 1 ? 'must not be empty' : `must be at least ${limit} characters`);
  }
  if (num(schema.maxLength) && length > schema.maxLength) {
    valid = fail(ctx, schema, path, spath, 'maxLength', { limit: schema.maxLength }, `must be at most ${schema.maxLength} characters`);
  }
  if (typeof schema.pattern === 'string') {
    const regex = patternOf(schema.pattern);
    if (regex && !regex.test(data)) {
      valid = fail(ctx, schema, path, spath, 'pattern', { pattern: schema.pattern }, `must match the pattern ${schema.pattern}`);
    }
  }
  if (typeof schema.format === 'string') {
    const test = FORMATS[schema.format];
    if (test && !test(data)) {
      valid = fail(ctx, schema, path, spath, 'format', { format: schema.format }, `must be a valid ${schema.format}`);
    }
  }
  return valid;
}

function checkNumber(schema: SchemaObject, data: number, path: string, spath: string, ctx: Context): boolean {
  let valid = true;
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf } = schema;
  if (num(minimum)) {
    const exclusive = exclusiveMinimum === true;
    if (exclusive ? data <= minimum : data < minimum) {
      valid = fail(ctx, schema, path, spath, 'minimum', { limit: minimum }, exclusive ? `must be greater than ${minimum}` : `must be at least ${minimum}`);
    }
  }
  if (num(maximum)) {
    const exclusive = exclusiveMaximum === true;
    if (exclusive ? data >= maximum : data > maximum) {
      valid = fail(ctx, schema, path, spath, 'maximum', { limit: maximum }, exclusive ? `must be less than ${maximum}` : `must be at most ${maximum}`);
    }
  }
  if (num(exclusiveMinimum) && data <= exclusiveMinimum) {
    valid = fail(ctx, schema, path, spath, 'exclusiveMinimum', { limit: exclusiveMinimum }, `must be greater than ${exclusiveMinimum}`);
  }
  if (num(exclusiveMaximum) && data >= exclusiveMaximum) {
    valid = fail(ctx, schema, path, spath, 'exclusiveMaximum', { limit: exclusiveMaximum }, `must be less than ${exclusiveMaximum}`);
  }
  if (num(multipleOf) && multipleOf > 0) {
    const ratio = data / multipleOf;
    if (Math.abs(ratio - Math.round(ratio)) > 1e-9) {
      valid = fail(ctx, schema, path, spath, 'multipleOf', { multipleOf }, `must be a multiple of ${multipleOf}`);
    }
  }
  return valid;
}

function checkArray(schema: SchemaObject, data: unknown[], path: string, spath: string, ctx: Context): boolean {
  let valid = true;
  const done = () => !valid && ctx.failFast;
  if (num(schema.minItems) && data.length < schema.minItems) {
    valid = fail(ctx, schema, path, spath, 'minItems', { limit: schema.minItems }, `must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
  }
  if (num(schema.maxItems) && data.length > schema.maxItems) {
    valid = fail(ctx, schema, path, spath, 'maxItems', { limit: schema.maxItems }, `must have at most ${schema.maxItems} item${schema.maxItems === 1 ? '' : 's'}`);
  }
  if (done()) return false;
  const tuple = Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : undefined;
  const tupleKey = Array.isArray(schema.prefixItems) ? 'prefixItems' : 'items';
  const rest = tuple ? (Array.isArray(schema.prefixItems) ? schema.items : schema.additionalItems) : schema.items;
  const restKey = tuple ? (Array.isArray(schema.prefixItems) ? 'items' : 'additionalItems') : 'items';
  for (let i = 0; i < data.length; i += 1) {
    const itemPath = `${path}/${i}`;
    if (tuple && i < tuple.length) {
      valid = check(tuple[i] as JsonSchema, data[i], itemPath, `${spath}/${tupleKey}/${i}`, ctx) && valid;
    } else if (rest !== undefined && (typeof rest === 'boolean' || isObject(rest))) {
      if (rest === false) valid = fail(ctx, schema, itemPath, spath, restKey, { limit: tuple?.length ?? 0 }, `must have at most ${tuple?.length ?? 0} items`);
      else valid = check(rest, data[i], itemPath, `${spath}/${restKey}`, ctx) && valid;
    }
    if (done()) return false;
  }
  if (schema.uniqueItems === true) {
    outer: for (let i = 0; i < data.length; i += 1) {
      for (let j = i + 1; j < data.length; j += 1) {
        if (jsonEqual(data[i], data[j])) {
          valid = fail(ctx, schema, path, spath, 'uniqueItems', { i, j }, `must not contain duplicates (items ${i + 1} and ${j + 1} are equal)`);
          break outer;
        }
      }
    }
  }
  if (schema.contains !== undefined && (typeof schema.contains === 'boolean' || isObject(schema.contains))) {
    const contains = schema.contains;
    const matches = data.filter((item) => isValidJson(contains, item, ctx.root)).length;
    const min = num(schema.minContains) ? schema.minContains : 1;
    if (matches < min) valid = fail(ctx, schema, path, spath, 'contains', { minContains: min }, min === 1 ? 'must contain at least one matching item' : `must contain at least ${min} matching items`);
    if (num(schema.maxContains) && matches > schema.maxContains) {
      valid = fail(ctx, schema, path, spath, 'maxContains', { maxContains: schema.maxContains }, `must contain at most ${schema.maxContains} matching items`);
    }
  }
  return valid;
}

function checkObject(schema: SchemaObject, data: SchemaObject, path: string, spath: string, ctx: Context): boolean {
  let valid = true;
  const done = () => !valid && ctx.failFast;
  const properties = isObject(schema.properties) ? schema.properties : undefined;
  if (Array.isArray(schema.required)) {
    for (const name of schema.required) {
      if (typeof name !== 'string' || Object.hasOwn(data, name)) continue;
      const child = properties && isObject(properties[name]) ? (properties[name] as SchemaObject) : undefined;
      const message = declaredMessage(child, 'required') ?? 'is required';
      valid = fail(ctx, schema, path, spath, 'required', { missingProperty: name }, message);
      if (ctx.failFast) return false;
    }
  }
  const keys = Object.keys(data);
  if (num(schema.minProperties) && keys.length < schema.minProperties) {
    valid = fail(ctx, schema, path, spath, 'minProperties', { limit: schema.minProperties }, `must have at least ${schema.minProperties} entr${schema.minProperties === 1 ? 'y' : 'ies'}`);
  }
  if (num(schema.maxProperties) && keys.length > schema.maxProperties) {
    valid = fail(ctx, schema, path, spath, 'maxProperties', { limit: schema.maxProperties }, `must have at most ${schema.maxProperties} entr${schema.maxProperties === 1 ? 'y' : 'ies'}`);
  }
  if (done()) return false;
  const patterns = isObject(schema.patternProperties) ? Object.entries(schema.patternProperties) : [];
  const additional = schema.additionalProperties;
  const names = schema.propertyNames;
  for (const key of keys) {
    const childPath = `${path}/${escapeSegment(key)}`;
    let matched = false;
    if (properties && Object.hasOwn(properties, key)) {
      matched = true;
      valid = check(properties[key] as JsonSchema, data[key], childPath, `${spath}/properties/${escapeSegment(key)}`, ctx) && valid;
    }
    for (const [pattern, sub] of patterns) {
      if (patternOf(pattern)?.test(key)) {
        matched = true;
        valid = check(sub as JsonSchema, data[key], childPath, `${spath}/patternProperties/${escapeSegment(pattern)}`, ctx) && valid;
      }
    }
    if (!matched && additional !== undefined) {
      if (additional === false) {
        valid = fail(ctx, schema, path, spath, 'additionalProperties', { additionalProperty: key }, `must not have the property "${key}"`);
      } else if (isObject(additional)) {
        valid = check(additional, data[key], childPath, `${spath}/additionalProperties`, ctx) && valid;
      }
    }
    if (names !== undefined && (typeof names === 'boolean' || isObject(names)) && !isValidJson(names, key, ctx.root)) {
      const reason = validateJson(names, key, ctx.root)[0]?.message ?? 'is not allowed';
      valid = fail(ctx, schema, path, spath, 'propertyNames', { propertyName: key }, `has the name "${key}", which ${reason}`);
    }
    if (done()) return false;
  }
  return checkDependencies(schema, data, path, spath, ctx) && valid;
}

function checkDependencies(schema: SchemaObject, data: SchemaObject, path: string, spath: string, ctx: Context): boolean {
  let valid = true;
  const required: [string, string, unknown][] = [];
  const schemas: [string, string, JsonSchema][] = [];
  for (const keyword of ['dependencies', 'dependentRequired', 'dependentSchemas']) {
    const deps = schema[keyword];
    if (!isObject(deps)) continue;
    for (const [property, dep] of Object.entries(deps)) {
      if (!Object.hasOwn(data, property)) continue;
      if (Array.isArray(dep)) required.push([keyword, property, dep]);
      else if (typeof dep === 'boolean' || isObject(dep)) schemas.push([keyword, property, dep]);
    }
  }
  for (const [keyword, property, deps] of required) {
    for (const missing of deps as unknown[]) {
      if (typeof missing !== 'string' || Object.hasOwn(data, missing)) continue;
      const params = { property, missingProperty: missing, deps: (deps as string[]).join(', '), depsCount: (deps as string[]).length };
      valid = fail(ctx, schema, path, spath, keyword, params, `is required when "${property}" is set`);
      if (ctx.failFast) return false;
    }
  }
  for (const [keyword, property, dep] of schemas) {
    valid = check(dep, data, path, `${spath}/${keyword}/${escapeSegment(property)}`, ctx) && valid;
    if (!valid && ctx.failFast) return false;
  }
  return valid;
}

function subSchemas(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter((s): s is JsonSchema => typeof s === 'boolean' || isObject(s)) : [];
}

function checkCombinators(schema: SchemaObject, data: unknown, path: string, spath: string, ctx: Context): boolean {
  let valid = true;
  subSchemas(schema.allOf).forEach((sub, i) => {
    if (valid || !ctx.failFast) valid = check(sub, data, path, `${spath}/allOf/${i}`, ctx) && valid;
  });
  if (!valid && ctx.failFast) return false;
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const options = subSchemas(schema[keyword]);
    if (options.length === 0) continue;
    const matching = options.flatMap((sub, i) => (isValidJson(sub, data, ctx.root) ? [i] : []));
    if (keyword === 'anyOf' ? matching.length > 0 : matching.length === 1) continue;
    if (matching.length > 1) {
      valid = fail(ctx, schema, path, spath, keyword, { passingSchemas: matching }, `must match exactly one option, but matches options ${matching.map((i) => i + 1).join(' and ')}`);
    } else {
      valid = reportClosestOption(schema, options, keyword, data, path, spath, ctx);
    }
    if (ctx.failFast) return false;
  }
  if (schema.not !== undefined && (typeof schema.not === 'boolean' || isObject(schema.not)) && isValidJson(schema.not, data, ctx.root)) {
    valid = fail(ctx, schema, path, spath, 'not', {}, 'is not allowed here');
    if (ctx.failFast) return false;
  }
  const condition = schema.if;
  if (condition !== undefined && (typeof condition === 'boolean' || isObject(condition))) {
    const branch = isValidJson(condition, data, ctx.root) ? 'then' : 'else';
    const target = schema[branch];
    if (typeof target === 'boolean' || isObject(target)) valid = check(target, data, path, `${spath}/${branch}`, ctx) && valid;
  }
  return valid;
}

/**
 * When no option of anyOf/oneOf matches, the problems of the closest option
 * are more useful than "matches no option": the option whose `type` fits the
 * value and that has the fewest problems. Without such an option, one error
 * for the keyword.
 */
function reportClosestOption(
  schema: SchemaObject,
  options: JsonSchema[],
  keyword: 'anyOf' | 'oneOf',
  data: unknown,
  path: string,
  spath: string,
  ctx: Context,
): false {
  if (ctx.failFast) return false;
  let best: SchemaError[] | undefined;
  options.forEach((option, i) => {
    const errors = validateJson(option, data, ctx.root).map((e) => ({
      ...e,
      schemaPath: `${spath}/${keyword}/${i}${e.schemaPath.slice(1)}`,
      instancePath: `${path}${e.instancePath}`,
    }));
    const typeMismatch = errors.some((e) => e.keyword === 'type' && e.instancePath === path);
    if (!typeMismatch && (!best || errors.length < best.length)) best = errors;
  });
  if (best && best.length > 0 && !declaredMessage(schema, keyword)) {
    ctx.errors.push(...best);
    return false;
  }
  const message = keyword === 'anyOf' ? 'must match one of the allowed forms' : 'must match exactly one of the allowed forms';
  return fail(ctx, schema, path, spath, keyword, {}, message);
}
