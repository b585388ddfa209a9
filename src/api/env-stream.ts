import { api, unwrap } from './client';
import type { components } from './schema-extensions';

/** An environment's stream of logs and Kubernetes events (console extension getEnvironmentStream). */
export type EnvironmentStream = components['schemas']['EnvironmentStream'];
export type StreamLine = components['schemas']['StreamLine'];
export type KubeEvent = components['schemas']['KubeEvent'];

/** Lines and events of an environment after `since` (ISO; all without it), at most `limit` lines (the newest). */
export function getEnvironmentStream(
  orgId: string,
  appId: string,
  envId: string,
  window: { since?: string; limit: number },
) {
  return unwrap(
    api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/console/stream', {
      params: {
        path: { orgId, appId, envId },
        query: {
          ...(window.since ? { since: window.since } : {}),
          limit: window.limit,
        },
      },
    }),
  );
}
