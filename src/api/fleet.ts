import { api, unwrap } from './client';
import { optionalExtension } from './health';
import type { components } from './schema-extensions';

type Schemas = components['schemas'];

/** The fleet overview (console extension): organisations, health, inbox, drift, rollouts. */
export type FleetOverview = Schemas['FleetOverview'];
export type FleetOrg = Schemas['FleetOrg'];
export type DriftItem = Schemas['DriftItem'];
export type FleetAttentionItem = Schemas['FleetAttentionItem'];
export type ProfileRollout = Schemas['ProfileRollout'];
export type ProfileRolloutRequest = Schemas['ProfileRolloutRequest'];

/** The fleet with `baseline` as the baseline of drift; null when the API lacks the extension. */
export function getFleetOverview(orgId: string, baseline: string) {
  return optionalExtension(
    unwrap(
      api.GET('/orgs/{orgId}/console/fleet', {
        params: { path: { orgId }, query: { baseline } },
      }),
    ),
  );
}

/** Starts a rollout of one of `orgId`'s profiles to other organisations. */
export function createProfileRollout(
  orgId: string,
  body: ProfileRolloutRequest,
) {
  return unwrap(
    api.POST('/orgs/{orgId}/console/fleet/rollouts', {
      params: { path: { orgId } },
      body,
    }),
  );
}
