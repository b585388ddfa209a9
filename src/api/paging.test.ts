import { describe, expect, it } from 'vitest';
import { everyPage, pageParams, SPEC_PER_PAGE } from './paging';

/** A paged list of `total` numbers as an API answers it: `per_page` items and a Link header while more follow. */
function pagedApi(total: number) {
  const asked: (string | undefined)[] = [];
  const call = (page: string | undefined) => {
    asked.push(page);
    const start = Number(page ?? 0);
    const end = Math.min(start + pageParams(page).per_page, total);
    const headers = new Headers(
      end < total
        ? {
            Link: `</orgs/acme/pipeline-runs?per_page=100&page=${end}>; rel="next"`,
          }
        : {},
    );
    const data = Array.from({ length: end - start }, (_, i) => start + i);
    return Promise.resolve({ data, response: new Response(null, { headers }) });
  };
  return { call, asked };
}

describe('everyPage', () => {
  it('follows the Link header until the last page and returns every item once', async () => {
    const api = pagedApi(250);
    const items = await everyPage(api.call);
    expect(items).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(api.asked).toEqual([undefined, '100', '200']);
    expect(SPEC_PER_PAGE).toBe(100);
  });

  it('asks once when the first answer has no Link (an API that does not page)', async () => {
    const api = pagedApi(30);
    expect(await everyPage(api.call)).toHaveLength(30);
    expect(api.asked).toEqual([undefined]);
  });
});
