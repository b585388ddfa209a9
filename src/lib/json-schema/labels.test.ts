import { describe, expect, it } from 'vitest';
import {
  fieldLabel,
  humanizeKey,
  labelledMessage,
  singular,
  withFieldTitles,
  schemaTitleAt,
} from './labels';
import { describeError } from './messages';

describe('humanizeKey', () => {
  it.each([
    ['cpu', 'CPU'],
    ['initial_delay_seconds', 'Initial delay (s)'],
    ['timeoutMs', 'Timeout (ms)'],
    ['containerPort', 'Container port'],
    ['apiVersion', 'API version'],
    ['dns-name', 'DNS name'],
    ['HTTPHeaders', 'HTTP headers'],
    ['service_account_ids', 'Service account IDs'],
    ['replicas', 'Replicas'],
    ['seconds', 'Seconds'],
  ])('%s reads "%s"', (key, label) => expect(humanizeKey(key)).toBe(label));
});

describe('fieldLabel', () => {
  it('takes ui:title, then the title, then the key in words; an array index has none', () => {
    expect(
      fieldLabel(
        { title: 'Image' },
        { 'ui:title': 'Container image' },
        'image',
      ),
    ).toBe('Container image');
    expect(fieldLabel({ title: 'Image' }, {}, 'image')).toBe('Image');
    expect(fieldLabel({}, undefined, 'max_surge_percent')).toBe(
      'Max surge (%)',
    );
    expect(fieldLabel({}, undefined, 3)).toBe('');
  });
});

describe('labelledMessage', () => {
  it('puts the label before a generic message and leaves a declared one as written', () => {
    expect(labelledMessage('CPU', 'must be 0 or more')).toBe(
      'CPU must be 0 or more',
    );
    expect(labelledMessage('Image', 'is required')).toBe('Image is required');
    expect(labelledMessage('', 'must be a number')).toBe('Must be a number');
    expect(
      labelledMessage(
        'Team',
        'Use lowercase letters and dashes, e.g. platform.',
      ),
    ).toBe('Use lowercase letters and dashes, e.g. platform.');
  });

  it('says limits in plain words', () => {
    const limit = (comparison: string, value: number) =>
      describeError({
        keyword: 'minimum',
        params: { comparison, limit: value },
        instancePath: '/cpu',
        schemaPath: '#/minimum',
      });
    expect(labelledMessage('CPU', limit('>=', 0))).toBe(
      'CPU must be 0 or more',
    );
    expect(labelledMessage('CPU', limit('>', 0))).toBe(
      'CPU must be more than 0',
    );
    expect(labelledMessage('Replicas', limit('<=', 100))).toBe(
      'Replicas must be 100 or less',
    );
  });
});

describe('singular', () => {
  it.each([
    ['Containers', 'Container'],
    ['Entries', 'Entry'],
    ['Addresses', 'Address'],
    ['Status', 'Status'],
    ['Data', 'Data'],
  ])('%s → %s', (plural, one) => expect(singular(plural)).toBe(one));
});

describe('withFieldTitles', () => {
  it('titles untitled properties (through $ref, branches and maps) and keeps the titles there are', () => {
    const schema = {
      type: 'object',
      $defs: { port: { type: 'integer', title: 'Port number' } },
      properties: {
        cpu: { type: 'string' },
        port: { $ref: '#/$defs/port' },
        image: { type: 'string', title: 'Image' },
        containers: {
          type: 'object',
          title: 'Containers',
          additionalProperties: {
            type: 'object',
            properties: { working_dir: { type: 'string' } },
          },
        },
      },
      then: { properties: { host_name: { type: 'string' } } },
    };
    const ui = withFieldTitles(schema, {
      image: { 'ui:help': 'Repository and tag.' },
    });
    expect(ui).toMatchObject({
      cpu: { 'ui:title': 'CPU' },
      host_name: { 'ui:title': 'Host name' },
      image: { 'ui:help': 'Repository and tag.' },
      containers: {
        additionalProperties: {
          'ui:options': { entryLabel: 'Container' },
          working_dir: { 'ui:title': 'Working dir' },
        },
      },
    });
    expect(ui.port).toEqual({});
    expect(ui.image).not.toHaveProperty('ui:title');
  });
});

describe('schemaTitleAt', () => {
  const schema = {
    $defs: { port: { type: 'integer', title: 'Port' } },
    properties: {
      team: { type: 'string', title: 'Owning team' },
      port: { $ref: '#/$defs/port' },
      plain: { type: 'string' },
      containers: {
        type: 'object',
        additionalProperties: {
          properties: { image: { type: 'string', title: 'Image' } },
        },
      },
      hosts: { type: 'array', items: { type: 'string', title: 'Host' } },
    },
  };

  it('finds the title of a property, through a $ref, a map entry and a list item', () => {
    expect(schemaTitleAt(schema, ['team'])).toBe('Owning team');
    expect(schemaTitleAt(schema, ['port'])).toBe('Port');
    expect(schemaTitleAt(schema, ['containers', 'api', 'image'])).toBe('Image');
    expect(schemaTitleAt(schema, ['hosts', '2'])).toBe('Host');
  });

  it('finds properties a condition or a composition declares, and map keys by pattern', () => {
    const branched = {
      properties: { kind: { type: 'string' } },
      allOf: [
        {
          if: { properties: { kind: { const: 'web' } } },
          then: {
            properties: { host: { type: 'string', title: 'Host name' } },
          },
          else: {
            properties: { queue: { type: 'string', title: 'Queue' } },
          },
        },
      ],
      oneOf: [{ properties: { tier: { type: 'string', title: 'Tier' } } }],
      dependencies: {
        host: { properties: { tls: { type: 'boolean', title: 'TLS' } } },
      },
      patternProperties: {
        '^x-': { type: 'string', title: 'Extension' },
      },
    };
    expect(schemaTitleAt(branched, ['host'])).toBe('Host name');
    expect(schemaTitleAt(branched, ['queue'])).toBe('Queue');
    expect(schemaTitleAt(branched, ['tier'])).toBe('Tier');
    expect(schemaTitleAt(branched, ['tls'])).toBe('TLS');
    expect(schemaTitleAt(branched, ['x-team'])).toBe('Extension');
    expect(schemaTitleAt(branched, ['other'])).toBeUndefined();
  });

  it('gives nothing for a field without a title or one the schema does not know', () => {
    expect(schemaTitleAt(schema, ['plain'])).toBeUndefined();
    expect(schemaTitleAt(schema, ['missing'])).toBeUndefined();
    expect(schemaTitleAt(schema, ['team', 'deeper'])).toBeUndefined();
  });
});
