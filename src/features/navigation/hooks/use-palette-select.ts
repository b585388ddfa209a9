import { useLocation, useNavigate, useParams } from 'react-router';
import { toast } from 'sonner';
import { useNavigationUi } from '../components/navigation-context';
import { paths } from '@/config/paths';
import { useNavIndex, type NavIndex } from '../queries';
import { currentPlace } from '../utils/current-place';
import { itemHref, type SearchItem } from '../utils/search-items';
import { useNavEntries } from './use-nav-entries';
import { indexNames } from './use-recent-tracker';

/** The comparison of an environment's last two deployments, or the comparison page's picker. */
function compareHref(
  orgId: string,
  appId: string,
  envId: string,
  index: NavIndex | undefined,
) {
  const [to, from] = (index?.deployments ?? []).filter(
    (d) => d.app_id === appId && d.env_id === envId,
  );
  if (!to || !from) return paths.diff(orgId, appId);
  return paths.diff(
    orgId,
    appId,
    { envId, deployId: from.id },
    { envId, deployId: to.id },
  );
}

/**
 * What choosing a palette item does: follow its link (in a new tab on
 * request), run an action, or continue an action's second step. Actions
 * whose own page does not exist yet lead to the closest page that starts the
 * task: Deploy… → environment → workload editor; Compare deployments… →
 * environment → the comparison of its last two deployments; Clone to… →
 * source environment → the clone page; Deploy a Score file… → environment →
 * its "Deploy a Score file" page; Run locally… → environment → workload →
 * its "Run locally" page; Open shell in… → environment → workload → a shell
 * in its first running container (the runtime panel); Logs and events of… →
 * environment → its stream;
 * Create environment → the app (its environments).
 */
export function usePaletteSelect() {
  const navigate = useNavigate();
  const ui = useNavigationUi();
  const params = useParams();
  const { pathname } = useLocation();
  const orgId = params.orgId;
  const { data: index } = useNavIndex(orgId);
  const { togglePin, isPinned } = useNavEntries(orgId);

  const go = (href: string, newTab: boolean) => {
    if (newTab) {
      window.open(href, '_blank', 'noopener');
      return;
    }
    ui.setPaletteOpen(false);
    navigate(href);
  };

  const runAction = (item: SearchItem) => {
    switch (item.action) {
      case 'deploy':
      case 'compare':
      case 'clone':
      case 'score':
      case 'run-local':
      case 'shell':
      case 'logs':
        return ui.setPaletteStep({ kind: 'pick-env', action: item.action });
      case 'create-env':
        return ui.setPaletteStep({ kind: 'pick-app', action: 'create-env' });
      case 'shortcuts':
        ui.setPaletteOpen(false);
        return ui.setHelpOpen(true);
      case 'theme-light':
      case 'theme-dark':
      case 'theme-system':
        ui.setTheme(
          item.action.slice('theme-'.length) as 'light' | 'dark' | 'system',
        );
        return ui.setPaletteOpen(false);
      case 'toggle-pin': {
        const place = currentPlace(params, pathname, indexNames(index));
        ui.setPaletteOpen(false);
        if (!place)
          return toast('Nothing to pin here', {
            description:
              'Open an app, environment, deployment or workload first.',
          });
        toast(
          isPinned(place.key)
            ? `Unpinned ${place.label}`
            : `Pinned ${place.label}`,
        );
        return togglePin(place);
      }
    }
  };

  return (item: SearchItem, newTab = false) => {
    if (item.kind === 'action') return runAction(item);
    if (!orgId) return;
    const step = ui.paletteStep;
    if (
      step.kind === 'pick-env' &&
      (step.action === 'deploy' ||
        step.action === 'run-local' ||
        step.action === 'shell') &&
      item.appId &&
      item.envId &&
      index?.complete
    ) {
      const env = index.apps
        .find((a) => a.id === item.appId)
        ?.envs.find((e) => e.id === item.envId);
      if (env && env.workloads.length > 0) {
        return ui.setPaletteStep({
          kind: 'pick-workload',
          appId: item.appId,
          envId: item.envId,
          envLabel: `${item.appName ?? item.appId} › ${item.label}`,
          action: step.action,
        });
      }
    }
    if (
      step.kind === 'pick-env' &&
      step.action === 'compare' &&
      item.appId &&
      item.envId
    ) {
      return go(compareHref(orgId, item.appId, item.envId, index), newTab);
    }
    if (
      step.kind === 'pick-env' &&
      step.action === 'clone' &&
      item.appId &&
      item.envId
    ) {
      return go(paths.clone(orgId, item.appId, { from: item.envId }), newTab);
    }
    if (
      step.kind === 'pick-env' &&
      step.action === 'score' &&
      item.appId &&
      item.envId
    ) {
      return go(paths.score(orgId, item.appId, item.envId), newTab);
    }
    if (
      step.kind === 'pick-env' &&
      step.action === 'logs' &&
      item.appId &&
      item.envId
    ) {
      return go(paths.envStream(orgId, item.appId, item.envId), newTab);
    }
    if (
      step.kind === 'pick-workload' &&
      step.action === 'run-local' &&
      item.kind === 'workload' &&
      item.id
    ) {
      return go(
        paths.runLocally(orgId, step.appId, step.envId, item.id),
        newTab,
      );
    }
    if (
      step.kind === 'pick-workload' &&
      step.action === 'shell' &&
      item.kind === 'workload' &&
      item.id
    ) {
      const search = new URLSearchParams({ workload: item.id, shell: '' });
      return go(
        `${paths.env(orgId, step.appId, step.envId)}?${search}`,
        newTab,
      );
    }
    if (
      step.kind === 'pick-app' &&
      step.action === 'create-env' &&
      item.kind === 'app' &&
      item.appId
    ) {
      return go(paths.newEnv(orgId, item.appId), newTab);
    }
    const href = itemHref(orgId, item);
    if (href) go(href, newTab);
  };
}
