import { describe, expect, it } from 'vitest';
import { cronProblem, isCronExpression } from './cron';
import { quantity } from './rules';
import { validationIssues } from './schema-validator';

const resources = {
  type: 'object',
  properties: {
    requests: {
      type: 'object',
      properties: {
        cpu: { type: 'string', title: 'CPU request' },
        memory: { type: 'string', title: 'Memory request' },
      },
    },
    limits: {
      type: 'object',
      properties: {
        cpu: { type: 'string', title: 'CPU limit' },
        memory: { type: 'string', title: 'Memory limit' },
      },
    },
  },
  'x-console-rules': [
    {
      rule: 'compare',
      field: '/limits/cpu',
      op: '>=',
      than: '/requests/cpu',
      as: 'cpu',
    },
    {
      rule: 'compare',
      field: '/limits/memory',
      op: '>=',
      than: '/requests/memory',
      as: 'memory',
      message: 'The memory limit cannot be below the request.',
    },
  ],
};

const source = {
  type: 'object',
  properties: {
    image: { type: 'string', title: 'Image' },
    script: { type: 'string', title: 'Script' },
  },
  'x-console-rules': [{ rule: 'exactly-one', fields: ['/image', '/script'] }],
};

describe('x-console-rules (the form and the engine share this validator)', () => {
  it('compares quantities across fields and puts the problem at the field', () => {
    expect(
      validationIssues(resources, {
        requests: { cpu: '500m', memory: '1Gi' },
        limits: { cpu: '0.25', memory: '512Mi' },
      }),
    ).toEqual([
      {
        path: '/limits/cpu',
        message: 'must be at least CPU request (500m)',
        keyword: 'x-console-rules',
      },
      {
        path: '/limits/memory',
        message: 'The memory limit cannot be below the request.',
        keyword: 'x-console-rules',
      },
    ]);
    expect(
      validationIssues(resources, {
        requests: { cpu: '500m', memory: '1Gi' },
        limits: { cpu: '1', memory: '1024Mi' },
      }),
    ).toEqual([]);
  });

  it('says nothing while a compared field is unset or not a quantity (its own schema speaks)', () => {
    expect(
      validationIssues(resources, { limits: { cpu: '1m', memory: 'lots' } }),
    ).toEqual([]);
    expect(
      validationIssues(resources, {
        requests: { memory: '2x' },
        limits: { memory: '1Gi' },
      }),
    ).toEqual([]);
  });

  it('wants exactly one of two fields: at both when none is set, at each when both are', () => {
    expect(validationIssues(source, {})).toEqual([
      {
        path: '/image',
        message: 'Set one of Image and Script.',
        keyword: 'x-console-rules',
      },
      {
        path: '/script',
        message: 'Set one of Image and Script.',
        keyword: 'x-console-rules',
      },
    ]);
    expect(
      validationIssues(source, { image: 'nginx', script: 'echo' }).map(
        (i) => `${i.path}: ${i.message}`,
      ),
    ).toEqual([
      '/image: Set only one of Image and Script.',
      '/script: Set only one of Image and Script.',
    ]);
    expect(validationIssues(source, { script: 'echo' })).toEqual([]);
  });

  it('applies rules of nested objects at their own place, and of each entry of a map', () => {
    const schema = {
      type: 'object',
      properties: {
        containers: { type: 'object', additionalProperties: resources },
      },
    };
    expect(
      validationIssues(schema, {
        containers: {
          'a/b': { requests: { cpu: '2' }, limits: { cpu: '1' } },
        },
      }).map((i) => i.path),
    ).toEqual(['/containers/a~1b/limits/cpu']);
  });

  it('reads Kubernetes quantities', () => {
    expect(quantity('250m', 'cpu')).toBe(0.25);
    expect(quantity('2', 'cpu')).toBe(2);
    expect(quantity('1Gi', 'memory')).toBe(2 ** 30);
    expect(quantity('1G', 'memory')).toBe(1e9);
    expect(quantity('1Gi', 'cpu')).toBeUndefined();
    expect(quantity('12Q', 'memory')).toBeUndefined();
    expect(quantity('3', 'number')).toBe(3);
    expect(quantity(4)).toBe(4);
  });
});

describe('cron expressions (a cron field is validated, not only described)', () => {
  it('accepts what a CronJob takes', () => {
    for (const expression of [
      '*/15 * * * *',
      '0 3 * * 1-5',
      '0 0 1 JAN,JUL *',
      '30 2 * * sun',
      '0 0 ? * MON-FRI',
      '@daily',
    ])
      expect(cronProblem(expression), expression).toBeUndefined();
  });

  it('says what is wrong with what it refuses', () => {
    expect(cronProblem('* * * *')).toBe(
      'it has 4 fields, not 5 (minute hour day-of-month month day-of-week)',
    );
    expect(cronProblem('0 24 * * *')).toBe(
      'the hour must be 0 to 23; got "24"',
    );
    expect(cronProblem('*/0 * * * *')).toBe(
      'the step "0" of the minute must be a whole number from 1',
    );
    expect(cronProblem('0 0 * * 5-1')).toBe(
      'the day of week range "5-1" runs backwards',
    );
    expect(isCronExpression('@sometimes')).toBe(false);
  });

  it('refuses a field with the cron widget that holds no cron expression, as the cron format', () => {
    const schema = {
      type: 'object',
      properties: {
        backup: { type: 'string', 'x-console-widget': 'cron' },
        nightly: { type: 'string', format: 'cron' },
        worded: {
          type: 'string',
          'x-console-widget': 'cron',
          'x-console-errors': { format: 'Not a schedule.' },
        },
        fives: {
          type: 'string',
          'x-console-widget': 'cron',
          pattern: '^(\\S+\\s+){4}\\S+$',
          'x-console-errors': { pattern: 'Five fields.' },
        },
      },
    };
    expect(
      validationIssues(schema, {
        backup: '99 * * * *',
        nightly: 'nightly',
        worded: 'x',
        fives: '* * *',
      }),
    ).toEqual([
      {
        path: '/backup',
        message:
          'must be a cron expression: the minute must be 0 to 59; got "99"',
        keyword: 'format',
      },
      {
        path: '/nightly',
        message:
          'must be a cron expression: it has 1 field, not 5 (minute hour day-of-month month day-of-week)',
        keyword: 'format',
      },
      { path: '/worded', message: 'Not a schedule.', keyword: 'format' },
      // The pattern already refuses it: one message, the schema's.
      { path: '/fives', message: 'Five fields.', keyword: 'pattern' },
    ]);
    expect(
      validationIssues(schema, { backup: '0 3 * * *', fives: 'a b c d e' }),
    ).toEqual([
      {
        path: '/fives',
        message:
          'must be a cron expression: the minute must be 0 to 59; got "a"',
        keyword: 'format',
      },
    ]);
  });
});

describe('a required field that a condition adds', () => {
  it("reads the field's own required message, as when its object requires it", () => {
    const schema = {
      type: 'object',
      properties: {
        visibility: { enum: ['public', 'internal'] },
        host: {
          type: 'string',
          'x-console-errors': { required: 'A public endpoint needs a host.' },
        },
      },
      if: {
        properties: { visibility: { const: 'public' } },
        required: ['visibility'],
      },
      then: { required: ['host'] },
      allOf: [{ required: ['visibility'] }],
    };
    expect(validationIssues(schema, { visibility: 'public' })).toEqual([
      {
        path: '/host',
        message: 'A public endpoint needs a host.',
        keyword: 'required',
      },
    ]);
    expect(validationIssues(schema, {}).map((i) => i.message)).toEqual([
      'is required',
    ]);
  });
});
