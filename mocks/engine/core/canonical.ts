/**
 * Canonical JSON and the content hash of deployment sets.
 *
 * A set's id is `base64url(SHA-256(canonicalJson({ modules, shared })))`
 * without padding (43 characters), as the 2020 Humanitec prototype did; the
 * empty set's id is 43 zeros. Equal content always gives an equal id, no
 * matter in which order the object keys were written.
 */
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { isObject } from '../../../src/lib/json-schema/pointer';
import type { DeploymentSet, Json, JsonObject } from './model/spec';

/** The id of the empty set (no workloads, no shared resources): 43 zeros. */
export const EMPTY_SET_ID = '0'.repeat(43);

/** Whether `setId` names the empty ("null") set: 43 zeros, or the short alias `0`. */
export function isEmptySetId(setId: string): boolean {
  return setId === EMPTY_SET_ID || setId === '0';
}

/**
 * JSON text with object keys sorted (by UTF-16 code units) and no whitespace.
 * Properties whose value is `undefined` are left out, as `JSON.stringify`
 * does. Throws a `TypeError` on values JSON cannot represent (NaN, Infinity,
 * functions, bigints), because they would make the hash ambiguous.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`canonicalJson: ${value} is not valid JSON`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      }
      const obj = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(obj).sort()) {
        if (obj[key] === undefined) continue;
        parts.push(`${JSON.stringify(key)}:${canonicalJson(obj[key])}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not valid JSON`);
  }
}

const BASE64URL =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Base64url (RFC 4648 §5) without padding. */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out +=
      BASE64URL[(n >> 18) & 63] +
      BASE64URL[(n >> 12) & 63] +
      BASE64URL[(n >> 6) & 63] +
      BASE64URL[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += BASE64URL[(n >> 18) & 63] + BASE64URL[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out +=
      BASE64URL[(n >> 18) & 63] +
      BASE64URL[(n >> 12) & 63] +
      BASE64URL[(n >> 6) & 63];
  }
  return out;
}

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** SHA-256 of the UTF-8 encoding of `text`. */
export function sha256Text(text: string): Uint8Array {
  return sha256(utf8ToBytes(text));
}

/**
 * The content hash of a set: 43 zeros when it has neither workloads nor
 * shared resources, else base64url(SHA-256(canonical JSON of
 * `{ modules, shared }`)).
 */
export function hashSetContent(content: {
  modules: object;
  shared: object;
}): string {
  if (
    Object.keys(content.modules).length === 0 &&
    Object.keys(content.shared).length === 0
  ) {
    return EMPTY_SET_ID;
  }
  return base64url(
    sha256Text(
      canonicalJson({ modules: content.modules, shared: content.shared }),
    ),
  );
}

/** Whether a JSON value is a (non-array, non-null) object. */
export const isJsonObject = isObject as (value: unknown) => value is JsonObject;

/** Structural equality of two JSON values (object key order is irrelevant). */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined)
    return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
      return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  const keysA = Object.keys(a).filter((key) => a[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => b[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]),
  );
}

/** A deep copy of a JSON value; properties set to `undefined` are dropped. */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) setOwn(out, key, cloneJson(item));
  }
  return out as T;
}

/**
 * Sets an own, enumerable property, even when the key is `__proto__` (a
 * plain assignment would change the object's prototype instead).
 */
export function setOwn(
  target: Record<string, unknown>,
  key: string,
  value: unknown,
): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[key] = value;
  }
}

/** The empty set (id: 43 zeros). */
export function emptySet(): DeploymentSet {
  return { id: EMPTY_SET_ID, version: 0, modules: {}, shared: {} };
}
