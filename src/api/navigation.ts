import { api, unwrap } from './client';
import type { components } from './schema-extensions';

/** The navigation index (extension endpoint): apps, environments, recent deployments, workloads. */
export type NavigationIndex = components['schemas']['NavigationIndex'];

/**
 * The organisation's navigation index (console extension). A real Humanitec
 * API answers 404: callers fall back to the spec's app list.
 */
export function getNavigationIndex(orgId: string) {
  return unwrap(
    api.GET('/orgs/{orgId}/console/navigation-index', {
      params: { path: { orgId } },
    }),
  );
}
