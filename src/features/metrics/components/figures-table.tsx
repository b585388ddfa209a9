import type { DoraFigures, DoraTier } from '@/api/metrics';
import { DataTable } from '@/components/ui/data-table';
import { formatFrequency, formatHours, formatPercent } from '../utils/format';
import { TierBadge } from './tier-badge';

interface Row {
  key: string;
  name: string;
  detail?: string;
  figures: DoraFigures;
}

function Cell({ value, tier }: { value: string; tier: DoraTier | null }) {
  return (
    <td>
      <span className="dora-cell">
        {value} <TierBadge tier={tier} />
      </span>
    </td>
  );
}

/** The four metrics per app or per team, with tiers. */
export function FiguresTable({
  caption,
  rowHeader,
  rows,
}: {
  caption: string;
  rowHeader: string;
  rows: Row[];
}) {
  return (
    <DataTable
      caption={caption}
      captionVisible
      className="table--wrap"
      columns={[
        rowHeader,
        'Deployment frequency',
        'Lead time',
        'Change failure rate',
        'Time to restore',
      ]}
      rows={rows}
      renderRow={({ key, name, detail, figures: f }) => (
        <tr key={key}>
          <th scope="row">
            {name}
            {detail && <div className="muted">{detail}</div>}
          </th>
          <Cell
            value={formatFrequency(f.deployment_frequency.per_day)}
            tier={f.deployment_frequency.tier}
          />
          <Cell
            value={formatHours(f.lead_time.median_hours)}
            tier={f.lead_time.tier}
          />
          <Cell
            value={formatPercent(f.change_failure_rate.percent)}
            tier={f.change_failure_rate.tier}
          />
          <Cell
            value={formatHours(f.time_to_restore.median_hours)}
            tier={f.time_to_restore.tier}
          />
        </tr>
      )}
    />
  );
}
