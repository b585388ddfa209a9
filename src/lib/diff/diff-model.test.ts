import { describe, expect, it } from 'vitest';
import type { DeploymentSet, PlainDelta } from '@/api/types';
import { isEmptyDelta, summarizeDelta, workloadEntries } from './diff-model';

const module = (image: string) => ({
  profile: 'p',
  spec: { containers: { c: { image } } },
  externals: {},
});
const from = {
  id: 'a',
  version: 0,
  modules: { api: module('a:1'), old: module('o:1'), same: module('s:1') },
  shared: { db: { type: 'postgres' }, dns: { type: 'dns' } },
} as unknown as DeploymentSet;
const to = {
  id: 'b',
  version: 0,
  modules: { api: module('a:2'), fresh: module('f:1'), same: module('s:1') },
  shared: {
    db: { type: 'postgres', params: { version: '16' } },
    cache: { type: 'redis' },
  },
} as unknown as DeploymentSet;
const delta = {
  modules: {
    add: { fresh: module('f:1') },
    remove: ['old'],
    update: {
      api: [{ op: 'replace', path: '/spec/containers/c/image', value: 'a:2' }],
    },
  },
  shared: [
    { op: 'add', path: '/cache', value: { type: 'redis' } },
    { op: 'add', path: '/db/params', value: { version: '16' } },
    { op: 'remove', path: '/dns' },
  ],
} as unknown as PlainDelta;

describe('the diff model', () => {
  it('counts workloads added, removed and changed, and shared resources, from the delta alone', () => {
    const summary = summarizeDelta(delta, from.shared);
    expect(summary.workloads).toEqual({
      added: ['fresh'],
      removed: ['old'],
      changed: ['api'],
    });
    expect(summary.shared).toEqual({
      added: ['cache'],
      removed: ['dns'],
      changed: ['db'],
    });
    // Field changes: api's image and db's params; cache added and dns removed whole are not edits of fields.
    expect(summary.opCount).toBe(2);
    expect(isEmptyDelta(summary)).toBe(false);
    expect(
      isEmptyDelta(
        summarizeDelta({
          modules: { add: {}, remove: [], update: {} },
          shared: [],
        } as unknown as PlainDelta),
      ),
    ).toBe(true);
  });

  it('lists every workload of both sets with its kind and values before and after', () => {
    const entries = workloadEntries(delta, from, to);
    expect(
      entries.map((e) => [e.id, e.kind, e.ops.length, !!e.before, !!e.after]),
    ).toEqual([
      ['api', 'changed', 1, true, true],
      ['fresh', 'added', 0, false, true],
      ['old', 'removed', 0, true, false],
      ['same', 'unchanged', 0, true, true],
    ]);
  });
});
