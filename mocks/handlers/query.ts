/**
 * Query parameters as the handlers read them: absent or empty is undefined,
 * anything malformed is a 400 naming the parameter and what it must be.
 */
import { EngineError } from '../engine';

/** `?name=true|false`, or undefined when absent or empty. */
export function booleanQuery(
  query: URLSearchParams,
  name: string,
): boolean | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new EngineError(
    'invalid',
    `\`${name}\` must be true or false; got "${value}".`,
    { field: name },
  );
}

/** `?name=<text>`, or undefined when absent or empty. */
export function textQuery(
  query: URLSearchParams,
  name: string,
): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}
