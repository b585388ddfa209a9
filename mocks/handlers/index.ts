/**
 * The mock API as msw handlers: the routes of routes.ts for the browser
 * worker (browser.ts) and Vitest (node.ts). The HTTP server (server.ts) uses
 * routes.ts directly.
 */
import { http, type HttpHandler } from 'msw';
import type { Engine } from '../engine';
import { toResponse } from './answer';
import { OPERATIONS } from './operations.gen';
import {
  boundRoutes,
  notFound,
  stringParams,
  toMswPath,
  type HandlerOptions,
} from './routes';

export * from './routes';

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
  const { defs, around } = boundRoutes(options);
  const handlers = defs.map((def) => {
    const { method, path } = OPERATIONS[def.operationId];
    return http[method](`${base}${toMswPath(path)}`, ({ request, params }) =>
      around(request, () =>
        def.handle(getEngine(), request, stringParams(params)),
      ),
    );
  });
  return [
    ...handlers,
    http.all(`${base}/*`, ({ request }) => toResponse(notFound(request))),
  ];
}
