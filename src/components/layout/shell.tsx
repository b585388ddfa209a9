import type { ReactNode } from 'react';
import { useNavigation } from 'react-router';
import { Toaster } from 'sonner';
import { useMediaQuery } from '@/hooks/use-media-query';
import { usePersistentState } from '@/hooks/use-persistent-state';
import type { ThemeChoice } from '@/hooks/use-theme';
import { Icon } from './icons';
import { SidebarDrawer, useDrawer } from './sidebar-drawer';
import './shell.css';

/** How the sidebar is shown: full width, as an icon rail, or not at all (narrow screens). */
export type SidebarVariant = 'full' | 'rail';

interface ShellProps {
  /** The sidebar's content for a variant. */
  sidebar: (variant: SidebarVariant) => ReactNode;
  /** The left part of the top bar (breadcrumbs). */
  topBar?: ReactNode;
  /** The right part of the top bar (search, user menu). */
  tools?: ReactNode;
  theme: ThemeChoice;
  children: ReactNode;
}

const COLLAPSED_KEY = 'console:sidebar-collapsed';

/**
 * The frame of every page: skip link, a left sidebar (collapsible, the choice
 * is remembered; an icon rail below 1024 px; a drawer behind a menu button
 * below 640 px), a top bar and the main landmark.
 */
export function Shell({ sidebar, topBar, tools, theme, children }: ShellProps) {
  const navigation = useNavigation();
  const compact = useMediaQuery('(max-width: 1023px)');
  const narrow = useMediaQuery('(max-width: 639px)');
  const [collapsed, setCollapsed] = usePersistentState<boolean>(
    COLLAPSED_KEY,
    false,
  );
  const drawer = useDrawer();
  const rail = compact || collapsed;
  const busy = navigation.state !== 'idle';

  const toggle = () =>
    compact ? drawer.setOpen(true) : setCollapsed(!collapsed);
  return (
    <div
      className="shell"
      data-sidebar={narrow ? 'none' : rail ? 'rail' : 'full'}
    >
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {!narrow && (
        // A landmark of its own: the console's name at its top is then inside one (axe's `region`).
        <aside className="shell__sidebar" aria-label="Sidebar">
          {sidebar(rail ? 'rail' : 'full')}
          <button
            type="button"
            className="shell__collapse"
            onClick={toggle}
            aria-label={rail ? 'Expand sidebar' : 'Collapse sidebar'}
            aria-expanded={!rail}
            title={rail ? 'Expand sidebar' : 'Collapse sidebar'}
          >
            <Icon name={rail ? 'expand' : 'collapse'} />
            {!rail && <span>Collapse</span>}
          </button>
        </aside>
      )}
      <div className="shell__body">
        <header className="shell__topbar">
          {narrow && (
            <button
              type="button"
              className="icon-button shell__menu"
              onClick={() => drawer.setOpen(true)}
              aria-label="Open navigation menu"
              aria-haspopup="dialog"
              aria-expanded={drawer.open}
            >
              <Icon name="menu" size={18} />
            </button>
          )}
          {/* On a phone the trail is the bar's second row (shell.css): after the tools in the page's order too, so
              Tab goes along the first row, then the second. */}
          {!narrow && <div className="shell__crumbs">{topBar}</div>}
          <div className="shell__tools">{tools}</div>
          {narrow && <div className="shell__crumbs">{topBar}</div>}
        </header>
        <div
          className="shell__progress"
          aria-hidden="true"
          data-active={busy}
        />
        <main id="main" className="shell__main">
          {children}
        </main>
      </div>
      <SidebarDrawer {...drawer}>{sidebar('full')}</SidebarDrawer>
      <Toaster position="bottom-right" theme={theme} closeButton />
    </div>
  );
}
