import { useEffect, useRef } from 'react';
import { useLocation, useParams } from 'react-router';
import { useNavIndex, type NavIndex } from '../queries';
import { currentPlace } from '../utils/current-place';
import { useNavEntries } from './use-nav-entries';

/** Display names from the index; undefined for ids it does not know (so unknown ids are never recorded). */
export function indexNames(index: NavIndex | undefined) {
  const apps = new Map(index?.apps.map((a) => [a.id, a]));
  return {
    app: (appId: string) => apps.get(appId)?.name,
    env: (appId: string, envId: string) =>
      apps.get(appId)?.envs.find((e) => e.id === envId)?.name,
  };
}

/** Records every place the user opens as a recent entry, once the index confirms it exists. */
export function useRecentTracker() {
  const params = useParams();
  const { pathname } = useLocation();
  const { data: index } = useNavIndex(params.orgId);
  const { addRecent } = useNavEntries(params.orgId);
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (!index || recorded.current === pathname) return;
    const names = indexNames(index);
    const place = currentPlace(params, pathname, names);
    recorded.current = pathname;
    if (!place) return;
    if (params.appId && !names.app(params.appId)) return;
    if (params.appId && params.envId && !names.env(params.appId, params.envId))
      return;
    addRecent(place);
  }, [index, pathname, params, addRecent]);
}
