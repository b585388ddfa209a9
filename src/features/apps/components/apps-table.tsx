import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { paths } from '@/config/paths';
import { useApps } from '../queries';

/** Rows rendered at first, and added by "Show more": a 1,000-app organisation stays quick to open. */
export const APPS_PAGE = 100;
const collator = new Intl.Collator(undefined, {
  sensitivity: 'base',
  numeric: true,
});

/** All applications of the organisation, with their environments; filtered by name or id, shown a page at a time. */
export function AppsTable({ orgId }: { orgId: string }) {
  const { data: apps } = useApps(orgId);
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(APPS_PAGE);
  const query = useDeferredValue(filter.trim().toLowerCase());
  const sorted = useMemo(
    () => [...apps].sort((a, b) => collator.compare(a.name, b.name)),
    [apps],
  );
  const matching = useMemo(
    () =>
      query
        ? sorted.filter(
            (app) =>
              app.name.toLowerCase().includes(query) || app.id.includes(query),
          )
        : sorted,
    [sorted, query],
  );
  if (apps.length === 0) {
    return (
      <EmptyState title="No applications yet">
        Create an application with the API (<code>POST /orgs/{orgId}/apps</code>
        ) to see it here.
      </EmptyState>
    );
  }
  const shown = matching.slice(0, limit);
  return (
    <>
      {apps.length > 10 && (
        <PanelBody className="row">
          <label htmlFor="apps-filter" className="visually-hidden">
            Find an application
          </label>
          <input
            id="apps-filter"
            className="input"
            type="search"
            placeholder="Find an application by name or id"
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value);
              setLimit(APPS_PAGE);
            }}
          />
          <span className="muted" role="status">
            {query
              ? `${matching.length} of ${apps.length} applications`
              : `${apps.length} applications`}
          </span>
        </PanelBody>
      )}
      {matching.length === 0 ? (
        <PanelBody as="p" className="muted">
          No application matches “{filter.trim()}”.
        </PanelBody>
      ) : (
        <DataTable
          caption="Applications"
          columns={['Application', 'Environments', 'Created']}
          rows={shown}
          renderRow={(app) => (
            <tr key={app.id}>
              <td>
                <Link to={paths.app(orgId, app.id)}>{app.name}</Link>{' '}
                {app.name !== app.id && <code className="muted">{app.id}</code>}
              </td>
              <td>
                <span className="row">
                  {app.envs.length === 0 && <span className="muted">None</span>}
                  {app.envs.map((env) => (
                    <Link
                      key={env.id}
                      className="chip"
                      to={paths.env(orgId, app.id, env.id)}
                    >
                      {env.name}
                    </Link>
                  ))}
                </span>
              </td>
              <td>
                <RelativeTime iso={app.created_at} />
              </td>
            </tr>
          )}
        />
      )}
      {matching.length > shown.length && (
        <PanelBody>
          <button
            type="button"
            className="button"
            onClick={() => setLimit((n) => n + APPS_PAGE)}
          >
            Show {Math.min(APPS_PAGE, matching.length - shown.length)} more of{' '}
            {matching.length - shown.length}
          </button>
        </PanelBody>
      )}
    </>
  );
}
