/**
 * The one place where failures become HTTP answers: an `EngineError` code
 * maps to a status, and every error body is the spec's HumanitecErrorResponse
 * `{ error, message, details? }`.
 */
import { HttpResponse } from 'msw';
import { EngineError, type EngineErrorCode } from '../engine';
import type { components } from '../../src/api/schema';

/** The spec's error body. */
export type ErrorBody = components['schemas']['HumanitecErrorResponse'];

/** HTTP status of each engine error code. */
export const STATUS_BY_CODE: Record<EngineErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_large: 413,
};

/** The JSON error answer for an `EngineError`. */
export function engineErrorResponse(error: EngineError): Response {
  const body = {
    error: error.error,
    message: error.message,
    ...(error.details ? { details: error.details } : {}),
  } satisfies ErrorBody;
  const status = STATUS_BY_CODE[error.code];
  // RFC 6750: a 401 says which scheme to use.
  return HttpResponse.json(body, {
    status,
    ...(status === 401
      ? { headers: { 'WWW-Authenticate': 'Bearer realm="humanitec"' } }
      : {}),
  });
}

/**
 * The answer for anything a handler threw: an `EngineError` keeps its status;
 * anything else is a bug in the mock and becomes a generic 500 (logged, never
 * leaked to the client).
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof EngineError) return engineErrorResponse(error);
  console.error('[mock api] unexpected error', error);
  return HttpResponse.json(
    {
      error: 'API-500',
      message:
        'The mock API failed unexpectedly; see the console of the page or server for the cause.',
    } satisfies ErrorBody,
    { status: 500 },
  );
}

/** Wraps a resolver so that whatever it throws becomes an error answer. */
export function withErrors<A extends unknown[]>(
  resolve: (...args: A) => Response | Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await resolve(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
