import { useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { filterRows } from '@/components/layout/switcher-popover';
import {
  VirtualLinkList,
  type LinkRow,
  type VirtualLinkListHandle,
} from '@/components/layout/virtual-link-list';
import { APPS_PER_PAGE } from '@/api/queries/apps';
import { paths } from '@/config/paths';
import { useAllApps } from '../hooks/use-all-apps';

/**
 * Every app of the organisation, filterable; the list is virtualized (1,000
 * apps stay fluid). Past the browser's index (10,000 apps) the server pages
 * and filters them (use-all-apps.ts): the count is the true one, "Show more"
 * adds the next hundred.
 */
export function AllApps({ orgId }: { orgId: string }) {
  const { pathname } = useLocation();
  const [filter, setFilter] = useState('');
  const all = useAllApps(orgId, filter);
  const list = useRef<VirtualLinkListHandle>(null);
  const rows = useMemo<LinkRow[]>(() => {
    const needle = filter.trim().toLowerCase();
    const rows = (all.apps ?? []).map((a) => {
      const to = paths.app(orgId, a.id);
      return {
        key: a.id,
        to,
        label: a.name,
        keywords: a.id,
        current: to === pathname,
      };
    });
    return needle && !all.filtered ? filterRows(rows, needle) : rows;
  }, [all.apps, all.filtered, filter, orgId, pathname]);
  const left = (all.matching ?? 0) - rows.length;
  return (
    <nav aria-labelledby="sidenav-apps" className="sidenav__apps">
      <div className="sidenav__apps-head">
        <p id="sidenav-apps" className="sidenav__heading">
          All applications{' '}
          {all.total !== undefined && (
            <span className="muted">({all.total.toLocaleString('en')})</span>
          )}
        </p>
        <input
          type="search"
          className="input sidenav__filter"
          placeholder="Filter apps"
          aria-label="Filter applications"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              list.current?.focusFirst();
            }
          }}
        />
      </div>
      {!all.apps && !all.error && (
        <Skeleton rows={4} label="Loading applications" />
      )}
      {!!all.error && (
        <p className="sidenav__note">
          Could not load the applications.{' '}
          <button
            type="button"
            className="button button--small"
            onClick={all.retry}
          >
            Retry
          </button>
        </p>
      )}
      {all.apps && rows.length === 0 && (
        <p className="sidenav__note">No app matches “{filter}”.</p>
      )}
      {rows.length > 0 && (
        <VirtualLinkList
          handleRef={list}
          rows={rows}
          label="All applications"
          className="sidenav__apps-list"
          rowHeight={28}
          fallbackHeight={280}
        />
      )}
      {all.hasMore && left > 0 && (
        <p className="sidenav__note sidenav__more">
          <button
            type="button"
            className="button button--small"
            disabled={all.loadingMore}
            onClick={all.showMore}
          >
            Show {Math.min(APPS_PER_PAGE, left).toLocaleString('en')} more of{' '}
            {left.toLocaleString('en')}
          </button>
        </p>
      )}
    </nav>
  );
}
