/**
 * DORA's four key metrics from deployment records, pure: deployment
 * frequency, lead time for changes (commit to production), change failure
 * rate and time to restore service. Only deployments to environments of type
 * `production` count. An average (median) or a rate with no data is `null`
 * ("N/A"), never 0; a count of zero deployments is a real 0. A group with no
 * production environment at all has no figures: every value and tier is
 * `null`, the frequency too (it is not "low", there is nothing to measure).
 *
 * Tier bands follow the DORA State of DevOps reports (2019-2023), made
 * contiguous so every value has exactly one tier:
 *
 * | metric              | elite        | high          | medium         | low          |
 * |---------------------|--------------|---------------|----------------|--------------|
 * | deployment frequency| ≥ 1 per day  | ≥ 1 per week  | ≥ 1 per month  | less         |
 * | lead time           | < 1 day      | < 1 week      | < 30 days      | ≥ 30 days    |
 * | change failure rate | ≤ 5 %        | ≤ 10 %        | ≤ 15 %         | > 15 %       |
 * | time to restore     | < 1 hour     | < 1 day       | < 1 week       | ≥ 1 week     |
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** DORA performance tiers, best first. */
export const DORA_TIERS = ['elite', 'high', 'medium', 'low'] as const;
export type DoraTier = (typeof DORA_TIERS)[number];

/** The metrics the report covers. */
export type DoraMetric =
  | 'deployment_frequency'
  | 'lead_time'
  | 'change_failure_rate'
  | 'time_to_restore';

/** The tier bands, for the legend and the charts' bands (limits in the metric's unit). */
export const DORA_BANDS: {
  metric: DoraMetric;
  unit: string;
  /** Upper (or, for frequency, lower) limit of elite, high, medium; low is the rest. */
  limits: [number, number, number];
  descriptions: Record<DoraTier, string>;
}[] = [
  {
    metric: 'deployment_frequency',
    unit: 'per day',
    limits: [1, 1 / 7, 1 / 30],
    descriptions: {
      elite: 'At least once a day (on demand)',
      high: 'Between once a week and once a day',
      medium: 'Between once a month and once a week',
      low: 'Less than once a month',
    },
  },
  {
    metric: 'lead_time',
    unit: 'hours',
    limits: [24, 24 * 7, 24 * 30],
    descriptions: {
      elite: 'Less than a day',
      high: 'Between a day and a week',
      medium: 'Between a week and a month',
      low: 'More than a month',
    },
  },
  {
    metric: 'change_failure_rate',
    unit: 'percent',
    limits: [5, 10, 15],
    descriptions: {
      elite: '5 % or less',
      high: '10 % or less',
      medium: '15 % or less',
      low: 'More than 15 %',
    },
  },
  {
    metric: 'time_to_restore',
    unit: 'hours',
    limits: [1, 24, 24 * 7],
    descriptions: {
      elite: 'Less than an hour',
      high: 'Less than a day',
      medium: 'Less than a week',
      low: 'A week or more',
    },
  },
];

/** One deployment as the metrics need it. */
export interface DeployFact {
  app_id: string;
  env_id: string;
  env_type: string;
  status: string;
  /** When the deployment was created (ms). */
  created_ms: number;
  /** When it succeeded or failed (ms); null while it runs. */
  finished_ms: number | null;
  /** When the shipped commit was made (ms), if known. */
  committed_ms?: number;
}

/** The four metrics of one group of deployments. */
export interface DoraFigures {
  deployments: number;
  failed_deployments: number;
  /** Null (N/A) when the group has no production environment. */
  deployment_frequency: { per_day: number | null; tier: DoraTier | null };
  lead_time: {
    median_hours: number | null;
    samples: number;
    tier: DoraTier | null;
  };
  change_failure_rate: { percent: number | null; tier: DoraTier | null };
  time_to_restore: {
    median_hours: number | null;
    samples: number;
    /** Failures in the window that no later deployment has fixed yet. */
    unresolved: number;
    tier: DoraTier | null;
  };
}

/** The tier of a value: frequency is "higher is better", the others "lower is better". */
export function doraTier(metric: DoraMetric, value: number): DoraTier {
  const band = DORA_BANDS.find((b) => b.metric === metric);
  if (!band) throw new Error(`Unknown DORA metric ${metric}`);
  const [a, b, c] = band.limits;
  if (metric === 'deployment_frequency') {
    return value >= a
      ? 'elite'
      : value >= b
        ? 'high'
        : value >= c
          ? 'medium'
          : 'low';
  }
  if (metric === 'change_failure_rate') {
    return value <= a
      ? 'elite'
      : value <= b
        ? 'high'
        : value <= c
          ? 'medium'
          : 'low';
  }
  return value < a
    ? 'elite'
    : value < b
      ? 'high'
      : value < c
        ? 'medium'
        : 'low';
}

/** The median of the values, or null when there are none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[mid]
    : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

const isProduction = (fact: DeployFact) => fact.env_type === 'production';
const finished = (fact: DeployFact) =>
  fact.finished_ms !== null &&
  (fact.status === 'succeeded' || fact.status === 'failed');

/**
 * The four metrics of the production deployments among `facts` that finished
 * in `[from, to)`. Restores look at every later deployment of the same
 * environment (also after `to`'s window start, up to `to`). With
 * `hasProduction` false (the group has no production environment) every
 * figure and tier is N/A.
 */
export function doraFigures(
  facts: DeployFact[],
  from: number,
  to: number,
  days: number,
  hasProduction = true,
): DoraFigures {
  if (!hasProduction) {
    return {
      deployments: 0,
      failed_deployments: 0,
      deployment_frequency: { per_day: null, tier: null },
      lead_time: { median_hours: null, samples: 0, tier: null },
      change_failure_rate: { percent: null, tier: null },
      time_to_restore: {
        median_hours: null,
        samples: 0,
        unresolved: 0,
        tier: null,
      },
    };
  }
  const prod = facts.filter((f) => isProduction(f) && finished(f));
  const inWindow = prod.filter(
    (f) => (f.finished_ms as number) >= from && (f.finished_ms as number) < to,
  );
  const succeeded = inWindow.filter((f) => f.status === 'succeeded');
  const failed = inWindow.filter((f) => f.status === 'failed');

  const perDay = succeeded.length / days;
  const leads = succeeded
    .filter(
      (f) =>
        f.committed_ms !== undefined &&
        f.committed_ms <= (f.finished_ms as number),
    )
    .map(
      (f) => ((f.finished_ms as number) - (f.committed_ms as number)) / HOUR_MS,
    );
  const lead = median(leads);
  const total = succeeded.length + failed.length;
  const cfr = total === 0 ? null : (failed.length / total) * 100;

  const restores: number[] = [];
  let unresolved = 0;
  for (const failure of failed) {
    const fixedBy = prod
      .filter(
        (f) =>
          f.app_id === failure.app_id &&
          f.env_id === failure.env_id &&
          f.status === 'succeeded' &&
          (f.finished_ms as number) > (failure.finished_ms as number) &&
          (f.finished_ms as number) < to,
      )
      .sort((a, b) => (a.finished_ms as number) - (b.finished_ms as number))[0];
    if (fixedBy)
      restores.push(
        ((fixedBy.finished_ms as number) - (failure.finished_ms as number)) /
          HOUR_MS,
      );
    else unresolved += 1;
  }
  const restore = median(restores);

  return {
    deployments: succeeded.length,
    failed_deployments: failed.length,
    deployment_frequency: {
      per_day: round(perDay, 3),
      tier: doraTier('deployment_frequency', perDay),
    },
    lead_time: {
      median_hours: lead === null ? null : round(lead),
      samples: leads.length,
      tier: lead === null ? null : doraTier('lead_time', lead),
    },
    change_failure_rate: {
      percent: cfr === null ? null : round(cfr, 1),
      tier: cfr === null ? null : doraTier('change_failure_rate', cfr),
    },
    time_to_restore: {
      median_hours: restore === null ? null : round(restore),
      samples: restores.length,
      unresolved,
      tier: restore === null ? null : doraTier('time_to_restore', restore),
    },
  };
}

/**
 * Production deployments per day of the window `[to - days, to)`, oldest
 * first; each bucket is 24 hours ending at `to` and is labelled with the UTC
 * date its last moment falls on.
 */
export function dailySeries(
  facts: DeployFact[],
  to: number,
  days: number,
): { date: string; succeeded: number; failed: number }[] {
  const from = to - days * DAY_MS;
  const series = Array.from({ length: days }, (_, i) => ({
    date: new Date(from + (i + 1) * DAY_MS - 1).toISOString().slice(0, 10),
    succeeded: 0,
    failed: 0,
  }));
  for (const f of facts) {
    if (!isProduction(f) || !finished(f)) continue;
    const index = Math.floor(((f.finished_ms as number) - from) / DAY_MS);
    if (index < 0 || index >= days) continue;
    if (f.status === 'succeeded') series[index].succeeded += 1;
    else series[index].failed += 1;
  }
  return series;
}
