import {
  EngineError,
  NAVIGATION_DEPLOYS_PER_ENV,
  type NavigationPageQuery,
} from '../engine';
import { json, route, type Dto } from './kit';

/** `?deploys_per_env=<0…50>`, or undefined when absent. */
function deploysPerEnv(query: URLSearchParams): number | undefined {
  const value = query.get('deploys_per_env');
  if (value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > NAVIGATION_DEPLOYS_PER_ENV.max) {
    throw new EngineError(
      'invalid',
      `deploys_per_env must be an integer from 0 to ${NAVIGATION_DEPLOYS_PER_ENV.max}; got "${value}"`,
    );
  }
  return n;
}

const PAGE_PARAMS = ['per_page', 'page', 'q', 'sort'] as const;

/**
 * The page asked for, or undefined when none of `per_page`, `page`, `q` and
 * `sort` is given (the whole index). `per_page` goes to the engine as a
 * number (NaN when not one), which checks its range.
 */
function pageQuery(query: URLSearchParams): NavigationPageQuery | undefined {
  if (!PAGE_PARAMS.some((name) => query.has(name))) return undefined;
  const perPage = query.get('per_page');
  return {
    perPage:
      perPage === null
        ? undefined
        : /^\d+$/.test(perPage)
          ? Number(perPage)
          : NaN,
    page: query.get('page') ?? undefined,
    q: query.get('q') ?? undefined,
    sort: (query.get('sort') ?? undefined) as NavigationPageQuery['sort'],
    deploysPerEnv: deploysPerEnv(query),
  };
}

/** `<path?…&page=next>; rel="next"`: the request's own query with the next token (as the spec's paged lists). */
function nextLink(url: string, next: string): string {
  const at = new URL(url);
  at.searchParams.set('page', next);
  return `<${at.pathname}${at.search}>; rel="next"`;
}

/** The console's navigation index (console-extensions.yaml), whole or a page at a time. */
export const consoleNavigationRoutes = [
  route('getNavigationIndex', ({ engine, actor, params, query, request }) => {
    const paged = pageQuery(query);
    if (!paged)
      return json(
        engine.navigationIndex(
          actor,
          params.orgId,
          deploysPerEnv(query),
        ) satisfies Dto['NavigationIndex'],
      );
    const { index, next } = engine.navigationPage(actor, params.orgId, paged);
    return json(
      index satisfies Dto['NavigationIndex'],
      200,
      next ? { Link: nextLink(request.url, next) } : undefined,
    );
  }),
];
