/**
 * Idempotency keys of the console's creating requests (README, "Idempotency";
 * header in console-extensions.yaml): one key per user action, kept while the
 * same action is retried, so an API that remembers keys never runs it twice.
 */

/** Options of a creating call. */
export interface WriteOptions {
  /** Sent as `Idempotency-Key`: the same key on every retry of one user action. */
  idempotencyKey?: string;
}

/** A fresh random key (a UUID; crypto.randomUUID needs a secure context, getRandomValues does not). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The request headers for the options (none when no key is given). */
export function writeHeaders(
  options: WriteOptions & { ifMatch?: string },
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (options.idempotencyKey)
    headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.ifMatch) headers['If-Match'] = `"${options.ifMatch}"`;
  return headers;
}
