/**
 * JSON Schema validation with ajv (drafts 07 and 2020-12, chosen by the
 * schema's `$schema`; formats from ajv-formats). Workload-profile schemas are
 * written by users at run time, so they are compiled at run time: that is why
 * the console's Content-Security-Policy allows 'unsafe-eval' (see
 * vite.config.ts and README); the API's own request validators are compiled
 * ahead of time.
 *
 * One ajv instance per root schema (a WeakMap, so a designer that edits the
 * schema on every keystroke leaves nothing behind and never meets a stale
 * `$id`); sub-schemas of the root are compiled by their JSON pointer so their
 * `$ref`s resolve against the root. Errors keep ajv's shape, with the
 * messages of messages.ts.
 */
import Ajv, {
  type ErrorObject,
  type Options,
  type ValidateFunction,
} from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { addConsoleKeywords } from './keywords';
import { messageFor, pruneAlternatives } from './messages';
import {
  escapeSegment,
  isObject,
  type JsonSchema,
  type SchemaObject,
} from './pointer';

export {
  escapeSegment,
  jsonEqual,
  resolveRef,
  type JsonSchema,
  type SchemaObject,
} from './pointer';
export { declaredMessage } from './messages';

/** One validation problem, in ajv's shape (`message` always set). */
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

/** ajv's options for every console validator (RJSF's are the same, see schema-validator.ts). */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  strict: false,
  verbose: true,
  multipleOfPrecision: 8,
  logger: false,
};

/** The ajv class for a schema's draft: 2020-12, 2019-09, or draft-07 (the default). */
export function ajvClassFor(schema: unknown): typeof Ajv {
  const draft =
    isObject(schema) && typeof schema.$schema === 'string'
      ? schema.$schema
      : '';
  if (draft.includes('2020-12')) return Ajv2020;
  if (draft.includes('2019-09')) return Ajv2019;
  return Ajv;
}

/** A configured ajv instance for a schema's draft (with formats and the console's keywords, keywords.ts). */
export function createAjv(schema: unknown, options: Options = {}): Ajv {
  const AjvClass = ajvClassFor(schema);
  const ajv = new AjvClass({ ...AJV_OPTIONS, ...options });
  addFormats(ajv);
  return addConsoleKeywords(ajv);
}

const ROOT_KEY = 'console:root';

interface RootEntry {
  ajv: Ajv;
  /** Why the root schema cannot be used (e.g. it is not a valid schema). */
  failure?: Error;
  /** Pointers of the root's sub-schema objects, built on first use. */
  pointers?: Map<object, string>;
  validators: WeakMap<object, ValidateFunction | Error>;
}

const roots = new WeakMap<object, RootEntry>();
const booleanRoots = { true: {}, false: {} };

/**
 * One ajv per draft that checks root schemas against their meta-schema, as
 * ajv's addSchema would: compiling the meta-schema costs more than most
 * schemas (a fifth of the demo's seed, which validates against a dozen
 * profiles), so each root's own ajv skips that check and this one, compiled
 * once, does it.
 */
const schemaCheckers = new Map<typeof Ajv, Ajv>();

/**
 * The ajv (one per draft, kept) whose validateSchema checks a schema of
 * `schema`'s draft against its meta-schema. Read its `errors` at once: the
 * next check replaces them.
 */
export function schemaCheckerFor(schema: unknown): Ajv {
  const draft = ajvClassFor(schema);
  let checker = schemaCheckers.get(draft);
  if (!checker) {
    checker = createAjv(schema);
    schemaCheckers.set(draft, checker);
  }
  return checker;
}

/** Throws ajv's own error ("schema is invalid: ...") when `root` does not fit its meta-schema. */
function checkSchema(root: JsonSchema): void {
  const checker = schemaCheckerFor(root);
  if (!checker.validateSchema(root as object))
    throw new Error(`schema is invalid: ${checker.errorsText(checker.errors)}`);
}

function entryFor(root: JsonSchema): RootEntry {
  const key = typeof root === 'boolean' ? booleanRoots[`${root}`] : root;
  let entry = roots.get(key);
  if (!entry) {
    entry = {
      ajv: createAjv(root, { validateSchema: false }),
      validators: new WeakMap(),
    };
    try {
      checkSchema(root);
      entry.ajv.addSchema(root as object, ROOT_KEY);
    } catch (error) {
      entry.failure = error as Error;
    }
    roots.set(key, entry);
  }
  return entry;
}

function pointersOf(root: object): Map<object, string> {
  const pointers = new Map<object, string>();
  const walk = (node: unknown, at: string) => {
    if (typeof node !== 'object' || node === null || pointers.has(node)) return;
    pointers.set(node, at);
    for (const [k, v] of Object.entries(node))
      walk(v, `${at}/${escapeSegment(k)}`);
  };
  walk(root, '');
  return pointers;
}

/** The compiled validator of `schema` (the root or one of its sub-schemas), or the compile error. */
function compiled(
  schema: JsonSchema,
  root: JsonSchema,
): ValidateFunction | Error {
  const entry = entryFor(root);
  const key = typeof schema === 'boolean' ? booleanRoots[`${schema}`] : schema;
  const cached = entry.validators.get(key);
  if (cached) return cached;
  let result: ValidateFunction | Error;
  try {
    if (entry.failure) throw entry.failure;
    let validate: ValidateFunction | undefined;
    if (schema === root) validate = entry.ajv.getSchema(ROOT_KEY);
    else if (typeof schema === 'object') {
      entry.pointers ??= pointersOf(root as object);
      const pointer = entry.pointers.get(schema);
      if (pointer !== undefined)
        validate = entry.ajv.getSchema(`${ROOT_KEY}#${pointer}`);
    }
    result = validate ?? entry.ajv.compile(schema);
  } catch (error) {
    result = error instanceof Error ? error : new Error(String(error));
  }
  entry.validators.set(key, result);
  return result;
}

function compileProblem(error: Error): SchemaError {
  const missing = /can't resolve reference (\S+)/.exec(error.message);
  return missing
    ? {
        instancePath: '',
        schemaPath: '#',
        keyword: '$ref',
        params: { $ref: missing[1] },
        message: `the schema refers to ${missing[1]}, which does not exist`,
      }
    : {
        instancePath: '',
        schemaPath: '#',
        keyword: 'schema',
        params: {},
        message: `the schema is invalid: ${error.message}`,
      };
}

/** Validates `data` against `schema`; `root` resolves `$ref`s (default: the schema). Returns every problem. */
export function validateJson(
  schema: JsonSchema,
  data: unknown,
  root: JsonSchema = schema,
): SchemaError[] {
  const validate = compiled(schema, root);
  if (validate instanceof Error) return [compileProblem(validate)];
  if (validate(data)) return [];
  const errors = pruneAlternatives([...(validate.errors ?? [])]);
  return errors.map((error: ErrorObject) => ({
    instancePath: error.instancePath,
    schemaPath: error.schemaPath,
    keyword: error.keyword,
    params: error.params as Record<string, unknown>,
    // Branch paths are read against the root, when it is the schema validated.
    message: messageFor(error, schema === root ? root : undefined),
    parentSchema: error.parentSchema as SchemaObject | undefined,
  }));
}

/** Whether `data` is valid against `schema` (false when the schema cannot be compiled). */
export function isValidJson(
  schema: JsonSchema,
  data: unknown,
  root: JsonSchema = schema,
): boolean {
  const validate = compiled(schema, root);
  return !(validate instanceof Error) && validate(data) === true;
}
