import { ApiError } from '@/api/client';

/** What went wrong, said so a person can act on it. */
export interface ErrorView {
  title: string;
  message: string;
  status?: number;
  code?: string;
}

const TITLES: Record<number, string> = {
  0: 'The API could not be reached',
  400: 'The request was refused',
  401: 'You are not signed in',
  403: 'You do not have permission',
  404: 'Not found',
  409: 'Conflict',
  413: 'The request is too large',
};

/** Turns any thrown value into an ErrorView. */
export function describeError(error: unknown): ErrorView {
  if (error instanceof ApiError) {
    return {
      title: TITLES[error.status] ?? (error.status >= 500 ? 'The API failed' : 'Request failed'),
      message: error.body.message,
      status: error.status,
      code: error.body.error,
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
