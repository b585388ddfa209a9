// Idempotency keys: the store on its own (TTL on an injected clock, scope,
// mismatch, failures not remembered, cap) and through the engine (a retried
// deploy does not deploy twice).
import { describe, expect, it } from 'vitest';
import { EngineError } from './errors';
import { createIdempotencyStore, IDEMPOTENCY_TTL_MS } from './idempotency';
import { bench, ORG } from './test-engine';
import { buildDemoState } from './seed';
import { createEngine } from './engine';
import { createManualClock, createSequentialIds } from './clock';
import { DEMO_TOKENS } from './constants';

const request = (key: string, fingerprint = 'POST /x\n{}', orgId = 'acme', userId = 'alex') => ({ orgId, userId, key, fingerprint });

function refusal(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('createIdempotencyStore', () => {
  it('runs once per key and answers a repeat with the first result (a copy)', () => {
    const store = createIdempotencyStore();
    let calls = 0;
    const op = () => ({ id: `d${++calls}` });
    const first = store.run(request('k1'), 0, op);
    const second = store.run(request('k1'), 1000, op);
    expect(first).toEqual({ result: { id: 'd1' }, replayed: false });
    expect(second).toEqual({ result: { id: 'd1' }, replayed: true });
    expect(calls).toBe(1);
    second.result.id = 'changed';
    expect(store.run(request('k1'), 2000, op).result).toEqual({ id: 'd1' });
  });

  it('refuses the same key with another request (422) and changes nothing', () => {
    const store = createIdempotencyStore();
    store.run(request('k1', 'POST /a\n{"x":1}'), 0, () => 'first');
    const error = refusal(() => store.run(request('k1', 'POST /a\n{"x":2}'), 0, () => 'second'));
    expect(error.code).toBe('unprocessable');
    expect(error.error).toBe('API-422');
    expect(error.message).toMatch(/already used for a different request/);
    expect(store.run(request('k1', 'POST /a\n{"x":1}'), 0, () => 'again')).toEqual({ result: 'first', replayed: true });
  });

  it('forgets keys after the TTL (injected time)', () => {
    const store = createIdempotencyStore();
    let calls = 0;
    store.run(request('k'), 0, () => ++calls);
    expect(store.run(request('k'), IDEMPOTENCY_TTL_MS - 1, () => ++calls)).toEqual({ result: 1, replayed: true });
    expect(store.run(request('k'), IDEMPOTENCY_TTL_MS, () => ++calls)).toEqual({ result: 2, replayed: false });
    expect(store.size('acme', IDEMPOTENCY_TTL_MS)).toBe(1);
    expect(store.size('acme', 3 * IDEMPOTENCY_TTL_MS)).toBe(0);
  });

  it('keeps keys apart per organisation and per user', () => {
    const store = createIdempotencyStore();
    const op = (n: number) => () => n;
    expect(store.run(request('k', 'f', 'acme', 'alex'), 0, op(1)).result).toBe(1);
    expect(store.run(request('k', 'f', 'other', 'alex'), 0, op(2)).result).toBe(2);
    expect(store.run(request('k', 'f', 'acme', 'dana'), 0, op(3)).result).toBe(3);
    expect(store.run(request('k', 'f', 'acme', 'alex'), 0, op(4))).toEqual({ result: 1, replayed: true });
  });

  it('does not remember a failed call: the retry runs again', () => {
    const store = createIdempotencyStore();
    expect(() =>
      store.run(request('k'), 0, () => {
        throw new EngineError('conflict', 'busy');
      }),
    ).toThrow('busy');
    expect(store.run(request('k'), 0, () => 'ok')).toEqual({ result: 'ok', replayed: false });
  });

  it('refuses malformed keys (400) and forgets the oldest keys beyond the cap', () => {
    const store = createIdempotencyStore({ maxPerOrg: 2 });
    for (const bad of ['', 'has space', 'x'.repeat(256), 'naïve']) {
      expect(refusal(() => store.run(request(bad), 0, () => 1)).code).toBe('invalid');
    }
    store.run(request('a'), 0, () => 'a');
    store.run(request('b'), 1, () => 'b');
    store.run(request('c'), 2, () => 'c');
    expect(store.size('acme', 3)).toBe(2);
    expect(store.run(request('a'), 3, () => 'a2')).toEqual({ result: 'a2', replayed: false });
  });
});

describe('engine.idempotent', () => {
  function demo() {
    const clock = createManualClock(Date.UTC(2026, 0, 15, 9));
    const engine = createEngine({ clock, ids: createSequentialIds('t'), state: buildDemoState(clock.now()) });
    return { engine, clock, admin: engine.authenticate(DEMO_TOKENS.administrator) };
  }

  it('a retried deploy with the same key answers the first deployment; there is only one', () => {
    const { engine, admin } = demo();
    const before = engine.listDeploys(admin, ORG, 'shop', 'development').length;
    const deploy = () =>
      engine.idempotent(admin, ORG, { key: 'action-1', fingerprint: 'deploy {}' }, () =>
        engine.createDeploy(admin, ORG, 'shop', 'development', { comment: 'redeploy' }),
      );
    const first = deploy();
    const retry = deploy();
    expect(retry.replayed).toBe(true);
    expect(retry.result.id).toBe(first.result.id);
    expect(engine.listDeploys(admin, ORG, 'shop', 'development')).toHaveLength(before + 1);
    // Without the key, the same request is a second deploy, refused while the first runs.
    expect(() => engine.createDeploy(admin, ORG, 'shop', 'development', { comment: 'redeploy' })).toThrow(/still running/);
  });

  it('remembers keys for 24 hours of the injected clock, and refuses unknown callers', () => {
    const { engine, clock, admin } = demo();
    let runs = 0;
    const op = () => ++runs;
    engine.idempotent(admin, ORG, { key: 'k', fingerprint: 'f' }, op);
    clock.advance(IDEMPOTENCY_TTL_MS - 1);
    expect(engine.idempotent(admin, ORG, { key: 'k', fingerprint: 'f' }, op)).toEqual({ result: 1, replayed: true });
    clock.advance(1);
    expect(engine.idempotent(admin, ORG, { key: 'k', fingerprint: 'f' }, op)).toEqual({ result: 2, replayed: false });
    expect(() => engine.idempotent({ userId: 'nobody' }, ORG, { key: 'k', fingerprint: 'f' }, op)).toThrow(EngineError);
  });

  it('works on an empty engine too (keys are per organisation)', () => {
    const { engine, admin } = bench();
    expect(engine.idempotent(admin, ORG, { key: 'k', fingerprint: 'f' }, () => 'x')).toEqual({ result: 'x', replayed: false });
  });
});
