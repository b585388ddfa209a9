import { describe, expect, it } from 'vitest';
import {
  addDelta,
  imageDelta,
  ORG,
  refusal,
  workload,
  shopBench,
} from '../../fixtures/test-engine';

const shop = shopBench;

describe('stored deltas', () => {
  it('creates a delta with a 40-hex id and metadata, ignoring the client id', () => {
    const b = shop();
    const delta = b.engine.createDelta(b.dev, ORG, 'shop', {
      id: 'mine',
      metadata: { name: 'Add api', env_id: 'development' },
      ...addDelta({ api: workload('reg/api:1') }),
    });
    expect(delta.id).toMatch(/^[0-9a-f]{40}$/);
    expect(delta).toEqual({
      id: delta.id,
      metadata: {
        name: 'Add api',
        env_id: 'development',
        created_by: 'dana-dev',
        created_at: '2025-06-01T00:00:00.000Z',
        last_modified_at: '2025-06-01T00:00:00.000Z',
        archived: false,
        shared: false,
        contributers: [],
      },
      modules: { add: { api: workload('reg/api:1') }, remove: [], update: {} },
      shared: [],
    });
    expect(b.engine.getDelta(b.admin, ORG, 'shop', delta.id)).toEqual(delta);
  });

  it('patches by merging and appends other users to contributers', () => {
    const b = shop();
    const delta = b.engine.createDelta(
      b.dev,
      ORG,
      'shop',
      addDelta({ api: workload('reg/api:1') }),
    );
    b.clock.advance(60_000);
    const patched = b.engine.patchDelta(b.admin, ORG, 'shop', delta.id, [
      imageDelta('api', 'reg/api:2'),
      { modules: { remove: ['legacy'] }, metadata: { name: 'Renamed' } },
    ]);
    expect(patched.modules).toEqual({
      add: { api: workload('reg/api:2') },
      remove: ['legacy'],
      update: {},
    });
    expect(patched.metadata.name).toBe('Renamed');
    expect(patched.metadata.contributers).toEqual(['alex-admin']);
    expect(patched.metadata.last_modified_at).toBe('2025-06-01T00:01:00.000Z');
    b.engine.patchDelta(b.admin, ORG, 'shop', delta.id, []);
    b.engine.patchDelta(b.dev, ORG, 'shop', delta.id, []);
    expect(
      b.engine.getDelta(b.admin, ORG, 'shop', delta.id).metadata.contributers,
    ).toEqual(['alex-admin']);
  });

  it('replaces content and sets metadata', () => {
    const b = shop();
    b.engine.createApp(b.admin, ORG, { id: 'blog', name: 'Blog' });
    const delta = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      addDelta({ api: workload('reg/api:1') }),
    );
    b.engine.replaceDelta(b.admin, ORG, 'shop', delta.id, {
      shared: [{ op: 'add', path: '/dns', value: { type: 'dns' } }],
    });
    b.engine.setDeltaName(b.admin, ORG, 'shop', delta.id, 'DNS only');
    b.engine.setDeltaEnv(b.admin, ORG, 'shop', delta.id, 'development');
    const stored = b.engine.getDelta(b.admin, ORG, 'shop', delta.id);
    expect(stored.modules).toEqual({ add: {}, remove: [], update: {} });
    expect(stored.shared).toEqual([
      { op: 'add', path: '/dns', value: { type: 'dns' } },
    ]);
    expect([stored.metadata.name, stored.metadata.env_id]).toEqual([
      'DNS only',
      'development',
    ]);
    expect(
      refusal(() => b.engine.setDeltaEnv(b.admin, ORG, 'shop', delta.id, 'qa'))
        .message,
    ).toBe('Environment `qa` does not exist in app `shop`.');
    expect(
      refusal(() => b.engine.getDelta(b.admin, ORG, 'blog', delta.id)).code,
    ).toBe('not_found');
  });

  it('lists non-archived deltas by default and filters by archived and env', () => {
    const b = shop();
    const a = b.engine.createDelta(b.admin, ORG, 'shop', {
      metadata: { env_id: 'development' },
    });
    const c = b.engine.createDelta(b.admin, ORG, 'shop', {});
    const d = b.engine.createDelta(b.admin, ORG, 'shop', {});
    b.engine.setDeltaArchived(b.admin, ORG, 'shop', d.id, true);
    const ids = (filter?: { archived?: boolean; env?: string }) =>
      b.engine
        .listDeltas(b.admin, ORG, 'shop', filter)
        .map((delta) => delta.id);
    expect(ids()).toEqual([a.id, c.id]);
    expect(ids({ archived: false })).toEqual([a.id, c.id]);
    expect(ids({ archived: true })).toEqual([d.id]);
    expect(ids({ env: 'development' })).toEqual([a.id]);
  });

  it('keeps archived deltas read-only until un-archived', () => {
    const b = shop();
    const delta = b.engine.createDelta(b.admin, ORG, 'shop', {});
    b.engine.setDeltaArchived(b.admin, ORG, 'shop', delta.id, true);
    const calls = [
      () =>
        b.engine.patchDelta(b.admin, ORG, 'shop', delta.id, [
          imageDelta('api', 'x'),
        ]),
      () => b.engine.replaceDelta(b.admin, ORG, 'shop', delta.id, {}),
      () => b.engine.setDeltaName(b.admin, ORG, 'shop', delta.id, 'x'),
      () => b.engine.setDeltaEnv(b.admin, ORG, 'shop', delta.id, 'development'),
    ];
    for (const call of calls) {
      const error = refusal(call);
      expect(error.code).toBe('conflict');
      expect(error.message).toBe(
        `Delta \`${delta.id}\` is archived and therefore read-only; un-archive it (PUT …/metadata/archived false) to change it.`,
      );
    }
    b.engine.setDeltaArchived(b.admin, ORG, 'shop', delta.id, false);
    expect(
      b.engine.patchDelta(b.admin, ORG, 'shop', delta.id, [
        imageDelta('api', 'x'),
      ]).modules.update.api,
    ).toHaveLength(1);
  });

  it.each([
    [
      'a non-array patch body',
      (b: ReturnType<typeof shop>, id: string) =>
        b.engine.patchDelta(b.admin, ORG, 'shop', id, {} as never),
      /must be a list of deltas/,
    ],
    [
      'a non-boolean archived',
      (b: ReturnType<typeof shop>, id: string) =>
        b.engine.setDeltaArchived(b.admin, ORG, 'shop', id, 'yes' as never),
      /must be true or false/,
    ],
    [
      'an empty name',
      (b: ReturnType<typeof shop>, id: string) =>
        b.engine.setDeltaName(b.admin, ORG, 'shop', id, ''),
      /must be a non-empty string/,
    ],
    [
      'a malformed env id',
      (b: ReturnType<typeof shop>, id: string) =>
        b.engine.setDeltaEnv(b.admin, ORG, 'shop', id, 'Dev'),
      /is not valid/,
    ],
  ])('rejects %s as invalid', (_name, call, message) => {
    const b = shop();
    const delta = b.engine.createDelta(b.admin, ORG, 'shop', {});
    const error = refusal(() => call(b, delta.id));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(message);
  });
});

describe('sets through the engine', () => {
  it('applies deltas to stored sets, lists them and diffs them', () => {
    const b = shop();
    const v1 = b.engine.applyDelta(
      b.admin,
      ORG,
      'shop',
      '0',
      addDelta({ api: workload('reg/api:1') }),
    );
    const v2 = b.engine.applyDelta(
      b.admin,
      ORG,
      'shop',
      v1,
      imageDelta('api', 'reg/api:2'),
    );
    expect(
      b.engine.applyDelta(
        b.admin,
        ORG,
        'shop',
        '0',
        addDelta({ api: workload('reg/api:1') }),
      ),
    ).toBe(v1);
    expect(
      b.engine.listSets(b.admin, ORG, 'shop').map((set) => set.id),
    ).toEqual([v1, v2]);
    expect(b.engine.diffSets(b.admin, ORG, 'shop', v2, v1)).toEqual({
      modules: {
        add: {},
        remove: [],
        update: {
          api: [
            {
              op: 'replace',
              path: '/spec/containers/main/image',
              value: 'reg/api:2',
            },
          ],
        },
      },
      shared: [],
    });
    expect(
      b.engine.diffSets(b.admin, ORG, 'shop', '0', v1).modules.remove,
    ).toEqual(['api']);
    const error = refusal(() =>
      b.engine.applyDelta(b.admin, ORG, 'shop', v1, imageDelta('web', 'x')),
    );
    expect(error.code).toBe('invalid');
    expect(error.details).toEqual({
      workload: 'web',
      path: '/spec/containers/main/image',
    });
  });
});
