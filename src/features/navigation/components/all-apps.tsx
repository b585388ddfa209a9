import { useMemo, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { Skeleton } from '@/components/ui/skeleton';
import { filterRows } from '@/components/layout/switcher-popover';
import {
  VirtualLinkList,
  type LinkRow,
  type VirtualLinkListHandle,
} from '@/components/layout/virtual-link-list';
import { paths } from '@/config/paths';
import { useNavIndex } from '../queries';

const byName = new Intl.Collator('en');

/** Every app of the organisation, filterable; the list is virtualized (1,000 apps stay fluid). */
export function AllApps({ orgId }: { orgId: string }) {
  const index = useNavIndex(orgId);
  const { pathname } = useLocation();
  const [filter, setFilter] = useState('');
  const list = useRef<VirtualLinkListHandle>(null);
  const sorted = useMemo(
    () =>
      [...(index.data?.apps ?? [])].sort((a, b) =>
        byName.compare(a.name, b.name),
      ),
    [index.data],
  );
  const rows = useMemo<LinkRow[]>(() => {
    const needle = filter.trim().toLowerCase();
    const rows = sorted.map((a) => {
      const to = paths.app(orgId, a.id);
      return {
        key: a.id,
        to,
        label: a.name,
        keywords: a.id,
        current: to === pathname,
      };
    });
    return needle ? filterRows(rows, needle) : rows;
  }, [sorted, filter, orgId, pathname]);
  const total = index.data?.apps.length ?? 0;
  return (
    <nav aria-labelledby="sidenav-apps" className="sidenav__apps">
      <div className="sidenav__apps-head">
        <p id="sidenav-apps" className="sidenav__heading">
          All applications{' '}
          {index.data && (
            <span className="muted">({total.toLocaleString('en')})</span>
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
      {index.isPending && <Skeleton rows={4} label="Loading applications" />}
      {index.isError && (
        <p className="sidenav__note">Could not load the applications.</p>
      )}
      {index.data && rows.length === 0 && (
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
    </nav>
  );
}
