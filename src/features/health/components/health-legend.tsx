import type { OrgHealth } from '@/api/health';
import { StatusBadge } from '@/components/ui/status-badge';
import { healthStatus } from '@/lib/status';
import './health.css';

/** What each health state means (the legend comes with the health data, from the one health model). */
export function HealthLegend({ legend }: { legend: OrgHealth['legend'] }) {
  return (
    <details className="health-legend">
      <summary>What the health states mean</summary>
      <dl>
        {legend.map((entry) => (
          <div key={entry.state} style={{ display: 'contents' }}>
            <dt>
              <StatusBadge status={healthStatus(entry.state)} />
            </dt>
            <dd>{entry.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
