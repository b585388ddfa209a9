/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import { authorize } from '../access';
import { getDoraReport, type DoraReport } from './ops';

/** DORA metrics. */
export interface DoraEngine {
  /** DORA metrics of an organisation (or one app) over 30 or 90 days (console extension). */
  getDoraMetrics(
    actor: Actor,
    orgId: string,
    options?: { window?: string | null; appId?: string | null },
  ): DoraReport;
}

/** The dora methods over the engine's runners. */
export function doraMethods({ read }: Runners): DoraEngine {
  return {
    getDoraMetrics: (actor, orgId, options) =>
      read(actor, (ctx) => {
        authorize(ctx, { action: 'org.read', orgId });
        return getDoraReport(ctx, orgId, options);
      }),
  };
}
