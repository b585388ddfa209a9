/**
 * Canonical JSON written straight to UTF-8 bytes, for hashing.
 *
 * A set id hashes the canonical JSON of every workload (`set-hash.ts`), and
 * SHA-256 reads bytes: building the text as a JavaScript string and encoding
 * it afterwards cost more than the hash (hundreds of small concatenations per
 * workload, then a flatten and a UTF-8 pass). This writes the same text's
 * UTF-8 bytes in one walk into one reused buffer, so a value's bytes are
 * exactly `new TextEncoder().encode(canonicalJson(value))` (a property test
 * holds the two together), and the hash of them is the hash `canonicalJson`'s
 * text always had: ids do not change.
 *
 * Written for speed (a from-scratch set id of 500 workloads is mostly this
 * walk): the buffer and the write position travel as arguments and return
 * values, never through module variables, so the hot loops keep them in
 * registers. Each write checks its room against the buffer's end and throws
 * {@link FULL} when it would not fit; the call then starts again in a buffer
 * twice the size (kept for later calls, so that happens a few times at most).
 *
 * The buffer is module state, reused by every call: the bytes returned are a
 * view valid only until the next call (hash them at once, never keep them).
 */

const INITIAL_BYTES = 1 << 16;
let buffer = new Uint8Array(INITIAL_BYTES);

/** Thrown by a write that would pass the buffer's end (caught by the call, which retries in a larger one). */
const FULL = new RangeError('canonical JSON bytes: buffer full');

/** Runs `write` from position 0 of the reused buffer, growing it until it fits; the bytes written. */
function writeAll(write: (out: Uint8Array) => number): Uint8Array {
  for (;;) {
    const out = buffer;
    try {
      return out.subarray(0, write(out));
    } catch (error) {
      if (error !== FULL) throw error;
      buffer = new Uint8Array(out.length * 2);
    }
  }
}

/** ASCII of a literal or a number's text (never needs escaping). */
function writeAscii(out: Uint8Array, p: number, text: string): number {
  const length = text.length;
  if (p + length > out.length) throw FULL;
  for (let i = 0; i < length; i += 1) out[p++] = text.charCodeAt(i);
  return p;
}

const HEX = '0123456789abcdef';

/** `\u00XX` / `\udXXX`, lowercase, as JSON.stringify escapes controls and lone surrogates (room checked). */
function writeUnicodeEscape(out: Uint8Array, p: number, code: number): number {
  out[p++] = 92; // \
  out[p++] = 117; // u
  out[p++] = HEX.charCodeAt((code >> 12) & 15);
  out[p++] = HEX.charCodeAt((code >> 8) & 15);
  out[p++] = HEX.charCodeAt((code >> 4) & 15);
  out[p++] = HEX.charCodeAt(code & 15);
  return p;
}

/** The short escapes JSON.stringify uses, by character code (0 where it uses `\u00XX`). */
const SHORT_ESCAPE = new Uint8Array(93);
SHORT_ESCAPE[8] = 98; // \b
SHORT_ESCAPE[9] = 116; // \t
SHORT_ESCAPE[10] = 110; // \n
SHORT_ESCAPE[12] = 102; // \f
SHORT_ESCAPE[13] = 114; // \r
SHORT_ESCAPE[34] = 34; // \"
SHORT_ESCAPE[92] = 92; // \\

/**
 * A JSON string literal as JSON.stringify writes it (quote, backslash and
 * controls escaped, lone surrogates as `\udXXX`), encoded as UTF-8. Most
 * strings of a workload are printable ASCII throughout: a short loop copies
 * them; the first character that needs more hands the rest to
 * {@link writeStringRest}.
 */
function writeString(out: Uint8Array, p: number, text: string): number {
  const length = text.length;
  // At most 6 bytes per UTF-16 unit (an escape), plus the quotes.
  if (p + length * 6 + 2 > out.length) throw FULL;
  out[p++] = 34;
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 34 || c === 92)
      return writeStringRest(out, p, text, i);
    out[p++] = c;
  }
  out[p++] = 34;
  return p;
}

/** The characters of `text` from `start` on and the closing quote, for {@link writeString} (room checked). */
function writeStringRest(
  out: Uint8Array,
  p: number,
  text: string,
  start: number,
): number {
  const length = text.length;
  for (let i = start; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 34 && c !== 92) {
        out[p++] = c;
      } else if (SHORT_ESCAPE[c] !== 0) {
        out[p++] = 92;
        out[p++] = SHORT_ESCAPE[c];
      } else {
        p = writeUnicodeEscape(out, p, c);
      }
    } else if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6);
      out[p++] = 0x80 | (c & 63);
    } else if (c < 0xd800 || c > 0xdfff) {
      out[p++] = 0xe0 | (c >> 12);
      out[p++] = 0x80 | ((c >> 6) & 63);
      out[p++] = 0x80 | (c & 63);
    } else {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const point = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        out[p++] = 0xf0 | (point >> 18);
        out[p++] = 0x80 | ((point >> 12) & 63);
        out[p++] = 0x80 | ((point >> 6) & 63);
        out[p++] = 0x80 | (point & 63);
        i += 1;
      } else {
        p = writeUnicodeEscape(out, p, c);
      }
    }
  }
  out[p++] = 34;
  return p;
}

/** One value, as `canonicalJson` writes it (same rules, same errors). */
function writeValue(out: Uint8Array, p: number, value: unknown): number {
  switch (typeof value) {
    case 'string':
      return writeString(out, p, value);
    case 'boolean':
      return writeAscii(out, p, value ? 'true' : 'false');
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`canonicalJson: ${value} is not valid JSON`);
      // Number-to-string is what JSON.stringify writes for a finite number.
      return writeAscii(out, p, String(value));
    case 'object':
      if (value === null) return writeAscii(out, p, 'null');
      if (Array.isArray(value)) return writeArray(out, p, value);
      return writeObject(out, p, value as Record<string, unknown>);
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not valid JSON`);
  }
}

function writeArray(
  out: Uint8Array,
  p: number,
  items: readonly unknown[],
): number {
  if (p + 1 > out.length) throw FULL;
  out[p++] = 91; // [
  for (let i = 0; i < items.length; i += 1) {
    if (i > 0) {
      if (p + 1 > out.length) throw FULL;
      out[p++] = 44; // ,
    }
    const item = items[i];
    p =
      item === undefined
        ? writeAscii(out, p, 'null')
        : writeValue(out, p, item);
  }
  if (p + 1 > out.length) throw FULL;
  out[p++] = 93; // ]
  return p;
}

/**
 * Sorts `keys` in place by UTF-16 code units. Insertion sort: a workload's
 * objects have a dozen keys, most in order already or with a few out of
 * place, where it beats `Array.prototype.sort` several times; a large array
 * out of order goes to the built-in sort.
 */
function sortKeys(keys: string[]): void {
  const length = keys.length;
  for (let i = 1; i < length; i += 1) {
    const key = keys[i];
    let j = i - 1;
    if (!(keys[j] > key)) continue;
    if (length > 32) {
      keys.sort();
      return;
    }
    do {
      keys[j + 1] = keys[j];
      j -= 1;
    } while (j >= 0 && keys[j] > key);
    keys[j + 1] = key;
  }
}

/**
 * An object: its own enumerable string keys (`Object.keys`, so inherited
 * and polluted properties are never written) in sorted order.
 */
function writeObject(
  out: Uint8Array,
  p: number,
  obj: Record<string, unknown>,
): number {
  const keys = Object.keys(obj);
  sortKeys(keys);
  if (p + 1 > out.length) throw FULL;
  out[p++] = 123; // {
  let first = true;
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    const item = obj[key];
    if (item === undefined) continue;
    if (!first) {
      if (p + 1 > out.length) throw FULL;
      out[p++] = 44; // ,
    }
    first = false;
    p = writeString(out, p, key);
    if (p + 1 > out.length) throw FULL;
    out[p++] = 58; // :
    // Strings are most members: written without the dispatch.
    p =
      typeof item === 'string'
        ? writeString(out, p, item)
        : writeValue(out, p, item);
  }
  if (p + 1 > out.length) throw FULL;
  out[p++] = 125; // }
  return p;
}

/**
 * The UTF-8 bytes of `canonicalJson(value)`, without building the text. The
 * view is into a reused buffer: valid until the next call only.
 */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  return writeAll((out) => writeValue(out, 0, value));
}

/**
 * The UTF-8 bytes of `{"<name>":"<leaf>",...}` for names in sorted order (the
 * caller's), the canonical JSON of a map of names to leaf hashes (leaves are
 * base64url: no escaping), wrapped as `{"modules":…,"shared":…}`. Same view
 * rules as {@link canonicalJsonBytes}.
 */
export function leafMapsBytes(
  maps: readonly (readonly [
    key: string,
    names: readonly string[],
    leaves: ReadonlyMap<string, string>,
  ])[],
): Uint8Array {
  return writeAll((out) => {
    let p = 0;
    if (p + 1 > out.length) throw FULL;
    out[p++] = 123; // {
    for (let m = 0; m < maps.length; m += 1) {
      const [key, names, leaves] = maps[m];
      if (m > 0) out[p++] = 44; // , (room: the closing brace checked below)
      p = writeString(out, p, key);
      if (p + 2 > out.length) throw FULL;
      out[p++] = 58; // :
      out[p++] = 123; // {
      for (let i = 0; i < names.length; i += 1) {
        if (i > 0) {
          if (p + 1 > out.length) throw FULL;
          out[p++] = 44; // ,
        }
        p = writeString(out, p, names[i]);
        if (p + 1 > out.length) throw FULL;
        out[p++] = 58; // :
        p = writeString(out, p, leaves.get(names[i])!);
      }
      if (p + 2 > out.length) throw FULL;
      out[p++] = 125; // }
    }
    if (p + 1 > out.length) throw FULL;
    out[p++] = 125; // }
    return p;
  });
}
