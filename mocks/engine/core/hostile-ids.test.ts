// Ids that name built-in JavaScript properties (issue 17): refused as new ids (400), and a stored state that
// already holds one (written before the rule) still answers the organisation-wide reads.
import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from './clock';
import { ORG, refusal, T0 } from '../../fixtures/test-engine';
import { createEngine, DEMO_TOKENS } from '../../fixtures';

describe('hostile ids', () => {
  it.each(['constructor', 'prototype', 'valueof'])(
    'refuses `%s` as an app, environment and workload id',
    (id) => {
      const engine = createEngine({
        clock: createManualClock(T0),
        ids: createSequentialIds('t'),
      });
      const admin = engine.authenticate(DEMO_TOKENS.administrator);
      expect(
        refusal(() => engine.createApp(admin, ORG, { id, name: id })).message,
      ).toMatch(/is reserved/);
      expect(
        refusal(() =>
          engine.createDelta(admin, ORG, 'shop', {
            modules: {
              add: { [id]: { profile: 'humanitec/default-module', spec: {} } },
            },
          } as never),
        ).message,
      ).toMatch(/workload id `.*` is reserved/);
      expect(
        refusal(() =>
          engine.createDelta(admin, ORG, 'shop', {
            shared: [
              { op: 'add', path: `/${id}`, value: { type: 'postgres' } },
            ],
          } as never),
        ).message,
      ).toMatch(/shared resource id `.*` is reserved/);
    },
  );

  it('a stored app named `constructor` does not break the DORA report', () => {
    const seeded = createEngine({
      clock: createManualClock(T0),
      ids: createSequentialIds('t'),
    });
    const state = seeded.snapshot() as unknown as {
      orgs: Record<
        string,
        { apps: Record<string, { app: { id: string; name: string } }> }
      >;
    };
    const shop = state.orgs[ORG].apps.shop;
    Object.defineProperty(state.orgs[ORG].apps, 'constructor', {
      value: {
        ...structuredClone(shop),
        app: { ...shop.app, id: 'constructor', name: 'constructor' },
      },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    const engine = createEngine({
      clock: createManualClock(T0),
      ids: createSequentialIds('t'),
      state: state as never,
    });
    const admin = engine.authenticate(DEMO_TOKENS.administrator);
    expect(
      engine.getDoraMetrics(admin, ORG).apps.map((a) => a.app_id),
    ).toContain('constructor');
  });
});
