// Pages of the navigation index over HTTP (console-navigation.ts): the spec's paging style, a `Link:
// <path?…&page=TOKEN>; rel="next"` header while more follow and none on the last page, following the links
// reaches every app once, a bad per_page or token is a 400 that says what to send, and without paging
// parameters the whole index as before.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ORG_ID, DEMO_TOKENS } from '../fixtures';
import { resetTestEngine, server, TEST_API_URL } from '../node';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => void resetTestEngine());
afterAll(() => server.close());

const INDEX = `${TEST_API_URL}/orgs/${DEMO_ORG_ID}/console/navigation-index`;

async function get(path: string) {
  const response = await fetch(new URL(path, `${TEST_API_URL}/`), {
    headers: { Authorization: `Bearer ${DEMO_TOKENS.administrator}` },
  });
  return {
    status: response.status,
    link: response.headers.get('link'),
    body: (await response.json()) as {
      apps?: { id: string }[];
      total_apps?: number;
      message?: string;
    },
  };
}

/** The path of a `Link: <path>; rel="next"` header. */
function nextPath(link: string | null): string | undefined {
  if (link === null) return undefined;
  const match = /^<([^>]+)>; rel="next"$/.exec(link);
  expect(match, link).not.toBeNull();
  return match![1];
}

describe('navigation index pages', () => {
  it('link page to page with the spec’s Link header until the last page, which has none', async () => {
    const whole = await get(INDEX);
    expect(whole.link).toBeNull();
    expect(whole.body.total_apps).toBeUndefined();
    const ids = whole.body.apps!.map((a) => a.id);
    expect(ids.length).toBeGreaterThan(2);

    const seen: string[] = [];
    let path: string | undefined = `${INDEX}?per_page=2&q=`;
    let pages = 0;
    while (path !== undefined && pages < 10) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.body.apps!.length).toBeLessThanOrEqual(2);
      expect(page.body.total_apps).toBe(ids.length);
      seen.push(...page.body.apps!.map((a) => a.id));
      path = nextPath(page.link);
      // The next link keeps the request's own parameters.
      if (path)
        expect(path).toMatch(
          /^\/[\w/]*orgs\/acme\/console\/navigation-index\?per_page=2&q=&page=c.\d+$/,
        );
      pages += 1;
    }
    expect(seen).toEqual(ids);
    expect(pages).toBe(Math.ceil(ids.length / 2));
  });

  it('gives the same page for the same token (stable tokens)', async () => {
    const first = await get(`${INDEX}?per_page=2&sort=name`);
    const next = nextPath(first.link)!;
    expect(next).toMatch(/page=n.[0-9a-f]+$/);
    const again = await get(next);
    expect((await get(next)).body).toEqual(again.body);
    expect(again.body.apps![0].id).not.toBe(first.body.apps![0].id);
  });

  it('answers 400 with what to send for a bad per_page, sort or token', async () => {
    for (const perPage of ['0', '1001', 'ten', '2.5']) {
      const bad = await get(`${INDEX}?per_page=${perPage}`);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain(
        'per_page must be a whole number from 1 to 1000',
      );
    }
    const sort = await get(`${INDEX}?sort=size`);
    expect(sort.status).toBe(400);
    expect(sort.body.message).toMatch(/sort must be "created" or "name"/);
    const token = await get(`${INDEX}?page=12`);
    expect(token.status).toBe(400);
    expect(token.body.message).toMatch(
      /use the one in the previous answer's Link header/,
    );
  });
});
