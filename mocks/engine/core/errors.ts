/** Why an engine call was refused; http-errors.ts maps each code to an HTTP status. */
export type EngineErrorCode =
  | 'invalid' // 400: the input is malformed or does not fit (e.g. an incompatible delta)
  | 'unauthorized' // 401: no valid token
  | 'forbidden' // 403: the user lacks a role
  | 'not_found' // 404
  | 'conflict' // 409: e.g. a deployment is already running
  | 'unprocessable' // 422: e.g. an Idempotency-Key reused with another request
  | 'too_large'; // 413: the request body is too large

/**
 * A typed refusal of the engine. `error` is the spec's short error code
 * (HumanitecErrorResponse.error, e.g. "API-400"), `message` a sentence a
 * person can act on, `details` optional structured context (e.g. the JSON path).
 */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly error: string;
  readonly details?: Record<string, unknown>;

  constructor(
    code: EngineErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.error = ERROR_CODES[code];
    this.details = details;
  }
}

const ERROR_CODES: Record<EngineErrorCode, string> = {
  invalid: 'API-400',
  unauthorized: 'API-401',
  forbidden: 'API-403',
  not_found: 'API-404',
  conflict: 'API-409',
  unprocessable: 'API-422',
  too_large: 'API-413',
};

/** The EngineError `run` throws (for tests of refusals); anything else it throws is thrown again, and not throwing is an error. */
export function refusal(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('Expected an EngineError, but the call succeeded.');
}
