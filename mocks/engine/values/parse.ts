/**
 * Reading the bodies of the value calls (the spec's ValueCreatePayloadRequest,
 * ValueEditPayloadRequest, ValuePatchPayloadRequest, ValueSetActionPayloadRequest).
 * No message ever repeats a value: a secret typed into the wrong field must
 * not come back in an error.
 */
import { invalid, show } from '../core/validate';

/** The spec's pattern of a value's key. */
export const VALUE_KEY_PATTERN = /^[A-Za-z0-9_.-]+$/;
/** Longest key, description and value the engine keeps. */
export const MAX_KEY_LENGTH = 253;
export const MAX_DESCRIPTION_LENGTH = 1000;
export const MAX_VALUE_LENGTH = 65536;
export const MAX_COMMENT_LENGTH = 1000;

/** A secret reference of a request (the spec's SecretReference). */
export interface SecretRefInput {
  store?: string;
  ref?: string;
  version?: string;
  /** A secret value to keep (write-only). */
  value?: string;
}

/** What a create, replace or patch asks for; `undefined` leaves a field as it is. */
export interface ValueInput {
  key?: string;
  description?: string;
  is_secret?: boolean;
  value?: string;
  secret_ref?: SecretRefInput;
}

function object(body: unknown, what: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    invalid(`${what} must be a JSON object; got ${kindOf(body)}.`);
  return body as Record<string, unknown>;
}

/** A kind of JSON value (never the value: it may be a secret). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Checks a key against the spec's pattern. */
export function assertValueKey(key: unknown, where = '`key`'): string {
  if (typeof key !== 'string' || key === '')
    invalid(`${where} must be a non-empty string; got ${show(key)}.`);
  if (key.length > MAX_KEY_LENGTH)
    invalid(`${where} must be at most ${MAX_KEY_LENGTH} characters.`);
  if (!VALUE_KEY_PATTERN.test(key))
    invalid(
      `${where} ${show(key)} may hold only letters, digits, \`_\`, \`.\` and \`-\` (the spec's pattern ^[A-Za-z0-9_.-]+$), e.g. DB_HOST.`,
      { key },
    );
  return key;
}

function text(
  body: Record<string, unknown>,
  name: string,
  max: number,
  secretish = false,
): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    invalid(
      `\`${name}\` must be a string${secretish ? '' : ' or null'}; got ${kindOf(value)}.`,
    );
  if (value.length > max)
    invalid(`\`${name}\` must be at most ${max} characters.`);
  return value;
}

function parseSecretRef(raw: unknown): SecretRefInput | undefined {
  if (raw === undefined || raw === null) return undefined;
  const body = object(raw, '`secret_ref`');
  const ref: SecretRefInput = {};
  for (const name of ['store', 'ref', 'version'] as const) {
    const value = text(body, name, 1000);
    if (value !== undefined) ref[name] = value;
  }
  const value = text(body, 'value', MAX_VALUE_LENGTH, true);
  if (value !== undefined) ref.value = value;
  if (ref.value === undefined && ref.ref === undefined)
    invalid(
      '`secret_ref` needs a `value` (a secret to keep) or a `ref` (the path of a secret in a store).',
    );
  if (ref.value !== undefined && ref.ref !== undefined)
    invalid(
      '`secret_ref` takes a `value` or a `ref`, not both: send the secret itself, or the path of one already in a store.',
    );
  return ref;
}

function common(body: Record<string, unknown>): ValueInput {
  const input: ValueInput = {};
  const description = body.description;
  if (description !== undefined) {
    input.description = text(body, 'description', MAX_DESCRIPTION_LENGTH) ?? '';
  }
  const value = text(body, 'value', MAX_VALUE_LENGTH, true);
  if (value !== undefined) input.value = value;
  const ref = parseSecretRef(body.secret_ref);
  if (ref) input.secret_ref = ref;
  if (input.value !== undefined && ref?.value !== undefined)
    invalid(
      'Send a secret either as `value` or as `secret_ref.value`, not both.',
    );
  return input;
}

function isSecret(body: Record<string, unknown>): boolean | undefined {
  const value = body.is_secret;
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean')
    invalid(`\`is_secret\` must be true or false; got ${show(value)}.`);
  return value;
}

/** A ValueCreatePayloadRequest. */
export function parseCreateValue(raw: unknown): ValueInput & { key: string } {
  const body = object(raw, 'A value');
  if (!Object.hasOwn(body, 'key'))
    invalid('A value needs a `key`, e.g. {"key": "DB_HOST", "value": "db"}.');
  const key = assertValueKey(body.key);
  if (!Object.hasOwn(body, 'description'))
    invalid(
      'A value needs a `description` (the spec requires it; it may be "" or null).',
    );
  const input = common(body);
  input.description ??= '';
  const secret = isSecret(body);
  if (secret !== undefined) input.is_secret = secret;
  return { ...input, key };
}

/** A ValueEditPayloadRequest (replace): `key`, when given, must be the key of the path. */
export function parseEditValue(raw: unknown, pathKey: string): ValueInput {
  const body = object(raw, 'A value');
  if (!Object.hasOwn(body, 'description'))
    invalid(
      'Replacing a value needs its `description` (the spec requires it; it may be "" or null).',
    );
  if (body.key !== undefined) {
    const key = assertValueKey(body.key);
    if (key !== pathKey)
      invalid(
        `The body's \`key\` ${show(key)} differs from the key in the path ${show(pathKey)}: a value cannot be renamed; create one under the new key and delete this one.`,
      );
  }
  const input = common(body);
  input.description ??= '';
  const secret = isSecret(body);
  if (secret !== undefined) input.is_secret = secret;
  return input;
}

/** A ValuePatchPayloadRequest. */
export function parsePatchValue(raw: unknown): ValueInput {
  const body = object(raw, 'A value patch');
  return common(body);
}

/** A ValueSetActionPayloadRequest: its comment. */
export function parseAction(raw: unknown): string {
  if (raw === undefined || raw === null) return '';
  const body = object(raw, 'The request');
  return text(body, 'comment', MAX_COMMENT_LENGTH) ?? '';
}
