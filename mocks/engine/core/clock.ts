/**
 * Clocks and id sources to inject into the engine: deterministic ones for
 * tests and the seed, real ones for the dev server and the browser.
 */
import { sha256Text, toHex } from './canonical';
import type { Clock, IdSource } from './model/spec';

/** A clock a test moves by hand. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` (≥ 0) and returns the new time. */
  advance(ms: number): number;
  /** Sets the clock to `ms` since the epoch. */
  set(ms: number): void;
}

function assertTime(ms: number, what: string): void {
  if (!Number.isFinite(ms))
    throw new RangeError(
      `${what} must be a finite number of milliseconds; got ${ms}`,
    );
}

/** A manual clock starting at `startMs` (milliseconds since the epoch). */
export function createManualClock(startMs: number): ManualClock {
  assertTime(startMs, 'startMs');
  let current = startMs;
  return {
    now: () => current,
    advance(ms: number) {
      assertTime(ms, 'advance(ms)');
      if (ms < 0)
        throw new RangeError(`advance(ms) cannot go back in time; got ${ms}`);
      current += ms;
      return current;
    },
    set(ms: number) {
      assertTime(ms, 'set(ms)');
      current = ms;
    },
  };
}

/** The real clock (`Date.now()`). */
export const systemClock: Clock = { now: () => Date.now() };

const LENGTH: Record<Parameters<IdSource['next']>[0], number> = {
  deployment: 11,
  delta: 40,
  token: 40,
  user: 32,
  secret: 64,
};

function shape(kind: Parameters<IdSource['next']>[0], hex: string): string {
  const body = hex.slice(0, LENGTH[kind]);
  if (kind === 'user') {
    return `${body.slice(0, 8)}-${body.slice(8, 12)}-${body.slice(12, 16)}-${body.slice(16, 20)}-${body.slice(20, 32)}`;
  }
  return kind === 'token' ? `hum_${body}` : body;
}

/**
 * Deterministic ids: the n-th id of a kind is derived from SHA-256 of
 * `prefix:kind:n`, so it looks real (deployments 11 hex digits like
 * `67f1619a57d`, deltas 40 hex digits, users UUID-shaped, tokens `hum_…`) and
 * is the same on every run. Different prefixes give unrelated sequences (the
 * seed and a test can use different ones and never collide).
 */
export function createSequentialIds(prefix = ''): IdSource {
  const counters = new Map<string, number>();
  return {
    next(kind) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const hex = toHex(sha256Text(`${prefix}:${kind}:${n}`));
      return shape(kind, hex);
    },
  };
}

/**
 * Random ids of the same shapes as {@link createSequentialIds}, from
 * `crypto.getRandomValues` (available in browsers and Node ≥ 19).
 */
export function createRandomIds(): IdSource {
  return {
    next(kind) {
      const bytes = new Uint8Array(32);
      globalThis.crypto.getRandomValues(bytes);
      return shape(kind, toHex(bytes));
    },
  };
}
