import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from './core/clock';
import { STATE_SCHEMA_VERSION } from './core/constants';
import type { Actor } from './engine-api';
import {
  addDelta,
  bench,
  deployAndFinish,
  ORG,
  refusal,
  T0,
  workload,
} from '../fixtures/test-engine';
import { DEMO_TOKENS, createEngine } from '../fixtures';

describe('authentication', () => {
  it('maps each demo token to its user', () => {
    const { engine, admin, dev, viewer } = bench();
    expect(engine.currentUser(admin)).toEqual({
      id: 'alex-admin',
      name: 'Alex Admin',
      email: 'alex.admin@acme.example',
      type: 'user',
      created_at: '2025-06-01T00:00:00.000Z',
      properties: {},
      roles: { '/orgs/acme': 'administrator' },
    });
    expect(engine.currentUser(dev).id).toBe('dana-dev');
    expect(engine.currentUser(viewer).id).toBe('vic-viewer');
    expect(engine.authenticate(`Bearer ${DEMO_TOKENS.developer}`)).toEqual({
      userId: 'dana-dev',
    });
  });

  it.each([null, '', 'hum_wrong', 'Bearer '])(
    'refuses the token %j with unauthorized',
    (token) => {
      const error = refusal(() => bench().engine.authenticate(token));
      expect(error.code).toBe('unauthorized');
      expect(error.error).toBe('API-401');
      expect(error.message).toMatch(/^A valid bearer token is required: /);
    },
  );

  it('refuses an actor that is not a known user', () => {
    const error = refusal(() => bench().engine.listOrgs({ userId: 'mallory' }));
    expect(error.code).toBe('unauthorized');
  });
});

describe('organisation and environment types', () => {
  it('seeds `empty` with acme, three env types and no apps', () => {
    const { engine, admin } = bench();
    expect(engine.listOrgs(admin).map((org) => [org.id, org.name])).toEqual([
      ['acme', 'Acme Corp'],
    ]);
    expect(engine.getOrg(admin, ORG).trial_expires_at).toBeNull();
    expect(engine.listEnvTypes(admin, ORG).map((t) => t.id)).toEqual([
      'development',
      'staging',
      'production',
    ]);
    expect(engine.listApps(admin, ORG)).toEqual([]);
    const roles = (
      engine.snapshot() as unknown as { orgs: { acme: { roles: unknown } } }
    ).orgs.acme.roles;
    expect(roles).toEqual({
      'alex-admin': 'administrator',
      'dana-dev': 'member',
      'vic-viewer': 'orgViewer',
    });
  });
});

describe('not found', () => {
  const b = bench();
  b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
  it.each<[string, (actor: Actor) => unknown, string]>([
    [
      'org',
      (a) => b.engine.getOrg(a, 'globex'),
      'Organisation `globex` does not exist.',
    ],
    [
      'app',
      (a) => b.engine.getApp(a, ORG, 'cart'),
      'Application `cart` does not exist in organisation `acme`.',
    ],
    [
      'env',
      (a) => b.engine.getEnv(a, ORG, 'shop', 'qa'),
      'Environment `qa` does not exist in app `shop`.',
    ],
    [
      'deploy',
      (a) => b.engine.getDeploy(a, ORG, 'shop', 'development', 'abc'),
      'Deployment `abc` does not exist in environment `development` of app `shop`.',
    ],
    [
      'delta',
      (a) => b.engine.getDelta(a, ORG, 'shop', 'f00'),
      'Delta `f00` does not exist in app `shop`.',
    ],
    [
      'set',
      (a) => b.engine.getSet(a, ORG, 'shop', 'xyz'),
      'Deployment set `xyz` does not exist in app `shop`.',
    ],
    [
      'app via env',
      (a) => b.engine.listEnvs(a, 'globex', 'shop'),
      'Organisation `globex` does not exist.',
    ],
  ])('names the missing %s', (_kind, call, message) => {
    const error = refusal(() => call(b.admin));
    expect(error.code).toBe('not_found');
    expect(error.error).toBe('API-404');
    expect(error.message).toBe(message);
  });

  it('accepts `0` and 43 zeros as the empty set', () => {
    expect(b.engine.getSet(b.admin, ORG, 'shop', '0')).toEqual({
      id: '0'.repeat(43),
      version: 0,
      modules: {},
      shared: {},
    });
    expect(
      b.engine.getSet(b.admin, ORG, 'shop', '0'.repeat(43)).modules,
    ).toEqual({});
  });
});

describe('state', () => {
  it('leaves the state unchanged when a call fails', () => {
    const b = bench();
    b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
    const delta = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      addDelta({ api: workload('reg/api:1') }),
    );
    const before = JSON.stringify(b.engine.snapshot());
    const failing: (() => unknown)[] = [
      () => b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Dup' }),
      () =>
        b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
          delta_id: 'missing',
        }),
      () =>
        b.engine.patchDelta(b.admin, ORG, 'shop', delta.id, [
          { modules: { add: { api: workload('x') } } },
          'bad' as never,
        ]),
      () =>
        b.engine.setReplicas(b.admin, ORG, 'shop', 'development', { api: 2 }),
      () =>
        b.engine.applyDelta(b.admin, ORG, 'shop', '0', {
          modules: { update: { api: [{ op: 'remove', path: '/spec' }] } },
        }),
      () => b.engine.deleteEnv(b.admin, ORG, 'shop', 'development'),
    ];
    for (const call of failing) {
      refusal(call);
      expect(JSON.stringify(b.engine.snapshot())).toBe(before);
    }
  });

  it('rolls back a call that fails half-way (after it changed its draft)', () => {
    const clock = createManualClock(T0);
    const sequential = createSequentialIds('test');
    let broken = false;
    const engine = createEngine({
      clock,
      seed: 'empty',
      ids: {
        next: (kind) => {
          if (broken) throw new Error('id source exhausted');
          return sequential.next(kind);
        },
      },
    });
    const admin = engine.authenticate(DEMO_TOKENS.administrator);
    engine.createApp(admin, ORG, { id: 'shop', name: 'Shop' });
    const delta = engine.createDelta(
      admin,
      ORG,
      'shop',
      addDelta({ api: workload('reg/api:1') }),
    );
    const before = JSON.stringify(engine.snapshot());
    broken = true;
    // createDeploy stores the new set before it asks for an id.
    expect(() =>
      engine.createDeploy(admin, ORG, 'shop', 'development', {
        delta_id: delta.id,
      }),
    ).toThrow('id source exhausted');
    expect(JSON.stringify(engine.snapshot())).toBe(before);
    expect(engine.listSets(admin, ORG, 'shop')).toEqual([]);
  });

  it('round-trips through snapshot (or its JSON, serialize) → createEngine({state})', () => {
    const b = bench();
    b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
    const deployed = deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('reg/api:1') }),
      'first',
    );
    const snapshot = b.engine.snapshot();
    expect(snapshot.schemaVersion).toBe(STATE_SCHEMA_VERSION);
    // serialize() is the snapshot's JSON, written without copying the state first (the Node server's store).
    const text = b.engine.serialize();
    expect(text).toBe(JSON.stringify(snapshot));
    const resumed = createEngine({
      clock: b.clock,
      ids: createSequentialIds('test'),
      state: JSON.parse(text),
      seed: 'empty',
    });
    const admin = resumed.authenticate(DEMO_TOKENS.administrator);
    expect(resumed.getEnv(admin, ORG, 'shop', 'development')).toEqual(
      b.engine.getEnv(b.admin, ORG, 'shop', 'development'),
    );
    expect(resumed.snapshot()).toEqual(snapshot);
    // The same id source restarts, yet new ids never collide with resumed ones.
    const next = resumed.createDeploy(admin, ORG, 'shop', 'development', {});
    expect(next.id).not.toBe(deployed.id);
    expect(next.from_id).toBe(deployed.id);
  });

  it('ignores a state of another schema version and seeds instead', () => {
    const clock = createManualClock(T0);
    const engine = createEngine({
      clock,
      ids: createSequentialIds(),
      seed: 'empty',
      state: { schemaVersion: 999, orgs: {} },
    });
    expect(
      engine
        .listOrgs(engine.authenticate(DEMO_TOKENS.administrator))
        .map((o) => o.id),
    ).toEqual(['acme']);
  });

  it('snapshots are copies', () => {
    const b = bench();
    const snapshot = b.engine.snapshot() as unknown as {
      orgs: Record<string, { org: { name: string } }>;
    };
    snapshot.orgs.acme.org.name = 'Changed';
    expect(b.engine.getOrg(b.admin, ORG).name).toBe('Acme Corp');
  });

  it('notifies subscribers after mutations and time-driven progress, and reset restores the seed', () => {
    const b = bench();
    let calls = 0;
    const unsubscribe = b.engine.subscribe(() => {
      calls += 1;
    });
    b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
    expect(calls).toBe(1);
    b.engine.listApps(b.admin, ORG);
    expect(calls).toBe(1);
    refusal(() =>
      b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' }),
    );
    expect(calls).toBe(1);
    b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {});
    expect(calls).toBe(2);
    b.clock.advance(1000);
    b.engine.listApps(b.admin, ORG); // pending → in progress
    expect(calls).toBe(3);
    b.clock.advance(10_000);
    b.engine.getOrg(b.admin, ORG); // in progress → succeeded
    expect(calls).toBe(4);
    b.engine.reset();
    expect(calls).toBe(5);
    expect(b.engine.listApps(b.admin, ORG)).toEqual([]);
    unsubscribe();
    b.engine.createApp(b.admin, ORG, { id: 'shop', name: 'Shop' });
    expect(calls).toBe(5);
  });
});
