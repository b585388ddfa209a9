/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import { appReadFilter, authorize } from '../access';
import type { FleetOverview, ProfileRollout } from './model';
import { getFleetOverview } from './ops';
import { createRollout, listRollouts } from './rollout';

/** The fleet overview and profile rollouts. */
export interface FleetEngine {
  /**
   * The fleet (console extension): every organisation the caller is a member
   * of, with health, a needs-attention inbox across them, drift from the
   * baseline organisation and its profile rollouts; in each organisation only
   * the apps the caller may read count.
   */
  getFleetOverview(actor: Actor, baselineOrgId: string): FleetOverview;
  /** Profile rollouts from or to an organisation, newest first. */
  listProfileRollouts(actor: Actor, orgId: string): ProfileRollout[];
  /** Starts a rollout of `orgId`'s current version of a profile to other organisations, one at a time. */
  createProfileRollout(
    actor: Actor,
    orgId: string,
    input: unknown,
  ): ProfileRollout;
}

/** The fleet methods over the engine's runners. */
export function fleetMethods({ read, write }: Runners): FleetEngine {
  return {
    getFleetOverview: (actor, baselineOrgId) =>
      read(actor, (ctx) => {
        authorize(ctx, { action: 'org.read', orgId: baselineOrgId });
        // Each organisation shows only the apps the caller may read there.
        return getFleetOverview(ctx, baselineOrgId, (orgId) =>
          appReadFilter(ctx, orgId),
        );
      }),
    listProfileRollouts: (actor, orgId) =>
      read(actor, (ctx) => {
        authorize(ctx, { action: 'org.read', orgId });
        return listRollouts(ctx, orgId);
      }),
    // A rollout changes every target's profiles: administrators of the source and of every target only.
    createProfileRollout: (actor, orgId, input) =>
      write(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.manage',
          orgId,
          doing: `Rolling out workload profiles from ${orgId}`,
        });
        const rollout = createRollout(ctx, orgId, input);
        for (const step of rollout.steps) {
          authorize(ctx, {
            action: 'org.manage',
            orgId: step.org_id,
            doing: `Rolling out workload profiles to ${step.org_id}`,
          });
        }
        return rollout;
      }),
  };
}
