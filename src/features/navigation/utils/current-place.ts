import { paths } from '@/config/paths';
import { shortId } from '@/lib/format';
import type { NavEntry } from './nav-entries';

/** The route parameters that name a place. */
export interface PlaceParams {
  orgId?: string;
  appId?: string;
  envId?: string;
  deployId?: string;
  workloadId?: string;
  profileId?: string;
}

/** Display names, when known (from the navigation index). */
export interface PlaceNames {
  app?: (appId: string) => string | undefined;
  env?: (appId: string, envId: string) => string | undefined;
}

/**
 * The place a URL shows, as a recent/pin entry (keys match the palette's
 * items), or undefined for lists and unknown pages.
 */
export function currentPlace(
  params: PlaceParams,
  pathname: string,
  names: PlaceNames = {},
): NavEntry | undefined {
  const { orgId, appId, envId, deployId, workloadId, profileId } = params;
  if (!orgId) return undefined;
  if (profileId && profileId !== 'new') {
    return {
      key: `profile:${profileId}`,
      kind: 'profile',
      label: profileId,
      detail: 'Workload profile',
      to: paths.profile(orgId, profileId),
    };
  }
  if (!appId) {
    if (pathname === paths.settings(orgId)) {
      return {
        key: 'page:settings',
        kind: 'page',
        label: 'Organisation settings',
        to: pathname,
      };
    }
    if (pathname === paths.profiles(orgId)) {
      return {
        key: 'page:profiles',
        kind: 'page',
        label: 'Workload profiles',
        to: pathname,
      };
    }
    return undefined;
  }
  const appName = names.app?.(appId) ?? appId;
  if (!envId)
    return {
      key: `app:${appId}`,
      kind: 'app',
      label: appName,
      to: paths.app(orgId, appId),
    };
  const envName = names.env?.(appId, envId) ?? envId;
  const where = `${appName} · ${envName}`;
  if (deployId) {
    return {
      key: `deployment:${appId}/${envId}/${deployId}`,
      kind: 'deployment',
      label: `Deployment ${shortId(deployId)}`,
      detail: where,
      to: paths.deployment(orgId, appId, envId, deployId),
    };
  }
  if (workloadId) {
    return {
      key: `workload:${appId}/${envId}/${workloadId}`,
      kind: 'workload',
      label: workloadId,
      detail: where,
      to: paths.workload(orgId, appId, envId, workloadId),
    };
  }
  return {
    key: `env:${appId}/${envId}`,
    kind: 'env',
    label: envName,
    detail: appName,
    to: paths.env(orgId, appId, envId),
  };
}
