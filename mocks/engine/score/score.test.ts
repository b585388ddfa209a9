import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bench, ORG } from '../../fixtures/test-engine';
import { EngineError } from '../core/errors';
import { convertScore } from './convert';

const SAMPLES = fileURLToPath(
  new URL('../../../src/lib/score/samples/', import.meta.url),
);

function sample(file: string): unknown {
  return parse(readFileSync(`${SAMPLES}${file}`, 'utf8'));
}

/** The 400 of a conversion: its message and the field it names. */
function refusal(input: unknown): {
  code: string;
  message: string;
  field: unknown;
} {
  try {
    convertScore(input);
  } catch (error) {
    if (error instanceof EngineError)
      return {
        code: error.code,
        message: error.message,
        field: error.details?.field,
      };
    throw error;
  }
  throw new Error('expected a refusal');
}

const golden = (name: string) => `golden/${name}.json`;
const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const deprecated = () => sample('score-deprecated-files-and-volumes.yaml');
const minimal = (extra: Record<string, unknown> = {}) => ({
  apiVersion: 'score.dev/v1b1',
  metadata: { name: 'api' },
  containers: { main: { image: 'registry.acme.dev/api:1.0.0' } },
  ...extra,
});

describe('Score to a deployment set (golden outputs of the samples)', () => {
  it('converts every field of the full sample (its local file given as content, its "." image given)', async () => {
    const out = convertScore({
      spec: sample('score-full.yaml'),
      image: 'registry.acme.dev/two:1.0.0',
      property_overrides: {
        'containers.container-one1.files./my/file': {
          mode: '0600',
          content: 'from file.txt',
        },
      },
    });
    await expect(text(out)).toMatchFileSnapshot(golden('full'));
    // The resource with an id is shared; the others are the workload's own.
    expect(Object.keys(out.shared)).toEqual(['shared-type-three']);
    expect(
      Object.keys(out.modules['example-workload-name123'].externals),
    ).toEqual(['resource-one1', 'resource-two2']);
  });

  it('converts the deprecated list forms of files and volumes', async () => {
    await expect(
      text(convertScore({ spec: deprecated() })),
    ).toMatchFileSnapshot(golden('deprecated'));
  });

  it('converts score-humanitec 03 (the old score.sh apiVersion) with and without its extensions', async () => {
    const spec = sample('score-humanitec-03-dependencies.score.yaml');
    const plain = convertScore({ spec });
    await expect(text(plain)).toMatchFileSnapshot(golden('dependencies'));
    const withExtensions = convertScore({
      spec,
      extensions: sample('score-humanitec-03-dependencies.humanitec.yaml'),
    });
    await expect(text(withExtensions)).toMatchFileSnapshot(
      golden('dependencies-extensions'),
    );
    // scope: shared moves dns out of the workload; the service resource is another workload.
    expect(withExtensions.shared).toEqual({
      dns: { type: 'dns', class: 'default' },
    });
    expect(withExtensions.modules['service-a'].spec.containers).toMatchObject({
      'service-a': {
        variables: {
          FRIEND: '${modules.backend.service.name}',
          CONNECTION_STRING:
            'postgresql://${externals.db.user}:${externals.db.password}@${externals.db.host}:${externals.db.port}/${externals.db.name}',
        },
      },
    });
  });

  it('converts score-humanitec 04 with its extensions (profile, spec merged, environment values)', async () => {
    const out = convertScore({
      spec: sample('score-humanitec-04-extras.score.yaml'),
      extensions: sample('score-humanitec-04-extras.humanitec.yaml'),
      // Score v1b1 requires a port's `port`; the old example gave only targetPort.
      overrides: { service: { ports: { www: { port: 80 } } } },
    });
    await expect(text(out)).toMatchFileSnapshot(golden('extras'));
    const spec = out.modules['web-app'].spec as Record<string, unknown>;
    expect(spec.labels).toEqual({
      'tags.datadoghq.com/env': '${values.DATADOG_ENV}',
    });
    expect(Object.keys((spec.ingress as { rules: object }).rules)).toEqual([
      'externals.dns',
    ]);
  });
});

describe('Score placeholders, resources and extensions', () => {
  it('maps ${metadata.*}, keeps Humanitec placeholders, un-escapes $$ and escapes noExpand files', () => {
    const out = convertScore({
      spec: minimal({
        containers: {
          main: {
            image: 'registry.acme.dev/api:1.0.0',
            variables: {
              NAME: '${metadata.name}',
              LOG: '${values.LOG_LEVEL}',
              PRICE: '$$5',
            },
            files: {
              '/etc/raw': { content: 'keep ${metadata.name}', noExpand: true },
            },
          },
        },
      }),
    });
    const main = (
      out.modules.api.spec.containers as Record<string, Record<string, unknown>>
    ).main;
    expect(main.variables).toEqual({
      NAME: 'api',
      LOG: '${values.LOG_LEVEL}',
      PRICE: '$5',
    });
    expect(main.files).toEqual({
      '/etc/raw': { value: 'keep $\\{metadata.name}' },
    });
  });

  it('shares a resource through its id, the resId annotation or the extension scope; non-default classes apart', () => {
    const out = convertScore({
      spec: minimal({
        containers: {
          main: {
            image: 'registry.acme.dev/api:1.0.0',
            variables: {
              DB: '${resources.db.host}',
              Q: '${resources.queue.url}',
            },
          },
        },
        resources: {
          db: { type: 'postgres', class: 'large', id: 'main-db' },
          queue: {
            type: 'redis',
            metadata: {
              annotations: { 'score.humanitec.io/resId': 'shared.jobs' },
            },
          },
          bucket: {
            type: 'database',
            params: { name: '${metadata.name}-files' },
          },
        },
      }),
      resource_type_aliases: { database: 's3' },
    });
    expect(out.shared).toEqual({
      'main-db-class-large': {
        type: 'postgres',
        class: 'large',
        id: 'shared.main-db',
      },
      jobs: { type: 'redis', class: 'default' },
    });
    expect(out.modules.api.externals).toEqual({
      bucket: { type: 's3', class: 'default', params: { name: 'api-files' } },
    });
    expect(
      (
        out.modules.api.spec.containers as Record<
          string,
          Record<string, unknown>
        >
      ).main.variables,
    ).toEqual({
      DB: '${shared.main-db-class-large.host}',
      Q: '${shared.jobs.url}',
    });
  });

  it('lets the file win over the extensions spec and takes their profile and deploy', () => {
    const out = convertScore({
      spec: minimal({
        service: { ports: { web: { port: 80, targetPort: 8080 } } },
      }),
      extensions: {
        apiVersion: 'humanitec.org/v1b1',
        profile: 'humanitec/default-job',
        deploy: { when: 'before' },
        spec: { replicas: 2, service: { ports: { web: { port: 1 } } } },
      },
    });
    const api = out.modules.api;
    expect(api.profile).toBe('humanitec/default-job');
    expect(api.deploy).toEqual({ when: 'before' });
    expect(api.spec.replicas).toBe(2);
    expect(api.spec.service).toEqual({
      ports: { web: { port: 80, container_port: 8080, protocol: 'TCP' } },
    });
  });
});

describe('bad Score input is a 400 naming the field', () => {
  it.each([
    ['no object', 'score', 'request', undefined],
    [
      'an unknown field',
      { spec: minimal(), yaml: 'x' },
      'unknown field `yaml`',
      'yaml',
    ],
    ['no spec', {}, '`spec` must be the Score file', 'spec'],
    [
      'no containers',
      { spec: minimal({ containers: undefined }) },
      '`spec.containers` is required',
      'spec.containers',
    ],
    [
      'another apiVersion',
      { spec: minimal({ apiVersion: 'score.dev/v2' }) },
      '`spec.apiVersion` must be "score.dev/v1b1"',
      'spec.apiVersion',
    ],
    [
      'an image that is not a string',
      { spec: minimal({ containers: { main: { image: 7 } } }) },
      '`spec.containers.main.image`',
      'spec.containers.main.image',
    ],
    [
      'a "." image without `image`',
      { spec: minimal({ containers: { main: { image: '.' } } }) },
      'send the image to run in `image`',
      'spec.containers.main.image',
    ],
    [
      'a name that is no workload id',
      { spec: minimal({ metadata: { name: 'api--server' } }) },
      'is the workload id',
      'spec.metadata.name',
    ],
    [
      'a placeholder naming no resource',
      {
        spec: minimal({
          containers: {
            main: { image: 'a', variables: { DB: '${resources.db.host}' } },
          },
        }),
      },
      'declares no resource `db`',
      'spec.containers.main.variables.DB',
    ],
    [
      'a placeholder naming no metadata',
      {
        spec: minimal({
          containers: {
            main: { image: 'a', variables: { T: '${metadata.team}' } },
          },
        }),
      },
      'has no value `team`',
      'spec.containers.main.variables.T',
    ],
    [
      'a local file',
      {
        spec: minimal({
          containers: {
            main: {
              image: 'a',
              files: { '/etc/app.conf': { source: 'app.conf' } },
            },
          },
        }),
      },
      'names a local file ("app.conf")',
      'spec.containers.main.files./etc/app.conf.source',
    ],
    [
      'a resource name a set cannot hold',
      { spec: minimal({ resources: { Main: { type: 'postgres' } } }) },
      'name "Main"',
      'spec.resources.Main',
    ],
    [
      'a shared id a set cannot hold as a name',
      {
        spec: minimal({
          resources: { db: { type: 'postgres', id: 'team.db' } },
        }),
      },
      'name "team.db"',
      'spec.resources.db.id',
    ],
    [
      'extensions of another apiVersion',
      { spec: minimal(), extensions: { apiVersion: 'humanitec.org/v2' } },
      '`extensions.apiVersion` must be "humanitec.org/v1b1"',
      'extensions.apiVersion',
    ],
    [
      'an unknown extension scope',
      {
        spec: minimal({ resources: { db: { type: 'postgres' } } }),
        extensions: {
          apiVersion: 'humanitec.org/v1b1',
          resources: { db: { scope: 'global' } },
        },
      },
      'must be "external" or "shared"',
      'extensions.resources.db.scope',
    ],
    [
      'a property override through a value',
      { spec: minimal(), property_overrides: { 'metadata.name.first': 'x' } },
      'goes through `name`',
      'property_overrides.metadata.name.first',
    ],
  ])('%s', (_, input, message, field) => {
    const refused = refusal(input);
    expect(refused.code).toBe('invalid');
    expect(refused.message).toContain(message);
    expect(refused.field).toBe(field);
  });

  it('lists every schema problem in details and the first three in the message', () => {
    try {
      convertScore({
        spec: {
          apiVersion: 'score.dev/v1b1',
          metadata: {},
          containers: { aa: {}, bb: {}, cc: {} },
        },
      });
      expect.unreachable();
    } catch (error) {
      const { message, details } = error as EngineError;
      expect(message).toMatch(/and 1 more\)/);
      expect((details?.errors as unknown[]).length).toBe(4);
    }
  });
});

describe('convertScoreToSet (engine method)', () => {
  it('answers any member of the organisation and 404s an unknown one', () => {
    const { engine, viewer } = bench();
    expect(
      Object.keys(
        engine.convertScoreToSet(viewer, ORG, { spec: deprecated() }).modules,
      ),
    ).toEqual(['deprecated-files-example']);
    expect(() =>
      engine.convertScoreToSet(viewer, 'nope', { spec: deprecated() }),
    ).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
