import { describe, expect, it } from 'vitest';
import {
  dailySeries,
  doraFigures,
  doraTier,
  median,
  type DeployFact,
} from './metrics';

const H = 3_600_000;
const D = 24 * H;
const NOW = Date.parse('2025-03-01T00:00:00Z');
const FROM = NOW - 30 * D;

/** A production deployment finishing `daysAgo` days before NOW, with a commit `leadH` hours before it finished. */
function prod(
  daysAgo: number,
  status = 'succeeded',
  leadH?: number,
  env = 'production',
  app = 'shop',
): DeployFact {
  const finished = NOW - daysAgo * D;
  return {
    app_id: app,
    env_id: env,
    env_type: env === 'production' ? 'production' : 'development',
    status,
    created_ms: finished - 5_000,
    finished_ms: finished,
    ...(leadH !== undefined ? { committed_ms: finished - leadH * H } : {}),
  };
}

describe('doraTier', () => {
  it.each([
    ['deployment_frequency', 2, 'elite'],
    ['deployment_frequency', 1, 'elite'],
    ['deployment_frequency', 0.5, 'high'],
    ['deployment_frequency', 1 / 7, 'high'],
    ['deployment_frequency', 0.1, 'medium'],
    ['deployment_frequency', 0.01, 'low'],
    ['deployment_frequency', 0, 'low'],
    ['lead_time', 23.9, 'elite'],
    ['lead_time', 24, 'high'],
    ['lead_time', 200, 'medium'],
    ['lead_time', 720, 'low'],
    ['change_failure_rate', 0, 'elite'],
    ['change_failure_rate', 5, 'elite'],
    ['change_failure_rate', 7.5, 'high'],
    ['change_failure_rate', 15, 'medium'],
    ['change_failure_rate', 40, 'low'],
    ['time_to_restore', 0.5, 'elite'],
    ['time_to_restore', 1, 'high'],
    ['time_to_restore', 30, 'medium'],
    ['time_to_restore', 168, 'low'],
  ] as const)('%s %s → %s', (metric, value, tier) => {
    expect(doraTier(metric, value)).toBe(tier);
  });
});

describe('median', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ] as const)('median(%j) = %s', (values, expected) => {
    expect(median([...values])).toBe(expected);
  });
});

describe('doraFigures on fixed histories', () => {
  it.each([
    {
      name: 'no deployments: frequency 0 (low), every average N/A',
      facts: [] as DeployFact[],
      expected: {
        deployments: 0,
        per_day: 0,
        freqTier: 'low',
        lead: null,
        cfr: null,
        restore: null,
        unresolved: 0,
      },
    },
    {
      name: 'only non-production deployments count as nothing',
      facts: [
        prod(1, 'succeeded', 2, 'development'),
        prod(2, 'failed', 2, 'development'),
      ],
      expected: {
        deployments: 0,
        per_day: 0,
        freqTier: 'low',
        lead: null,
        cfr: null,
        restore: null,
        unresolved: 0,
      },
    },
    {
      name: 'daily deploys with 2 h lead: elite frequency and lead time, 0 % failures',
      facts: Array.from({ length: 30 }, (_, i) =>
        prod(i + 0.5, 'succeeded', 2),
      ),
      expected: {
        deployments: 30,
        per_day: 1,
        freqTier: 'elite',
        lead: 2,
        cfr: 0,
        restore: null,
        unresolved: 0,
      },
    },
    {
      name: 'a failure restored 3 h later; lead times 10, 20, 30 h (median 20)',
      facts: [
        prod(10, 'succeeded', 10),
        prod(5, 'failed', 1),
        prod(5 - 3 / 24, 'succeeded', 20),
        prod(1, 'succeeded', 30),
      ],
      expected: {
        deployments: 3,
        per_day: 0.1,
        freqTier: 'medium',
        lead: 20,
        cfr: 25,
        restore: 3,
        unresolved: 0,
      },
    },
    {
      name: 'an unresolved failure: rate counted, restore N/A, commitless deploys leave lead time N/A',
      facts: [prod(4), prod(2, 'failed')],
      expected: {
        deployments: 1,
        per_day: 0.033,
        freqTier: 'medium',
        lead: null,
        cfr: 50,
        restore: null,
        unresolved: 1,
      },
    },
    {
      name: 'deployments before the window are left out',
      facts: [prod(40, 'succeeded', 1), prod(35, 'failed', 1)],
      expected: {
        deployments: 0,
        per_day: 0,
        freqTier: 'low',
        lead: null,
        cfr: null,
        restore: null,
        unresolved: 0,
      },
    },
    {
      name: 'a restore in another environment does not count',
      facts: [
        prod(3, 'failed', 1),
        prod(2, 'succeeded', 1, 'production', 'payments'),
      ],
      expected: {
        deployments: 1,
        per_day: 0.033,
        freqTier: 'medium',
        lead: 1,
        cfr: 50,
        restore: null,
        unresolved: 1,
      },
    },
  ])('$name', ({ facts, expected }) => {
    const f = doraFigures(facts, FROM, NOW, 30);
    expect({
      deployments: f.deployments,
      per_day: f.deployment_frequency.per_day,
      freqTier: f.deployment_frequency.tier,
      lead: f.lead_time.median_hours,
      cfr: f.change_failure_rate.percent,
      restore: f.time_to_restore.median_hours,
      unresolved: f.time_to_restore.unresolved,
    }).toEqual(expected);
    if (expected.lead === null) expect(f.lead_time.tier).toBeNull();
    if (expected.cfr === null) expect(f.change_failure_rate.tier).toBeNull();
    if (expected.restore === null) expect(f.time_to_restore.tier).toBeNull();
  });
});

describe('doraFigures without a production environment', () => {
  it('reads N/A for every figure and tier, the frequency too (never "low")', () => {
    const f = doraFigures(
      [prod(1, 'succeeded', 2, 'development')],
      FROM,
      NOW,
      30,
      false,
    );
    expect(f.deployment_frequency).toEqual({ per_day: null, tier: null });
    expect([
      f.lead_time.tier,
      f.change_failure_rate.tier,
      f.time_to_restore.tier,
    ]).toEqual([null, null, null]);
    expect([
      f.lead_time.median_hours,
      f.change_failure_rate.percent,
      f.time_to_restore.median_hours,
    ]).toEqual([null, null, null]);
  });
});

describe('dailySeries', () => {
  it('buckets production deployments by day of the window, oldest first', () => {
    const series = dailySeries(
      [
        prod(0.5),
        prod(0.25, 'failed'),
        prod(29.5),
        prod(31),
        prod(1, 'succeeded', 1, 'development'),
      ],
      NOW,
      30,
    );
    expect(series).toHaveLength(30);
    expect(series[29]).toEqual({ date: '2025-02-28', succeeded: 1, failed: 1 });
    expect(series[0]).toEqual({ date: '2025-01-30', succeeded: 1, failed: 0 });
    expect(series.reduce((n, d) => n + d.succeeded + d.failed, 0)).toBe(3);
  });
});
