import { describe, expect, it } from 'vitest';
import type {
  ResourceDefinition,
  ResourceDriver,
} from '@/api/resource-definitions';
import {
  driverFormData,
  driverFormSchema,
  driverInputsToSend,
  withoutTypedSecrets,
} from './driver-inputs';

const driver: ResourceDriver = {
  id: 'postgres',
  org_id: 'humanitec',
  type: 'postgres',
  account_types: [],
  inputs_schema: {
    type: 'object',
    properties: {
      values: {
        type: 'object',
        properties: { version: { type: 'string' } },
      },
      secrets: {
        type: 'object',
        properties: {
          password: { type: 'string' },
          creds: { type: 'object', properties: { token: { type: 'string' } } },
        },
      },
    },
  },
};

const stored = {
  driver_inputs: {
    values: { version: '15', tier: 'small' },
    secret_refs: {
      password: {
        store: 'humanitec',
        ref: 'orgs/acme/…/password',
        version: 'v1',
      },
    },
  },
} as unknown as ResourceDefinition;

describe('driver inputs form', () => {
  it('makes every string under secrets a write-only secret field', () => {
    const schema = driverFormSchema(driver) as {
      properties: Record<
        string,
        { properties: Record<string, Record<string, unknown>> }
      >;
    };
    expect(
      schema.properties.secrets.properties.password['x-console-widget'],
    ).toBe('secret');
    expect(
      (
        schema.properties.secrets.properties.creds as unknown as {
          properties: Record<string, Record<string, unknown>>;
        }
      ).properties.token['x-console-widget'],
    ).toBe('secret');
    expect(
      schema.properties.values.properties.version['x-console-widget'],
    ).toBeUndefined();
  });

  it('shows a stored secret as a reference, never a value', () => {
    expect(driverFormData(stored)).toEqual({
      values: { version: '15', tier: 'small' },
      secrets: { password: '${secrets.password}' },
    });
  });

  it('sends typed secrets only, and null for what the form removed', () => {
    const original = driverFormData(stored);
    expect(
      driverInputsToSend(
        {
          values: { version: '16' },
          secrets: { password: '${secrets.password}' },
        },
        original,
      ),
    ).toEqual({ values: { version: '16', tier: null } });
    expect(
      driverInputsToSend(
        {
          values: { version: '15', tier: 'small' },
          secrets: { password: 'hunter2' },
        },
        original,
      ),
    ).toEqual({
      values: { version: '15', tier: 'small' },
      secrets: { password: 'hunter2' },
    });
    expect(
      driverInputsToSend(
        { values: { version: '15', tier: 'small' }, secrets: {} },
        original,
      ).secrets,
    ).toEqual({ password: null });
  });

  it('keeps no typed secret in the draft', () => {
    const original = driverFormData(stored);
    expect(
      withoutTypedSecrets(
        {
          values: { version: '16' },
          secrets: { password: 'hunter2', token: 'x' },
        },
        original,
      ),
    ).toEqual({
      values: { version: '16' },
      secrets: { password: '${secrets.password}' },
    });
  });
});
