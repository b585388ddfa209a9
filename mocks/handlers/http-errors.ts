/**
 * The one place where failures become HTTP answers: an `EngineError` code
 * maps to a status, and every error body is the spec's HumanitecErrorResponse
 * `{ error, message, details? }`.
 */
import { EngineError, type EngineErrorCode } from '../engine';
import type { components } from '../../src/api/schema';
import { toResponse, type Answer } from './answer';

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
export function engineErrorAnswer(error: EngineError): Answer {
  const body = {
    error: error.error,
    message: error.message,
    ...(error.details ? { details: error.details } : {}),
  } satisfies ErrorBody;
  const status = STATUS_BY_CODE[error.code];
  // RFC 6750: a 401 says which scheme to use.
  return {
    status,
    json: body,
    ...(status === 401
      ? { headers: { 'WWW-Authenticate': 'Bearer realm="humanitec"' } }
      : {}),
  };
}

/** {@link engineErrorAnswer} as a `Response`. */
export function engineErrorResponse(error: EngineError): Response {
  return toResponse(engineErrorAnswer(error));
}

/**
 * The answer for anything a handler threw: an `EngineError` keeps its status;
 * anything else is a bug in the mock and becomes a generic 500 (logged, never
 * leaked to the client).
 */
export function errorAnswer(error: unknown): Answer {
  if (error instanceof EngineError) return engineErrorAnswer(error);
  console.error('[mock api] unexpected error', error);
  return {
    status: 500,
    json: {
      error: 'API-500',
      message:
        'The mock API failed unexpectedly; see the console of the page or server for the cause.',
    } satisfies ErrorBody,
  };
}

/** {@link errorAnswer} as a `Response`. */
export function errorResponse(error: unknown): Response {
  return toResponse(errorAnswer(error));
}

/** Wraps a resolver so that whatever it throws becomes an error {@link Answer}. */
export function withErrorAnswers<A extends unknown[]>(
  resolve: (...args: A) => Answer | Promise<Answer>,
): (...args: A) => Promise<Answer> {
  return async (...args) => {
    try {
      return await resolve(...args);
    } catch (error) {
      return errorAnswer(error);
    }
  };
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
