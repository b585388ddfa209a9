/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import { appReaderKey, appReadFilter, guards } from '../access';
import { buildNavigationIndex, type NavigationIndex } from './ops';
import {
  buildNavigationPage,
  type NavigationPage,
  type NavigationPageQuery,
} from './paging';

/** The navigation index. */
export interface NavigationEngine {
  /** Compact rows of the apps the caller may read, their environments and recent deployments (console extension). */
  navigationIndex(
    actor: Actor,
    orgId: string,
    deploysPerEnv?: number,
  ): NavigationIndex;
  /** One page of the index (`per_page`, `page`, `q`, `sort`; see paging.ts). */
  navigationPage(
    actor: Actor,
    orgId: string,
    query: NavigationPageQuery,
  ): NavigationPage;
}

/** The navigation methods over the engine's runners. */
export function navigationMethods(runners: Runners): NavigationEngine {
  const { readOrg } = guards(runners);
  return {
    navigationIndex: (actor, orgId, deploysPerEnv) =>
      readOrg(actor, orgId, (ctx) =>
        buildNavigationIndex(
          ctx.state,
          orgId,
          appReadFilter(ctx, orgId),
          deploysPerEnv,
        ),
      ),
    navigationPage: (actor, orgId, query) =>
      readOrg(actor, orgId, (ctx) =>
        buildNavigationPage(
          ctx.state,
          orgId,
          appReadFilter(ctx, orgId),
          query,
          appReaderKey(ctx),
        ),
      ),
  };
}
