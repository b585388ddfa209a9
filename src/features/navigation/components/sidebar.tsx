import * as Tooltip from '@radix-ui/react-tooltip';
import { Link, useParams } from 'react-router';
import { paths } from '@/config/paths';
import { AllApps } from './all-apps';
import { AppEnvironments } from './app-environments';
import { MainNav } from './main-nav';
import { OrgSwitcher } from './org-switcher';
import { PlacesNav } from './places-nav';

/**
 * The sidebar's content: organisation switcher, sections, the current app's
 * environments with health, pins and recent places, and every app
 * (virtualized). As an icon rail it keeps the switcher, sections and
 * environments, with tooltips.
 */
export function Sidebar({ variant }: { variant: 'full' | 'rail' }) {
  const { orgId, appId } = useParams();
  const rail = variant === 'rail';
  return (
    <Tooltip.Provider delayDuration={300}>
      <div className={`sidenav sidenav--${variant}`}>
        <div className="sidenav__top">
          <Link
            to={paths.home()}
            className="sidenav__brand"
            aria-label={rail ? 'Platform Console' : undefined}
          >
            {rail ? 'PC' : 'Platform Console'}
          </Link>
          {orgId && <OrgSwitcher orgId={orgId} rail={rail} />}
        </div>
        <div className="sidenav__scroll">
          {orgId && <MainNav orgId={orgId} rail={rail} />}
          {orgId && appId && (
            <AppEnvironments orgId={orgId} appId={appId} rail={rail} />
          )}
          {orgId && !rail && <PlacesNav orgId={orgId} />}
        </div>
        {orgId && !rail && <AllApps orgId={orgId} />}
      </div>
    </Tooltip.Provider>
  );
}
