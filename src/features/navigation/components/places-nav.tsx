import { Link, useLocation } from 'react-router';
import { Icon } from '@/components/layout/icons';
import { useNavEntries } from '../hooks/use-nav-entries';
import type { NavEntry } from '../utils/nav-entries';

function PlaceList({
  id,
  title,
  entries,
  onUnpin,
}: {
  id: string;
  title: string;
  entries: NavEntry[];
  onUnpin?: (e: NavEntry) => void;
}) {
  const { pathname } = useLocation();
  if (entries.length === 0) return null;
  return (
    <nav aria-labelledby={id} className="sidenav__section">
      <p id={id} className="sidenav__heading">
        {title}
      </p>
      <ul className="sidenav__list">
        {entries.map((entry) => (
          <li key={entry.key} className="sidenav__place">
            <Link
              to={entry.to}
              className="sidenav__link"
              aria-current={pathname === entry.to ? 'page' : undefined}
            >
              <span className="sidenav__text">{entry.label}</span>
              {entry.detail && (
                <span className="sidenav__detail">{entry.detail}</span>
              )}
            </Link>
            {onUnpin && (
              <button
                type="button"
                className="icon-button sidenav__unpin"
                aria-label={`Unpin ${entry.label}`}
                onClick={() => onUnpin(entry)}
              >
                <Icon name="close" size={12} />
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Pinned places (with unpin buttons) and the last few places visited (not the current one). */
export function PlacesNav({ orgId }: { orgId: string }) {
  const { pins, recents, togglePin } = useNavEntries(orgId);
  const { pathname } = useLocation();
  const pinned = new Set(pins.map((p) => p.key));
  const recent = recents
    .filter((r) => !pinned.has(r.key) && r.to !== pathname)
    .slice(0, 6);
  return (
    <>
      <PlaceList
        id="sidenav-pinned"
        title="Pinned"
        entries={pins}
        onUnpin={togglePin}
      />
      <PlaceList id="sidenav-recent" title="Recent" entries={recent} />
    </>
  );
}
