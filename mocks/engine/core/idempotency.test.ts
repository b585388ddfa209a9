// Idempotency keys: the store on its own (TTL on an injected clock, scope,
// mismatch, failures not remembered, cap) and through the engine (a retried
// deploy does not deploy twice).
import { describe, expect, it } from 'vitest';
import { EngineError, refusal } from './errors';
import {
  createIdempotencyStore,
  IDEMPOTENCY_TTL_MS,
  SECRET_REPLAY_MS,
} from './idempotency';
import type { ReplayAccess } from '../engine-api';

const READ: ReplayAccess = { action: 'org.read' };
import { bench, ORG } from '../../fixtures/test-engine';
import { createManualClock, createSequentialIds } from './clock';
import { buildDemoState, createEngine, DEMO_TOKENS } from '../../fixtures';

const request = (
  key: string,
  fingerprint = 'POST /x\n{}',
  orgId = 'acme',
  userId = 'alex',
) => ({ orgId, userId, key, fingerprint });

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
    const error = refusal(() =>
      store.run(request('k1', 'POST /a\n{"x":2}'), 0, () => 'second'),
    );
    expect(error.code).toBe('unprocessable');
    expect(error.error).toBe('API-422');
    expect(error.message).toMatch(/already used for a different request/);
    expect(
      store.run(request('k1', 'POST /a\n{"x":1}'), 0, () => 'again'),
    ).toEqual({ result: 'first', replayed: true });
  });

  it('forgets keys after the TTL (injected time)', () => {
    const store = createIdempotencyStore();
    let calls = 0;
    store.run(request('k'), 0, () => ++calls);
    expect(
      store.run(request('k'), IDEMPOTENCY_TTL_MS - 1, () => ++calls),
    ).toEqual({ result: 1, replayed: true });
    expect(store.run(request('k'), IDEMPOTENCY_TTL_MS, () => ++calls)).toEqual({
      result: 2,
      replayed: false,
    });
    expect(store.size('acme', IDEMPOTENCY_TTL_MS)).toBe(1);
    expect(store.size('acme', 3 * IDEMPOTENCY_TTL_MS)).toBe(0);
  });

  it('replays a secret only to the caller that created it, within 10 minutes (409 otherwise)', () => {
    const store = createIdempotencyStore();
    const secret = (caller: string) => ({
      ...request('k'),
      caller,
      secret: true,
    });
    store.run(secret('token-a'), 0, () => ({ token: 's3cret' }));
    expect(
      store.run(secret('token-a'), SECRET_REPLAY_MS - 1, () => ({
        token: 'x',
      })),
    ).toEqual({ result: { token: 's3cret' }, replayed: true });
    const other = refusal(() =>
      store.run(secret('token-b'), 1, () => ({ token: 'x' })),
    );
    expect(other.code).toBe('conflict');
    expect(other.message).not.toContain('s3cret');
    expect(
      refusal(() =>
        store.run(secret('token-a'), SECRET_REPLAY_MS, () => ({ token: 'x' })),
      ).code,
    ).toBe('conflict');
  });

  it('keeps keys apart per organisation and per user', () => {
    const store = createIdempotencyStore();
    const op = (n: number) => () => n;
    expect(store.run(request('k', 'f', 'acme', 'alex'), 0, op(1)).result).toBe(
      1,
    );
    expect(store.run(request('k', 'f', 'other', 'alex'), 0, op(2)).result).toBe(
      2,
    );
    expect(store.run(request('k', 'f', 'acme', 'dana'), 0, op(3)).result).toBe(
      3,
    );
    expect(store.run(request('k', 'f', 'acme', 'alex'), 0, op(4))).toEqual({
      result: 1,
      replayed: true,
    });
  });

  it('does not remember a failed call: the retry runs again', () => {
    const store = createIdempotencyStore();
    expect(() =>
      store.run(request('k'), 0, () => {
        throw new EngineError('conflict', 'busy');
      }),
    ).toThrow('busy');
    expect(store.run(request('k'), 0, () => 'ok')).toEqual({
      result: 'ok',
      replayed: false,
    });
  });

  it('refuses malformed keys (400) and forgets the oldest keys beyond the cap', () => {
    const store = createIdempotencyStore({ maxPerOrg: 2 });
    for (const bad of ['', 'has space', 'x'.repeat(256), 'naïve']) {
      expect(refusal(() => store.run(request(bad), 0, () => 1)).code).toBe(
        'invalid',
      );
    }
    store.run(request('a'), 0, () => 'a');
    store.run(request('b'), 1, () => 'b');
    store.run(request('c'), 2, () => 'c');
    expect(store.size('acme', 3)).toBe(2);
    expect(store.run(request('a'), 3, () => 'a2')).toEqual({
      result: 'a2',
      replayed: false,
    });
  });
});

describe('engine.idempotent', () => {
  function demo() {
    const clock = createManualClock(Date.UTC(2026, 0, 15, 9));
    const engine = createEngine({
      clock,
      ids: createSequentialIds('t'),
      state: buildDemoState(clock.now()),
    });
    return {
      engine,
      clock,
      admin: engine.authenticate(DEMO_TOKENS.administrator),
    };
  }

  it('a retried deploy with the same key answers the first deployment; there is only one', () => {
    const { engine, admin } = demo();
    const before = engine.listDeploys(admin, ORG, 'shop', 'development').length;
    const deploy = () =>
      engine.idempotent(
        admin,
        ORG,
        {
          key: 'action-1',
          fingerprint: 'deploy {}',
          access: { action: 'env.deploy', appId: 'shop', envId: 'development' },
        },
        () =>
          engine.createDeploy(admin, ORG, 'shop', 'development', {
            comment: 'redeploy',
          }),
      );
    const first = deploy();
    const retry = deploy();
    expect(retry.replayed).toBe(true);
    expect(retry.result.id).toBe(first.result.id);
    expect(engine.listDeploys(admin, ORG, 'shop', 'development')).toHaveLength(
      before + 1,
    );
    // Without the key, the same request is a second deploy, refused while the first runs.
    expect(() =>
      engine.createDeploy(admin, ORG, 'shop', 'development', {
        comment: 'redeploy',
      }),
    ).toThrow(/still running/);
  });

  it('remembers keys for 24 hours of the injected clock, and refuses unknown callers', () => {
    const { engine, clock, admin } = demo();
    let runs = 0;
    const op = () => ++runs;
    engine.idempotent(
      admin,
      ORG,
      { key: 'k', fingerprint: 'f', access: READ },
      op,
    );
    clock.advance(IDEMPOTENCY_TTL_MS - 1);
    expect(
      engine.idempotent(
        admin,
        ORG,
        { key: 'k', fingerprint: 'f', access: READ },
        op,
      ),
    ).toEqual({ result: 1, replayed: true });
    clock.advance(1);
    expect(
      engine.idempotent(
        admin,
        ORG,
        { key: 'k', fingerprint: 'f', access: READ },
        op,
      ),
    ).toEqual({ result: 2, replayed: false });
    expect(() =>
      engine.idempotent(
        { userId: 'nobody' },
        ORG,
        { key: 'k', fingerprint: 'f', access: READ },
        op,
      ),
    ).toThrow(EngineError);
  });

  it('authorizes before it replays: a caller who may not make the call gets 403, not the first answer', () => {
    const { engine, admin } = demo();
    const viewer = engine.authenticate(DEMO_TOKENS.viewer);
    const access: ReplayAccess = {
      action: 'env.deploy',
      appId: 'shop',
      envId: 'production',
    };
    engine.idempotent(
      admin,
      ORG,
      { key: 'k', fingerprint: 'f', access },
      () => 'deployed',
    );
    // Keys are per user, so this is the viewer's own key; and the admin demoted keeps the key but not the right.
    expect(
      refusal(() =>
        engine.idempotent(
          viewer,
          ORG,
          { key: 'k', fingerprint: 'f', access },
          () => 'again',
        ),
      ).code,
    ).toBe('forbidden');
    engine.createServiceUser(admin, ORG, {
      name: 'Other admin',
      role: 'administrator',
    });
    const manage: ReplayAccess = { action: 'org.manage' };
    engine.idempotent(
      admin,
      ORG,
      { key: 'm', fingerprint: 'f', access: manage },
      () => 'made',
    );
    engine.updateOrgRole(admin, ORG, 'alex-admin', 'orgViewer');
    expect(
      refusal(() =>
        engine.idempotent(
          admin,
          ORG,
          { key: 'm', fingerprint: 'f', access: manage },
          () => 'again',
        ),
      ).code,
    ).toBe('forbidden');
  });

  it('works on an empty engine too (keys are per organisation)', () => {
    const { engine, admin } = bench();
    expect(
      engine.idempotent(
        admin,
        ORG,
        { key: 'k', fingerprint: 'f', access: READ },
        () => 'x',
      ),
    ).toEqual({ result: 'x', replayed: false });
  });
});
