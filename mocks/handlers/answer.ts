/**
 * What a route answers, before it becomes a `Response`: a status, headers and
 * a JSON value or a text body, or a dropped connection. msw needs a
 * `Response` (toResponse, exactly what the handlers built before); the HTTP
 * server (server.ts) writes an answer to the socket directly, without
 * building a `Response` and reading it back, which cost more than most
 * engine calls. Likewise what a route reads of a request ({@link ApiRequest}).
 */
import { HttpResponse, type JsonBodyType } from 'msw';

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

/** The answer as msw takes it: `HttpResponse.json` for JSON, `HttpResponse` for text, `Response.error()` for a dropped connection. */
export function toResponse(answer: Answer): Response {
  if ('networkError' in answer) return HttpResponse.error();
  const { status, headers } = answer;
  // Engine results are interfaces, which msw's JsonBodyType (an index-signature
  // type) does not accept; callers check them with `satisfies Dto[...]` instead.
  if ('json' in answer)
    return HttpResponse.json(answer.json as JsonBodyType, { status, headers });
  return new HttpResponse(answer.text, { status, headers });
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
