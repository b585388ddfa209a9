/**
 * Checks of what callers send: definition bodies (create, PUT, PATCH),
 * criteria rules and classes. Each refusal is a 400 naming the field and
 * what it accepts; nothing here echoes a secret input.
 */
import { isJsonObject } from '../core/canonical';
import type { Json, JsonObject } from '../core/model/spec';
import type { ProvisionRecord } from '../core/model/resourcedefs';
import {
  assertBoolean,
  assertJson,
  assertName,
  assertNotReserved,
  ID_PATTERN,
  invalid,
  show,
} from '../core/validate';
import { DEFAULT_CLASS } from './store';

/** The spec's pattern of definition, account and class ids. */
const SPEC_ID = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
/** A driver type: `<namespace>/<name>` (e.g. `humanitec/postgres`). */
const DRIVER_TYPE = /^[a-z0-9][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/;
/** A resource id in a deployment set: dotted path segments (`shared.db`, `modules.api.externals.cache`). */
const RES_ID = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
/** A resource type id (`postgres`, `k8s-cluster`, `aws-rds`). */
const TYPE_ID = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;

/** The body as an object, or 400 showing what one looks like. */
export function objectBody(
  input: unknown,
  what: string,
  example: string,
): Record<string, unknown> {
  if (!isJsonObject(input as Json))
    invalid(
      `${what} must be a JSON object like ${example}; got ${show(input)}.`,
    );
  return input as Record<string, unknown>;
}

/** Refuses fields the schema does not have. */
export function knownFields(
  fields: Record<string, unknown>,
  allowed: readonly string[],
  what: string,
): void {
  const unknown = Object.keys(fields).find(
    (key) => fields[key] !== undefined && !allowed.includes(key),
  );
  if (unknown !== undefined)
    invalid(
      `${what} has the unknown field \`${unknown}\`; its fields are ${allowed.map((f) => `\`${f}\``).join(', ')}.`,
      { field: unknown },
    );
}

/**
 * An id of the spec's pattern, `min` to 63 characters: 2 for accounts and classes, 3 for resource definitions (the
 * spec's `^[a-z0-9][a-z0-9-]+[a-z0-9]$` for their create body and path).
 */
export function specId(
  kind: string,
  value: unknown,
  field: string,
  min = 2,
): string {
  if (
    typeof value !== 'string' ||
    !SPEC_ID.test(value) ||
    value.length < min ||
    value.length > 63
  )
    invalid(
      `${kind} ${show(value)} is not valid: use ${min} to 63 lowercase letters, digits and dashes, starting and ending with a letter or digit (e.g. \`postgres-dev\`).`,
      { field },
    );
  return assertNotReserved(kind, value as string);
}

/** A resource type id. */
export function typeId(value: unknown, field = 'type'): string {
  if (typeof value !== 'string' || !TYPE_ID.test(value) || value.length > 63)
    invalid(
      `\`${field}\` must be a resource type id such as \`postgres\` or \`k8s-cluster\`; got ${show(value)}.`,
      { field },
    );
  return value as string;
}

/** A driver type (`humanitec/postgres`). */
export function driverType(value: unknown): string {
  if (typeof value !== 'string' || !DRIVER_TYPE.test(value))
    invalid(
      `\`driver_type\` must name a driver as \`<namespace>/<name>\`, e.g. \`humanitec/postgres\` or \`humanitec/echo\`; got ${show(value)}.`,
      { field: 'driver_type' },
    );
  return value as string;
}

/** A display name (a definition's `name`). */
export function displayName(value: unknown): string {
  return assertName('`name`', value);
}

/** A map of JSON values (`driver_inputs.values`, `.secrets`, `.secret_refs`); never shows the content. */
function inputMap(value: unknown, field: string): JsonObject {
  if (value === undefined || value === null) return {};
  if (!isJsonObject(value as Json))
    invalid(`\`${field}\` must be a JSON object of inputs.`, { field });
  try {
    return assertJson(value, field) as JsonObject;
  } catch {
    return invalid(`\`${field}\` must hold only JSON values.`, { field });
  }
}

/** `driver_inputs` split into its three maps. */
export interface DriverInputs {
  values: JsonObject;
  secrets: JsonObject;
  secret_refs: JsonObject;
}

/** Checks `driver_inputs` (`values`, `secrets`, `secret_refs`). */
export function driverInputs(value: unknown): DriverInputs {
  if (value === undefined || value === null)
    return { values: {}, secrets: {}, secret_refs: {} };
  const fields = objectBody(
    value,
    '`driver_inputs`',
    '{"values": {"host": "db.internal"}, "secrets": {"password": "…"}}',
  );
  knownFields(fields, ['values', 'secrets', 'secret_refs'], '`driver_inputs`');
  return {
    values: inputMap(fields.values, 'driver_inputs.values'),
    secrets: inputMap(fields.secrets, 'driver_inputs.secrets'),
    secret_refs: inputMap(fields.secret_refs, 'driver_inputs.secret_refs'),
  };
}

/**
 * Checks `provision`: keys `<type>` or `<type>#<res id>` (the spec: the
 * resources provisioned with this one), each `{is_dependent?, match_dependents?, params?}`.
 */
export function provision(value: unknown): Record<string, ProvisionRecord> {
  if (value === undefined || value === null) return {};
  const fields = objectBody(
    value,
    '`provision`',
    '{"aws-policy#db-policy": {"is_dependent": false}}',
  );
  const out: Record<string, ProvisionRecord> = {};
  for (const [key, entry] of Object.entries(fields)) {
    const [type, resId, ...rest] = key.split('#');
    if (
      rest.length > 0 ||
      !TYPE_ID.test(type) ||
      (resId !== undefined && !RES_ID.test(resId))
    )
      invalid(
        `\`provision\` key ${show(key)} must be \`<resource type>\` or \`<resource type>#<resource id>\`, e.g. \`aws-policy#db-policy\`.`,
        { field: 'provision' },
      );
    const where = `provision.${key}`;
    const item = objectBody(entry, `\`${where}\``, '{"is_dependent": false}');
    knownFields(
      item,
      ['is_dependent', 'match_dependents', 'params'],
      `\`${where}\``,
    );
    out[key] = {
      is_dependent:
        item.is_dependent === undefined
          ? false
          : assertBoolean(`\`${where}.is_dependent\``, item.is_dependent),
      ...(item.match_dependents !== undefined
        ? {
            match_dependents: assertBoolean(
              `\`${where}.match_dependents\``,
              item.match_dependents,
            ),
          }
        : {}),
      ...(item.params !== undefined
        ? { params: inputMap(item.params, `${where}.params`) }
        : {}),
    };
  }
  return out;
}

/** An optional boolean field. */
export function optionalBoolean(
  value: unknown,
  field: string,
): boolean | undefined {
  return value === undefined ? undefined : assertBoolean(`\`${field}\``, value);
}

/** A criteria rule as a caller sends it (the spec's MatchingCriteriaRuleRequest), checked. */
export interface CriteriaRule {
  app_id?: string;
  env_id?: string;
  env_type?: string;
  res_id?: string;
  class: string;
}

/**
 * The criteria fields, most specific first (the order matching ranks them in):
 * the spec's MatchingCriteriaResponse lists them least specific first as
 * env_type, app_id, env_id, res_id.
 */
export const CRITERIA_FIELDS = [
  'res_id',
  'env_id',
  'app_id',
  'env_type',
] as const;
/** One of {@link CRITERIA_FIELDS}. */
export type CriteriaField = (typeof CRITERIA_FIELDS)[number];

const ENGINE_ID = ID_PATTERN;

/** Checks one criteria rule: ids of apps, environments and types as the engine makes them, a dotted res_id, a class id. */
export function criteriaRule(
  value: unknown,
  where = 'The criteria',
): CriteriaRule {
  const fields = objectBody(
    value,
    where,
    '{"env_type": "development", "class": "default"}',
  );
  knownFields(
    fields,
    ['app_id', 'env_id', 'env_type', 'res_id', 'class'],
    where,
  );
  const rule: CriteriaRule = { class: DEFAULT_CLASS };
  for (const field of ['app_id', 'env_id', 'env_type'] as const) {
    const given = fields[field];
    if (given === undefined || given === null || given === '') continue;
    if (
      typeof given !== 'string' ||
      !ENGINE_ID.test(given) ||
      given.length > 50
    )
      invalid(
        `${where}: \`${field}\` must be an id of lowercase letters, digits and single dashes (e.g. \`my-app\`); got ${show(given)}.`,
        { field },
      );
    rule[field] = given;
  }
  const resId = fields.res_id;
  if (resId !== undefined && resId !== null && resId !== '') {
    if (typeof resId !== 'string' || !RES_ID.test(resId) || resId.length > 253)
      invalid(
        `${where}: \`res_id\` must be the resource's id in the set, a \`.\`-separated path such as \`shared.db\` or \`modules.api.externals.cache\`; got ${show(resId)}.`,
        { field: 'res_id' },
      );
    rule.res_id = resId;
  }
  const cls = fields.class;
  if (cls !== undefined && cls !== null) {
    if (cls === '')
      invalid(
        `${where}: \`class\` cannot be empty; leave it out for \`${DEFAULT_CLASS}\`.`,
        { field: 'class' },
      );
    rule.class = specId('`class`', cls, 'class');
  }
  return rule;
}

/** The text of a rule for messages: `{env_type: development, class: default}`. */
export function describeRule(rule: CriteriaRule): string {
  const parts = [...CRITERIA_FIELDS]
    .reverse()
    .filter((field) => rule[field] !== undefined)
    .map((field) => `${field}: ${rule[field]}`);
  parts.push(`class: ${rule.class}`);
  return `{${parts.join(', ')}}`;
}

/** Whether two rules are the same rule (Humanitec refuses duplicates within a resource type). */
export function sameRule(a: CriteriaRule, b: CriteriaRule): boolean {
  return (
    a.class === b.class &&
    CRITERIA_FIELDS.every((field) => (a[field] ?? '') === (b[field] ?? ''))
  );
}
