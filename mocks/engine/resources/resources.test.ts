import { describe, expect, it } from 'vitest';
import { createSequentialIds } from '../core/clock';
import { EngineError } from '../core/errors';
import type { ResourceUsage } from '../core/resource-usage';
import type { StateV1 } from '../core/state';
import { bench, ORG } from '../../fixtures/test-engine';
import { deleteResourceType } from './ops';

const QUEUE = {
  type: 'acme-queue',
  use: 'direct',
  name: 'Acme queue',
  category: 'messaging',
  outputs_schema: {
    type: 'object',
    properties: {
      values: { type: 'object', properties: { url: { type: 'string' } } },
    },
  },
};

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError)
      return {
        code: error.code,
        message: error.message,
        details: error.details,
      };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('resource types', () => {
  it('has the built-in catalogue, each with an outputs schema', () => {
    const { engine, viewer } = bench();
    const types = engine.listResourceTypes(viewer, ORG);
    expect(types.map((t) => t.type)).toEqual(
      expect.arrayContaining([
        'k8s-cluster',
        'k8s-namespace',
        'postgres',
        'mysql',
        'redis',
        's3',
        'dns',
        'route',
        'tls-cert',
        'logging',
        'base-env',
        'workload',
        'agent',
      ]),
    );
    for (const type of types)
      expect(type.outputs_schema).toMatchObject({ type: 'object' });
  });

  it('defines, patches, replaces and deletes a custom type', () => {
    const { engine, admin, viewer } = bench();
    const created = engine.createResourceType(admin, ORG, QUEUE);
    expect(created).toEqual({ ...QUEUE, inputs_schema: { type: 'object' } });
    expect(engine.listResourceTypes(viewer, ORG).at(-1)).toEqual(created);
    expect(
      engine.patchResourceType(admin, ORG, 'acme-queue', { name: 'Queue' }),
    ).toEqual({ ...created, name: 'Queue' });
    expect(
      engine.updateResourceType(admin, ORG, 'acme-queue', { use: 'indirect' }),
    ).toEqual({
      type: 'acme-queue',
      use: 'indirect',
      name: 'acme-queue',
      category: 'custom',
      inputs_schema: { type: 'object' },
      outputs_schema: { type: 'object' },
    });
    engine.deleteResourceType(admin, ORG, 'acme-queue');
    expect(
      engine.listResourceTypes(viewer, ORG).map((t) => t.type),
    ).not.toContain('acme-queue');
    expect(
      refusal(() => engine.deleteResourceType(admin, ORG, 'acme-queue')),
    ).toMatchObject({ code: 'not_found' });
  });

  it('refuses changing a built-in, duplicates, a bad use and renaming; members may not define types', () => {
    const { engine, admin, dev } = bench();
    expect(
      refusal(() =>
        engine.patchResourceType(admin, ORG, 'postgres', { name: 'PG' }),
      ),
    ).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(
        /`postgres` is built in .* cannot be changed/,
      ),
    });
    expect(
      refusal(() => engine.deleteResourceType(admin, ORG, 'dns')).code,
    ).toBe('forbidden');
    expect(
      refusal(() =>
        engine.createResourceType(admin, ORG, { ...QUEUE, type: 'redis' }),
      ),
    ).toMatchObject({ code: 'conflict' });
    expect(
      refusal(() =>
        engine.createResourceType(admin, ORG, { ...QUEUE, use: 'sometimes' }),
      ).message,
    ).toMatch(/`use` must be one of `direct`, `indirect`, `implicit`/);
    engine.createResourceType(admin, ORG, QUEUE);
    expect(
      refusal(() =>
        engine.patchResourceType(admin, ORG, 'acme-queue', { type: 'other' }),
      ).message,
    ).toMatch(/cannot be renamed/);
    expect(
      refusal(() =>
        engine.createResourceType(dev, ORG, { ...QUEUE, type: 'x-y' }),
      ).code,
    ).toBe('forbidden');
  });

  it('a type a custom driver provisions cannot be deleted, naming the driver', () => {
    const { engine, admin } = bench();
    engine.createResourceType(admin, ORG, QUEUE);
    engine.createResourceDriver(admin, ORG, {
      id: 'queue-driver',
      type: 'acme-queue',
      target: 'https://drivers.example.com/queue/',
      inputs_schema: { type: 'object' },
      account_types: [],
    });
    expect(
      refusal(() => engine.deleteResourceType(admin, ORG, 'acme-queue')),
    ).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(
        /`acme-queue` is provisioned by driver\(s\) `acme\/queue-driver`/,
      ),
    });
    engine.deleteResourceDriver(admin, ORG, 'queue-driver');
    engine.deleteResourceType(admin, ORG, 'acme-queue');
  });

  it('a type definitions use cannot be deleted (through the usage the facade passes)', () => {
    const { engine, admin } = bench();
    engine.createResourceType(admin, ORG, QUEUE);
    const state = engine.snapshot() as StateV1;
    const ctx = {
      state,
      now: 0,
      userId: 'alex-admin',
      ids: createSequentialIds('t'),
    };
    const usedByOne: ResourceUsage = (_state, _org, target) => ({
      resource_definitions:
        target.kind === 'type' && target.type === 'acme-queue'
          ? [{ id: 'queue-def' }]
          : [],
      active_resources: [],
    });
    expect(
      refusal(() => deleteResourceType(ctx, ORG, 'acme-queue', usedByOne)),
    ).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(
        /`acme-queue` is used by 1 resource definition\(s\)/,
      ),
      details: {
        referencing_resources: { resource_definitions: [{ id: 'queue-def' }] },
      },
    });
    deleteResourceType(ctx, ORG, 'acme-queue');
    expect(state.orgs[ORG].resourceTypes).toEqual({});
  });
});
