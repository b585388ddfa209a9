import createClient, { type Middleware } from 'openapi-fetch';
import { config } from '@/config/env';
import type { paths } from './schema';
import type { paths as extensionPaths } from './schema-extensions';
import type { components } from './schema';

/** The spec's error body. */
export type ErrorBody = components['schemas']['HumanitecErrorResponse'];

/** A non-2xx answer of the API, with its status and the spec's error body. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }
}

/**
 * Normalises whatever an error response carried into the spec's error body:
 * the object itself, a bare JSON string (the 404 the spec types so for
 * getSet, getDiff and getDelta) as its message, or an array of string maps
 * (deleteEnvironmentType's 409, one per environment) as its first item with
 * the rest in `details.items`.
 */
export function toErrorBody(status: number, raw: unknown): ErrorBody {
  if (
    Array.isArray(raw) &&
    raw.length > 0 &&
    raw[0] &&
    typeof raw[0] === 'object' &&
    'message' in raw[0]
  ) {
    const first = toErrorBody(status, raw[0]);
    return { ...first, details: { ...first.details, items: raw } };
  }
  if (raw && typeof raw === 'object' && 'message' in raw) {
    const { error, message, details } = raw as Partial<ErrorBody>;
    return {
      error: typeof error === 'string' ? error : `API-${status}`,
      message: String(message),
      ...(details && typeof details === 'object' ? { details } : {}),
    };
  }
  const text = typeof raw === 'string' && raw.trim() ? raw.trim() : undefined;
  return {
    error: `API-${status}`,
    message: text ?? `The API answered ${status}.`,
  };
}

let token: string | undefined = config.token;

/** Sets the bearer token used by every request (kept in memory only). */
export function setApiToken(next: string | undefined) {
  token = next;
}

/** The bearer token in use, if any. */
export function getApiToken() {
  return token;
}

let ready: Promise<unknown> = Promise.resolve();

/**
 * Holds every API request until `promise` settles: the embedded engine starts
 * while the first page renders, and requests made before it answers wait for it.
 * If it fails, each request fails with its reason.
 */
export function holdApiRequestsUntil(promise: Promise<unknown>) {
  ready = promise;
}

/** Resolves when requests may go out (see {@link holdApiRequestsUntil}). */
export async function apiReady() {
  try {
    await ready;
  } catch (cause) {
    throw new ApiError(0, {
      error: 'NETWORK',
      message: `The embedded engine did not start (${cause instanceof Error ? cause.message : String(cause)}). Reload the page to try again.`,
    });
  }
}

const auth: Middleware = {
  async onRequest({ request }) {
    await apiReady();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

function baseUrl() {
  const base = config.apiBase;
  if (/^https?:/.test(base) || typeof window === 'undefined') return base;
  return new URL(base, window.location.origin).toString().replace(/\/$/, '');
}

/**
 * A typed client over the generated paths of the Humanitec API and our
 * extensions, for a base URL and a token source (the CLI makes its own).
 */
export function createApiClient(options: {
  baseUrl: string;
  token?: () => string | undefined;
}) {
  const client = createClient<paths & extensionPaths>({
    baseUrl: options.baseUrl,
    // Resolve fetch per call, so that interceptors installed later (MSW in tests) apply.
    fetch: (request) => globalThis.fetch(request),
  });
  const getToken = options.token;
  if (getToken) {
    client.use({
      onRequest({ request }) {
        const value = getToken();
        if (value) request.headers.set('Authorization', `Bearer ${value}`);
        return request;
      },
    });
  }
  return client;
}

/** The console's typed client (token from {@link setApiToken}). */
export const api = createApiClient({ baseUrl: baseUrl() });
api.use(auth);

type Result<T> = { data?: T; error?: unknown; response: Response };

/** Returns the data of a typed call, or throws `ApiError` for a non-2xx answer. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, {
      error: 'NETWORK',
      message: `The API could not be reached (${cause instanceof Error ? cause.message : String(cause)}). Check your connection and retry.`,
    });
  }
  if (!result.response.ok) {
    throw new ApiError(
      result.response.status,
      toErrorBody(result.response.status, result.error),
    );
  }
  return result.data as T;
}
