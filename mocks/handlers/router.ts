/**
 * Route matching for the HTTP server (server.ts): which operation a request
 * is for, decided as msw decides it for the handlers of createHandlers, at a
 * fraction of the cost. msw's `getResponse` tries its handlers in order and,
 * for each one, parses the request's cookies and compiles the handler's path
 * to a regular expression (path-to-regexp) before it even compares the
 * method: about a hundred compilations per request. Here every spec path is
 * split into segments once, and a request is compared segment by segment.
 *
 * The rules are path-to-regexp's as msw uses them (`router.test.ts` checks
 * them against msw's own `matchRequestUrl`): routes are tried in order and
 * the first whose method and path match wins; the URL must be on the server's
 * origin; a literal segment matches case-insensitively; a parameter is one
 * non-empty segment, percent-decoded; one trailing `/` is allowed.
 */
import type { RouteDef } from './kit';
import { OPERATIONS } from './operations.gen';

type Segment = { literal: string } | { param: string };

/** A route with its method and path split into segments. */
export interface CompiledRoute {
  def: RouteDef;
  method: string;
  segments: Segment[];
}

/** What a request matched: its route and path parameters. */
export interface RouteMatch {
  route: CompiledRoute;
  params: Record<string, string>;
}

/** `/orgs/{orgId}/apps` → its segments (the spec's paths have only literal and whole-segment parameter segments). */
function segmentsOf(specPath: string): Segment[] {
  return specPath
    .split('/')
    .slice(1)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (param) return { param: param[1] };
      if (/[{}:*?()+]/.test(part))
        throw new Error(
          `The path ${specPath} has a segment the router cannot match (${part}).`,
        );
      return { literal: part.toLowerCase() };
    });
}

/** Compiles route definitions (in the order msw would try them). */
export function compileRoutes(defs: readonly RouteDef[]): CompiledRoute[] {
  return defs.map((def) => {
    const { method, path } = OPERATIONS[def.operationId];
    return { def, method: method.toUpperCase(), segments: segmentsOf(path) };
  });
}

/** The parameters when `pathname` (as `URL.pathname` gives it) matches `segments`, else undefined. */
function matchSegments(
  segments: readonly Segment[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    const part = parts[i];
    if ('literal' in segment) {
      if (part.toLowerCase() !== segment.literal) return undefined;
    } else {
      if (part === '') return undefined;
      params[segment.param] = decodeURIComponent(part);
    }
  }
  return params;
}

/** The first route that matches the method and path of `url`, or undefined. */
export function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  pathname: string,
): RouteMatch | undefined {
  // One trailing slash is allowed; what remains splits into segments after the leading slash.
  const trimmed =
    pathname.length > 1 && pathname.endsWith('/')
      ? pathname.slice(0, -1)
      : pathname;
  const parts = trimmed.split('/').slice(1);
  const wanted = method.toUpperCase();
  for (const route of routes) {
    if (route.method !== wanted) continue;
    const params = matchSegments(route.segments, parts);
    if (params) return { route, params };
  }
  return undefined;
}
