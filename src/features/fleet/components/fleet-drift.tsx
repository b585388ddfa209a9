import type { DriftItem, FleetOrg } from '@/api/fleet';
import { DataTable } from '@/components/ui/data-table';
import { Panel, PanelBody } from '@/components/ui/panel';
import { StatusBadge } from '@/components/ui/status-badge';
import type { StatusView } from '@/lib/status';

const KIND: Record<DriftItem['kind'], string> = {
  profile: 'Workload profile',
  'env-type': 'Environment type',
  pipeline: 'Pipeline',
};

const STATUS: Record<DriftItem['status'], StatusView> = {
  missing: { tone: 'failure', label: 'Missing' },
  behind: { tone: 'warning', label: 'Behind' },
  ahead: { tone: 'info', label: 'Ahead' },
  extra: { tone: 'unknown', label: 'Extra' },
  different: { tone: 'warning', label: 'Different' },
};

/** A row of the drift table: an item that differs, or `null` for an organisation in line with the baseline. */
interface DriftRow {
  org: FleetOrg;
  item: DriftItem | null;
}

/** Differences of each organisation's base configuration from the baseline organisation. */
export function FleetDrift({
  orgs,
  baseline,
  onBaselineChange,
}: {
  orgs: FleetOrg[];
  baseline: string;
  onBaselineChange: (orgId: string) => void;
}) {
  const others = orgs.filter((o) => o.org_id !== baseline);
  return (
    <Panel
      titleId="fleet-drift-heading"
      title="Configuration drift"
      actions={
        <div className="field">
          <label htmlFor="fleet-baseline">Baseline organisation</label>
          <select
            id="fleet-baseline"
            className="select"
            value={baseline}
            onChange={(e) => onBaselineChange(e.target.value)}
          >
            {orgs.map((o) => (
              <option key={o.org_id} value={o.org_id}>
                {o.org_name}
              </option>
            ))}
          </select>
        </div>
      }
    >
      <div>
        {others.length === 0 ? (
          <PanelBody as="p" className="muted">
            There is no other organisation to compare with.
          </PanelBody>
        ) : (
          <DataTable
            caption="Workload profile versions, environment types and pipelines that differ from the baseline"
            label="Drift from the baseline"
            className="table--wrap"
            columns={[
              'Organisation',
              'Item',
              'Status',
              'Baseline',
              'In the organisation',
            ]}
            rows={others.flatMap((org): DriftRow[] =>
              org.drift.length === 0
                ? [{ org, item: null }]
                : org.drift.map((item) => ({ org, item })),
            )}
            renderRow={({ org, item }) =>
              item === null ? (
                <tr key={org.org_id}>
                  <th scope="row">{org.org_name}</th>
                  <td colSpan={4}>
                    <StatusBadge
                      status={{
                        tone: 'success',
                        label: 'In line with the baseline',
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={`${org.org_id}/${item.kind}/${item.id}`}>
                  <th scope="row">{org.org_name}</th>
                  <td>
                    {KIND[item.kind]} <span className="mono">{item.id}</span>
                  </td>
                  <td>
                    <StatusBadge status={STATUS[item.status]} />
                  </td>
                  <td className="mono">{item.baseline ?? '—'}</td>
                  <td className="mono">{item.actual ?? '—'}</td>
                </tr>
              )
            }
          />
        )}
      </div>
    </Panel>
  );
}
