/**
 * Cross-field rules of a profile schema (`x-console-rules`) and the check a
 * cron widget implies: ajv keywords added to every validator of workload
 * specs (keywords.ts), so the form and the engine run the same code and say
 * the same message at the same field.
 *
 * `x-console-rules` sits on an object schema and lists rules about its
 * fields, each named by a JSON pointer relative to that object:
 *
 * - `{"rule": "compare", "field": "/limits/cpu", "op": ">=", "than":
 *   "/requests/cpu", "as": "cpu"}`: the field compared with another
 *   (`>=`, `>`, `<=`, `<`, `==`, `!=`), as numbers, or as CPU or memory
 *   quantities (`as`: `number`, `cpu`, `memory`). The problem is at `field`.
 *   A rule with a field unset or not a value of its kind says nothing (the
 *   field's own schema does).
 * - `{"rule": "exactly-one" | "at-most-one" | "at-least-one", "fields":
 *   ["/image", "/script"]}`: how many of the fields may be set. The problem
 *   is at each field set too many, or at each field when none is.
 *
 * Every rule may have a `message` (shown as written); otherwise one is
 * worded from the fields' titles. Why not ajv's `$data`: it compares numbers
 * only (not `250m` with `0.5`), has no custom message, and puts the problem
 * where the keyword is rather than where the person should look.
 *
 * A field with `x-console-widget: cron` must hold a cron expression
 * (cron.ts): the problem is reported as the `cron` format (so
 * `x-console-errors.format` words it), except when the field's `pattern`
 * already refuses the value.
 */
import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import { cronProblem, isCronExpression } from './cron';
import { fieldLabel } from './labels';
import { isObject, parsePointer, valueAt, type SchemaObject } from './pointer';

export const RULES = 'x-console-rules';
const WIDGET = 'x-console-widget';

/** The kinds of rules and what each needs. */
export const RULE_KINDS = {
  compare: ['field', 'op', 'than'],
  'exactly-one': ['fields'],
  'at-most-one': ['fields'],
  'at-least-one': ['fields'],
} as const;
export type RuleKind = keyof typeof RULE_KINDS;
/** The keys a rule may have. */
export const RULE_KEYS = [
  'rule',
  'field',
  'op',
  'than',
  'as',
  'fields',
  'message',
];
export const COMPARE_OPS = ['>=', '>', '<=', '<', '==', '!='] as const;
export const COMPARE_AS = ['number', 'cpu', 'memory'] as const;

/** A rule as it is written. */
export interface Rule {
  rule: RuleKind;
  field?: string;
  op?: (typeof COMPARE_OPS)[number];
  than?: string;
  as?: (typeof COMPARE_AS)[number];
  fields?: string[];
  message?: string;
}

const MEMORY_FACTORS: Record<string, number> = {
  '': 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
};

/** A value as a number of its kind (cores, bytes), or undefined when it is not one. */
export function quantity(
  value: unknown,
  as: Rule['as'] = 'number',
): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (as === 'number')
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
  const match = /^(\d+(?:\.\d+)?)([A-Za-z]*)$/.exec(text);
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (as === 'cpu')
    return match[2] === ''
      ? amount
      : match[2] === 'm'
        ? amount / 1000
        : undefined;
  const factor = MEMORY_FACTORS[match[2]];
  return factor === undefined ? undefined : amount * factor;
}

/** Whether a rule is well-formed (the annotation checker says what is wrong with one that is not). */
export function isRule(value: unknown): value is Rule {
  if (!isObject(value) || typeof value.rule !== 'string') return false;
  if (value.message !== undefined && typeof value.message !== 'string')
    return false;
  const pointer = (p: unknown) =>
    typeof p === 'string' && p.startsWith('/') && parsePointer(p) !== undefined;
  if (value.rule === 'compare')
    return (
      pointer(value.field) &&
      pointer(value.than) &&
      COMPARE_OPS.includes(value.op as never) &&
      (value.as === undefined || COMPARE_AS.includes(value.as as never))
    );
  if (Object.hasOwn(RULE_KINDS, value.rule))
    return (
      Array.isArray(value.fields) &&
      value.fields.length >= 2 &&
      value.fields.every(pointer)
    );
  return false;
}

/** The schema of the field at `pointer` below an object schema (through `properties`), if it declares one. */
export function ruleFieldSchema(
  schema: SchemaObject,
  pointer: string,
): SchemaObject | undefined {
  let node: unknown = schema;
  for (const token of parsePointer(pointer) ?? []) {
    const properties =
      isObject(node) && isObject(node.properties) ? node.properties : undefined;
    if (!properties || !Object.hasOwn(properties, token)) return undefined;
    node = properties[token];
  }
  return isObject(node) ? node : undefined;
}

/** The label of a rule's field: its title, else its name in words. */
function labelOf(schema: SchemaObject, pointer: string): string {
  const tokens = parsePointer(pointer) ?? [];
  return (
    fieldLabel(ruleFieldSchema(schema, pointer), undefined, tokens.at(-1)) ||
    pointer
  );
}

const OP_WORDS: Record<string, string> = {
  '>=': 'at least',
  '>': 'more than',
  '<=': 'at most',
  '<': 'less than',
  '==': 'equal to',
  '!=': 'different from',
};

const compare = (a: number, op: string, b: number) =>
  ({
    '>=': a >= b,
    '>': a > b,
    '<=': a <= b,
    '<': a < b,
    '==': a === b,
    '!=': a !== b,
  })[op] ?? true;

const isSet = (value: unknown) =>
  value !== undefined && value !== null && value !== '';

const list = (names: string[]) =>
  names.length <= 2
    ? names.join(' and ')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** The problems of `data` (an object) under its rules: pointer relative to it → message. */
export function ruleProblems(
  rules: unknown,
  schema: SchemaObject,
  data: unknown,
): { index: number; rule: Rule; path: string; message: string }[] {
  if (!Array.isArray(rules) || !isObject(data)) return [];
  const out: { index: number; rule: Rule; path: string; message: string }[] =
    [];
  rules.forEach((rule: unknown, index) => {
    if (!isRule(rule)) return;
    const at = (p: string) => valueAt(data, parsePointer(p) ?? []);
    if (rule.rule === 'compare') {
      const field = rule.field!;
      const than = rule.than!;
      const a = quantity(at(field), rule.as);
      const b = quantity(at(than), rule.as);
      if (a === undefined || b === undefined || compare(a, rule.op!, b)) return;
      out.push({
        index,
        rule,
        path: field,
        message:
          rule.message ??
          `must be ${OP_WORDS[rule.op!]} ${labelOf(schema, than)} (${String(at(than))})`,
      });
      return;
    }
    const fields = rule.fields!;
    const set = fields.filter((f) => isSet(at(f)));
    const names = list(fields.map((f) => labelOf(schema, f)));
    if (set.length === 0 && rule.rule !== 'at-most-one') {
      for (const path of fields)
        out.push({
          index,
          rule,
          path,
          message:
            rule.message ??
            (rule.rule === 'exactly-one'
              ? `Set one of ${names}.`
              : `Set at least one of ${names}.`),
        });
    } else if (set.length > 1 && rule.rule !== 'at-least-one') {
      for (const path of set)
        out.push({
          index,
          rule,
          path,
          message: rule.message ?? `Set only one of ${names}.`,
        });
    }
  });
  return out;
}

type DataValidate = ((
  data: unknown,
  cxt?: { instancePath?: string },
) => boolean) & { errors?: Partial<ErrorObject>[] };

/** Adds `x-console-rules` and the cron widget's check to an ajv instance (returns it). */
export function addRuleKeywords<A extends Ajv>(ajv: A): A {
  if (!ajv.getKeyword(RULES))
    ajv.addKeyword({
      keyword: RULES,
      type: 'object',
      errors: true,
      compile: (rules: unknown, parentSchema: unknown) => {
        const schema = (
          isObject(parentSchema) ? parentSchema : {}
        ) as SchemaObject;
        const validate: DataValidate = (data, cxt) => {
          const problems = ruleProblems(rules, schema, data);
          if (problems.length === 0) return true;
          validate.errors = problems.map((p) => ({
            keyword: RULES,
            instancePath: `${cxt?.instancePath ?? ''}${p.path}`,
            params: { rule: p.rule.rule, index: p.index },
            message: p.message,
            parentSchema: schema,
          }));
          return false;
        };
        return validate;
      },
    });
  if (!ajv.formats.cron) ajv.addFormat('cron', isCronExpression);
  if (!ajv.getKeyword(WIDGET))
    ajv.addKeyword({
      keyword: WIDGET,
      type: 'string',
      errors: true,
      compile: (widget: unknown, parentSchema: unknown) => {
        const schema = (
          isObject(parentSchema) ? parentSchema : {}
        ) as SchemaObject;
        if (widget !== 'cron' || schema.format === 'cron') return () => true;
        const pattern = patternOf(schema);
        const validate: DataValidate = (data) => {
          if (typeof data !== 'string') return true;
          const problem = cronProblem(data);
          if (!problem || (pattern && !pattern.test(data))) return true;
          validate.errors = [
            {
              keyword: 'format',
              params: { format: 'cron', reason: problem },
              parentSchema: schema,
            },
          ];
          return false;
        };
        return validate;
      },
    });
  return ajv;
}

/** A schema's `pattern` as a RegExp (ajv's `u` flag), or undefined when it has none or it does not compile. */
export function patternOf(schema: { pattern?: unknown }): RegExp | undefined {
  try {
    return typeof schema.pattern === 'string'
      ? new RegExp(schema.pattern, 'u')
      : undefined;
  } catch {
    return undefined;
  }
}
