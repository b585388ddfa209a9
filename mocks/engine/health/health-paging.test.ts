// The organisation's health a page at a time (issue 24 §3: the huge scenario's whole health is 6 MB): the
// needs-attention rows in pages of per_page chained by tokens, every row once and in the whole list's order,
// the total over all pages, only the page's apps' summaries, the legend on every page, 400 for a bad per_page.
import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from '../core/clock';
import { DEMO_ORG_ID } from '../core/constants';
import { EngineError } from '../core/errors';
import { DEMO_TOKENS, createEngine } from '../../fixtures';
import { buildGeneratedState } from '../../fixtures/seed-large';

const NOW = Date.parse('2026-01-15T09:00:00.000Z');

/** A generated organisation of 400 apps (the huge scenario's shape, smaller). */
function setup() {
  const engine = createEngine({
    clock: createManualClock(NOW),
    ids: createSequentialIds('health'),
    state: buildGeneratedState(NOW, { appCount: 400, orgName: 'Paged' }),
  });
  return { engine, admin: engine.authenticate(DEMO_TOKENS.administrator) };
}

const key = (row: { app_id: string; env_id: string }) =>
  `${row.app_id}/${row.env_id}`;

describe('getOrgHealthPage', () => {
  const { engine, admin } = setup();
  const whole = engine.getOrgHealth(admin, DEMO_ORG_ID);

  it('pages what needs attention, every row once in the whole list’s order, with the total', () => {
    expect(whole.needs_attention.length).toBeGreaterThan(40);
    const rows: string[] = [];
    let page: string | undefined;
    let pages = 0;
    do {
      const got = engine.getOrgHealthPage(admin, DEMO_ORG_ID, {
        perPage: 20,
        page,
      });
      expect(got.health.needs_attention.length).toBeLessThanOrEqual(20);
      expect(got.health.total_needs_attention).toBe(
        whole.needs_attention.length,
      );
      expect(got.health.legend).toEqual(whole.legend);
      // Only the summaries of the page's apps: a page stays small however large the organisation.
      expect(got.health.apps.map((a) => a.app_id).sort()).toEqual(
        [...new Set(got.health.needs_attention.map((n) => n.app_id))].sort(),
      );
      rows.push(...got.health.needs_attention.map(key));
      page = got.next;
      pages += 1;
    } while (page !== undefined && pages < 100);
    expect(rows).toEqual(whole.needs_attention.map(key));
    expect(pages).toBe(Math.ceil(whole.needs_attention.length / 20));
  });

  it('is 50 rows by default with at most their 50 apps, not all 400', () => {
    const first = engine.getOrgHealthPage(admin, DEMO_ORG_ID, {});
    expect(first.health.needs_attention).toHaveLength(50);
    expect(first.next).toBeDefined();
    expect(whole.apps).toHaveLength(400);
    expect(first.health.apps.length).toBeLessThanOrEqual(50);
  });

  it('refuses a per_page outside 1…100, naming it', () => {
    expect(() =>
      engine.getOrgHealthPage(admin, DEMO_ORG_ID, { perPage: 500 }),
    ).toThrow(EngineError);
    expect(() =>
      engine.getOrgHealthPage(admin, DEMO_ORG_ID, { perPage: 500 }),
    ).toThrow(/^per_page must be a whole number from 1 to 100/);
  });
});
