// draftState overlays an organisation's app map instead of copying it: the op
// sees its changes (keys, order, `in`), the original map stays untouched
// until `finish`, and then holds exactly what a plain copy would.
import { describe, expect, it } from 'vitest';
import { draftState } from './state-changes';
import type { DeploymentSet } from './model/spec';
import type { AppRecord, StateV1 } from './state';

const app = (id: string, seq: number): AppRecord => ({
  seq,
  app: { id, name: id } as AppRecord['app'],
  envs: {},
  deploys: {},
  sets: {},
  deltas: {},
  roles: { alice: 'owner' },
});

function state(): StateV1 {
  return {
    schemaVersion: 1,
    seq: 10,
    orgs: {
      acme: {
        seq: 1,
        org: { id: 'acme', name: 'Acme' } as StateV1['orgs'][string]['org'],
        envTypes: [],
        roles: { alice: 'administrator' },
        apps: { shop: app('shop', 2), '7': app('7', 3), blog: app('blog', 4) },
      },
    },
    users: {},
    tokens: {},
  } as StateV1;
}

/** The same changes on the draft and on a plain copy. */
function change(apps: Record<string, AppRecord>) {
  expect(Object.keys(apps)).toEqual(['7', 'shop', 'blog']);
  delete apps.shop;
  expect('shop' in apps).toBe(false);
  expect(apps.shop).toBeUndefined();
  apps.wiki = app('wiki', 5);
  apps.shop = app('shop', 6); // deleted and set again: moves to the end
  apps.blog.roles = { bob: 'viewer' };
  expect('shop' in apps && Object.hasOwn(apps, 'wiki')).toBe(true);
  expect('toString' in apps).toBe(true);
  return Object.keys(apps);
}

describe('draftState', () => {
  it('shows the op its changes and commits them into the app map as a plain copy would', () => {
    const plain = structuredClone(state());
    const expectedKeys = change(plain.orgs.acme.apps);

    const original = state();
    const map = original.orgs.acme.apps;
    const untouched = map['7'];
    const draft = draftState(original);
    expect(change(draft.draft.orgs.acme.apps)).toEqual(expectedKeys);
    // Nothing reaches the original before `finish`.
    expect(Object.keys(map)).toEqual(['7', 'shop', 'blog']);
    expect(map.blog.roles).toEqual({ alice: 'owner' });

    const { state: after, reached } = draft.finish();
    expect(JSON.parse(JSON.stringify(after))).toEqual(plain);
    expect(Object.keys(after.orgs.acme.apps)).toEqual(expectedKeys);
    expect(after.orgs.acme.apps['7']).toBe(untouched);
    expect([...reached.keys()].map((k) => k.split('\u0000')[1]).sort()).toEqual(
      ['blog', 'shop', 'wiki'],
    );
  });

  it('leaves the app map as it was when the op fails (the draft is dropped)', () => {
    const original = state();
    const before = structuredClone(original);
    const draft = draftState(original);
    const apps = draft.draft.orgs.acme.apps;
    delete apps.shop;
    apps.blog.seq = 99;
    apps.wiki = app('wiki', 5);
    expect(original).toEqual(before);
  });

  it('keeps apps an op only read (every app, e.g. for their roles) as they were', () => {
    const original = state();
    const apps = { ...original.orgs.acme.apps };
    const draft = draftState(original);
    const roles = Object.entries(draft.draft.orgs.acme.apps).map(
      ([id, a]) => [id, a.roles] as const,
    );
    expect(roles).toHaveLength(3);
    draft.draft.orgs.acme.apps.shop.deltas.d1 = {
      seq: 11,
      delta: {} as never,
    };
    const { state: after, reached } = draft.finish();
    expect(after.orgs.acme.apps['7']).toBe(apps['7']);
    expect(after.orgs.acme.apps.blog).toBe(apps.blog);
    expect(after.orgs.acme.apps.shop).not.toBe(apps.shop);
    expect(Object.keys(after.orgs.acme.apps.shop.deltas)).toEqual(['d1']);
    expect([...reached.keys()]).toEqual(['acme\u0000shop']);
  });

  it("shares an app's sets (values) with the draft: the map and its entries are copied, a write only adds", () => {
    const original = state();
    const set: DeploymentSet = {
      id: 's1',
      version: 0,
      modules: { api: { profile: 'p', spec: {}, externals: {} } },
      shared: {},
    };
    original.orgs.acme.apps.shop.sets = { s1: { seq: 7, set } };
    const before = structuredClone(original);
    const draft = draftState(original);
    const sets = draft.draft.orgs.acme.apps.shop.sets;
    expect(sets.s1.set).toBe(set);
    sets.s1.seq = 99;
    sets.s2 = { seq: 11, set: { ...set, id: 's2' } };
    // Nothing reaches the original before `finish` (a failed write drops the draft).
    expect(original).toEqual(before);
    const { state: after } = draft.finish();
    expect(Object.keys(after.orgs.acme.apps.shop.sets)).toEqual(['s1', 's2']);
    expect(after.orgs.acme.apps.shop.sets.s1.set).toBe(set);
    expect(after.orgs.acme.apps.shop.sets.s1.seq).toBe(99);
    expect(before.orgs.acme.apps.shop.sets.s1.seq).toBe(7);
  });
});
