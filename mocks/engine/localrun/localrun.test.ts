import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { DeltaInput } from '../core/model/spec';
import { defineCatchAllResources } from '../../fixtures/catch-all-definitions';
import {
  deployAndFinish,
  ORG,
  refusal,
  shopBench,
  type Bench,
} from '../../fixtures/test-engine';
import {
  FIELD_SECRET,
  localRunBench as deployed,
  VALUE_SECRET,
} from '../../fixtures/test-local-run';
import type { LocalRunBundle, LocalRunOptions } from './model';

type Compose = {
  name: string;
  services: Record<
    string,
    {
      image: string;
      environment?: Record<string, string>;
      networks?: { default: { aliases: string[] } };
      extra_hosts?: string[];
      ports?: string[];
      depends_on?: string[];
      configs?: { source: string; target: string; mode?: number }[];
      network_mode?: string;
      secrets?: { source: string; target: string }[];
      command?: string[];
    }
  >;
  configs?: Record<string, { file: string }>;
  secrets?: Record<string, { environment: string }>;
};

function bundle(
  b: Bench,
  options: LocalRunOptions = {},
  actor = b.dev,
): LocalRunBundle {
  return b.engine.getLocalRun(
    actor,
    ORG,
    'shop',
    'development',
    'api',
    options,
  );
}

function composeOf(run: LocalRunBundle): Compose {
  return parse(run.files['compose.yaml'].content) as Compose;
}

/** The `.env` as name → value (quotes removed). */
function envOf(run: LocalRunBundle): Record<string, string> {
  return Object.fromEntries(
    run.files['.env'].content
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => {
        const [name, ...rest] = line.split('=');
        return [name, rest.join('=').replace(/^'(.*)'$/, '$1')];
      }),
  );
}

describe('local run bundle', () => {
  const b = deployed();
  const active = new Map(
    b.engine
      .listActiveResources(b.admin, ORG, 'shop', 'development')
      .map((r) => [r.res_id, r.resource]),
  );
  const db = active.get('shared.db')!;

  it('gives each resource with a stand-in a local service answering to the environment’s host and port', () => {
    const run = bundle(b);
    expect(run.resources.map((r) => [r.id, r.mode, r.service])).toEqual([
      ['externals.cache', 'local', 'externals-cache'],
      ['externals.events', 'remote', undefined],
      ['externals.files', 'local', 'externals-files'],
      ['externals.legacy', 'local', 'externals-legacy'],
      ['shared.db', 'local', 'shared-db'],
      ['shared.dns', 'local', undefined],
    ]);
    const compose = composeOf(run);
    const pg = compose.services['shared-db'];
    expect(pg.image).toBe('postgres:16');
    expect(pg.networks?.default.aliases).toEqual([db.host]);
    expect(pg.environment).toMatchObject({
      POSTGRES_DB: db.name,
      POSTGRES_PASSWORD: '${SHARED_DB_PASSWORD}',
      PGPORT: String(db.port),
    });
    expect(compose.services['externals-legacy'].image).toBe('mysql:8.4');
    expect(compose.services['externals-cache'].command).toContain(
      '${EXTERNALS_CACHE_PASSWORD}',
    );
    expect(compose.services['externals-files'].image).toMatch(/^minio\//);
    // kafka has no stand-in: reached through a port forward, with a warning.
    expect(run.warnings.join(' ')).toContain('`externals.events` (kafka)');

    const main = compose.services.main;
    expect(main.environment).toMatchObject({
      DB_URL: `postgres://${String(db.host)}:${String(db.port)}/${String(db.name)}`,
      PUBLIC: 'https://localhost',
      WHERE: 'shop/development',
      LOG_LEVEL: 'debug',
      PRICE: 'costs $$5',
      DB_PASSWORD: '${MAIN_DB_PASSWORD}',
      API_KEY: '${MAIN_API_KEY}',
    });
    expect(main.ports).toEqual(['8080:80']);
    expect(main.depends_on).toEqual([
      'externals-cache',
      'externals-files',
      'externals-legacy',
      'shared-db',
    ]);
    expect(compose.services.sidecar).toMatchObject({
      network_mode: 'service:main',
    });
    // The stand-in's local password goes to .env; the environment's secret value does not.
    const env = envOf(run);
    expect(env.MAIN_DB_PASSWORD).toBe(env.SHARED_DB_PASSWORD);
    expect(env.SHARED_DB_PASSWORD).toMatch(/^local-/);
    expect(env.MAIN_API_KEY).toBe('');
    expect(run.files['.env'].content).toContain('secret value `API_KEY`');
    // Files: a config from the bundle's files/ folder, with its mode.
    expect(run.files['files/main/etc/api/config.json'].content).toBe(
      `{"db":"${String(db.host)}"}`,
    );
    expect(main.configs).toEqual([
      {
        source: 'main-etc_api_config.json',
        target: '/etc/api/config.json',
        mode: 0o600,
      },
    ]);
    expect(JSON.stringify(run)).not.toContain(VALUE_SECRET);
  });

  it('forwards the environment’s resource for a remote choice, keeping its host for the workload', () => {
    const run = bundle(b, {
      resources: 'local',
      choices: { 'shared.db': 'remote' },
    });
    const pg = run.resources.find((r) => r.id === 'shared.db')!;
    expect(pg.mode).toBe('remote');
    expect(pg.port_forward?.[0]).toContain(
      `tcp-connect:${String(db.host)}:${String(db.port)}`,
    );
    expect(pg.port_forward?.join('\n')).toMatch(
      /kubectl --context \S+ --namespace \S+ port-forward --address 0\.0\.0\.0 pod\/local-run-shared-db/,
    );
    const compose = composeOf(run);
    expect(compose.services['shared-db']).toBeUndefined();
    expect(compose.services.main.extra_hosts).toEqual([
      `${String(db.host)}:host-gateway`,
    ]);
    // The environment's password is never known to the engine: named, left empty.
    expect(envOf(run).MAIN_DB_PASSWORD).toBe('');
    expect(run.files['README.md'].content).toContain('port-forward');
  });

  it('refuses a choice it cannot honour, naming what the workload reads', () => {
    expect(
      refusal(() => bundle(b, { choices: { 'shared.nope': 'local' } })).message,
    ).toContain('it reads `externals.cache`');
    expect(
      refusal(() => bundle(b, { choices: { 'externals.events': 'local' } }))
        .message,
    ).toContain('no local stand-in for type `kafka`');
    const missing = refusal(() =>
      b.engine.getLocalRun(b.dev, ORG, 'shop', 'development', 'ghost', {}),
    );
    expect([missing.code, missing.message]).toEqual([
      'not_found',
      expect.stringContaining('`api`'),
    ]);
  });

  it('puts the environment’s secrets into .env only for who may deploy and asks, with a warning', () => {
    expect(
      refusal(() => bundle(b, { includeSecrets: true }, b.viewer)).code,
    ).toBe('forbidden');
    const plain = bundle(b, {}, b.viewer);
    expect(JSON.stringify(plain)).not.toContain(VALUE_SECRET);
    const run = bundle(b, { includeSecrets: true });
    expect(run.secrets_included).toBe(true);
    expect(envOf(run).MAIN_API_KEY).toBe(VALUE_SECRET);
    expect(run.files['.env'].content).toContain('WARNING');
    expect(run.warnings[0]).toContain('secrets');
    // Only in .env.
    for (const [name, file] of Object.entries(run.files))
      if (name !== '.env') expect(file.content).not.toContain(VALUE_SECRET);
  });

  it('mounts a file that reads a secret as a Compose secret from .env, filled only when included', () => {
    const b2 = shopBench();
    b2.engine.createValue(b2.admin, ORG, 'shop', undefined, {
      key: 'TOKEN',
      value: FIELD_SECRET,
      is_secret: true,
      description: '',
    });
    const done = deployAndFinish(b2, 'shop', 'development', {
      modules: {
        add: {
          api: {
            profile: 'humanitec/default-module',
            spec: {
              containers: {
                main: {
                  image: 'reg/api:1',
                  files: { '/run/token': { value: '${values.TOKEN}' } },
                },
              },
            },
            externals: {},
          },
        },
      },
    });
    expect(done.status).toBe('succeeded');
    const without = bundle(b2);
    expect(composeOf(without).secrets).toEqual({
      'main-run_token': { environment: 'MAIN_FILE_RUN_TOKEN' },
    });
    expect(envOf(without).MAIN_FILE_RUN_TOKEN).toBe('');
    expect(
      envOf(bundle(b2, { includeSecrets: true })).MAIN_FILE_RUN_TOKEN,
    ).toBe(FIELD_SECRET);
  });
});

describe('round trip: a Score file deployed, then run locally', () => {
  const SCORE = {
    apiVersion: 'score.dev/v1b1',
    metadata: { name: 'web' },
    containers: {
      main: {
        image: 'reg/web:1',
        variables: {
          DB_HOST: '${resources.db.host}',
          DB_URL:
            'postgres://${resources.db.host}:${resources.db.port}/${resources.db.name}',
          DB_PASSWORD: '${resources.db.password}',
          PUBLIC_URL: 'https://${resources.dns.host}',
          GREETING: 'hello from ${metadata.name}',
        },
      },
    },
    service: { ports: { www: { port: 80, targetPort: 8080 } } },
    resources: { db: { type: 'postgres' }, dns: { type: 'dns' } },
  };

  function deployScore(): Bench {
    const b = shopBench();
    defineCatchAllResources(b.engine, b.admin, ORG, ['postgres', 'dns']);
    const set = b.engine.convertScoreToSet(b.dev, ORG, { spec: SCORE });
    const done = deployAndFinish(b, 'shop', 'development', {
      modules: { add: set.modules },
      shared: Object.entries(set.shared).map(([name, value]) => ({
        op: 'add' as const,
        path: `/${name}`,
        value,
      })),
    } as DeltaInput);
    expect(done.status).toBe('succeeded');
    return b;
  }

  /** The variables the deployment gave the container in the environment (secret ones: undefined). */
  function inEnvironment(b: Bench): Record<string, string | undefined> {
    const env = b.engine.getEnv(b.dev, ORG, 'shop', 'development');
    const deployId = env.last_deploy!.id;
    const set = b.engine.getSet(b.dev, ORG, 'shop', env.last_deploy!.set_id);
    const variables = (
      set.modules.web.spec as {
        containers: { main: { variables: Record<string, string> } };
      }
    ).containers.main.variables;
    const filled = new Map(
      b.engine
        .getDeployPlaceholders(b.dev, ORG, 'shop', 'development', deployId)
        .map((f) => [f.field, f]),
    );
    return Object.fromEntries(
      Object.entries(variables).map(([name, template]) => {
        const field = filled.get(`spec.containers.main.variables.${name}`);
        return [name, field ? field.value : template];
      }),
    );
  }

  it('gives the container the variables it has in the environment (remote: all; local: all but the dns name)', () => {
    const b = deployScore();
    const expected = inEnvironment(b);
    expect(expected.DB_PASSWORD).toBeUndefined();
    const plain = Object.fromEntries(
      Object.entries(expected).filter(([, v]) => v !== undefined),
    );
    const local = (options: LocalRunOptions) =>
      composeOf(
        b.engine.getLocalRun(b.dev, ORG, 'shop', 'development', 'web', options),
      ).services.main.environment!;

    const remote = local({ resources: 'remote' });
    expect(Object.keys(remote).sort()).toEqual(Object.keys(expected).sort());
    expect(remote).toMatchObject(plain);
    expect(remote.DB_PASSWORD).toBe('${MAIN_DB_PASSWORD}');

    const withPostgres = local({ choices: { 'externals.dns': 'remote' } });
    expect(withPostgres).toMatchObject(plain);

    const allLocal = local({});
    expect(allLocal).toMatchObject({
      ...plain,
      PUBLIC_URL: 'https://localhost',
    });
  });
});
