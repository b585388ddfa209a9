/**
 * The mock API's routes for every operation in HANDLED_OPERATIONS, over an
 * engine the caller provides, without msw: the HTTP server (server.ts) answers
 * with {@link createRouter} and never loads msw (about 0.4 s of its start-up);
 * index.ts turns the same routes into msw handlers for the browser worker
 * (browser.ts) and Vitest (node.ts).
 */
import type { Engine } from '../engine';
import { accountRoutes } from './accounts';
import { appRoutes } from './apps';
import { artefactRoutes, registryRoutes } from './artefacts';
import { auditRoutes, withAudit } from './audit';
import { cloneRoutes } from './clone';
import { consoleRoutes, type ConsoleRouteOptions } from './console';
import { consoleNavigationRoutes } from './console-navigation';
import { consoleHealthRoutes } from './console-health';
import { deltaRoutes } from './deltas';
import { deployRoutes } from './deploys';
import { driverRoutes } from './drivers';
import { fleetRoutes } from './fleet';
import { metricsRoutes } from './metrics';
import { envRoutes } from './envs';
import { envTypeRoutes } from './envtypes';
import type { Answer, ApiRequest } from './answer';
import { json } from './kit';
import { createFaultInjector, withFaults, type FaultSource } from './faults';
import type { RouteDef } from './kit';
import { orgRoutes } from './orgs';
import {
  pipelineApprovalRoutes,
  pipelineRoutes,
  pipelineRunRoutes,
} from './pipelines';
import { profileRoutes } from './profiles';
import { provisioningRoutes } from './provisioning';
import { resourceDefRoutes } from './resourcedefs';
import { resourceTypeRoutes } from './resource-types';
import { runtimeRoutes } from './runtime';
import { compileRoutes, matchRoute } from './router';
import { scoreRoutes } from './score';
import { agentRoutes } from './agents';
import { localRunRoutes } from './local-run';
import { envStreamRoutes } from './env-stream';
import { shellRoutes } from './shell';
import { gitopsRoutes } from './gitops';
import { secretStoreRoutes } from './secretstores';
import { setRoutes } from './sets';
import { tokenRoutes, userRoutes } from './users';
import { valueRoutes, valueSetVersionRoutes } from './values';

export { HANDLED_OPERATIONS, type HandledOperation } from './operation-ids';
export { MAX_BODY_BYTES } from './validate';
export { STATUS_BY_CODE } from './http-errors';
export {
  toWire,
  type Answer,
  type ApiRequest,
  type WireAnswer,
} from './answer';

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
    ...artefactRoutes,
    ...registryRoutes,
    ...valueRoutes,
    ...valueSetVersionRoutes,
    ...auditRoutes,
    ...secretStoreRoutes,
    ...envTypeRoutes,
    ...resourceDefRoutes,
    ...provisioningRoutes,
    ...driverRoutes,
    ...accountRoutes,
    ...resourceTypeRoutes,
    ...scoreRoutes,
    ...agentRoutes,
    ...localRunRoutes,
    ...envStreamRoutes,
    ...shellRoutes,
    ...gitopsRoutes,
  ];
}

/** `/orgs/{orgId}` → `/orgs/:orgId`. */
export function toMswPath(specPath: string): string {
  return specPath.replace(/\{([^}]+)\}/g, ':$1');
}

export function stringParams(
  params: Record<string, string | readonly string[] | undefined>,
) {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/**
 * The route definitions with the audit log's recording (audit.ts: every
 * mutating call a route answers) and fault injection applied (when asked
 * for), and the `around` hook. Faults wrap the recording: a call an injected
 * 500 or dropped connection never let through is not recorded, one whose
 * answer an injected time-out lost is, with the status it really had.
 */
export function boundRoutes(options: HandlerOptions) {
  const injector = options.faults
    ? createFaultInjector(options.faults)
    : undefined;
  const defs = createRoutes(options).map((route) => {
    const recorded = withAudit(route);
    return injector ? withFaults(recorded, injector) : recorded;
  });
  const around =
    options.around ??
    ((_request: Request, answer: () => Promise<Response>) => answer());
  return { defs, around };
}

/** The answer to a request under the base that no operation serves. */
export function notFound(request: ApiRequest): Answer {
  return json(
    {
      error: 'API-404',
      message: `The mock API has no endpoint ${request.method} ${new URL(request.url).pathname}.`,
    },
    404,
  );
}

/**
 * What the HTTP server (server.ts) answers with: the same routes and answers
 * as {@link createHandlers} with `base: ''` under msw's `getResponse`, matched
 * by router.ts, which compiles each path once, and given as {@link Answer}s,
 * which the server writes without building a `Response`. Resolves to
 * undefined for a request on another origin than `baseUrl` (which msw would
 * not match either).
 */
export function createRouter(
  getEngine: () => Engine,
  options: Omit<HandlerOptions, 'base' | 'around'> & {
    /**
     * A path prefix the requests carry before the API's paths (`/api` for the
     * browser's engine worker, whose requests keep the page's URLs, so fault
     * injection sees the paths it always saw); none for the HTTP server.
     */
    pathPrefix?: string;
  },
): (request: ApiRequest, baseUrl: string) => Promise<Answer | undefined> {
  const { defs } = boundRoutes({ ...options, base: '' });
  const routes = compileRoutes(defs);
  const origins = new Map<string, string>();
  return async (request, baseUrl) => {
    const url = new URL(request.url);
    let origin = origins.get(baseUrl);
    if (origin === undefined) {
      origin = new URL(baseUrl).origin;
      origins.set(baseUrl, origin);
    }
    if (url.origin !== origin) return undefined;
    const { pathPrefix = '' } = options;
    const path = url.pathname.startsWith(`${pathPrefix}/`)
      ? url.pathname.slice(pathPrefix.length)
      : url.pathname;
    const found = matchRoute(routes, request.method, path);
    if (!found) return notFound(request);
    return found.route.def.answer(getEngine(), request, found.params);
  };
}
