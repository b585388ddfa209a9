/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import type { OpContext } from '../core/lookup';
import { appReadFilter, can, guards } from '../access';
import type { AppHealth, ConsoleOrgHealth, EnvironmentHealth } from './compute';
import type { PageQuery } from '../core/paging';
import * as health from './ops';

/** Health of environments, apps and organisations. */
export interface HealthEngine {
  /** The health of an environment (the model in health.ts; console extension). */
  getEnvHealth(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
  ): EnvironmentHealth;
  /** The health of an app and each of its environments (console extension). */
  getAppHealth(actor: Actor, orgId: string, appId: string): AppHealth;
  /**
   * The organisation's health over the apps the caller may read: apps,
   * legend, "needs attention" led by the pipeline approvals waiting for the
   * caller (in those apps, to environments it may deploy to; console extension).
   */
  getOrgHealth(actor: Actor, orgId: string): ConsoleOrgHealth;
  /** One page of what needs attention (per_page / page token), its total and the page's apps (console extension). */
  getOrgHealthPage(
    actor: Actor,
    orgId: string,
    query: PageQuery,
  ): health.OrgHealthPage;
}

/**
 * What the caller may see of the organisation's health: the apps it reads
 * (its roles and token scope) and, of their waiting approvals, those it may
 * decide (`env.deploy` on the environment's type, as deciding needs; a
 * read-only token decides nothing). Never wider than reading the app.
 */
function viewerOf(ctx: OpContext, orgId: string): health.AttentionViewer {
  return {
    readable: appReadFilter(ctx, orgId),
    mayDecide: (appId, envType) =>
      can(ctx, { action: 'env.deploy', orgId, appId, envType }),
  };
}

/** The health methods over the engine's runners. */
export function healthMethods(runners: Runners): HealthEngine {
  const { readApp, readOrg } = guards(runners);
  return {
    getEnvHealth: (actor, orgId, appId, envId) =>
      readApp(actor, orgId, appId, (ctx) =>
        health.getEnvHealth(ctx, orgId, appId, envId),
      ),
    getAppHealth: (actor, orgId, appId) =>
      readApp(actor, orgId, appId, (ctx) =>
        health.getAppHealth(ctx, orgId, appId),
      ),
    getOrgHealth: (actor, orgId) =>
      readOrg(actor, orgId, (ctx) =>
        health.getConsoleOrgHealth(ctx, orgId, viewerOf(ctx, orgId)),
      ),
    getOrgHealthPage: (actor, orgId, query) =>
      readOrg(actor, orgId, (ctx) =>
        health.getOrgHealthPage(ctx, orgId, viewerOf(ctx, orgId), query),
      ),
  };
}
