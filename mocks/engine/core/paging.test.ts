// The spec's paged lists (core/paging.ts): pages of per_page (default 50, 1…100) chained by tokens, every item
// once, a token that survives an item added before it (newest-first lists) or the deletion of its own item, and
// a 400 naming the parameter for a bad per_page or a token it did not make. Then the engine's pipelines paged.
import { describe, expect, it } from 'vitest';
import { refusal } from './errors';
import { pageOf, type PageQuery } from './paging';
import { ORG, shopBench } from '../../fixtures/test-engine';

const ids = (n: number, prefix = 'item') =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const self = (id: string) => id;

/** Every page from the first, following the next tokens. */
function allPages(items: string[], query: PageQuery): string[][] {
  const pages: string[][] = [];
  let page: string | undefined;
  do {
    const got = pageOf(items, self, { ...query, page });
    pages.push(got.items);
    page = got.next;
  } while (page !== undefined && pages.length < 1000);
  return pages;
}

describe('pageOf', () => {
  it('pages 50 at a time by default and reaches every item once', () => {
    const items = ids(120);
    const pages = allPages(items, {});
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(pages.flat()).toEqual(items);
  });

  it('honours per_page up to 100 and has no next token on the last page', () => {
    expect(allPages(ids(250), { perPage: 100 }).map((p) => p.length)).toEqual([
      100, 100, 50,
    ]);
    expect(pageOf(ids(7), self, { perPage: 7 }).next).toBeUndefined();
    expect(pageOf([], self, {})).toEqual({ items: [] });
  });

  it('continues after the last item seen when newer items are added before it', () => {
    const items = ids(10);
    const first = pageOf(items, self, { perPage: 4 });
    const grown = ['new-1', 'new-2', ...items];
    const second = pageOf(grown, self, { perPage: 4, page: first.next });
    expect(second.items).toEqual(['item-4', 'item-5', 'item-6', 'item-7']);
  });

  it('keeps a token valid when its item is deleted: at the item that followed, else at the offset', () => {
    const items = ids(10);
    const first = pageOf(items, self, { perPage: 4 });
    const without = items.filter((id) => id !== 'item-3');
    const second = pageOf(without, self, { perPage: 4, page: first.next });
    expect(second.items).toEqual(['item-4', 'item-5', 'item-6', 'item-7']);
    const bothGone = items.filter((id) => id !== 'item-3' && id !== 'item-4');
    const third = pageOf(bothGone, self, { perPage: 4, page: first.next });
    expect(third.items).toEqual(['item-6', 'item-7', 'item-8', 'item-9']);
  });

  it('refuses a per_page outside 1…100 and a token it did not make, naming the parameter', () => {
    for (const perPage of [0, 101, 2.5, NaN]) {
      const error = refusal(() => pageOf(ids(3), self, { perPage }));
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(
        /^per_page must be a whole number from 1 to 100/,
      );
    }
    for (const page of [
      'abc',
      '3',
      '3.61',
      '3.61.zz',
      '-1.61.62',
      `1.61.${'ab'.repeat(2000)}`,
    ]) {
      const error = refusal(() => pageOf(ids(3), self, { page }));
      expect(error.message).toContain("previous answer's Link header");
      expect(error.details).toEqual({ field: 'page' });
    }
  });
});

const pipelineYaml = (name: string) => `name: ${name}
on: { pipeline_call: {} }
jobs:
  noop:
    steps:
      - uses: actions/humanitec/log@v1
        with: { message: hello }
`;

describe('the engine’s pipelines, paged', () => {
  it('lists 7 pipelines 3 at a time, then after one is deleted the same token goes on', () => {
    const b = shopBench();
    for (let i = 0; i < 7; i += 1)
      b.engine.createPipeline(b.admin, ORG, 'shop', pipelineYaml(`Pipe ${i}`));
    const list = () =>
      b.engine
        .listPipelines(b.admin, ORG, 'shop')
        .map((p) => `${p.app_id}/${p.id}`);
    const all = list();
    expect(all).toHaveLength(7);
    const first = pageOf(list(), self, { perPage: 3 });
    expect(first.items).toEqual(all.slice(0, 3));
    b.engine.deletePipeline(b.admin, ORG, 'shop', all[2].split('/')[1]);
    const second = pageOf(list(), self, { perPage: 3, page: first.next });
    expect(second.items).toEqual(all.slice(3, 6));
    const third = pageOf(list(), self, { perPage: 3, page: second.next });
    expect(third).toEqual({ items: all.slice(6) });
  });
});
