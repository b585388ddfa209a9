import { nextPageToken } from './navigation';
import { unwrap } from './client';

/** Items per request when reading every page of a spec's paged list (its maximum `per_page`). */
export const SPEC_PER_PAGE = 100;

/** At most this many pages are read (10,000 items): a runaway list is cut, not read forever. */
const MAX_PAGES = 100;

type PageResult<T> = Promise<{
  data?: T[];
  error?: unknown;
  response: Response;
}>;

/**
 * Every item of a spec's paged list (`per_page`, `page`, `Link: <…>; rel="next"`):
 * `call(page)` asks for one page (undefined: the first) with `per_page`
 * {@link SPEC_PER_PAGE}; the pages follow the Link header until it is absent.
 * An API that ignores paging answers everything at once without a Link.
 */
export async function everyPage<T>(
  call: (page: string | undefined) => PageResult<T>,
): Promise<T[]> {
  const items: T[] = [];
  let page: string | undefined;
  for (let count = 0; count < MAX_PAGES; count += 1) {
    const request = call(page);
    items.push(...(await unwrap(request)));
    page = nextPageToken((await request).response.headers.get('link'));
    if (page === undefined) break;
  }
  return items;
}

/** The query of one page: `per_page` and, after the first, its token. */
export const pageParams = (page: string | undefined) => ({
  per_page: SPEC_PER_PAGE,
  ...(page === undefined ? {} : { page }),
});
