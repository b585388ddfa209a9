/**
 * What a route answers, before it becomes a `Response`: a status, headers and
 * a JSON value or a text body, or a dropped connection. msw needs a
 * `Response` (toResponse, exactly what the handlers built before); the HTTP
 * server (server.ts) writes an answer to the socket directly, without
 * building a `Response` and reading it back, which cost more than most
 * engine calls. Likewise what a route reads of a request ({@link ApiRequest}).
 */

/**
 * What a route reads of a request: a fetch `Request` (from msw), or the
 * lighter object the HTTP server builds (server.ts), since constructing a
 * `Request` cost a sizeable share of a read.
 */
export type ApiRequest = Pick<
  Request,
  'method' | 'url' | 'headers' | 'text' | 'arrayBuffer'
>;

/** A route's answer (see the file comment). */
export type Answer =
  | { status: number; headers?: Record<string, string>; json: unknown }
  | { status: number; headers?: Record<string, string>; text: string | null }
  | { networkError: true };

const encoder = new TextEncoder();
const byteLengthOf = (text: string) => encoder.encode(text).length;

/** Reason phrases of the statuses the API answers, as msw's HttpResponse sets them (browsers show them in errors). */
const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * The answer as a `Response` (what msw handlers return): the status, headers
 * and body of {@link toWire}, as `HttpResponse.json` would make them, and
 * `Response.error()` for a dropped connection. Built without msw, so the HTTP
 * server's path never loads it.
 */
export function toResponse(answer: Answer): Response {
  const wire = toWire(answer, byteLengthOf);
  if (!wire) return Response.error();
  return new Response(wire.body, {
    status: wire.status,
    statusText: STATUS_TEXT[wire.status] ?? '',
    headers: wire.headers,
  });
}

/** An answer as the HTTP server writes it: headers (lower-case names) and the body, null for none. */
export interface WireAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

/**
 * The status, headers and body {@link toResponse}'s `Response` would carry:
 * JSON gets `content-type: application/json` and its `content-length` unless
 * given (as `HttpResponse.json`), text `text/plain;charset=UTF-8` (as `Response`).
 * Undefined for a dropped connection.
 */
export function toWire(
  answer: Answer,
  byteLength: (text: string) => number,
): WireAnswer | undefined {
  if ('networkError' in answer) return undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {}))
    headers[name.toLowerCase()] = value;
  if ('json' in answer) {
    const text = JSON.stringify(answer.json) as string | undefined;
    headers['content-type'] ??= 'application/json';
    headers['content-length'] ??= text ? String(byteLength(text)) : '0';
    return { status: answer.status, headers, body: text ?? null };
  }
  if (answer.text !== null)
    headers['content-type'] ??= 'text/plain;charset=UTF-8';
  return { status: answer.status, headers, body: answer.text };
}
