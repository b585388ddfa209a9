/**
 * The spec's paged lists as answers: `per_page` and `page` read from the
 * query, the engine's `pageOf` (core/paging.ts) cuts the page, and while more
 * follow the answer carries `Link: <path?…&page=TOKEN>; rel="next"` (the
 * request's own query with the next token), as humanitec.yaml describes.
 */
import { EngineError, pageOf, type PageQuery } from '../engine';
import type { Answer, ApiRequest } from './answer';
import { json } from './kit';

/** `per_page` and `page` of the query; a `per_page` that is not a whole number is a 400 naming it. */
export function pageQueryOf(query: URLSearchParams): PageQuery {
  const perPage = query.get('per_page');
  const page = query.get('page');
  if (perPage !== null && perPage !== '' && !/^\d+$/.test(perPage))
    throw new EngineError(
      'invalid',
      `per_page must be a whole number from 1 to 100; got "${perPage.slice(0, 40)}".`,
      { field: 'per_page' },
    );
  return {
    ...(perPage === null || perPage === '' ? {} : { perPage: Number(perPage) }),
    ...(page === null || page === '' ? {} : { page }),
  };
}

/** The page of `items` the request asks for, as a 200 answer with its `Link` header while more follow. */
export function pagedJson<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  request: ApiRequest,
  query: URLSearchParams,
): Answer {
  const { items: page, next } = pageOf(items, keyOf, pageQueryOf(query));
  return pageAnswer(page, next, request);
}

/** A page as a 200 answer: `body`, and while `next` names a following page, its `Link` header. */
export function pageAnswer(
  body: unknown,
  next: string | undefined,
  request: ApiRequest,
): Answer {
  if (next === undefined) return json(body);
  const url = new URL(request.url);
  url.searchParams.set('page', next);
  return json(body, 200, {
    Link: `<${url.pathname}${url.search}>; rel="next"`,
  });
}
