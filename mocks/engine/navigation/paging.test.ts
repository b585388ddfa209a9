import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from '../core/clock';
import { DEMO_ORG_ID } from '../core/constants';
import { refusal } from '../core/errors';
import { DEMO_TOKENS, createEngine } from '../../fixtures';
import { buildGeneratedState } from '../../fixtures/seed-large';
import type { Actor } from '../core/context';
import type { NavigationPageQuery } from './paging';

const NOW = Date.parse('2026-01-15T09:00:00.000Z');

/** A generated organisation of 120 apps (the `huge` scenario's shape, small). */
function setup() {
  const engine = createEngine({
    clock: createManualClock(NOW),
    ids: createSequentialIds('page'),
    state: buildGeneratedState(NOW, { appCount: 120, orgName: 'Paged' }),
  });
  return { engine, admin: engine.authenticate(DEMO_TOKENS.administrator) };
}

type Setup = ReturnType<typeof setup>;

/** Every page from the first, following the next tokens. */
function allPages(
  { engine, admin }: Setup,
  query: NavigationPageQuery,
): string[][] {
  const pages: string[][] = [];
  let page: string | undefined;
  do {
    const got = engine.navigationPage(admin, DEMO_ORG_ID, { ...query, page });
    pages.push(got.index.apps.map((a) => a.id));
    page = got.next;
  } while (page !== undefined && pages.length < 100);
  return pages;
}

describe('navigationPage', () => {
  it('pages the apps in creation order, 50 by default, with every app once', () => {
    const b = setup();
    const whole = b.engine.navigationIndex(b.admin, DEMO_ORG_ID);
    const pages = allPages(b, {});
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(pages.flat()).toEqual(whole.apps.map((a) => a.id));
    const first = b.engine.navigationPage(b.admin, DEMO_ORG_ID, {});
    expect(first.index.total_apps).toBe(120);
    // Only the page's apps' deployments and their rows, as in the whole index.
    const ids = new Set(first.index.apps.map((a) => a.id));
    expect(first.index.deployments.every((d) => ids.has(d.app_id))).toBe(true);
    expect(first.index.apps[0]).toEqual(whole.apps[0]);
  });

  it('sorts by name, then id', () => {
    const b = setup();
    const ids = allPages(b, { sort: 'name', perPage: 7 }).flat();
    const names = b.engine
      .navigationIndex(b.admin, DEMO_ORG_ID)
      .apps.map((a) => [a.name.toLowerCase(), a.id] as const)
      .sort(([n1, i1], [n2, i2]) =>
        n1 < n2 ? -1 : n1 > n2 ? 1 : i1 < i2 ? -1 : 1,
      );
    expect(ids).toEqual(names.map(([, id]) => id));
  });

  it('filters by every word of q in the app or its environments', () => {
    const b = setup();
    const got = b.engine.navigationPage(b.admin, DEMO_ORG_ID, {
      q: 'BILLING  production',
    });
    expect(got.index.total_apps).toBe(20);
    expect(got.index.apps.every((a) => a.id.startsWith('billing-'))).toBe(true);
    const none = b.engine.navigationPage(b.admin, DEMO_ORG_ID, {
      q: 'billing nowhere',
    });
    expect(none).toEqual({
      index: expect.objectContaining({ apps: [], total_apps: 0 }),
    });
  });

  it('keeps its tokens stable: a page is the same after apps before it are deleted or created', () => {
    for (const sort of ['created', 'name'] as const) {
      const b = setup();
      const first = b.engine.navigationPage(b.admin, DEMO_ORG_ID, {
        sort,
        perPage: 10,
      });
      const second = (page?: string) =>
        b.engine
          .navigationPage(b.admin, DEMO_ORG_ID, { sort, perPage: 10, page })
          .index.apps.map((a) => a.id);
      const before = second(first.next);
      // The last app of the first page (the token's) and another before it go; a new app comes.
      b.engine.deleteApp(b.admin, DEMO_ORG_ID, first.index.apps[9].id);
      b.engine.deleteApp(b.admin, DEMO_ORG_ID, first.index.apps[0].id);
      b.engine.createApp(b.admin, DEMO_ORG_ID, { id: 'aaa-new', name: 'AAA' });
      expect(second(first.next)).toEqual(before);
    }
  });

  it('refuses a per_page outside 1…1000, an unknown sort, a long q and a token it did not make', () => {
    const { engine, admin } = setup();
    const page = (query: NavigationPageQuery) =>
      refusal(() => engine.navigationPage(admin, DEMO_ORG_ID, query));
    for (const perPage of [0, 1001, 2.5, NaN]) {
      const error = page({ perPage });
      expect(error.code).toBe('invalid');
      expect(error.message).toMatch(
        /per_page must be a whole number from 1 to 1000/,
      );
      expect(error.details).toEqual({ field: 'per_page' });
    }
    expect(page({ sort: 'size' as 'name' }).message).toMatch(/sort must be/);
    expect(page({ q: 'x'.repeat(101) }).message).toMatch(/at most 100/);
    for (const token of ['50', 'c.x', 'n.zz', 'n.41', 'n.c3']) {
      const error = page({
        page: token,
        sort: token.startsWith('n') ? 'name' : 'created',
      });
      expect(error.message).toMatch(/not a page token of this list/);
    }
    // A creation-order token is not a by-name token.
    expect(page({ page: 'c.5', sort: 'name' }).code).toBe('invalid');
    expect(() => engine.navigationPage(admin, 'nope', {})).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('lists only the apps a member may read', () => {
    const { engine } = setup();
    const member = engine.authenticate(DEMO_TOKENS.viewer);
    const got = engine.navigationPage(member, DEMO_ORG_ID, {});
    const whole = engine.navigationIndex(member, DEMO_ORG_ID);
    expect(got.index.total_apps).toBe(whole.apps.length);
  });

  it('gives each reader its own apps while it keeps their lists between writes', () => {
    const { engine, admin } = setup();
    const ids = (actor: Actor, q?: string) =>
      engine
        .navigationPage(actor, DEMO_ORG_ID, { perPage: 1000, q })
        .index.apps.map((app) => app.id);
    const serviceUser = (role: string) =>
      engine.createServiceUser(admin, DEMO_ORG_ID, { name: role, role }).id;
    const token = (userId: string, id: string, apps?: string[]) =>
      engine.authenticate(
        engine.createToken(admin, userId, {
          id,
          ...(apps ? { scope: { apps } } : {}),
        }).token,
      );
    const everyApp = ids(admin);
    const memberId = serviceUser('member');
    const member = token(memberId, 'member');
    // One administrator, two tokens: the scoped one reads its two apps.
    const botId = serviceUser('administrator');
    const whole = token(botId, 'whole');
    const two = token(botId, 'two', everyApp.slice(0, 2));

    expect(ids(member)).toEqual([]);
    expect(ids(whole)).toEqual(everyApp);
    expect(ids(two)).toEqual(everyApp.slice(0, 2));
    expect(ids(admin)).toEqual(everyApp);
    // A role granted is a write: the member's next page has the app.
    engine.addAppUser(admin, DEMO_ORG_ID, everyApp[5], {
      id: memberId,
      role: 'viewer',
    });
    expect(ids(member)).toEqual([everyApp[5]]);
    expect(ids(whole)).toEqual(everyApp);
    const word = everyApp[1].split('-')[0];
    expect(ids(two, word)).toEqual(
      everyApp.slice(0, 2).filter((id) => id.includes(word)),
    );
    expect(ids(whole, word).length).toBeGreaterThan(ids(two, word).length);
  });
});
