import { ApiError } from '@/api/client';

/** What went wrong, said so a person can act on it. */
export interface ErrorView {
  title: string;
  message: string;
  status?: number;
  code?: string;
  /**
   * Whether trying again may help (no answer, a time-out, rate limiting, a
   * server error); with `hint`, what to do about it.
   */
  retryable?: boolean;
  hint?: string;
}

const TITLES: Record<number, string> = {
  0: 'The API could not be reached',
  400: 'The request was refused',
  401: 'You are not signed in',
  403: 'You do not have permission',
  404: 'Not found',
  408: 'The request timed out',
  409: 'Conflict',
  413: 'The request is too large',
  422: 'The request could not be processed',
  429: 'Too many requests',
  500: 'The API failed',
  502: 'The API is unavailable',
  503: 'The API is unavailable',
  504: 'The API did not answer in time',
};

/** Statuses after which the same request may well succeed. */
export function isRetryableStatus(status: number) {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/**
 * A 409 that refuses an id already taken (not a change made meanwhile): reloading would not help. Not "already
 * has the role" (someone added it meanwhile: reload) nor a key "already registered for" an agent (a new key helps).
 */
const TAKEN =
  /\b(already exists|exists already|is already registered in organisation|already has the class)\b/i;

function hintFor(status: number, message = ''): string | undefined {
  if (status === 0)
    return 'Check your network connection (or VPN), then retry. Your unsaved input is kept.';
  if (status === 504 || status === 408) {
    return 'The request may still have been carried out. Retrying is safe: a retried change is sent with the same Idempotency-Key, so it is not applied twice.';
  }
  if (status === 429 || status >= 500)
    return 'This is usually temporary: wait a moment, then retry. Your unsaved input is kept.';
  if (status === 409 && TAKEN.test(message))
    return 'Choose another name or id, or change the one that exists. Your input is kept.';
  if (status === 409)
    return 'Someone or something else changed it first. Reload to see the current state; your unsaved input is kept.';
  return undefined;
}

/** Turns any thrown value into an ErrorView. */
export function describeError(error: unknown): ErrorView {
  if (error instanceof ApiError) {
    const retryable = isRetryableStatus(error.status);
    const hint = hintFor(error.status, error.body.message);
    const taken = error.status === 409 && TAKEN.test(error.body.message);
    return {
      title: taken
        ? 'It exists already'
        : (TITLES[error.status] ??
          (error.status >= 500 ? 'The API failed' : 'Request failed')),
      message: error.body.message,
      status: error.status,
      code: error.body.error,
      retryable,
      ...(hint ? { hint } : {}),
    };
  }
  return {
    title: 'Something went wrong',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** Whether the error means "this thing does not exist". */
export function isNotFound(error: unknown) {
  return error instanceof ApiError && error.status === 404;
}
