/**
 * Plain-English messages for ajv's errors, and the messages a schema declares
 * itself with the `x-console-errors` annotation (a string for every keyword,
 * or an object by keyword). One place, used by the forms (as RJSF's ajv
 * localizer) and by the engine's field errors, so both say the same thing.
 */
import type { ErrorObject } from 'ajv';
import { cronProblem } from './cron';
import { isObject, resolveRef, type SchemaObject } from './pointer';

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
const plural = (n: unknown, one: string, many: string) =>
  `${String(n)} ${n === 1 ? one : many}`;
/** RJSF's localizer quotes property names while it runs (`'name'`); strip that. */
const unquote = (value: unknown) =>
  typeof value === 'string' ? value.replace(/^'(.*)'$/, '$1') : value;

/** The message a schema declares for a keyword (`x-console-errors`), if any. */
export function declaredMessage(
  schema: unknown,
  keyword: string,
): string | undefined {
  if (!isObject(schema)) return undefined;
  const declared = schema['x-console-errors'];
  if (typeof declared === 'string') return declared;
  if (isObject(declared) && typeof declared[keyword] === 'string')
    return declared[keyword];
  return undefined;
}

/** What is wrong, in words, for one of ajv's errors (without the field name). */
export function describeError(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${String(p.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t)
        .join(' or ')}`;
    case 'enum': {
      const values = Array.isArray(p.allowedValues) ? p.allowedValues : [];
      return `must be one of: ${values.slice(0, 10).map(show).join(', ')}${values.length > 10 ? ', …' : ''}`;
    }
    case 'const':
      return `must be ${show(p.allowedValue)}`;
    case 'minLength':
      return p.limit === 1
        ? 'must not be empty'
        : `must be at least ${plural(p.limit, 'character', 'characters')}`;
    case 'maxLength':
      return `must be at most ${plural(p.limit, 'character', 'characters')}`;
    case 'pattern':
      return `must match the pattern ${String(p.pattern)}`;
    case 'format':
      if (p.format === 'cron') {
        const reason =
          typeof p.reason === 'string'
            ? p.reason
            : typeof error.data === 'string'
              ? cronProblem(error.data)
              : undefined;
        return `must be a cron expression${reason ? `: ${reason}` : ''}`;
      }
      return `must be a valid ${String(p.format)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return (
        {
          '>=': `must be ${String(p.limit)} or more`,
          '>': `must be more than ${String(p.limit)}`,
          '<=': `must be ${String(p.limit)} or less`,
          '<': `must be less than ${String(p.limit)}`,
        }[String(p.comparison)] ??
        error.message ??
        'is out of range'
      );
    case 'multipleOf':
      return `must be a multiple of ${String(p.multipleOf)}`;
    case 'minItems':
      return `must have at least ${plural(p.limit, 'item', 'items')}`;
    case 'maxItems':
    case 'additionalItems':
    case 'items':
      return `must have at most ${plural(p.limit, 'item', 'items')}`;
    case 'uniqueItems': {
      // ajv reports the pair in either order; people count from the top.
      const [a, b] = [Number(p.i), Number(p.j)].sort((x, y) => x - y);
      return `must not contain duplicates (items ${a + 1} and ${b + 1} are equal)`;
    }
    case 'x-console-unique-by': {
      const names = Array.isArray(p.properties) ? p.properties.map(String) : [];
      const values = Array.isArray(p.values) ? p.values : [];
      return `must not have two items with the same ${names.join(' and ')} (${values.map(show).join(', ')} in items ${Number(p.i) + 1} and ${Number(p.j) + 1})`;
    }
    case 'contains':
      return p.maxContains !== undefined && p.minContains === undefined
        ? `must contain at most ${plural(p.maxContains, 'matching item', 'matching items')}`
        : p.minContains === 1 || p.minContains === undefined
          ? 'must contain at least one matching item'
          : `must contain at least ${String(p.minContains)} matching items`;
    case 'required':
      return 'is required';
    case 'minProperties':
      return `must have at least ${plural(p.limit, 'entry', 'entries')}`;
    case 'maxProperties':
      return `must have at most ${plural(p.limit, 'entry', 'entries')}`;
    case 'additionalProperties':
      return `must not have the property "${String(unquote(p.additionalProperty))}"`;
    case 'propertyNames':
      return `has the name "${String(unquote(p.propertyName))}", which is not allowed`;
    case 'dependencies':
    case 'dependentRequired':
      return `is required when "${String(unquote(p.property))}" is set`;
    case 'oneOf':
      return Array.isArray(p.passingSchemas)
        ? `must match exactly one option, but matches options ${p.passingSchemas.map((i: number) => i + 1).join(' and ')}`
        : 'must match exactly one of the allowed forms';
    case 'anyOf':
      return 'must match one of the allowed forms';
    case 'not':
    case 'false schema':
      return 'is not allowed here';
    default:
      return error.message ?? 'is invalid';
  }
}

/**
 * The schema of the object a keyword at `schemaPath` is about: the keyword's
 * schema, or, when that is a branch (`then`, `else`, `allOf/0`, a dependency),
 * the schema the branch belongs to, where the properties are declared.
 */
function enclosingSchema(
  schemaPath: string,
  root: unknown,
): SchemaObject | undefined {
  const tokens = schemaPath.replace(/^#/, '').split('/').slice(1, -1);
  for (;;) {
    const last = tokens.at(-1);
    const before = tokens.at(-2);
    if (last === 'then' || last === 'else' || last === 'not') tokens.pop();
    else if (
      before !== undefined &&
      ['allOf', 'anyOf', 'oneOf', 'dependencies', 'dependentSchemas'].includes(
        before,
      )
    )
      tokens.splice(-2);
    else break;
  }
  const pointer = tokens.map((t) => `/${t}`).join('');
  const found = resolveRef(`#${pointer}`, root as SchemaObject);
  return isObject(found) ? found : undefined;
}

/**
 * The message to show for an error: the one the schema declares for the
 * keyword (for `required`, the missing property's own declaration first,
 * also when a `then`/`else`/`allOf` branch requires it and `root` is given),
 * else {@link describeError}. Needs ajv's `verbose` option (parentSchema).
 */
export function messageFor(error: ErrorObject, root?: unknown): string {
  const parent = error.parentSchema as SchemaObject | undefined;
  // A cross-field rule carries its own message (rules.ts): declared, or worded from the fields' titles.
  if (error.keyword === 'x-console-rules' && error.message)
    return error.message;
  if (
    error.keyword === 'required' ||
    error.keyword === 'dependencies' ||
    error.keyword === 'dependentRequired'
  ) {
    const missing = unquote(
      (error.params as Record<string, unknown>).missingProperty,
    );
    const childOf = (owner: SchemaObject | undefined) =>
      typeof missing === 'string' && isObject(owner?.properties)
        ? owner.properties[missing]
        : undefined;
    const child =
      childOf(parent) ??
      (root === undefined
        ? undefined
        : childOf(enclosingSchema(error.schemaPath, root)));
    const own = declaredMessage(child, 'required');
    if (own) return own;
  }
  return (
    declaredMessage(parent, error.keyword) ??
    // x-console-unique-by is a kind of uniqueItems: a message declared for either is shown.
    (error.keyword === 'x-console-unique-by'
      ? declaredMessage(parent, 'uniqueItems')
      : undefined) ??
    describeError(error)
  );
}

const branchOf = (schemaPath: string, prefix: string) => {
  const match = new RegExp(
    `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/(\\d+)(/|$)`,
  ).exec(schemaPath);
  return match ? Number(match[1]) : -1;
};

/**
 * ajv reports every option's problems when no option of anyOf / oneOf matches,
 * plus "if" errors beside the branch's own. The problems of the closest option
 * are more useful: the option whose `type` fits the value and that has the
 * fewest problems. Without one, only the keyword's error stays. A name
 * that breaks `propertyNames` keeps only that keyword's error. Edits the
 * list in place (RJSF reads ajv's own array after its localizer runs).
 */
export function pruneAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const drop = new Set<ErrorObject>();
  for (const error of errors) if (error.keyword === 'if') drop.add(error);
  // Innermost combinators first: their choices feed the outer ones.
  const combinators = errors
    .filter(
      (e) =>
        (e.keyword === 'oneOf' || e.keyword === 'anyOf') &&
        !Array.isArray(
          (e.params as { passingSchemas?: unknown }).passingSchemas,
        ),
    )
    .sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const combinator of combinators) {
    const prefix = combinator.schemaPath;
    const byBranch = new Map<number, ErrorObject[]>();
    for (const error of errors) {
      if (error === combinator || drop.has(error)) continue;
      const branch = branchOf(error.schemaPath, prefix);
      if (branch >= 0)
        byBranch.set(branch, [...(byBranch.get(branch) ?? []), error]);
    }
    let best: number | undefined;
    for (const [branch, list] of byBranch) {
      const typeMismatch = list.some(
        (e) =>
          e.keyword === 'type' && e.instancePath === combinator.instancePath,
      );
      if (
        !typeMismatch &&
        (best === undefined ||
          list.length < (byBranch.get(best)?.length ?? Infinity))
      )
        best = branch;
    }
    const declared = declaredMessage(
      combinator.parentSchema,
      combinator.keyword,
    );
    for (const [branch, list] of byBranch)
      if (branch !== best || declared) list.forEach((e) => drop.add(e));
    if (best !== undefined && !declared) drop.add(combinator);
  }
  // A name of a map that breaks `propertyNames` is one problem: the keyword's (with its declared message), not also the inner schema's.
  for (const names of errors.filter((e) => e.keyword === 'propertyNames')) {
    const inner = `${names.schemaPath}/`;
    for (const error of errors)
      if (error.schemaPath.startsWith(inner)) drop.add(error);
  }
  for (let i = errors.length - 1; i >= 0; i -= 1)
    if (drop.has(errors[i])) errors.splice(i, 1);
  return errors;
}
