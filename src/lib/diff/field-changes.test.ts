import { describe, expect, it } from 'vitest';
import {
  fieldChanges,
  formatValue,
  wholeWorkloadChanges,
} from './field-changes';

const before = {
  profile: 'humanitec/default-module',
  deploy: { when: 'deploy', success: 'available', timeout: 300 },
  externals: { exports: { type: 's3', params: { versioning: true } } },
  spec: {
    replicas: 2,
    containers: {
      api: {
        image: 'registry/api:1.0.0',
        variables: { LOG_LEVEL: 'info', OLD: 'x' },
        resources: { limits: { cpu: '500m', memory: '256Mi' } },
      },
    },
  },
};

describe('field changes read from the delta', () => {
  it('names image, variables, resources, profile, deploy conditions, private resources and other settings, from → to', () => {
    const rows = fieldChanges(
      [
        { op: 'replace', path: '/profile', value: 'acme/web' },
        {
          op: 'replace',
          path: '/spec/containers/api/image',
          value: 'registry/api:1.1.0',
        },
        {
          op: 'replace',
          path: '/spec/containers/api/variables/LOG_LEVEL',
          value: 'debug',
        },
        { op: 'add', path: '/spec/containers/api/variables/NEW', value: 'n' },
        { op: 'remove', path: '/spec/containers/api/variables/OLD' },
        {
          op: 'replace',
          path: '/spec/containers/api/resources/limits/memory',
          value: '512Mi',
        },
        { op: 'replace', path: '/deploy/when', value: 'before' },
        {
          op: 'replace',
          path: '/externals/exports/params/versioning',
          value: false,
        },
        { op: 'replace', path: '/spec/replicas', value: 3 },
      ],
      before,
    );
    expect(
      rows.map((r) => [
        r.category,
        r.kind,
        r.label,
        r.container ?? '',
        formatValue(r.from),
        formatValue(r.to),
      ]),
    ).toEqual([
      [
        'profile',
        'changed',
        'profile',
        '',
        'humanitec/default-module',
        'acme/web',
      ],
      [
        'image',
        'changed',
        'image',
        'api',
        'registry/api:1.0.0',
        'registry/api:1.1.0',
      ],
      ['variables', 'changed', 'LOG_LEVEL', 'api', 'info', 'debug'],
      ['variables', 'added', 'NEW', 'api', '', 'n'],
      ['variables', 'removed', 'OLD', 'api', 'x', ''],
      ['resources', 'changed', 'limits.memory', 'api', '256Mi', '512Mi'],
      [
        'externals',
        'changed',
        'exports.params.versioning',
        '',
        'true',
        'false',
      ],
      ['deploy', 'changed', 'when', '', 'deploy', 'before'],
      ['other', 'changed', 'replicas', '', '2', '3'],
    ]);
  });

  it('gives one row per variable when a whole variables map is added', () => {
    const rows = fieldChanges(
      [
        {
          op: 'add',
          path: '/spec/containers/web/variables',
          value: { B: '2', A: '1' },
        },
      ],
      before,
    );
    expect(rows.map((r) => [r.kind, r.label, r.container])).toEqual([
      ['added', 'A', 'web'],
      ['added', 'B', 'web'],
    ]);
  });

  it('reads shared-resource ops by resource and field', () => {
    const rows = fieldChanges(
      [{ op: 'replace', path: '/db/params/version', value: '16' }],
      { db: { type: 'postgres', params: { version: '15' } } },
      'shared',
    );
    expect(rows).toEqual([
      expect.objectContaining({
        category: 'shared',
        kind: 'changed',
        label: 'db.params.version',
        from: '15',
        to: '16',
      }),
    ]);
  });

  it('summarises a workload added or removed whole by profile, images, its spec’s own settings and private resources', () => {
    expect(
      wholeWorkloadChanges(before, 'removed').map((r) => [
        r.category,
        r.label,
        formatValue(r.from),
      ]),
    ).toEqual([
      ['profile', 'profile', 'humanitec/default-module'],
      ['image', 'image', 'registry/api:1.0.0'],
      ['externals', 'exports', 's3'],
      ['other', 'replicas', '2'],
    ]);
  });

  it('formats objects as compact JSON with sorted keys', () => {
    expect(formatValue({ b: 1, a: ['x', { d: 2, c: 1 }] })).toBe(
      '{"a":["x",{"c":1,"d":2}],"b":1}',
    );
    expect(formatValue(null)).toBe('null');
  });
});
