/**
 * A state persisted by an earlier version holds sets under the ids of the
 * earlier scheme (SHA-256 of the whole content, core/set-hash.ts). Resumed,
 * they keep their ids: found, listed, diffed, deployed and built upon.
 */
import { describe, expect, it } from 'vitest';
import { createSequentialIds } from '../core/clock';
import type { StateV1 } from '../core/state';
import { DEMO_TOKENS, createEngine } from '../../fixtures';
import {
  addDelta,
  deployAndFinish,
  imageDelta,
  ORG,
  shopBench,
  workload,
} from '../../fixtures/test-engine';
import {
  referenceLegacySetId,
  referenceSetId,
} from '../../fixtures/test-set-ids';

/** A shop app deployed once, resumed from a snapshot whose set is stored under its earlier-scheme id. */
function resumedWithLegacySet() {
  const b = shopBench();
  const deployed = deployAndFinish(
    b,
    'shop',
    'development',
    addDelta({ api: workload('reg/api:1'), worker: workload('reg/worker:1') }),
  );
  const state = JSON.parse(JSON.stringify(b.engine.snapshot())) as StateV1;
  const app = state.orgs[ORG].apps.shop;
  const newId = deployed.set_id;
  const entry = app.sets[newId];
  const legacyId = referenceLegacySetId(entry.set);
  expect(legacyId).not.toBe(newId);
  // As an earlier version wrote it: the set, and every deployment of it, under the earlier id.
  delete app.sets[newId];
  app.sets[legacyId] = { ...entry, set: { ...entry.set, id: legacyId } };
  for (const record of Object.values(app.deploys)) {
    if (record.deployment.set_id === newId) record.deployment.set_id = legacyId;
  }
  const engine = createEngine({
    clock: b.clock,
    ids: createSequentialIds('resumed'),
    state,
    seed: 'empty',
  });
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  return { engine, admin, clock: b.clock, legacyId, newId, deployed };
}

describe('sets stored under the ids of the earlier scheme', () => {
  it('are found and listed under their stored ids', () => {
    const { engine, admin, legacyId, deployed } = resumedWithLegacySet();
    const set = engine.getSet(admin, ORG, 'shop', legacyId);
    expect(set.id).toBe(legacyId);
    expect(Object.keys(set.modules)).toEqual(['api', 'worker']);
    expect(engine.listSets(admin, ORG, 'shop').map((s) => s.id)).toEqual([
      legacyId,
    ]);
    expect(
      engine.getDeploy(admin, ORG, 'shop', 'development', deployed.id).set_id,
    ).toBe(legacyId);
  });

  it('a delta applied to one gives a set under the new scheme, and the two diff as the delta', () => {
    const { engine, admin, legacyId } = resumedWithLegacySet();
    const nextId = engine.applyDelta(
      admin,
      ORG,
      'shop',
      legacyId,
      imageDelta('api', 'reg/api:2'),
    );
    const next = engine.getSet(admin, ORG, 'shop', nextId);
    expect(nextId).toBe(referenceSetId(next));
    expect(engine.diffSets(admin, ORG, 'shop', nextId, legacyId)).toEqual({
      modules: {
        add: {},
        remove: [],
        update: imageDelta('api', 'reg/api:2').modules!.update,
      },
      shared: [],
    });
    // The same change again: the same id (content addressed), nothing new stored.
    expect(
      engine.applyDelta(
        admin,
        ORG,
        'shop',
        legacyId,
        imageDelta('api', 'reg/api:2'),
      ),
    ).toBe(nextId);
    expect(engine.listSets(admin, ORG, 'shop')).toHaveLength(2);
  });

  it('a deployment on top of one ships a set under the new scheme', () => {
    const { engine, admin, clock, legacyId, deployed } = resumedWithLegacySet();
    const delta = engine.createDelta(
      admin,
      ORG,
      'shop',
      imageDelta('worker', 'reg/worker:2'),
    );
    const next = engine.createDeploy(admin, ORG, 'shop', 'development', {
      delta_id: delta.id,
    });
    clock.advance(10_000);
    const done = engine.getDeploy(admin, ORG, 'shop', 'development', next.id);
    expect(done.status).toBe('succeeded');
    expect(done.from_id).toBe(deployed.id);
    expect(done.set_id).not.toBe(legacyId);
    const set = engine.getSet(admin, ORG, 'shop', done.set_id);
    expect(done.set_id).toBe(referenceSetId(set));
    expect(set.modules.worker.spec).toEqual({
      containers: { main: { image: 'reg/worker:2' } },
    });
    expect(set.modules.api).toEqual(
      engine.getSet(admin, ORG, 'shop', legacyId).modules.api,
    );
  });
});
