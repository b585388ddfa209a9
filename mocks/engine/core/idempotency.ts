/**
 * Idempotency keys (README, "Idempotency"; header documented in
 * console-extensions.yaml): a client sends `Idempotency-Key` with a request
 * that creates something, and keeps the key when it retries the same user
 * action. The engine remembers each key per organisation and user for
 * {@link IDEMPOTENCY_TTL_MS} (on the injected clock) and answers a repeat
 * with the original result instead of doing the work again, so a deploy
 * whose answer was lost (a time-out) is not deployed twice. The same key with
 * a different request is refused (422), as the IETF draft
 * "The Idempotency-Key HTTP Header Field" recommends.
 *
 * Only successful results are remembered: a refused call changed nothing
 * (engine writes are all-or-nothing), so running it again is safe.
 *
 * A replay never skips a permission check: the engine authorizes the caller
 * for the operation before it looks the key up (engine.ts, `idempotent`). A
 * result that carries a secret (a new token) is replayed only to the very
 * caller that created it (the same token) within {@link SECRET_REPLAY_MS};
 * anyone else, or later, gets a 409 saying the secret was shown once.
 */
import { sha256Text, toHex } from './canonical';
import { EngineError } from './errors';

/** How long a key is remembered: 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Keys remembered per organisation; the oldest are forgotten first. */
export const MAX_KEYS_PER_ORG = 1000;
/** How long a result carrying a secret is replayed to its creator: 10 minutes. */
export const SECRET_REPLAY_MS = 10 * 60 * 1000;
/** The longest key accepted. */
export const MAX_KEY_LENGTH = 255;

/** One keyed request: who, where, the key and a fingerprint of the request (operation, path, canonical body). */
export interface IdempotentRequest {
  orgId: string;
  userId: string;
  key: string;
  fingerprint: string;
  /** The credential of the call (the API token's key, or the user's session): a secret is replayed only to it. */
  caller?: string;
  /** The result carries a secret (a token): replayed only to the same caller within {@link SECRET_REPLAY_MS}. */
  secret?: boolean;
}

/** What {@link IdempotencyStore.run} gives: the result, and whether it is a replay of an earlier call. */
export interface IdempotentResult<T> {
  result: T;
  replayed: boolean;
}

/** The remembered keys of one engine. */
export interface IdempotencyStore {
  /** Runs `op` unless the key is remembered: then answers its first result (or 422 for another request). */
  run<T>(
    request: IdempotentRequest,
    now: number,
    op: () => T,
  ): IdempotentResult<T>;
  /** How many keys an organisation has remembered at `now` (for tests and diagnostics). */
  size(orgId: string, now: number): number;
}

interface Entry {
  /** SHA-256 of the request's fingerprint: a body may carry a secret (a secret field's value), which is not kept. */
  fingerprint: string;
  caller?: string;
  result: unknown;
  atMs: number;
}

/** Refuses a key that is empty, too long or not printable ASCII (400). */
export function checkIdempotencyKey(key: string): void {
  if (
    key.length === 0 ||
    key.length > MAX_KEY_LENGTH ||
    !/^[\x21-\x7e]+$/.test(key)
  ) {
    throw new EngineError(
      'invalid',
      `The Idempotency-Key header must be 1-${MAX_KEY_LENGTH} printable ASCII characters without spaces (e.g. a UUID); got ${JSON.stringify(key.slice(0, 40))}.`,
      { header: 'Idempotency-Key' },
    );
  }
}

/** Creates an empty store (kept in memory: keys are short-lived and need not survive a restart). */
export function createIdempotencyStore(
  options: { ttlMs?: number; maxPerOrg?: number } = {},
): IdempotencyStore {
  const ttlMs = options.ttlMs ?? IDEMPOTENCY_TTL_MS;
  const maxPerOrg = options.maxPerOrg ?? MAX_KEYS_PER_ORG;
  // orgId → `${userId}\n${key}` → entry; Map keeps insertion order, so the first entries are the oldest.
  const orgs = new Map<string, Map<string, Entry>>();

  const prune = (orgId: string, now: number) => {
    const entries = orgs.get(orgId);
    if (!entries) return new Map<string, Entry>();
    for (const [id, entry] of entries) {
      if (now - entry.atMs < ttlMs) break;
      entries.delete(id);
    }
    return entries;
  };

  return {
    run(request, now, op) {
      checkIdempotencyKey(request.key);
      const entries = prune(request.orgId, now);
      const id = `${request.userId}\n${request.key}`;
      const fingerprint = toHex(sha256Text(request.fingerprint));
      const seen = entries.get(id);
      if (seen) {
        if (seen.fingerprint !== fingerprint) {
          throw new EngineError(
            'unprocessable',
            `The Idempotency-Key \`${request.key}\` was already used for a different request in the last ${Math.round(ttlMs / 3_600_000)} hours; send a new key for a new action.`,
            { header: 'Idempotency-Key', idempotency_key: request.key },
          );
        }
        if (
          request.secret &&
          (seen.caller !== request.caller ||
            now - seen.atMs >= SECRET_REPLAY_MS)
        ) {
          throw new EngineError(
            'conflict',
            `The Idempotency-Key \`${request.key}\` already created this, and its secret is shown only once: to the same token, within ${SECRET_REPLAY_MS / 60_000} minutes. Revoke it and create a new one with a new key if the secret was lost.`,
            { header: 'Idempotency-Key', idempotency_key: request.key },
          );
        }
        return {
          result: structuredClone(seen.result) as ReturnType<typeof op>,
          replayed: true,
        };
      }
      const result = op();
      entries.set(id, {
        fingerprint,
        caller: request.caller,
        result: structuredClone(result),
        atMs: now,
      });
      orgs.set(request.orgId, entries);
      while (entries.size > maxPerOrg)
        entries.delete(entries.keys().next().value as string);
      return { result, replayed: false };
    },
    size(orgId, now) {
      return prune(orgId, now).size;
    },
  };
}
