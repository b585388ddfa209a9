import { api, unwrap } from './client';
import { optionalExtension } from './health';
import type { components } from './schema-extensions';

type Schemas = components['schemas'];

/** The DORA report (console extension) and its parts. */
export type DoraReport = Schemas['DoraReport'];
export type DoraFigures = Schemas['DoraFigures'];
export type DoraTier = Schemas['DoraTier'];
export type DoraWindow = DoraReport['window'];

/** DORA metrics of the organisation (or one app); null when the API lacks the extension. */
export function getDoraMetrics(
  orgId: string,
  window: DoraWindow,
  app?: string,
) {
  return optionalExtension(
    unwrap(
      api.GET('/orgs/{orgId}/console/metrics/dora', {
        params: { path: { orgId }, query: { window, ...(app ? { app } : {}) } },
      }),
    ),
  );
}
