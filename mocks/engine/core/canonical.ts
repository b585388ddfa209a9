/**
 * Canonical JSON and SHA-256, the building blocks of content addressing.
 *
 * A deployment set's id is a Merkle-style combination of per-workload and
 * per-shared-resource hashes, each of the canonical JSON of its value (the
 * scheme, its caches and the ids of sets stored by earlier versions:
 * `set-hash.ts`); the empty set's id is 43 zeros. Equal content always gives
 * an equal id, no matter in which order the object keys were written.
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
 * does, and `undefined` in an array is written `null`. Throws a `TypeError`
 * on values JSON cannot represent (NaN, Infinity, functions, bigints,
 * symbols), because they would make the hash ambiguous.
 *
 * Written for speed (set ids hash every workload with it): one pass, keys
 * sorted only when they are not in order already, strings quoted without a
 * call to `JSON.stringify` when they need no escaping, quoted keys reused.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`canonicalJson: ${value} is not valid JSON`);
      // Number-to-string is what JSON.stringify writes for a finite number.
      return String(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i += 1) {
          if (i > 0) out += ',';
          const item: unknown = value[i];
          out += item === undefined ? 'null' : member(item);
        }
        return `${out}]`;
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj);
      for (let i = 1; i < keys.length; i += 1) {
        if (keys[i - 1] > keys[i]) {
          keys.sort();
          break;
        }
      }
      let out = '{';
      for (let i = 0; i < keys.length; i += 1) {
        const item = obj[keys[i]];
        if (item === undefined) continue;
        if (out.length > 1) out += ',';
        out += quotedKey(keys[i]) + member(item);
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not valid JSON`);
  }
}

/** A member of an array or object: strings, the most common, without the switch. */
function member(value: unknown): string {
  return typeof value === 'string' ? quote(value) : canonicalJson(value);
}

/** Characters JSON.stringify escapes (quote, backslash, controls) or may (surrogates). */
// eslint-disable-next-line no-control-regex -- control characters are what needs escaping
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal: as JSON.stringify writes it. */
function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** Quoted keys with their colon, by key (object keys repeat across workloads; bounded). */
const QUOTED_KEYS = new Map<string, string>();

function quotedKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = `${quote(key)}:`;
    if (QUOTED_KEYS.size < 10_000) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
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

/** The part of node:crypto {@link sha256Base64url} uses (`hash`, the one-shot: Node 20.12+). */
interface NodeCrypto {
  hash?(
    algorithm: 'sha256',
    data: string | Uint8Array,
    encoding: 'base64url',
  ): string;
  createHash(algorithm: 'sha256'): {
    update(data: string | Uint8Array): {
      digest(encoding: 'base64url'): string;
    };
  };
}

/**
 * node:crypto's SHA-256 where the runtime has it (Node 20.16+ through
 * `process.getBuiltinModule`, so no bundler sees an import), of text (as
 * UTF-8) or of bytes, checked against the pure-JS one; undefined in browsers
 * and workers.
 */
function nativeSha256Base64url():
  ((data: string | Uint8Array) => string) | undefined {
  try {
    const runtime = (
      globalThis as {
        process?: { getBuiltinModule?: (id: string) => unknown };
      }
    ).process;
    const crypto = runtime?.getBuiltinModule?.('node:crypto') as
      NodeCrypto | undefined;
    if (typeof crypto?.createHash !== 'function') return undefined;
    // The one-shot is about twice as fast on a workload's few hundred bytes.
    const oneShot = crypto.hash?.bind(crypto);
    const native = oneShot
      ? (data: string | Uint8Array) => oneShot('sha256', data, 'base64url')
      : (data: string | Uint8Array) =>
          crypto.createHash('sha256').update(data).digest('base64url');
    const probe = 'content address \u00e9\u{1f600}';
    const probeBytes = utf8ToBytes(probe);
    // A view into a larger buffer, as canonicalJsonBytes hands out: only the view is hashed.
    const padded = new Uint8Array(probeBytes.length + 2);
    padded.set(probeBytes, 1);
    const expected = base64url(sha256(probeBytes));
    return native(probe) === expected &&
      native(padded.subarray(1, 1 + probeBytes.length)) === expected
      ? native
      : undefined;
  } catch {
    return undefined;
  }
}

const nativeSha256 = nativeSha256Base64url();

/**
 * base64url(SHA-256(UTF-8 of `text`)) without padding: 43 characters. The
 * same bytes everywhere; computed by node:crypto in Node (over ten times
 * faster) and by @noble/hashes in browsers, whose WebCrypto digest is
 * asynchronous and so cannot serve the engine's synchronous operations.
 */
export const sha256Base64url: (text: string) => string =
  nativeSha256 ?? ((text) => base64url(sha256Text(text)));

/** base64url(SHA-256(`bytes`)) without padding, as {@link sha256Base64url} (same implementation). */
export const sha256BytesBase64url: (bytes: Uint8Array) => string =
  nativeSha256 ?? ((bytes) => base64url(sha256(bytes)));

/** Which SHA-256 {@link sha256Base64url} runs on here (the bench reports it). */
export const SHA256_IMPLEMENTATION: 'node:crypto' | '@noble/hashes' =
  nativeSha256 ? 'node:crypto' : '@noble/hashes';

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
