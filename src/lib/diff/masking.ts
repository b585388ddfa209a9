/**
 * Masking of secret values in everything the diff shows (field list, YAML,
 * the raw view). The rule, applied to every leaf value by its path:
 *
 * 1. A value made only of placeholders (`${secrets.db-password}`,
 *    `${shared.db.host}`) is shown as it is: it is a reference, the secret
 *    itself is resolved at deploy time and never stored in a set.
 * 2. Otherwise a leaf is hidden when it sits in a `secrets` map (any key on its
 *    path is `secrets`), or when its own key looks secret: one of its words is
 *    password, passwd, pwd, passphrase, secret, token, key, apikey, credential(s),
 *    private or privatekey (words split at `_ - .` and camelCase, so `DB_PASSWORD`,
 *    `apiKey` and `SESSION_SECRET` are secret; `KEYCLOAK_URL` and `MONKEY` are not).
 * 3. In any other string, a password inside a URL (`postgres://user:pw@host`) is
 *    hidden, the rest of the URL stays readable.
 *
 * A hidden value becomes {@link MASK}; when the diff knows the value changed,
 * the new side reads {@link MASK_CHANGED}, so a changed secret still shows up
 * as a changed line without revealing either value.
 */
import { isObject, setOwn, type JsonValue } from '../json-schema/pointer';

/** What a hidden value is shown as. */
export const MASK = '••••• (hidden)';
/** What a hidden value that changed is shown as, on the new side. */
export const MASK_CHANGED = '••••• (hidden, changed)';

const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'secret',
  'secrets',
  'token',
  'key',
  'apikey',
  'credential',
  'credentials',
  'private',
  'privatekey',
]);
const SECRET_PARTS = [
  'password',
  'passwd',
  'secret',
  'apikey',
  'privatekey',
  'passphrase',
];

/** Whether a key (e.g. a variable name) names a secret value. */
export function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  if (SECRET_PARTS.some((part) => lower.includes(part))) return true;
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => SECRET_WORDS.has(word));
}

const REFERENCE_ONLY = /^(\$\{[^{}\s]+\})+$/;

/** Whether a string is made only of `${…}` placeholders. */
export function isReferenceOnly(value: string): boolean {
  return REFERENCE_ONLY.test(value.trim());
}

const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)([^\s@/]+)(@)/gi;

/** Hides the password part of URLs in `text` (unless it is a reference). */
export function maskUrlCredentials(text: string): string {
  return text.replace(
    URL_CREDENTIALS,
    (match, head: string, password: string, at: string) =>
      isReferenceOnly(password) ? match : `${head}•••••${at}`,
  );
}

/** The nearest key on the path that is not an array index. */
function ownKey(path: readonly string[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i -= 1)
    if (!/^\d+$/.test(path[i])) return path[i];
  return undefined;
}

/** Whether the leaf at `path` must be hidden (before looking at its value). */
export function isSecretPath(path: readonly string[]): boolean {
  if (path.some((token) => token.toLowerCase() === 'secrets')) return true;
  const key = ownKey(path);
  return key !== undefined && isSecretKey(key);
}

/** Options of {@link maskJson}. */
export interface MaskOptions {
  /** Whether the value at a path changed (the new side then reads {@link MASK_CHANGED}). */
  changed?: (path: readonly string[]) => boolean;
}

/** The masked form of one leaf value at `path`. */
export function maskLeaf(
  value: JsonValue,
  path: readonly string[],
  options: MaskOptions = {},
): JsonValue {
  if (value === null) return null;
  if (typeof value === 'string' && isReferenceOnly(value)) return value;
  if (isSecretPath(path)) return options.changed?.(path) ? MASK_CHANGED : MASK;
  return typeof value === 'string' ? maskUrlCredentials(value) : value;
}

/**
 * A copy of `value` (found at `path`, e.g. `['spec', 'containers', 'api']`)
 * with every secret leaf hidden by the rule above. Never changes its input.
 */
export function maskJson(
  value: JsonValue,
  path: readonly string[] = [],
  options: MaskOptions = {},
): JsonValue {
  if (Array.isArray(value))
    return value.map((item, i) =>
      maskJson(item, [...path, String(i)], options),
    );
  if (isObject(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value))
      setOwn(out, key, maskJson(value[key], [...path, key], options));
    return out;
  }
  return maskLeaf(value, path, options);
}

/** Whether `text` shows any hidden value. */
export function hasMask(text: string): boolean {
  return text.includes('•••••');
}
