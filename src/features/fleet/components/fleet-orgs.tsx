import { Link } from 'react-router';
import type { FleetOrg } from '@/api/fleet';
import { Panel } from '@/components/ui/panel';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { agentStatus, healthStatus } from '@/lib/status';
import { DataTable } from '@/components/ui/data-table';

/** One row per organisation: its worst environment state, counts and how far it drifts from the baseline. */
export function FleetOrgs({
  orgs,
  baseline,
}: {
  orgs: FleetOrg[];
  baseline: string;
}) {
  return (
    <Panel
      titleId="fleet-orgs-heading"
      title="Organisations"
      actions={<span className="muted">{orgs.length} organisations</span>}
    >
      <DataTable
        label="Organisations"
        className="table--wrap"
        columns={[
          'Organisation',
          'Health',
          'Apps',
          'Environments',
          'Needs attention',
          'Agents',
          <>
            Drift from{' '}
            {orgs.find((o) => o.org_id === baseline)?.org_name ?? baseline}
          </>,
        ]}
        rows={orgs}
        renderRow={(org) => (
          <tr key={org.org_id}>
            <th scope="row">
              <Link to={paths.apps(org.org_id)}>{org.org_name}</Link>{' '}
              <span className="muted mono">{org.org_id}</span>
            </th>
            <td>
              <StatusBadge status={healthStatus(org.state)} />
              <div className="muted">
                {org.env_states
                  .map(
                    (s) =>
                      `${s.count} ${healthStatus(s.state).label.toLowerCase()}`,
                  )
                  .join(', ') || 'No environments'}
              </div>
            </td>
            <td>{org.apps}</td>
            <td>{org.envs}</td>
            <td>{org.needs_attention}</td>
            <td>
              {org.agents && org.agents.length > 0 ? (
                <ul
                  className="fleet-agents"
                  aria-label={`Agents of ${org.org_name}`}
                >
                  {org.agents.map((agent) => (
                    <li key={agent.id}>
                      <Link to={paths.agents(org.org_id)}>
                        <code>{agent.id}</code>
                      </Link>{' '}
                      <StatusBadge status={agentStatus(agent)} />
                    </li>
                  ))}
                </ul>
              ) : (
                // Undefined: not the caller's to see (administrators only); an empty list: none registered.
                <span className="muted">{org.agents ? 'None' : '—'}</span>
              )}
            </td>
            <td>
              {org.org_id === baseline
                ? 'Baseline'
                : org.drift.length === 0
                  ? 'In line'
                  : `${org.drift.length} ${org.drift.length === 1 ? 'difference' : 'differences'}`}
            </td>
          </tr>
        )}
      />
    </Panel>
  );
}
