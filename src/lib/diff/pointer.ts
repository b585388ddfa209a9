/** A JSON value as the API returns it inside sets and deltas. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The tokens of a JSON pointer (RFC 6901), unescaped: `/a~1b/c` → `['a/b', 'c']`. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer
    .slice(pointer.startsWith('/') ? 1 : 0)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A JSON pointer from tokens: `['a/b', 'c']` → `/a~1b/c`. */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((t) => `/${t.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Whether `value` is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `tokens` inside `root`, or `undefined` when the path does not exist. */
export function valueAt(root: unknown, tokens: readonly string[]): JsonValue | undefined {
  let current: unknown = root;
  for (const token of tokens) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current) && Object.hasOwn(current, token)) current = current[token];
    else return undefined;
  }
  return current as JsonValue | undefined;
}

/** Sets an own property, even `__proto__` (a plain assignment would change the prototype instead). */
export function setOwn(target: { [key: string]: JsonValue }, key: string, value: JsonValue) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
