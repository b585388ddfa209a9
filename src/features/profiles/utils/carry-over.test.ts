import { describe, expect, it } from 'vitest';
import { carryOver } from './carry-over';

const target = {
  type: 'object',
  $defs: { port: { type: 'integer' } },
  properties: {
    containers: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          image: { type: 'string' },
          variables: { type: 'object' },
        },
      },
    },
    port: { $ref: '#/$defs/port' },
  },
} as const;

describe('carryOver', () => {
  it('keeps the fields the new schema declares, containers by name included, and lists the rest as dropped', () => {
    const result = carryOver(target as never, {
      containers: {
        api: { image: 'reg/api:1', variables: { A: '1' }, args: ['x'] },
      },
      port: 8080,
      schedule: '0 3 * * *',
    });
    expect(result).toEqual({
      spec: {
        containers: { api: { image: 'reg/api:1', variables: { A: '1' } } },
        port: 8080,
      },
      kept: ['containers', 'port'],
      dropped: ['containers.api.args', 'schedule'],
    });
  });

  it('keeps everything under a schema that does not list fields', () => {
    expect(carryOver({ type: 'object' } as never, { a: { b: 1 } })).toEqual({
      spec: { a: { b: 1 } },
      kept: ['a'],
      dropped: [],
    });
  });
});
