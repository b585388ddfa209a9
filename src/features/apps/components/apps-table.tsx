import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { paths } from '@/config/paths';
import { useApps } from '../queries';

/** All applications of the organisation, with their environments. */
export function AppsTable({ orgId }: { orgId: string }) {
  const { data: apps } = useApps(orgId);
  if (apps.length === 0) {
    return (
      <EmptyState title="No applications yet">
        Create an application with the API (<code>POST /orgs/{orgId}/apps</code>) to see it here.
      </EmptyState>
    );
  }
  const sorted = [...apps].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <table className="table">
      <caption className="visually-hidden">Applications</caption>
      <thead>
        <tr>
          <th scope="col">Application</th>
          <th scope="col">Environments</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((app) => (
          <tr key={app.id}>
            <td>
              <Link to={paths.app(orgId, app.id)}>{app.name}</Link>{' '}
              {app.name !== app.id && <code className="muted">{app.id}</code>}
            </td>
            <td>
              <span className="row">
                {app.envs.length === 0 && <span className="muted">None</span>}
                {app.envs.map((env) => (
                  <Link key={env.id} className="chip" to={paths.env(orgId, app.id, env.id)}>
                    {env.name}
                  </Link>
                ))}
              </span>
            </td>
            <td>
              <RelativeTime iso={app.created_at} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
