import { describe, expect, it } from 'vitest';
import type { ResourceDefinition } from '@/api/resource-definitions';
import {
  cleanRule,
  describeDefinitionCriteria,
  groupByType,
  isEmptyRule,
  matchesSearch,
} from './criteria';
import { describeCriteria } from '@/lib/criteria';

const def = (over: Partial<ResourceDefinition>): ResourceDefinition => ({
  id: 'db',
  name: 'Database',
  type: 'postgres',
  driver_type: 'humanitec/postgres',
  active_version_id: 'v1',
  created_at: '2026-01-01T00:00:00Z',
  created_by: 'alex',
  in_place_driver_change: false,
  is_default: false,
  is_deleted: false,
  org_id: 'acme',
  ...over,
});

describe('describeCriteria', () => {
  it.each([
    [{ env_type: 'staging', class: 'default' }, 'staging environments'],
    [{ app_id: 'shop', class: 'default' }, 'app shop, any environment'],
    [{ res_id: 'db', class: 'large' }, 'res_id db, class large'],
    [
      { app_id: 'shop', env_id: 'production', class: 'default' },
      'app shop, environment production',
    ],
    [
      { env_id: 'qa', env_type: 'staging', class: 'default' },
      'environment qa, of type staging',
    ],
    [{ class: 'default' }, 'everything (any app and environment)'],
  ])('%o reads "%s"', (rule, words) => {
    expect(describeCriteria(rule)).toBe(words);
  });

  it('joins every rule of a definition, and says when there is none', () => {
    expect(
      describeDefinitionCriteria(
        def({
          criteria: [
            { id: 'a', env_type: 'staging', class: 'default' },
            { id: 'b', app_id: 'shop', class: 'default' },
          ],
        }),
      ),
    ).toBe('staging environments; app shop, any environment');
    expect(describeDefinitionCriteria(def({ criteria: [] }))).toBe(
      'no criteria: matches nothing yet',
    );
  });
});

describe('rules', () => {
  it('keeps only the fields that are set, trimmed', () => {
    expect(cleanRule({ app_id: ' shop ', env_id: '', class: '' })).toEqual({
      app_id: 'shop',
    });
    expect(isEmptyRule({ env_id: ' ' })).toBe(true);
    expect(isEmptyRule({ res_id: 'db' })).toBe(false);
  });
});

describe('list helpers', () => {
  const defs = [
    def({ id: 'redis-b', type: 'redis' }),
    def({ id: 'pg-b' }),
    def({
      id: 'pg-a',
      criteria: [{ id: 'c', env_type: 'staging', class: 'default' }],
    }),
  ];

  it('groups by type, sorted', () => {
    expect(
      groupByType(defs).map(([type, list]) => [type, list.map((d) => d.id)]),
    ).toEqual([
      ['postgres', ['pg-a', 'pg-b']],
      ['redis', ['redis-b']],
    ]);
  });

  it('searches ids, types, drivers and criteria', () => {
    expect(
      defs.filter((d) => matchesSearch(d, 'STAGING')).map((d) => d.id),
    ).toEqual(['pg-a']);
    expect(
      defs.filter((d) => matchesSearch(d, 'redis')).map((d) => d.id),
    ).toEqual(['redis-b']);
    expect(defs.filter((d) => matchesSearch(d, '')).length).toBe(3);
  });
});
