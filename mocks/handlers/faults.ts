/**
 * Fault injection for the mock API (README, "Fault injection"): a documented
 * switch that makes a fraction of API calls fail (500, 503, a gateway
 * time-out, a dropped connection) or slow down, so the console's retries,
 * messages and idempotency can be exercised on purpose.
 *
 * Reproducible: whether the n-th call of `METHOD /path` gets a fault is a
 * pure function of (seed, method, path, n), so parallel requests to other
 * endpoints do not shift the dice. Every error answer has the spec's
 * HumanitecErrorResponse body.
 */
import type { FaultConfig, FaultKind } from '../../src/contract/fault-config';
import type { ErrorBody } from './http-errors';
import type { Answer } from './answer';
import { routeDef, type RouteDef } from './kit';

export type { FaultConfig, FaultKind } from '../../src/contract/fault-config';
export {
  parseFaultConfig,
  formatFaultConfig,
} from '../../src/contract/fault-config';

/** Where the current settings come from: fixed, or read on every call (the demo's Settings panel changes them live). */
export type FaultSource = FaultConfig | (() => FaultConfig | undefined);

/** A number in [0, 1) from a text: FNV-1a, then a murmur3-style finaliser for well-spread low bits. */
export function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/** The fault (if any) of the `n`-th call (from 0) of `method path` under `config`. */
export function chooseFault(
  config: FaultConfig,
  method: string,
  path: string,
  n: number,
): FaultKind | undefined {
  if (config.rate <= 0 || config.kinds.length === 0) return undefined;
  const key = `${config.seed}|${method.toUpperCase()} ${path}|${n}`;
  if (hashUnit(key) >= config.rate) return undefined;
  return config.kinds[
    Math.floor(hashUnit(`${key}|kind`) * config.kinds.length)
  ];
}

/** The error body and status an injected fault answers with (undefined for `slow` and `network`). */
export function faultAnswer(
  kind: FaultKind,
):
  | { status: number; body: ErrorBody; headers?: Record<string, string> }
  | undefined {
  switch (kind) {
    case '500':
      return {
        status: 500,
        body: {
          error: 'API-500',
          message:
            'The API failed while handling the request (injected fault). Nothing was changed; retry.',
        },
      };
    case '503':
      return {
        status: 503,
        body: {
          error: 'API-503',
          message:
            'The API is temporarily unavailable (injected fault). Nothing was changed; retry in a moment.',
        },
        headers: { 'Retry-After': '1' },
      };
    case 'timeout':
      return {
        status: 504,
        body: {
          error: 'API-504',
          message:
            'The API did not answer in time (injected fault). The request may have been carried out; retrying the same action is safe.',
        },
      };
    default:
      return undefined;
  }
}

/** Counts calls per `METHOD path` and decides their faults; one per handler set. */
export interface FaultInjector {
  /** The fault of this call (counts it), or undefined. */
  next(method: string, path: string): FaultKind | undefined;
  /** The current settings, if faults are on. */
  config(): FaultConfig | undefined;
}

/** Creates an injector over a settings source; counters restart whenever the settings change. */
export function createFaultInjector(source: FaultSource): FaultInjector {
  const read = typeof source === 'function' ? source : () => source;
  const counts = new Map<string, number>();
  let lastKey = '';
  return {
    config: read,
    next(method, path) {
      const config = read();
      if (!config) {
        lastKey = ''; // turning faults back on starts the sequence afresh
        return undefined;
      }
      const settingsKey = JSON.stringify(config);
      if (settingsKey !== lastKey) {
        counts.clear();
        lastKey = settingsKey;
      }
      const key = `${method.toUpperCase()} ${path}`;
      const n = counts.get(key) ?? 0;
      counts.set(key, n + 1);
      return chooseFault(config, method, path, n);
    },
  };
}

function errorAnswer(kind: FaultKind): Answer {
  const answer = faultAnswer(kind)!;
  return {
    status: answer.status,
    json: answer.body,
    headers: { 'X-Injected-Fault': kind, ...answer.headers },
  };
}

/**
 * Wraps a route so that the injector decides each call's fate first:
 * - `500` / `503`: answered at once with the error; the engine is not called;
 * - `network`: the connection drops (fetch rejects); the engine is not called;
 * - `timeout`: the engine DOES carry out the call, then after `delay` ms the
 *   answer is lost and a 504 comes instead: the case Idempotency-Key exists for;
 * - `slow`: the normal answer, `delay` ms late.
 */
export function withFaults(def: RouteDef, injector: FaultInjector): RouteDef {
  return routeDef(def.operationId, async (engine, request, params) => {
    const kind = injector.next(request.method, new URL(request.url).pathname);
    if (!kind) return def.answer(engine, request, params);
    const delayMs = injector.config()?.delayMs ?? 0;
    if (kind === 'network') return { networkError: true };
    if (kind === '500' || kind === '503') return errorAnswer(kind);
    const answer = await def.answer(engine, request, params);
    await new Promise((done) => setTimeout(done, delayMs));
    return kind === 'slow' ? answer : errorAnswer(kind);
  });
}
