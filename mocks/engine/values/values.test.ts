import { describe, expect, it } from 'vitest';
import {
  addDelta,
  ORG,
  refusal,
  shopBench,
  type Bench,
} from '../../fixtures/test-engine';
import type { Module } from '../core/model/spec';

const SECRET = 'planted-values-secret-71c0d2';
const ENV = 'development';

function withWorkload(variables: Record<string, string>): Module {
  return {
    profile: 'humanitec/default-module',
    spec: { containers: { main: { image: 'reg/api:1', variables } } },
    externals: {},
  };
}

function deploy(b: Bench, variables: Record<string, string>, extra = {}) {
  const delta = b.engine.createDelta(
    b.admin,
    ORG,
    'shop',
    addDelta({ api: withWorkload(variables) }),
  );
  const created = b.engine.createDeploy(b.admin, ORG, 'shop', ENV, {
    delta_id: delta.id,
    ...extra,
  });
  b.clock.advance(10_000);
  return b.engine.getDeploy(b.admin, ORG, 'shop', ENV, created.id);
}

describe('values and environment overrides', () => {
  it('creates, lists, overrides, patches and deletes values, each change a version', () => {
    const b = shopBench();
    const app = b.engine.createValue(b.dev, ORG, 'shop', undefined, {
      key: 'DB_HOST',
      value: 'db.internal',
      description: 'database host',
    });
    expect(app).toMatchObject({
      key: 'DB_HOST',
      value: 'db.internal',
      is_secret: false,
      source: 'app',
      secret_key: null,
      secret_version: null,
      secret_store_id: null,
    });
    b.engine.createValue(b.dev, ORG, 'shop', ENV, {
      key: 'DB_HOST',
      value: 'db.dev',
      description: null,
    });
    b.engine.createValue(b.dev, ORG, 'shop', undefined, {
      key: 'LOG_LEVEL',
      value: 'info',
      description: '',
    });
    // The environment lists its effective values: app values with its overrides.
    expect(
      b.engine
        .listValues(b.viewer, ORG, 'shop', ENV)
        .map((v) => [v.key, v.value, v.source]),
    ).toEqual([
      ['DB_HOST', 'db.dev', 'env'],
      ['LOG_LEVEL', 'info', 'app'],
    ]);
    expect(
      b.engine.listValues(b.viewer, ORG, 'shop').map((v) => v.value),
    ).toEqual(['db.internal', 'info']);

    b.engine.updateValue(
      b.dev,
      ORG,
      'shop',
      undefined,
      'LOG_LEVEL',
      { value: 'debug' },
      'patch',
    );
    const appVersions = b.engine.listValueSetVersions(
      b.viewer,
      ORG,
      'shop',
      undefined,
    );
    expect(appVersions.map((v) => v.result_of)).toEqual([
      'app_value_update',
      'app_value_create',
      'app_value_create',
    ]);
    expect(appVersions[0].change).toEqual([
      {
        op: 'replace',
        path: '/LOG_LEVEL',
        value: expect.objectContaining({ value: 'debug' }),
      },
    ]);
    expect(appVersions[0].created_by).toBe('dana-dev');
    // The environment has a history of its own since its override; the app's change reached it.
    const envVersions = b.engine.listValueSetVersions(
      b.viewer,
      ORG,
      'shop',
      ENV,
    );
    expect(envVersions.map((v) => v.result_of)).toEqual([
      'app_value_update',
      'app_value_create',
      'env_value_create',
    ]);
    expect(envVersions[0].values.LOG_LEVEL.value).toBe('debug');
    expect(
      b.engine.listValueSetVersions(b.viewer, ORG, 'shop', ENV, 'DB_HOST'),
    ).toHaveLength(1);

    b.engine.deleteValue(b.dev, ORG, 'shop', ENV, 'DB_HOST');
    expect(
      b.engine.listValues(b.viewer, ORG, 'shop', ENV).map((v) => v.value),
    ).toEqual(['db.internal', 'debug']);
    b.engine.deleteAllValues(b.dev, ORG, 'shop');
    expect(b.engine.listValues(b.viewer, ORG, 'shop', ENV)).toEqual([]);
  });

  it('refuses what the spec refuses: duplicates 409, unknown keys 404, bad keys 400, viewers 403', () => {
    const b = shopBench();
    const body = { key: 'A', value: '1', description: '' };
    b.engine.createValue(b.dev, ORG, 'shop', undefined, body);
    expect(
      refusal(() => b.engine.createValue(b.dev, ORG, 'shop', undefined, body))
        .code,
    ).toBe('conflict');
    expect(
      refusal(() =>
        b.engine.updateValue(
          b.dev,
          ORG,
          'shop',
          undefined,
          'B',
          { value: 'x' },
          'patch',
        ),
      ).code,
    ).toBe('not_found');
    // An inherited value is not the environment's own: 404 that says where to change it.
    const inherited = refusal(() =>
      b.engine.deleteValue(b.dev, ORG, 'shop', ENV, 'A'),
    );
    expect(inherited.code).toBe('not_found');
    expect(inherited.message).toMatch(/comes from the app/);
    expect(
      refusal(() =>
        b.engine.createValue(b.dev, ORG, 'shop', undefined, {
          key: 'no spaces',
          description: '',
        }),
      ).code,
    ).toBe('invalid');
    expect(
      refusal(() =>
        b.engine.createValue(b.viewer, ORG, 'shop', undefined, {
          key: 'C',
          description: '',
        }),
      ).code,
    ).toBe('forbidden');
    expect(
      refusal(() => b.engine.listValues(b.dev, ORG, 'shop', 'nowhere')).code,
    ).toBe('not_found');
  });
});

describe('secret values', () => {
  it('are write-only: no response, version, change or error carries them', () => {
    const b = shopBench();
    const created = b.engine.createValue(b.dev, ORG, 'shop', undefined, {
      key: 'API_TOKEN',
      value: SECRET,
      is_secret: true,
      description: 'token',
    });
    expect(created).toMatchObject({
      value: '',
      is_secret: true,
      secret_store_id: 'humanitec',
      secret_key: 'orgs/acme/apps/shop/values/API_TOKEN',
    });
    expect(created.secret_version).toMatch(/\S/);
    const replaced = b.engine.updateValue(
      b.dev,
      ORG,
      'shop',
      undefined,
      'API_TOKEN',
      { description: 'rotated', value: `${SECRET}-2` },
      'replace',
    );
    expect(replaced.secret_version).not.toBe(created.secret_version);
    // A secret cannot become a plain value (its content would be shown), and the refusal does not repeat it.
    const refused = refusal(() =>
      b.engine.updateValue(
        b.dev,
        ORG,
        'shop',
        undefined,
        'API_TOKEN',
        { description: '', is_secret: false, value: SECRET },
        'replace',
      ),
    );
    expect(refused.code).toBe('invalid');
    const wrongType = refusal(() =>
      b.engine.createValue(b.dev, ORG, 'shop', undefined, {
        key: 'X',
        description: '',
        value: { nested: SECRET },
      }),
    );
    const seen = JSON.stringify([
      b.engine.listValues(b.admin, ORG, 'shop'),
      b.engine.listValues(b.admin, ORG, 'shop', ENV),
      b.engine.listValueSetVersions(b.admin, ORG, 'shop', undefined),
      refused.message,
      refused.details,
      wrongType.message,
      b.engine.navigationIndex(b.admin, ORG),
    ]);
    expect(seen).not.toContain(SECRET);
  });

  it('refers to a secret in a registered external store by its path, keeping no content', () => {
    const b = shopBench();
    b.engine.createSecretStore(b.admin, ORG, {
      id: 'vault-test',
      primary: false,
      vault: { url: 'https://vault.example:8200', auth: { role: 'r' } },
    });
    const value = b.engine.createValue(b.dev, ORG, 'shop', ENV, {
      key: 'DB_PASSWORD',
      description: '',
      secret_ref: { store: 'vault-test', ref: 'shop/db', version: '3' },
    });
    expect(value).toMatchObject({
      is_secret: true,
      value: '',
      secret_store_id: 'vault-test',
      secret_key: 'shop/db',
      secret_version: '3',
    });
    expect(deploy(b, { PW: '${values.DB_PASSWORD}' }).status).toBe('succeeded');
  });

  it('refuses an unknown store and a secret without content', () => {
    const b = shopBench();
    expect(
      refusal(() =>
        b.engine.createValue(b.dev, ORG, 'shop', undefined, {
          key: 'S',
          description: '',
          secret_ref: { store: 'no-such-store', value: SECRET },
        }),
      ).message,
    ).toMatch(/Secret store "no-such-store" does not exist/);
    expect(
      refusal(() =>
        b.engine.createValue(b.dev, ORG, 'shop', undefined, {
          key: 'S',
          description: '',
          is_secret: true,
        }),
      ).message,
    ).toMatch(/needs its content/);
  });
});

describe('value-set versions', () => {
  it('restores a whole set and one key as new versions, naming their source', () => {
    const b = shopBench();
    b.engine.createValue(b.dev, ORG, 'shop', undefined, {
      key: 'A',
      value: '1',
      description: '',
    });
    b.engine.createValue(b.dev, ORG, 'shop', undefined, {
      key: 'B',
      value: '2',
      description: '',
    });
    const [second] = b.engine.listValueSetVersions(
      b.dev,
      ORG,
      'shop',
      undefined,
    );
    b.engine.updateValue(
      b.dev,
      ORG,
      'shop',
      undefined,
      'A',
      { value: '10' },
      'patch',
    );
    b.engine.deleteValue(b.dev, ORG, 'shop', undefined, 'B');
    b.engine.createValue(b.dev, ORG, 'shop', undefined, {
      key: 'C',
      value: '3',
      description: '',
    });

    const one = b.engine.restoreValueSetVersion(
      b.dev,
      ORG,
      'shop',
      undefined,
      second.id,
      'B',
      { comment: 'bring B back' },
    );
    expect(one).toMatchObject({
      result_of: 'app_value_set_version_restore',
      source_value_set_version_id: second.id,
      comment: 'bring B back',
    });
    expect(Object.keys(one.values)).toEqual(['A', 'B', 'C']);

    const whole = b.engine.restoreValueSetVersion(
      b.dev,
      ORG,
      'shop',
      undefined,
      second.id,
      undefined,
      {},
    );
    // Keys the version lacks are deleted.
    expect(
      Object.fromEntries(
        Object.entries(whole.values).map(([k, v]) => [k, v.value]),
      ),
    ).toEqual({ A: '1', B: '2' });
    expect(
      b.engine.getValueSetVersion(b.dev, ORG, 'shop', undefined, whole.id),
    ).toEqual(whole);
    expect(
      refusal(() =>
        b.engine.restoreValueSetVersion(
          b.dev,
          ORG,
          'shop',
          undefined,
          second.id,
          'C',
          {},
        ),
      ).code,
    ).toBe('not_found');
    expect(
      refusal(() =>
        b.engine.getValueSetVersion(
          b.dev,
          ORG,
          'shop',
          undefined,
          '00000000-0000-4000-8000-000000000000',
        ),
      ).code,
    ).toBe('not_found');
  });

  it('purges a key’s old content from every version; the current value cannot be purged', () => {
    const b = shopBench();
    b.engine.createValue(b.dev, ORG, 'shop', undefined, {
      key: 'TOKEN',
      value: 'old-plain',
      description: '',
    });
    const [first] = b.engine.listValueSetVersions(
      b.dev,
      ORG,
      'shop',
      undefined,
    );
    expect(
      refusal(() =>
        b.engine.purgeValueSetVersionKey(
          b.dev,
          ORG,
          'shop',
          undefined,
          first.id,
          'TOKEN',
          {},
        ),
      ).message,
    ).toMatch(/is the current value/);
    b.engine.updateValue(
      b.dev,
      ORG,
      'shop',
      undefined,
      'TOKEN',
      { value: 'new' },
      'patch',
    );
    b.engine.purgeValueSetVersionKey(
      b.dev,
      ORG,
      'shop',
      undefined,
      first.id,
      'TOKEN',
      {
        comment: 'leaked',
      },
    );
    const versions = b.engine.listValueSetVersions(
      b.dev,
      ORG,
      'shop',
      undefined,
    );
    expect(versions[0]).toMatchObject({
      result_of: 'app_value_set_version_purge',
      comment: 'leaked',
      change: [],
    });
    expect(JSON.stringify(versions)).not.toContain('old-plain');
    expect(
      refusal(() =>
        b.engine.restoreValueSetVersion(
          b.dev,
          ORG,
          'shop',
          undefined,
          first.id,
          'TOKEN',
          {},
        ),
      ).message,
    ).toMatch(/purged/);
  });
});

describe('deploy-time resolution of ${values.KEY}', () => {
  it('records the version it used and fails, naming workload, variable and fix, when a value is missing', () => {
    const b = shopBench();
    const failed = deploy(b, { DB: '${values.DB_HOST}' });
    expect(failed.status).toBe('failed');
    const errors = b.engine.getDeployErrors(
      b.admin,
      ORG,
      'shop',
      ENV,
      failed.id,
    );
    expect(errors).toEqual([
      expect.objectContaining({
        scope: 'workload',
        object_id: 'api',
        code: 'WL-VAL-001',
      }),
    ]);
    expect(errors[0].message).toContain(
      '`${values.DB_HOST}` in `modules.api.spec.containers.main.variables.DB`',
    );
    expect(errors[0].message).toMatch(/Values page/);
    // Health shows it as the root cause.
    const health = b.engine.getEnvHealth(b.admin, ORG, 'shop', ENV);
    expect(health.root_cause).toMatchObject({
      code: 'WL-VAL-001',
      workload_id: 'api',
    });

    b.engine.createValue(b.dev, ORG, 'shop', undefined, {
      key: 'DB_HOST',
      value: 'db',
      description: '',
    });
    const ok = deploy(b, { DB: '${values.DB_HOST}' });
    expect(ok.status).toBe('succeeded');
    const version = b.engine.listValueSetVersions(b.admin, ORG, 'shop', ENV)[0];
    expect(ok.value_set_version_id).toBe(version.id);
  });

  it('a redeploy with a recorded version uses it, also after the value was deleted', () => {
    const b = shopBench();
    b.engine.createValue(b.dev, ORG, 'shop', ENV, {
      key: 'PASSWORD',
      value: SECRET,
      is_secret: true,
      description: '',
    });
    const ok = deploy(b, { PW: '${values.PASSWORD}' });
    expect(ok.status).toBe('succeeded');
    b.engine.deleteValue(b.dev, ORG, 'shop', ENV, 'PASSWORD');
    const failed = b.engine.createDeploy(b.admin, ORG, 'shop', ENV, {});
    b.clock.advance(10_000);
    expect(
      b.engine.getDeploy(b.admin, ORG, 'shop', ENV, failed.id).status,
    ).toBe('failed');
    const again = b.engine.createDeploy(b.admin, ORG, 'shop', ENV, {
      value_set_version_id: ok.value_set_version_id ?? undefined,
    });
    b.clock.advance(10_000);
    const redeployed = b.engine.getDeploy(b.admin, ORG, 'shop', ENV, again.id);
    expect(redeployed).toMatchObject({
      status: 'succeeded',
      value_set_version_id: ok.value_set_version_id,
    });
    expect(
      refusal(() =>
        b.engine.createDeploy(b.admin, ORG, 'shop', ENV, {
          value_set_version_id: 'nope',
        }),
      ).code,
    ).toBe('invalid');
    expect(
      JSON.stringify(b.engine.listDeploys(b.admin, ORG, 'shop', ENV)),
    ).not.toContain(SECRET);
  });
});
