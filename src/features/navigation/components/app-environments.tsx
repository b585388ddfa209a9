import { Link, useLocation } from 'react-router';
import { ApiError } from '@/api/client';
import { Skeleton } from '@/components/ui/skeleton';
import { StatusIcon } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { useAppEnvironments, useNavIndex } from '../queries';
import { useAppHealthStates } from '../hooks/use-health-states';
import { environmentHealth } from '../utils/environment-health';
import { RailTip } from './rail-tip';

/** The current app's environments, each with its health (icon + word + colour). */
export function AppEnvironments({
  orgId,
  appId,
  rail,
}: {
  orgId: string;
  appId: string;
  rail: boolean;
}) {
  const { pathname } = useLocation();
  const envs = useAppEnvironments(orgId, appId);
  const healthState = useAppHealthStates(orgId, appId);
  const index = useNavIndex(orgId);
  const appName = index.data?.apps.find((a) => a.id === appId)?.name ?? appId;
  const labelId = `sidenav-envs-${rail ? 'rail' : 'full'}`;
  // An app that does not exist (or is not the user's to see): the page says so, the sidebar offers nothing of it.
  if (
    envs.error instanceof ApiError &&
    (envs.error.status === 404 || envs.error.status === 403)
  )
    return null;
  return (
    <nav aria-labelledby={labelId} className="sidenav__section">
      <p id={labelId} className={rail ? 'visually-hidden' : 'sidenav__heading'}>
        Environments of {appName}
      </p>
      {envs.isPending && !rail && (
        <Skeleton rows={2} label="Loading environments" />
      )}
      {envs.isError && !rail && (
        <p className="sidenav__note">
          Could not load the environments.{' '}
          <button
            type="button"
            className="button button--small"
            onClick={() => void envs.refetch()}
          >
            Retry
          </button>
        </p>
      )}
      {envs.data?.length === 0 && !rail && (
        <p className="sidenav__note">No environments yet.</p>
      )}
      <ul className="sidenav__list">
        {envs.data?.map((env) => {
          const to = paths.env(orgId, appId, env.id);
          const health = environmentHealth(env, healthState(env.id));
          const current =
            pathname === to
              ? 'page'
              : pathname.startsWith(`${to}/`)
                ? 'true'
                : undefined;
          return (
            <li key={env.id}>
              <RailTip rail={rail} label={`${env.name}: ${health.label}`}>
                <Link
                  to={to}
                  className="sidenav__link"
                  aria-current={current}
                  aria-label={rail ? `${env.name}, ${health.label}` : undefined}
                >
                  <StatusIcon tone={health.tone} />
                  {rail && (
                    <span className="sidenav__abbr" aria-hidden="true">
                      {env.name.slice(0, 3)}
                    </span>
                  )}
                  {!rail && (
                    <>
                      <span className="sidenav__text">{env.name}</span>
                      <span
                        className={`sidenav__status status-text--${health.tone}`}
                      >
                        {health.label}
                      </span>
                    </>
                  )}
                </Link>
              </RailTip>
            </li>
          );
        })}
      </ul>
      <ul className="sidenav__list">
        <li>
          <RailTip rail={rail} label={`Values of ${appName}`}>
            <Link
              to={paths.values(orgId, appId)}
              className="sidenav__link"
              aria-current={
                pathname === paths.values(orgId, appId) ? 'page' : undefined
              }
              aria-label={rail ? `Values of ${appName}` : undefined}
            >
              {rail ? (
                <span className="sidenav__abbr" aria-hidden="true">
                  Val
                </span>
              ) : (
                <span className="sidenav__text">Values</span>
              )}
            </Link>
          </RailTip>
        </li>
      </ul>
    </nav>
  );
}
