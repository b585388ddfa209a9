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
 * The buffer is module state, reused by every call: the bytes returned are a
 * view valid only until the next call (hash them at once, never keep them).
 */

const INITIAL_BYTES = 1 << 16;
let buf = new Uint8Array(INITIAL_BYTES);
let pos = 0;

/** Makes room for `extra` more bytes after `pos`, keeping what is written. */
function reserve(extra: number): void {
  if (pos + extra <= buf.length) return;
  let size = buf.length * 2;
  while (size < pos + extra) size *= 2;
  const bigger = new Uint8Array(size);
  bigger.set(buf.subarray(0, pos));
  buf = bigger;
}

/** ASCII of a literal or a number's text (never needs escaping). */
function writeAscii(text: string): void {
  reserve(text.length);
  for (let i = 0; i < text.length; i += 1) buf[pos++] = text.charCodeAt(i);
}

const HEX = '0123456789abcdef';

/** `\u00XX` / `\udXXX`, lowercase, as JSON.stringify escapes controls and lone surrogates. */
function writeUnicodeEscape(code: number): void {
  buf[pos++] = 92; // \
  buf[pos++] = 117; // u
  buf[pos++] = HEX.charCodeAt((code >> 12) & 15);
  buf[pos++] = HEX.charCodeAt((code >> 8) & 15);
  buf[pos++] = HEX.charCodeAt((code >> 4) & 15);
  buf[pos++] = HEX.charCodeAt(code & 15);
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
 * them (small enough to be inlined where it is called); the first character
 * that needs more hands the rest to {@link writeStringRest}.
 */
function writeString(text: string): void {
  const length = text.length;
  // At most 6 bytes per UTF-16 unit (an escape), plus the quotes.
  reserve(length * 6 + 2);
  const out = buf;
  let p = pos;
  out[p++] = 34;
  let i = 0;
  for (; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 34 || c === 92) break;
    out[p++] = c;
  }
  pos = p;
  if (i < length) writeStringRest(text, i);
  buf[pos++] = 34;
}

/** The characters of `text` from `start` on, for {@link writeString} (room reserved). */
function writeStringRest(text: string, start: number): void {
  const length = text.length;
  const out = buf;
  let p = pos;
  for (let i = start; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 34 && c !== 92) {
        out[p++] = c;
      } else if (SHORT_ESCAPE[c] !== 0) {
        out[p++] = 92;
        out[p++] = SHORT_ESCAPE[c];
      } else {
        pos = p;
        writeUnicodeEscape(c);
        p = pos;
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
        pos = p;
        writeUnicodeEscape(c);
        p = pos;
      }
    }
  }
  pos = p;
}

/** One value, as `canonicalJson` writes it (same rules, same errors). */
function writeValue(value: unknown): void {
  switch (typeof value) {
    case 'string':
      writeString(value);
      return;
    case 'boolean':
      writeAscii(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`canonicalJson: ${value} is not valid JSON`);
      // Number-to-string is what JSON.stringify writes for a finite number.
      writeAscii(String(value));
      return;
    case 'object':
      if (value === null) writeAscii('null');
      else if (Array.isArray(value)) writeArray(value);
      else writeObject(value as Record<string, unknown>);
      return;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not valid JSON`);
  }
}

function writeArray(items: readonly unknown[]): void {
  reserve(2);
  buf[pos++] = 91; // [
  for (let i = 0; i < items.length; i += 1) {
    if (i > 0) {
      reserve(1);
      buf[pos++] = 44; // ,
    }
    const item = items[i];
    if (item === undefined) writeAscii('null');
    else writeValue(item);
  }
  reserve(1);
  buf[pos++] = 93; // ]
}

/**
 * The keys and values of the objects being written, a stack shared by the
 * nested calls (an object's entries sit above its parent's): collected with
 * `for…in`, whose loads V8 serves from the object's enum cache, and sorted in
 * place, so no array is allocated per object.
 */
const stackKeys: string[] = [];
const stackValues: unknown[] = [];
/**
 * Each key's first two UTF-16 units as one number (a missing unit is 0):
 * when two keys' numbers differ, they order the keys as the keys' code units
 * do, so most comparisons of sorting are one of numbers; equal numbers fall
 * back to comparing the keys.
 */
let stackPrefixes = new Float64Array(256);
let stackTop = 0;
/** The highest the stack reached in this call: cleared up to there at its end. */
let stackHigh = 0;

/** Whether Object.prototype has enumerable properties, which `for…in` would list (checked per call). */
let prototypePolluted = false;

function hasEnumerable(obj: object): boolean {
  for (const key in obj) if (key !== undefined) return true;
  return false;
}

/** See {@link stackPrefixes}. */
function prefixOf(key: string): number {
  const length = key.length;
  if (length === 0) return 0;
  return key.charCodeAt(0) * 65536 + (length > 1 ? key.charCodeAt(1) : 0);
}

/** Whether the key at stack index `i` sorts after `key` (whose prefix is `prefix`). */
function after(i: number, key: string, prefix: number): boolean {
  const other = stackPrefixes[i];
  return other !== prefix ? other > prefix : stackKeys[i] > key;
}

/**
 * Sorts the entries `from`..`to` of the stack by key (UTF-16 code units).
 * Insertion sort: a workload's objects have a dozen keys, most in order
 * already or with one out of place, where it beats `Array.prototype.sort`
 * several times; a large object out of order goes to the built-in sort.
 */
function sortEntries(from: number, to: number): void {
  if (to - from > 32) {
    const order = stackKeys
      .slice(from, to)
      .map((key, i) => [key, stackValues[from + i]] as const)
      .sort((x, y) => (x[0] < y[0] ? -1 : 1));
    for (let i = 0; i < order.length; i += 1) {
      stackKeys[from + i] = order[i][0];
      stackValues[from + i] = order[i][1];
      stackPrefixes[from + i] = prefixOf(order[i][0]);
    }
    return;
  }
  for (let i = from + 1; i < to; i += 1) {
    const key = stackKeys[i];
    const prefix = stackPrefixes[i];
    let j = i - 1;
    if (!after(j, key, prefix)) continue;
    const value = stackValues[i];
    do {
      stackKeys[j + 1] = stackKeys[j];
      stackValues[j + 1] = stackValues[j];
      stackPrefixes[j + 1] = stackPrefixes[j];
      j -= 1;
    } while (j >= from && after(j, key, prefix));
    stackKeys[j + 1] = key;
    stackValues[j + 1] = value;
    stackPrefixes[j + 1] = prefix;
  }
}

/** Room on the stack for `size` entries in all (the prefixes are a typed array; the rest grow by themselves). */
function reserveEntries(size: number): void {
  if (size <= stackPrefixes.length) return;
  const bigger = new Float64Array(Math.max(size, stackPrefixes.length * 2));
  bigger.set(stackPrefixes);
  stackPrefixes = bigger;
}

/** Pushes `obj`'s own enumerable string keys and values on the stack; returns whether they were in order. */
function pushEntries(obj: Record<string, unknown>): boolean {
  let sorted = true;
  let top = stackTop;
  const proto: unknown = Object.getPrototypeOf(obj);
  if (!prototypePolluted && (proto === Object.prototype || proto === null)) {
    for (const key in obj) {
      if (top === stackPrefixes.length) reserveEntries(top + 1);
      const prefix = prefixOf(key);
      if (sorted && top > stackTop && after(top - 1, key, prefix))
        sorted = false;
      stackKeys[top] = key;
      stackValues[top] = obj[key];
      stackPrefixes[top] = prefix;
      top += 1;
    }
  } else {
    // Inherited enumerable properties would be listed by for…in: own keys only.
    const keys = Object.keys(obj);
    reserveEntries(top + keys.length);
    for (const key of keys) {
      const prefix = prefixOf(key);
      if (sorted && top > stackTop && after(top - 1, key, prefix))
        sorted = false;
      stackKeys[top] = key;
      stackValues[top] = obj[key];
      stackPrefixes[top] = prefix;
      top += 1;
    }
  }
  const from = stackTop;
  stackTop = top;
  if (!sorted) sortEntries(from, top);
  return sorted;
}

function writeObject(obj: Record<string, unknown>): void {
  const from = stackTop;
  pushEntries(obj);
  const to = stackTop;
  reserve(1);
  buf[pos++] = 123; // {
  let first = true;
  for (let i = from; i < to; i += 1) {
    const item = stackValues[i];
    if (item === undefined) continue;
    if (!first) buf[pos++] = 44; // , (room reserved by the previous write)
    first = false;
    writeString(stackKeys[i]);
    reserve(1);
    buf[pos++] = 58; // :
    // Strings are most members: written without the dispatch.
    if (typeof item === 'string') writeString(item);
    else writeValue(item);
    reserve(1);
  }
  reserve(1);
  buf[pos++] = 125; // }
  // The values stay on the stack until the call ends (canonicalJsonBytes clears them).
  if (to > stackHigh) stackHigh = to;
  stackTop = from;
}

/**
 * The UTF-8 bytes of `canonicalJson(value)`, without building the text. The
 * view is into a reused buffer: valid until the next call only.
 */
export function canonicalJsonBytes(value: unknown): Uint8Array {
  pos = 0;
  stackTop = 0;
  stackHigh = 0;
  prototypePolluted = hasEnumerable(Object.prototype);
  try {
    writeValue(value);
  } finally {
    // Hold no value past the call (also when one JSON cannot hold threw midway).
    stackValues.fill(undefined, 0, Math.max(stackHigh, stackTop));
    stackTop = 0;
  }
  return buf.subarray(0, pos);
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
  pos = 0;
  reserve(1);
  buf[pos++] = 123; // {
  for (let m = 0; m < maps.length; m += 1) {
    const [key, names, leaves] = maps[m];
    if (m > 0) buf[pos++] = 44; // ,
    writeString(key);
    reserve(2);
    buf[pos++] = 58; // :
    buf[pos++] = 123; // {
    for (let i = 0; i < names.length; i += 1) {
      if (i > 0) {
        reserve(1);
        buf[pos++] = 44; // ,
      }
      writeString(names[i]);
      reserve(1);
      buf[pos++] = 58; // :
      writeString(leaves.get(names[i])!);
    }
    reserve(1);
    buf[pos++] = 125; // }
    reserve(1);
  }
  reserve(1);
  buf[pos++] = 125; // }
  return buf.subarray(0, pos);
}
