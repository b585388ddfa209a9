import { describe, expect, it } from 'vitest';
import { consoleSchemaValidator } from '../../../src/lib/json-schema/schema-validator';
import { createManualClock, createSequentialIds } from '../core/clock';
import { DEMO_ORG_ID } from '../core/constants';
import { refusal } from '../core/errors';
import type { DeltaInput } from '../core/model/spec';
import type { StateV1 } from '../core/state';
import { T0 } from '../../fixtures/test-engine';
import { DEMO_TOKENS, createEngine } from '../../fixtures';
import { secretKey } from './ops';

const ORG = DEMO_ORG_ID;
const SECRET = 'hunter2-planted-7f3a';
const OTHER = 'correct-horse-battery-9c1d';

function setup() {
  const clock = createManualClock(T0);
  const engine = createEngine({
    clock,
    ids: createSequentialIds('s'),
    seed: 'empty',
    schemaValidator: consoleSchemaValidator,
  });
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  engine.createApp(admin, ORG, { id: 'shop', name: 'Shop' });
  engine.createProfile(admin, ORG, {
    id: 'vault-app',
    description: 'A service with a database password',
    workload_profile_chart: {
      id: 'humanitec/default-module',
      version: '1.0.0',
    },
    spec_definition: {
      properties: {
        containers: { type: 'feature', feature_name: 'humanitec/replicas' },
        database: {
          type: 'schema',
          schema: {
            type: 'object',
            properties: {
              host: { type: 'string' },
              password: {
                type: 'string',
                minLength: 8,
                'x-console-widget': 'secret',
              },
            },
          },
        },
        tokens: {
          type: 'schema',
          schema: {
            type: 'object',
            additionalProperties: {
              type: 'string',
              'x-console-widget': 'secret',
            },
          },
        },
      },
    },
  });
  return {
    engine,
    clock,
    admin,
    viewer: engine.authenticate(DEMO_TOKENS.viewer),
  };
}

const add = (password: string, extra: object = {}) => ({
  metadata: { env_id: 'development' },
  modules: {
    add: {
      api: {
        profile: 'acme/vault-app',
        spec: { database: { host: 'db', password }, ...extra },
        externals: {},
      },
    },
  },
});

const everything = (engine: ReturnType<typeof setup>['engine']) =>
  JSON.stringify(engine.snapshot());

/** The state without the app's secret store: everything a view may be built from. */
function outsideTheStore(state: StateV1): string {
  const copy = structuredClone(state);
  for (const org of Object.values(copy.orgs))
    for (const app of Object.values(org.apps)) delete app.secrets;
  return JSON.stringify(copy);
}

describe('secret fields', () => {
  it('a created delta keeps a reference; the value is only in the store', () => {
    const { engine, admin, viewer } = setup();
    const delta = engine.createDelta(admin, ORG, 'shop', add(SECRET));
    const password = (
      delta.modules.add.api.spec.database as { password: string }
    ).password;
    expect(password).toMatch(
      /^\$\{secrets\.wl\.api\.database\.password\.[0-9a-f]{24}\}$/,
    );
    expect(JSON.stringify(delta)).not.toContain(SECRET);
    expect(
      JSON.stringify(engine.getDelta(viewer, ORG, 'shop', delta.id)),
    ).not.toContain(SECRET);
    const state = engine.snapshot() as StateV1;
    expect(outsideTheStore(state)).not.toContain(SECRET);
    const store = state.orgs[ORG].apps.shop.secrets!;
    const key = password.slice('${secrets.'.length, -1);
    expect(store.values[key]).toMatchObject({
      value: SECRET,
      workload_id: 'api',
      path: '/database/password',
    });
    expect(key).toBe(
      secretKey(store.salt, 'api', '/database/password', SECRET),
    );
  });

  it('applying to a set and deploying the delta give the same set, without the value, and the deploy succeeds', () => {
    const { engine, admin, viewer, clock } = setup();
    const input = add(SECRET, { tokens: { stripe: OTHER } });
    const setId = engine.applyDelta(admin, ORG, 'shop', '0', input);
    const delta = engine.createDelta(admin, ORG, 'shop', input);
    const deploy = engine.createDeploy(admin, ORG, 'shop', 'development', {
      delta_id: delta.id,
    });
    expect(deploy.set_id).toBe(setId);
    const set = engine.getSet(viewer, ORG, 'shop', setId);
    expect(JSON.stringify(set)).not.toContain(SECRET);
    expect(JSON.stringify(set)).not.toContain(OTHER);
    expect(set.modules.api.spec.tokens).toEqual({
      stripe: expect.stringMatching(/^\$\{secrets\.wl\.api\.tokens\.stripe\./),
    });
    clock.advance(60_000);
    expect(
      engine.getDeploy(admin, ORG, 'shop', 'development', deploy.id).status,
    ).toBe('succeeded');
    expect(everything(engine).split(SECRET)).toHaveLength(2); // the store only
  });

  it('an update of a deployed workload is sealed with the profile it has there; a changed secret is a changed reference', () => {
    const { engine, admin, viewer, clock } = setup();
    const first = engine.createDelta(admin, ORG, 'shop', add(SECRET));
    engine.createDeploy(admin, ORG, 'shop', 'development', {
      delta_id: first.id,
    });
    clock.advance(60_000);
    const env = engine.getEnv(admin, ORG, 'shop', 'development');
    const change: DeltaInput = {
      metadata: { env_id: 'development' },
      modules: {
        update: {
          api: [
            { op: 'replace', path: '/spec/database/password', value: OTHER },
            { op: 'add', path: '/spec/tokens', value: { github: SECRET } },
          ],
        },
      },
    };
    const nextSetId = engine.applyDelta(
      admin,
      ORG,
      'shop',
      env.last_deploy!.set_id,
      change,
    );
    const stored = engine.createDelta(admin, ORG, 'shop', change);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(OTHER);
    const diff = engine.diffSets(
      viewer,
      ORG,
      'shop',
      nextSetId,
      env.last_deploy!.set_id,
    );
    expect(JSON.stringify(diff)).not.toContain(OTHER);
    expect(diff.modules.update.api).toContainEqual({
      op: 'replace',
      path: '/spec/database/password',
      value: expect.stringMatching(
        /^\$\{secrets\.wl\.api\.database\.password\./,
      ),
    });
    const deploy = engine.createDeploy(admin, ORG, 'shop', 'development', {
      delta_id: stored.id,
    });
    expect(deploy.set_id).toBe(nextSetId);
  });

  it('a move to a profile with a secret field (the /profile op, then the spec) is sealed with the new profile', () => {
    const { engine, admin } = setup();
    const first = engine.createDelta(admin, ORG, 'shop', {
      modules: {
        add: {
          api: {
            profile: 'humanitec/default-module',
            spec: { containers: {} },
            externals: {},
          },
        },
      },
    });
    engine.createDeploy(admin, ORG, 'shop', 'development', {
      delta_id: first.id,
    });
    const move: DeltaInput = {
      metadata: { env_id: 'development' },
      modules: {
        update: {
          api: [
            { op: 'replace', path: '/profile', value: 'acme/vault-app' },
            {
              op: 'replace',
              path: '/spec',
              value: { database: { host: 'db', password: SECRET } },
            },
          ],
        },
      },
    };
    const moved = engine.createDelta(admin, ORG, 'shop', move);
    expect(JSON.stringify(moved)).not.toContain(SECRET);
    expect(moved.modules.update.api[1].value).toEqual({
      database: {
        host: 'db',
        password: expect.stringMatching(/^\$\{secrets\.wl\.api\./),
      },
    });
  });

  it('merged (PATCH) and replaced (PUT) deltas are sealed too, and a reference sent back is kept as it is', () => {
    const { engine, admin } = setup();
    const delta = engine.createDelta(admin, ORG, 'shop', add(SECRET));
    const patched = engine.patchDelta(admin, ORG, 'shop', delta.id, [
      {
        modules: {
          update: {
            api: [
              { op: 'replace', path: '/spec/database/password', value: OTHER },
            ],
          },
        },
      },
    ]);
    expect(JSON.stringify(patched)).not.toContain(OTHER);
    engine.replaceDelta(admin, ORG, 'shop', delta.id, add(`${SECRET}-2`));
    const replaced = engine.getDelta(admin, ORG, 'shop', delta.id);
    expect(JSON.stringify(replaced)).not.toContain(SECRET);
    // The console sends the reference back when the secret is not changed: it stays.
    const again = engine.createDelta(admin, ORG, 'shop', {
      modules: { add: replaced.modules.add },
    });
    expect(again.modules.add).toEqual(replaced.modules.add);
  });

  it('refuses a secret that does not fit its field, naming the field and never the value', () => {
    const { engine, admin } = setup();
    const error = refusal(() =>
      engine.createDelta(admin, ORG, 'shop', add('short')),
    );
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('`database.password`');
    expect(
      JSON.stringify({ m: error.message, d: error.details }),
    ).not.toContain('short');
    expect(error.details).toMatchObject({
      errors: [
        {
          workload_id: 'api',
          path: '/database/password',
          field: 'modules.api.spec.database.password',
        },
      ],
    });
    expect(
      refusal(() => engine.applyDelta(admin, ORG, 'shop', '0', add('short')))
        .message,
    ).toContain('`database.password`');
  });

  it('the same request twice gives the same references (an idempotent replay leaks nothing new)', () => {
    const { engine, admin } = setup();
    const a = engine.createDelta(admin, ORG, 'shop', add(SECRET));
    const b = engine.createDelta(admin, ORG, 'shop', add(SECRET));
    expect(b.modules).toEqual(a.modules);
    const keyed = engine.idempotent(
      admin,
      ORG,
      {
        key: 'k-1',
        fingerprint: `POST /deltas\n${JSON.stringify(add(OTHER))}`,
        access: { action: 'app.edit', appId: 'shop' },
      },
      () => engine.createDelta(admin, ORG, 'shop', add(OTHER)),
    );
    const replay = engine.idempotent(
      admin,
      ORG,
      {
        key: 'k-1',
        fingerprint: `POST /deltas\n${JSON.stringify(add(OTHER))}`,
        access: { action: 'app.edit', appId: 'shop' },
      },
      () => engine.createDelta(admin, ORG, 'shop', add(OTHER)),
    );
    expect(replay.replayed).toBe(true);
    expect(JSON.stringify(replay.result)).not.toContain(OTHER);
    expect(replay.result).toEqual(keyed.result);
  });

  it('leaves fields the profile does not mark secret, and workloads of other profiles, as they are', () => {
    const { engine, admin } = setup();
    const delta = engine.createDelta(admin, ORG, 'shop', {
      modules: {
        add: {
          api: {
            profile: 'acme/vault-app',
            spec: { database: { host: 'db.internal', password: '' } },
            externals: {},
          },
          web: {
            profile: 'humanitec/default-module',
            spec: { containers: {} },
            externals: {},
          },
        },
      },
    });
    expect(delta.modules.add.api.spec).toEqual({
      database: { host: 'db.internal', password: '' },
    });
    expect((engine.snapshot() as StateV1).orgs[ORG].apps.shop.secrets).toBe(
      undefined,
    );
  });
});
