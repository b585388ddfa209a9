/**
 * The mock API: MSW handlers for every operation in HANDLED_OPERATIONS, over
 * an engine the caller provides. The same handlers serve the browser worker
 * (browser.ts), Vitest (node.ts) and the HTTP server (server.ts).
 */
import { http, type HttpHandler } from 'msw';
import type { Engine } from '../engine';
import { appRoutes } from './apps';
import { cloneRoutes } from './clone';
import { consoleRoutes, type ConsoleRouteOptions } from './console';
import { consoleNavigationRoutes } from './console-navigation';
import { consoleHealthRoutes } from './console-health';
import { deltaRoutes } from './deltas';
import { deployRoutes } from './deploys';
import { fleetRoutes } from './fleet';
import { metricsRoutes } from './metrics';
import { envRoutes } from './envs';
import { json } from './kit';
import { createFaultInjector, withFaults, type FaultSource } from './faults';
import type { RouteDef } from './kit';
import { OPERATIONS } from './operations.gen';
import { orgRoutes } from './orgs';
import {
  pipelineApprovalRoutes,
  pipelineRoutes,
  pipelineRunRoutes,
} from './pipelines';
import { profileRoutes } from './profiles';
import { runtimeRoutes } from './runtime';
import { setRoutes } from './sets';
import { tokenRoutes, userRoutes } from './users';

export { HANDLED_OPERATIONS, type HandledOperation } from './operation-ids';
export { MAX_BODY_BYTES } from './validate';
export { STATUS_BY_CODE } from './http-errors';

/** Options of {@link createHandlers}. */
export interface HandlerOptions extends ConsoleRouteOptions {
  /**
   * Prefix of every path: `/api` in the browser (resolved against the page's
   * origin), `*\/api` to match any origin (Vitest), `` for the HTTP server
   * (whose requests are resolved against its own base URL).
   */
  base: string;
  /** Fault injection (faults.ts, README "Fault injection"): off when absent or when the source gives undefined. */
  faults?: FaultSource;
  /**
   * Runs around every answered request (e.g. the browser's cross-tab lock and
   * refresh, mocks/persistence/tab-sync.ts); `answer` produces the response.
   */
  around?: (
    request: Request,
    answer: () => Promise<Response>,
  ) => Promise<Response>;
}

/** Every route definition, in spec order. */
export function createRoutes(options: ConsoleRouteOptions = {}): RouteDef[] {
  return [
    ...userRoutes,
    ...tokenRoutes,
    ...orgRoutes,
    ...appRoutes,
    ...envRoutes,
    ...deployRoutes,
    ...setRoutes,
    ...deltaRoutes,
    ...runtimeRoutes,
    ...profileRoutes,
    ...consoleRoutes(options),
    ...consoleNavigationRoutes,
    ...consoleHealthRoutes,
    ...pipelineRoutes,
    ...pipelineRunRoutes,
    ...pipelineApprovalRoutes,
    ...fleetRoutes,
    ...metricsRoutes,
    ...cloneRoutes,
  ];
}

/** `/orgs/{orgId}` → `/orgs/:orgId`. */
export function toMswPath(specPath: string): string {
  return specPath.replace(/\{([^}]+)\}/g, ':$1');
}

function stringParams(
  params: Record<string, string | readonly string[] | undefined>,
) {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/**
 * The full handler array. `getEngine` is called on every request, so tests
 * can swap the engine (runtime.ts) without recreating the handlers. Requests
 * under `base` that match no operation get a 404 in the spec's error shape.
 */
export function createHandlers(
  getEngine: () => Engine,
  options: HandlerOptions,
): HttpHandler[] {
  const base = options.base.replace(/\/$/, '');
  const injector = options.faults
    ? createFaultInjector(options.faults)
    : undefined;
  const handlers = createRoutes(options).map((route) => {
    const def = injector ? withFaults(route, injector) : route;
    const { method, path } = OPERATIONS[def.operationId];
    const around =
      options.around ??
      ((_request: Request, answer: () => Promise<Response>) => answer());
    return http[method](`${base}${toMswPath(path)}`, ({ request, params }) =>
      around(request, () =>
        def.handle(getEngine(), request, stringParams(params)),
      ),
    );
  });
  const notFound = http.all(`${base}/*`, ({ request }) =>
    json(
      {
        error: 'API-404',
        message: `The mock API has no endpoint ${request.method} ${new URL(request.url).pathname}.`,
      },
      404,
    ),
  );
  return [...handlers, notFound];
}
