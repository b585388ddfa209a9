import type { DoraFigures, DoraReport, DoraTier } from '@/api/metrics';
import { countOf } from '@/lib/format';
import {
  formatFrequency,
  formatHours,
  formatPercent,
  tierLabel,
} from '../utils/format';
import { TierBadge } from './tier-badge';

const TIERS: DoraTier[] = ['elite', 'high', 'medium', 'low'];

type Band = DoraReport['bands'][number];

interface Card {
  metric: Band['metric'];
  title: string;
  value: string;
  detail: string;
  tier: DoraTier | null;
}

function cards(f: DoraFigures): Card[] {
  return [
    {
      metric: 'deployment_frequency',
      title: 'Deployment frequency',
      value: formatFrequency(f.deployment_frequency.per_day),
      detail:
        f.deployment_frequency.per_day === null
          ? 'No production environment'
          : countOf(f.deployments, 'successful production deployment'),
      tier: f.deployment_frequency.tier,
    },
    {
      metric: 'lead_time',
      title: 'Lead time for changes',
      value: formatHours(f.lead_time.median_hours),
      detail: f.lead_time.samples
        ? `Median, commit to production, of ${countOf(f.lead_time.samples, 'deployment')}`
        : 'No production deployment with a known commit',
      tier: f.lead_time.tier,
    },
    {
      metric: 'change_failure_rate',
      title: 'Change failure rate',
      value: formatPercent(f.change_failure_rate.percent),
      detail:
        f.deployments + f.failed_deployments === 0
          ? 'No production deployment'
          : `${f.failed_deployments} of ${countOf(f.deployments + f.failed_deployments, 'production deployment')} failed`,
      tier: f.change_failure_rate.tier,
    },
    {
      metric: 'time_to_restore',
      title: 'Time to restore',
      value: formatHours(f.time_to_restore.median_hours),
      detail:
        f.time_to_restore.samples || f.time_to_restore.unresolved
          ? `${f.time_to_restore.samples === 1 ? 'One restored failure' : `Median of ${f.time_to_restore.samples} restored failures`}${f.time_to_restore.unresolved ? `; ${f.time_to_restore.unresolved} not restored yet` : ''}`
          : 'No failed production deployment',
      tier: f.time_to_restore.tier,
    },
  ];
}

/** The four key metrics with their tier and the tier bands they are measured against. */
export function MetricCards({
  figures,
  bands,
}: {
  figures: DoraFigures;
  bands: Band[];
}) {
  return (
    <ul className="dora-cards" aria-label="Key metrics">
      {cards(figures).map((card) => {
        const band = bands.find((b) => b.metric === card.metric);
        return (
          <li key={card.metric} className="dora-card">
            <h3>{card.title}</h3>
            <p className="dora-card__value">{card.value}</p>
            <TierBadge tier={card.tier} />
            <p className="muted">{card.detail}</p>
            {band && (
              <ol
                className="dora-bands"
                aria-label={`Tier bands of ${card.title.toLowerCase()}`}
              >
                {TIERS.map((tier) => (
                  <li
                    key={tier}
                    className={`dora-band dora-band--${tier}`}
                    aria-current={card.tier === tier ? 'true' : undefined}
                  >
                    <span className="dora-band__name">{tierLabel(tier)}</span>
                    <span className="dora-band__range">
                      {band.descriptions[tier]}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </li>
        );
      })}
    </ul>
  );
}
