import { describe, expect, it } from 'vitest';
import { declaredInputs } from './inputs';

describe('declaredInputs', () => {
  it('reads the pipeline_call inputs in order with their types, defaults and descriptions', () => {
    expect(
      declaredInputs(`name: x
on:
  deployment_request: {}
  pipeline_call:
    inputs:
      env_id: { description: Where to, required: true }
      replicas: { type: number, default: 2 }
      dry: { type: boolean, default: "no" }
jobs: {}
`),
    ).toEqual([
      {
        name: 'env_id',
        type: 'string',
        description: 'Where to',
        required: true,
      },
      { name: 'replicas', type: 'number', required: false, default: 2 },
      // A default of the wrong type is not offered.
      { name: 'dry', type: 'boolean', required: false },
    ]);
  });

  it('is empty without declarations or for YAML that does not parse', () => {
    expect(declaredInputs('name: x\non: { pipeline_call: {} }\n')).toEqual([]);
    expect(declaredInputs('on: [')).toEqual([]);
  });
});
