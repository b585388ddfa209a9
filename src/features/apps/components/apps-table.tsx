import {
  keepPreviousData,
  useInfiniteQuery,
  useSuspenseInfiniteQuery,
} from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { APPS_PER_PAGE, appQueries } from '@/api/queries/apps';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { PanelBody } from '@/components/ui/panel';
import { RelativeTime } from '@/components/ui/relative-time';
import { paths } from '@/config/paths';
import { describeError } from '@/lib/errors';
import { useSettled } from '@/lib/use-settled';

/** Rows per page, as the server sends them (each "Show more" asks for the next page). */
export const APPS_PAGE = APPS_PER_PAGE;
/** How long typing pauses before the server is asked for the matching apps. */
const SEARCH_DELAY_MS = 200;

/**
 * The organisation's applications with their environments, sorted by name,
 * a page at a time from the server (a 10,000-app organisation is never sent
 * at once); the search asks the server for the matching apps.
 */
export function AppsTable({ orgId }: { orgId: string }) {
  const all = useSuspenseInfiniteQuery(appQueries.pages(orgId, ''));
  const [filter, setFilter] = useState('');
  const query = useSettled(filter.trim(), SEARCH_DELAY_MS);
  const found = useInfiniteQuery({
    ...appQueries.pages(orgId, query),
    placeholderData: keepPreviousData,
  });
  const total = all.data.pages[0]?.total ?? 0;
  const result = query ? found.data : all.data;
  const shown = result?.pages.flatMap((page) => page.apps) ?? [];
  const matching = result?.pages[0]?.total ?? 0;
  const more = query ? found : all;
  if (total === 0) {
    return (
      <EmptyState title="No applications yet">
        Create an application with the API (<code>POST /orgs/{orgId}/apps</code>
        ) to see it here.
      </EmptyState>
    );
  }
  return (
    <>
      {total > 10 && (
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
            onChange={(e) => setFilter(e.target.value)}
          />
          <span className="muted" role="status">
            {query
              ? found.isPending
                ? 'Searching…'
                : `${matching.toLocaleString('en')} of ${total.toLocaleString('en')} applications`
              : `${total.toLocaleString('en')} applications`}
          </span>
        </PanelBody>
      )}
      {query && found.isError ? (
        <PanelBody as="p" role="alert">
          Could not search the applications:{' '}
          {describeError(found.error).message}
        </PanelBody>
      ) : query && !found.isPending && matching === 0 ? (
        <PanelBody as="p" className="muted">
          No application matches “{query}”.
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
                {app.created_at ? (
                  <RelativeTime iso={app.created_at} />
                ) : (
                  <span className="muted">Unknown</span>
                )}
              </td>
            </tr>
          )}
        />
      )}
      {more.hasNextPage && (
        <PanelBody>
          <button
            type="button"
            className="button"
            disabled={more.isFetchingNextPage}
            onClick={() => void more.fetchNextPage()}
          >
            Show {Math.min(APPS_PAGE, matching - shown.length)} more of{' '}
            {(matching - shown.length).toLocaleString('en')}
          </button>
        </PanelBody>
      )}
    </>
  );
}
