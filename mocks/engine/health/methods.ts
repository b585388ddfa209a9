/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import { appReadFilter, guards } from '../access';
import type { AppHealth, EnvironmentHealth, OrgHealth } from './compute';
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
  /** The organisation's health over the apps the caller may read: apps, legend, "needs attention" (console extension). */
  getOrgHealth(actor: Actor, orgId: string): OrgHealth;
  /** One page of what needs attention (per_page / page token), its total and the page's apps (console extension). */
  getOrgHealthPage(
    actor: Actor,
    orgId: string,
    query: PageQuery,
  ): health.OrgHealthPage;
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
        health.getOrgHealth(ctx, orgId, appReadFilter(ctx, orgId)),
      ),
    getOrgHealthPage: (actor, orgId, query) =>
      readOrg(actor, orgId, (ctx) =>
        health.getOrgHealthPage(ctx, orgId, appReadFilter(ctx, orgId), query),
      ),
  };
}
