import { describe, expect, it } from 'vitest';
import { consoleSchemaValidator } from '../../../src/lib/json-schema/schema-validator';
import { createManualClock, createSequentialIds } from '../core/clock';
import { DEMO_ORG_ID } from '../core/constants';
import { EngineError, refusal } from '../core/errors';
import type { Module } from '../core/model/spec';
import type { ProfileInput } from './ops';
import { T0 } from '../../fixtures/test-engine';
import { buildDemoState, DEMO_TOKENS, createEngine } from '../../fixtures';

const ORG = DEMO_ORG_ID;
const CHART = { id: 'humanitec/default-module', version: '1.0.0' };

function setup(seed: 'empty' | 'demo' = 'empty') {
  const clock = createManualClock(T0);
  const engine = createEngine({
    clock,
    ids: createSequentialIds('t'),
    seed: 'empty',
    ...(seed === 'demo' ? { state: buildDemoState(T0) } : {}),
    schemaValidator: consoleSchemaValidator,
  });
  return {
    engine,
    clock,
    admin: engine.authenticate(DEMO_TOKENS.administrator),
  };
}

const service: ProfileInput = {
  id: 'svc',
  description: 'A service',
  workload_profile_chart: CHART,
  spec_definition: {
    properties: {
      containers: { type: 'feature', feature_name: 'humanitec/replicas' },
      port: {
        type: 'schema',
        title: 'Port',
        ui_hints: { order: 2, hidden: true },
        schema: {
          type: 'integer',
          minimum: 1,
          'x-console-errors': { minimum: 'Ports start at 1.' },
        },
      },
    },
    'x-console-root': { required: ['port'] },
  },
};

const module = (spec: Module['spec'], profile = 'acme/svc'): Module => ({
  profile,
  spec,
  externals: {},
});

describe('workload profiles', () => {
  it('lists the built-ins and the demo profiles, each with a derived spec_schema', () => {
    const { engine, admin } = setup();
    const list = engine.listProfiles(admin, ORG);
    expect(list.map((p) => `${p.org_id}/${p.id}`)).toEqual([
      'humanitec/default-module',
      'humanitec/default-job',
      'humanitec/default-cronjob',
      'acme/web-service',
      'acme/worker',
    ]);
    const module = list[0];
    expect(module.spec_definition.properties?.containers.type).toBe(
      'collection',
    );
    const containers = (
      module.spec_schema.properties as Record<string, Record<string, unknown>>
    ).containers;
    expect(containers).toMatchObject({
      title: 'Containers',
      'x-console-order': 1,
      additionalProperties: { required: ['image'] },
    });
    expect(engine.listProfileFeatures(admin, ORG).map((f) => f.id)).toContain(
      'humanitec/probe',
    );
  });

  it('creates a profile, publishes versions (unique, bumped when empty) and keeps them newest first', () => {
    const { engine, admin, clock } = setup();
    const created = engine.createProfile(admin, ORG, service);
    expect(created).toMatchObject({
      id: 'svc',
      org_id: ORG,
      version: '1.0.0',
      created_by: 'alex-admin',
    });
    expect(created.spec_schema).toEqual({
      type: 'object',
      required: ['port'],
      properties: {
        containers: expect.objectContaining({
          type: 'integer',
          title: 'Replicas',
        }),
        port: {
          type: 'integer',
          minimum: 1,
          title: 'Port',
          'x-console-order': 2,
          'x-console-hidden': true,
          'x-console-errors': { minimum: 'Ports start at 1.' },
        },
      },
    });
    clock.advance(1000);
    const { id: _id, ...update } = service;
    expect(
      engine.updateProfile(admin, ORG, 'acme/svc', {
        ...update,
        description: 'v2',
      }).version,
    ).toBe('1.0.1');
    expect(
      engine.updateProfile(admin, ORG, 'svc', {
        ...update,
        version: '2.0.0-beta',
      }).version,
    ).toBe('2.0.0-beta');
    expect(
      refusal(() =>
        engine.updateProfile(admin, ORG, 'svc', {
          ...update,
          version: '1.0.0',
        }),
      ).code,
    ).toBe('conflict');
    expect(
      engine.listProfileVersions(admin, ORG, 'acme/svc').map((v) => v.version),
    ).toEqual(['2.0.0-beta', '1.0.1', '1.0.0']);
    expect(engine.latestProfileVersion(admin, ORG, 'acme/svc')).toMatchObject({
      version: '2.0.0-beta',
      workload_profile_id: 'svc',
    });
    expect(engine.getProfile(admin, ORG, 'acme/svc').updated_at).not.toBe(
      created.updated_at,
    );
    expect(refusal(() => engine.createProfile(admin, ORG, service)).code).toBe(
      'conflict',
    );
  });

  it('hides deprecated profiles unless asked, and deletes own profiles but not built-ins', () => {
    const { engine, admin } = setup();
    engine.createProfile(admin, ORG, {
      ...service,
      deprecation_message: 'Use acme/web-service.',
    });
    expect(engine.listProfiles(admin, ORG).map((p) => p.id)).not.toContain(
      'svc',
    );
    expect(
      engine
        .listProfiles(admin, ORG, { deprecated: true })
        .find((p) => p.id === 'svc')?.deprecation_message,
    ).toBe('Use acme/web-service.');
    engine.deleteProfile(admin, ORG, 'acme/svc');
    expect(refusal(() => engine.getProfile(admin, ORG, 'acme/svc')).code).toBe(
      'not_found',
    );
    expect(
      refusal(() => engine.deleteProfile(admin, ORG, 'humanitec/default-job'))
        .code,
    ).toBe('forbidden');
    expect(
      refusal(() =>
        engine.updateProfile(admin, ORG, 'humanitec/default-job', service),
      ).code,
    ).toBe('forbidden');
  });

  it('refuses a definition over 256 KiB, the limit the designer shows too (issue 18)', () => {
    const { engine, admin } = setup();
    const withNote = (kib: number): ProfileInput => ({
      ...service,
      id: `note-${kib}`,
      spec_definition: {
        properties: {
          note: {
            type: 'schema',
            schema: { type: 'string', description: 'x'.repeat(kib * 1024) },
          },
        },
      },
    });
    expect(engine.createProfile(admin, ORG, withNote(250)).id).toBe('note-250');
    const error = refusal(() =>
      engine.createProfile(admin, ORG, withNote(270)),
    );
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/a profile can be at most 256 KiB/);
  });

  it('refuses unsound definitions with every problem located in the body', () => {
    const { engine, admin } = setup();
    const error = refusal(() =>
      engine.createProfile(admin, ORG, {
        ...service,
        spec_definition: {
          properties: {
            a: { type: 'feature', feature_name: 'humanitec/nope' },
            b: {
              type: 'schema',
              schema: { type: 'text', 'x-console-widgte': 'image' },
            },
            c: { type: 'schema' },
          },
        },
      }),
    );
    expect(error.code).toBe('invalid');
    expect(
      (error.details?.errors as { path: string }[]).map((e) => e.path),
    ).toEqual([
      '/spec_definition/properties/a/feature_name',
      '/spec_definition/properties/c/schema',
      '/spec_definition/properties/b/schema/type',
      '/spec_definition/properties/b/schema/x-console-widgte',
    ]);
    expect(
      refusal(() =>
        engine.createProfile(admin, ORG, { ...service, id: 'Bad Id' }),
      ).code,
    ).toBe('invalid');
  });
});

describe('validation of workload specs against their profiles', () => {
  it('refuses a delta whose workload does not match, with field-level details, when applied or deployed', () => {
    const { engine, admin } = setup();
    engine.createProfile(admin, ORG, service);
    engine.createApp(admin, ORG, { id: 'app', name: 'App' });
    const bad = {
      modules: {
        add: { web: module({ port: 0 }), job: module({ containers: 'x' }) },
      },
    };
    const applied = refusal(() =>
      engine.applyDelta(admin, ORG, 'app', '0', bad),
    );
    expect(applied.code).toBe('invalid');
    expect(applied.message).toBe(
      'Workload `job` does not match its profile `acme/svc` at `port`: is required. (and 2 more problems)',
    );
    expect(applied.details?.errors).toEqual([
      {
        workload_id: 'job',
        profile: 'acme/svc',
        path: '/port',
        field: 'modules.job.spec.port',
        message: 'is required',
        keyword: 'required',
      },
      {
        workload_id: 'job',
        profile: 'acme/svc',
        path: '/containers',
        field: 'modules.job.spec.containers',
        message: 'must be a whole number',
        keyword: 'type',
      },
      {
        workload_id: 'web',
        profile: 'acme/svc',
        path: '/port',
        field: 'modules.web.spec.port',
        message: 'Ports start at 1.',
        keyword: 'minimum',
      },
    ]);
    const delta = engine.createDelta(admin, ORG, 'app', bad);
    expect(
      refusal(() =>
        engine.createDeploy(admin, ORG, 'app', 'development', {
          delta_id: delta.id,
        }),
      ).code,
    ).toBe('invalid');
    expect(engine.listDeploys(admin, ORG, 'app', 'development')).toEqual([]);

    const good = { modules: { add: { web: module({ port: 80 }) } } };
    expect(typeof engine.applyDelta(admin, ORG, 'app', '0', good)).toBe(
      'string',
    );
    const ok = engine.createDelta(admin, ORG, 'app', good);
    expect(
      engine.createDeploy(admin, ORG, 'app', 'development', { delta_id: ok.id })
        .status,
    ).toBe('pending');
  });

  it('deploys a workload of a profile the organisation created, and fails the deploy once the profile is gone (issue 18)', () => {
    const { engine, admin, clock } = setup();
    engine.createApp(admin, ORG, { id: 'app', name: 'App' });
    const deployWith = (comment: string, delta: object) => {
      const created = engine.createDeploy(admin, ORG, 'app', 'development', {
        delta_id: engine.createDelta(admin, ORG, 'app', delta).id,
        comment,
      });
      clock.advance(10_000);
      return {
        status: engine.getDeploy(admin, ORG, 'app', 'development', created.id)
          .status,
        errors: engine
          .getDeployErrors(admin, ORG, 'app', 'development', created.id)
          .map((e) => [e.object_id, e.code, e.message]),
      };
    };
    const add = { modules: { add: { web: module({ port: 80 }) } } };
    // Before the profile exists: the workload names a profile the organisation lacks.
    expect(deployWith('before', add)).toEqual({
      status: 'failed',
      errors: [
        [
          'web',
          'WL-PROF-001',
          expect.stringContaining('"acme/svc", which does not exist'),
        ],
      ],
    });
    engine.createProfile(admin, ORG, service);
    expect(deployWith('created', add)).toEqual({
      status: 'succeeded',
      errors: [],
    });
    // A later deploy of the environment (another workload) keeps succeeding.
    expect(
      deployWith('later', {
        modules: { add: { api: module({ port: 81 }) } },
      }).status,
    ).toBe('succeeded');
    engine.deleteProfile(admin, ORG, 'acme/svc');
    expect(
      deployWith('deleted', {
        modules: { add: { cron: module({ port: 82 }) } },
      }).errors.map(([id, code]) => [id, code]),
    ).toEqual([
      ['api', 'WL-PROF-001'],
      ['cron', 'WL-PROF-001'],
      ['web', 'WL-PROF-001'],
    ]);
  });

  it('enforces a profile in its own dialect: 2020-12 keywords refuse a workload as the preview does (issue 18)', () => {
    const { engine, admin } = setup();
    engine.createProfile(admin, ORG, {
      ...service,
      id: 'modern',
      spec_definition: {
        properties: {
          args: {
            type: 'schema',
            schema: {
              type: 'array',
              prefixItems: [{ type: 'string' }, { type: 'integer' }],
            },
          },
          host: { type: 'schema', schema: { type: 'string' } },
          tls: { type: 'schema', schema: { type: 'boolean' } },
        },
        'x-console-root': {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          dependentRequired: { tls: ['host'] },
        },
      },
    });
    expect(
      engine.getProfile(admin, ORG, 'acme/modern').spec_schema,
    ).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
    });
    engine.createApp(admin, ORG, { id: 'app', name: 'App' });
    const keywords = (spec: Module['spec']) => {
      try {
        engine.applyDelta(admin, ORG, 'app', '0', {
          modules: { add: { w: module(spec, 'acme/modern') } },
        });
        return [];
      } catch (error) {
        if (!(error instanceof EngineError)) throw error;
        return (
          error.details?.errors as { path: string; keyword: string }[]
        ).map((e) => [e.path, e.keyword]);
      }
    };
    expect(keywords({ args: ['run', 2], host: 'a', tls: true })).toEqual([]);
    expect(keywords({ args: ['run', 'two'] })).toEqual([['/args/1', 'type']]);
    expect(keywords({ tls: true })).toEqual([['/host', 'dependentRequired']]);
  });

  it('leaves workloads of unknown profiles to the deploy-time fault rule and does not validate without a validator', () => {
    const { engine, admin } = setup();
    engine.createApp(admin, ORG, { id: 'app', name: 'App' });
    expect(
      typeof engine.applyDelta(admin, ORG, 'app', '0', {
        modules: { add: { w: module({ any: 1 }, 'acme/nope') } },
      }),
    ).toBe('string');
    const plain = createEngine({
      clock: createManualClock(T0),
      ids: createSequentialIds('p'),
      seed: 'empty',
    });
    const actor = plain.authenticate(DEMO_TOKENS.administrator);
    plain.createApp(actor, ORG, { id: 'app', name: 'App' });
    const invalidImage = {
      modules: {
        add: {
          w: module(
            { containers: { main: { image: '' } } },
            'humanitec/default-module',
          ),
        },
      },
    };
    expect(typeof plain.applyDelta(actor, ORG, 'app', '0', invalidImage)).toBe(
      'string',
    );
    expect(
      refusal(() => engine.applyDelta(admin, ORG, 'app', '0', invalidImage))
        .details?.errors,
    ).toEqual([
      expect.objectContaining({
        path: '/containers/main/image',
        message: 'An image is required.',
      }),
    ]);
  });

  it('accepts every workload of the demo organisation under its profile', () => {
    const { engine, admin } = setup('demo');
    const problems: string[] = [];
    for (const app of engine.listApps(admin, ORG)) {
      for (const set of engine.listSets(admin, ORG, app.id)) {
        for (const [id, workload] of Object.entries(set.modules)) {
          const touched = {
            modules: {
              update: {
                [id]: [
                  {
                    op: 'replace' as const,
                    path: '/spec',
                    value: workload.spec,
                  },
                ],
              },
            },
          };
          try {
            engine.applyDelta(admin, ORG, app.id, set.id, touched);
          } catch (error) {
            problems.push(
              `${app.id}/${id} (${workload.profile}): ${(error as Error).message}`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the impact of a candidate version', () => {
  it('lists the defaults it changes, with the workloads that leave each field unset', () => {
    const { engine, admin } = setup('demo');
    const current = engine.getProfile(admin, ORG, 'acme/web-service');
    const definition = structuredClone(
      current.spec_definition,
    ) as ProfileInput['spec_definition'];
    const endpoint = (
      definition.properties as unknown as Record<
        string,
        { schema: { properties: Record<string, Record<string, unknown>> } }
      >
    ).endpoint.schema;
    endpoint.properties.visibility.default = 'public';
    delete endpoint.properties.tls.default;
    endpoint.properties.host.default = 'app.acme.dev';
    const impact = engine.previewProfileImpact(admin, ORG, 'acme/web-service', {
      description: current.description,
      workload_profile_chart: CHART,
      spec_definition: definition,
    });
    expect(impact.checked).toBeGreaterThan(0);
    // No seeded workload sets an endpoint: each shows the new defaults.
    expect(impact.defaults).toEqual([
      {
        path: '/endpoint/visibility',
        from: 'internal',
        to: 'public',
        workloads: impact.checked,
      },
      { path: '/endpoint/host', to: 'app.acme.dev', workloads: impact.checked },
      { path: '/endpoint/tls', from: true, workloads: impact.checked },
    ]);
  });

  it('has no default changes when the candidate keeps them', () => {
    const { engine, admin } = setup('demo');
    const current = engine.getProfile(admin, ORG, 'acme/worker');
    expect(
      engine.previewProfileImpact(admin, ORG, 'acme/worker', {
        description: current.description,
        workload_profile_chart: CHART,
        spec_definition:
          current.spec_definition as ProfileInput['spec_definition'],
      }).defaults,
    ).toEqual([]);
  });
});
