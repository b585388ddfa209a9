import { useMemo } from 'react';
import { useLocation, useParams } from 'react-router';
import { Icon } from '@/components/layout/icons';
import { useNavEntries } from '../hooks/use-nav-entries';
import { indexNames } from '../hooks/use-recent-tracker';
import { useNavIndex } from '../queries';
import { currentPlace } from '../utils/current-place';
import { useNavigationUi } from './navigation-context';
import { UserMenu } from './user-menu';

const isMac = () =>
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform);

/** Pin toggle for the current page, the palette button and the user menu. */
export function TopBarTools() {
  const ui = useNavigationUi();
  const params = useParams();
  const { pathname } = useLocation();
  const { data: index } = useNavIndex(params.orgId);
  const { isPinned, togglePin } = useNavEntries(params.orgId);
  const names = useMemo(() => indexNames(index), [index]);
  const place = currentPlace(params, pathname, names);
  const pinned = place ? isPinned(place.key) : false;
  return (
    <>
      {place && (
        <button
          type="button"
          className="icon-button topbar__pin"
          aria-pressed={pinned}
          aria-label="Pin this page"
          title={
            pinned
              ? 'Pinned to the sidebar: click to unpin'
              : 'Pin this page to the sidebar'
          }
          onClick={() => togglePin(place)}
        >
          <Icon name="pin" />
        </button>
      )}
      <button
        type="button"
        className="search-button"
        onClick={() => ui.openPalette()}
        aria-label="Search or jump to…"
        aria-keyshortcuts="Control+K Meta+K /"
      >
        <Icon name="search" />
        <span className="search-button__text">Search or jump to…</span>
        <kbd className="search-button__kbd">{isMac() ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      <UserMenu />
    </>
  );
}
