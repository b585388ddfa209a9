/**
 * The handler side of idempotency keys (engine: mocks/engine/core/idempotency.ts):
 * reads the `Idempotency-Key` header of a creating request and lets the
 * engine run the call at most once per key. A replayed answer carries
 * `Idempotent-Replayed: true`. The engine checks `access` (what the call
 * needs) before it replays anything; an answer with a `secret` (a token) is
 * replayed only to the same token, within minutes.
 */
import {
  canonicalJson,
  type Actor,
  type Engine,
  type ReplayAccess,
} from '../engine';
import type { ApiRequest } from './answer';

/** The request header (documented in console-extensions.yaml). */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Runs `op` once per key when the request has one; otherwise just runs it. */
export function runIdempotent<T>(
  ctx: { engine: Engine; actor: Actor; request: ApiRequest },
  orgId: string,
  body: unknown,
  access: ReplayAccess & { secret?: boolean },
  op: () => T,
): { result: T; headers: Record<string, string> } {
  const key = ctx.request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return { result: op(), headers: {} };
  // Same operation, same path, same body (canonical, so key order does not matter).
  const fingerprint = `${ctx.request.method} ${new URL(ctx.request.url).pathname}\n${canonicalJson(body)}`;
  const { secret, ...needs } = access;
  const { result, replayed } = ctx.engine.idempotent(
    ctx.actor,
    orgId,
    { key, fingerprint, access: needs, secret },
    op,
  );
  return { result, headers: replayed ? { 'Idempotent-Replayed': 'true' } : {} };
}
