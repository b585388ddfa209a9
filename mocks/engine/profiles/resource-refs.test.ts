import { describe, expect, it } from 'vitest';
import { consoleSchemaValidator } from '../../../src/lib/json-schema/schema-validator';
import { createManualClock, createSequentialIds } from '../core/clock';
import { DEMO_ORG_ID } from '../core/constants';
import { refusal } from '../core/errors';
import type { Module, PatchOp } from '../core/model/spec';
import type { ProfileInput } from './ops';
import { T0 } from '../../fixtures/test-engine';
import { DEMO_TOKENS, createEngine } from '../../fixtures';
import { defineCatchAllResources } from '../../fixtures/catch-all-definitions';

const ORG = DEMO_ORG_ID;

function setup() {
  const clock = createManualClock(T0);
  const engine = createEngine({
    clock,
    ids: createSequentialIds('t'),
    seed: 'empty',
    schemaValidator: consoleSchemaValidator,
  });
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  engine.createProfile(admin, ORG, consumer);
  defineCatchAllResources(engine, admin, ORG, [
    'amqp',
    'postgres',
    'redis',
    'redis.ha',
  ]);
  // The profile's queue field reads the broker's `name` output, which amqp's catch-all does not echo by default.
  engine.patchResourceDefinition(admin, ORG, 'catch-all-amqp', {
    driver_inputs: { values: { host: 'amqp.internal', name: 'jobs' } },
  });
  engine.createApp(admin, ORG, { id: 'app', name: 'App' });
  return { engine, clock, admin };
}

/** A profile whose `queue` holds the name of an amqp resource, and whose `cache` a redis resource of class "ha". */
const consumer: ProfileInput = {
  id: 'consumer',
  description: 'Consumes a queue',
  workload_profile_chart: { id: 'humanitec/default-module', version: '1.0.0' },
  spec_definition: {
    properties: {
      queue: {
        type: 'schema',
        title: 'Queue',
        schema: {
          type: 'string',
          'x-console-widget': 'resource-ref',
          'x-console-resource-type': 'amqp',
          'x-console-resource-output': 'name',
        },
      },
      cache: {
        type: 'schema',
        title: 'Cache',
        schema: {
          type: 'string',
          'x-console-widget': 'resource-ref',
          'x-console-resource-type': ['redis'],
          'x-console-resource-class': 'ha',
        },
      },
    },
  },
};

const worker = (spec: Module['spec'], externals = {}): Module => ({
  profile: 'acme/consumer',
  spec,
  externals,
});

const shared: PatchOp[] = [
  { op: 'add', path: '/jobs', value: { type: 'amqp' } },
  { op: 'add', path: '/db', value: { type: 'postgres' } },
  { op: 'add', path: '/cache', value: { type: 'redis', class: 'ha' } },
  { op: 'add', path: '/scratch', value: { type: 'redis' } },
];

describe('resource references (x-console-widget: resource-ref)', () => {
  it('accepts references the set resolves: a shared or private resource of the type and class the field asks for', () => {
    const { engine, admin } = setup();
    const set = engine.applyDelta(admin, ORG, 'app', '0', {
      shared,
      modules: {
        add: {
          a: worker({ queue: '${shared.jobs.name}', cache: 'shared.cache' }),
          b: worker(
            { queue: '${externals.mine.name}', cache: 'redis' },
            { mine: { type: 'amqp' } },
          ),
        },
      },
    });
    expect(typeof set).toBe('string');
  });

  it('refuses a reference to a resource the set lacks, or of the wrong type or class, naming the workload, field and fix', () => {
    const { engine, admin } = setup();
    const applied = refusal(() =>
      engine.applyDelta(admin, ORG, 'app', '0', {
        shared,
        modules: {
          add: {
            a: worker({ queue: '${shared.gone.name}' }),
            b: worker({ queue: '${shared.db.name}', cache: 'shared.scratch' }),
            c: worker({ queue: 'shared.jobs' }),
          },
        },
      }),
    );
    expect(applied.code).toBe('invalid');
    expect(applied.message).toBe(
      'Workload `a` does not match its profile `acme/consumer` at `queue`: must refer to a resource this environment has, but there is no shared resource "gone"; choose one of: ${shared.jobs.name}. (and 3 more problems)',
    );
    expect(applied.details?.errors).toEqual([
      {
        workload_id: 'a',
        profile: 'acme/consumer',
        path: '/queue',
        field: 'modules.a.spec.queue',
        message:
          'must refer to a resource this environment has, but there is no shared resource "gone"; choose one of: ${shared.jobs.name}',
        keyword: 'resource-ref',
        code: 'WL-RES-001',
      },
      expect.objectContaining({
        workload_id: 'b',
        path: '/queue',
        message:
          'must refer to a resource of type amqp, but shared.db is of type postgres; choose one of: ${shared.jobs.name}',
      }),
      expect.objectContaining({
        workload_id: 'b',
        path: '/cache',
        message:
          'must refer to a resource of type redis of class "ha", but shared.scratch is of type redis and class "default"; choose one of: shared.cache',
      }),
      expect.objectContaining({
        workload_id: 'c',
        path: '/queue',
        message:
          "must be the placeholder of a resource's name: ${shared.jobs.name}",
      }),
    ]);
  });

  it('refuses a bare type the field does not accept, and says to add a resource when none fits', () => {
    const { engine, admin } = setup();
    const applied = refusal(() =>
      engine.applyDelta(admin, ORG, 'app', '0', {
        modules: { add: { a: worker({ cache: 'postgres' }) } },
      }),
    );
    expect(applied.details?.errors).toEqual([
      expect.objectContaining({
        field: 'modules.a.spec.cache',
        message:
          'must be a resource of type redis of class "ha", not the type "postgres"; add a shared resource of type redis of class "ha" to the application',
        code: 'WL-RES-001',
      }),
    ]);
  });

  it('fails a deployment with WL-RES-001 when the shared resource a workload uses is gone (rule unresolved-resource)', () => {
    const { engine, admin, clock } = setup();
    const deploy = (delta: object) => {
      const created = engine.createDeploy(admin, ORG, 'app', 'development', {
        delta_id: engine.createDelta(admin, ORG, 'app', delta).id,
      });
      clock.advance(10_000);
      return {
        status: engine.getDeploy(admin, ORG, 'app', 'development', created.id)
          .status,
        errors: engine
          .getDeployErrors(admin, ORG, 'app', 'development', created.id)
          .map((e) => [e.scope, e.object_id, e.code, e.message]),
      };
    };
    expect(
      deploy({
        shared,
        modules: { add: { a: worker({ queue: '${shared.jobs.name}' }) } },
      }),
    ).toEqual({ status: 'succeeded', errors: [] });
    // The delta only removes the shared resource: the workload is untouched, so the deploy-time rule catches it.
    expect(deploy({ shared: [{ op: 'remove', path: '/jobs' }] })).toEqual({
      status: 'failed',
      errors: [
        [
          'workload',
          'a',
          'WL-RES-001',
          'Workload "a" refers to a resource this environment cannot resolve: `modules.a.spec.queue` must refer to a resource this environment has, but there is no shared resource "jobs"; add a shared resource of type amqp to the application. Fix the field in the workload\'s form, or add the resource to the application.',
        ],
      ],
    });
  });
});
