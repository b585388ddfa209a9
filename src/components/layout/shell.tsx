import type { ReactNode } from 'react';
import { NavLink, useNavigation, useParams } from 'react-router';
import { Toaster } from 'sonner';
import { paths } from '@/config/paths';
import { useTheme, type ThemeChoice } from '@/hooks/use-theme';
import { Breadcrumbs } from './breadcrumbs';
import './shell.css';

/** The frame of every page: skip link, header with navigation, breadcrumbs, main landmark. */
export function Shell({ children }: { children: ReactNode }) {
  const { orgId } = useParams();
  const navigation = useNavigation();
  const [theme, setTheme] = useTheme();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="shell__header">
        <NavLink to={paths.home()} className="shell__brand">
          Platform Console
        </NavLink>
        {orgId && (
          <nav aria-label="Main" className="shell__nav">
            <NavLink to={paths.apps(orgId)}>Apps</NavLink>
            <NavLink to={paths.settings(orgId)}>Settings</NavLink>
          </nav>
        )}
        <div className="shell__tools">
          {orgId && <span className="chip" title="Organisation">{orgId}</span>}
          <label className="visually-hidden" htmlFor="theme-select">
            Theme
          </label>
          <select
            id="theme-select"
            className="select"
            value={theme}
            onChange={(e) => setTheme(e.target.value as ThemeChoice)}
          >
            <option value="system">System theme</option>
            <option value="light">Light theme</option>
            <option value="dark">Dark theme</option>
          </select>
        </div>
      </header>
      <div className="shell__progress" aria-hidden={navigation.state === 'idle'} data-active={navigation.state !== 'idle'} />
      <main id="main" className="shell__main">
        <Breadcrumbs />
        {children}
      </main>
      <Toaster position="bottom-right" theme={theme} closeButton />
    </div>
  );
}
