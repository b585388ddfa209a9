import type { DriftItem, FleetOrg } from '@/api/fleet';
import { Panel, PanelBody } from '@/components/ui/panel';
import { StatusBadge } from '@/components/ui/status-badge';
import type { StatusView } from '@/lib/status';
import { TableScroll } from '@/components/ui/table-scroll';

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
          <TableScroll label="Drift from the baseline">
            <table className="table table--wrap">
              <caption className="visually-hidden">
                Workload profile versions, environment types and pipelines that
                differ from the baseline
              </caption>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col">Item</th>
                  <th scope="col">Status</th>
                  <th scope="col">Baseline</th>
                  <th scope="col">Organisation&apos;s</th>
                </tr>
              </thead>
              <tbody>
                {others.flatMap((org) =>
                  org.drift.length === 0
                    ? [
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
                        </tr>,
                      ]
                    : org.drift.map((item) => (
                        <tr key={`${org.org_id}/${item.kind}/${item.id}`}>
                          <th scope="row">{org.org_name}</th>
                          <td>
                            {KIND[item.kind]}{' '}
                            <span className="mono">{item.id}</span>
                          </td>
                          <td>
                            <StatusBadge status={STATUS[item.status]} />
                          </td>
                          <td className="mono">{item.baseline ?? '—'}</td>
                          <td className="mono">{item.actual ?? '—'}</td>
                        </tr>
                      )),
                )}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
    </Panel>
  );
}
