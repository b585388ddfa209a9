/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import { appReadFilter, authorize, authorizeApp } from '../access';
import { getDoraReport, type DoraReport } from './ops';

/** DORA metrics. */
export interface DoraEngine {
  /** DORA metrics of the apps the caller may read (or one app, 403 without a role on it) over 30 or 90 days (console extension). */
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
        if (options?.appId) authorizeApp(ctx, orgId, options.appId);
        return getDoraReport(ctx, orgId, appReadFilter(ctx, orgId), options);
      }),
  };
}
