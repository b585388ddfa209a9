import { describe, expect, it } from 'vitest';
import { applyPatch, type PatchOp } from '../core/state-changes';
import { createEngine } from '../../fixtures/demo-engine';
import { bench, ORG, refusal, shopBench, T0 } from '../../fixtures/test-engine';
import { createManualClock, createSequentialIds } from '../core/clock';
import { AUDIT_LOG_CAP, AUDIT_PAGE_SPAN_MS, underPath } from './ops';
import { DEMO_TOKENS } from '../../fixtures/constants';

const call = (path: string, status = 201, userId = 'alex-admin') => ({
  userId,
  method: 'POST',
  path,
  status,
});

describe('the audit log', () => {
  it('records who, what, when and the outcome; lists newest first with org_id', () => {
    const b = shopBench();
    b.engine.recordAuditEntry(call('/orgs/acme/apps'));
    b.clock.advance(1000);
    b.engine.recordAuditEntry(
      call('/orgs/acme/apps/shop/envs', 403, 'dana-dev'),
    );
    const page = b.engine.listAuditLog(b.admin, ORG);
    expect(page).toEqual({
      entries: [
        {
          at: new Date(T0 + 1000).toISOString(),
          org_id: ORG,
          user_id: 'dana-dev',
          request_method: 'POST',
          request_path: '/orgs/acme/apps/shop/envs',
          response_status: 403,
        },
        {
          at: new Date(T0).toISOString(),
          org_id: ORG,
          user_id: 'alex-admin',
          request_method: 'POST',
          request_path: '/orgs/acme/apps',
          response_status: 201,
        },
      ],
    });
  });

  it('is read by administrators only (403 naming the role), 404 for an unknown organisation', () => {
    const b = shopBench();
    expect(refusal(() => b.engine.listAuditLog(b.dev, ORG)).message).toMatch(
      /Reading the audit log needs the administrator role/,
    );
    expect(refusal(() => b.engine.listAuditLog(b.viewer, ORG)).code).toBe(
      'forbidden',
    );
    expect(refusal(() => b.engine.listAuditLog(b.admin, 'nope')).code).toBe(
      'not_found',
    );
  });

  it('records calls outside an organisation in the caller’s organisations, and nothing for unknown users or organisations', () => {
    const b = bench();
    b.engine.recordAuditEntry(call('/users/dana-dev/tokens', 403, 'dana-dev'));
    b.engine.recordAuditEntry(call('/orgs/nowhere/apps'));
    b.engine.recordAuditEntry(call('/orgs/acme/apps', 201, 'ghost'));
    expect(
      b.engine.listAuditLog(b.admin, ORG).entries.map((e) => e.request_path),
    ).toEqual(['/users/dana-dev/tokens']);
  });

  it('filters by time (from inclusive, to exclusive), user and path prefix by whole segments', () => {
    const b = shopBench();
    const paths = [
      '/orgs/acme/apps/shop',
      '/orgs/acme/apps/shopping',
      '/orgs/acme/apps/shop/envs/development/deploys',
    ];
    paths.forEach((path, i) => {
      b.clock.set(T0 + i * 1000);
      b.engine.recordAuditEntry(
        call(path, 201, i === 1 ? 'dana-dev' : 'alex-admin'),
      );
    });
    const list = (query: Parameters<typeof b.engine.listAuditLog>[2]) =>
      b.engine
        .listAuditLog(b.admin, ORG, query)
        .entries.map((e) => e.request_path);
    expect(list({ pathPrefix: '/orgs/acme/apps/shop' })).toEqual([
      paths[2],
      paths[0],
    ]);
    expect(list({ pathPrefix: '/orgs/acme/apps/shop/' })).toEqual([
      paths[2],
      paths[0],
    ]);
    expect(list({ userId: 'dana-dev' })).toEqual([paths[1]]);
    expect(
      list({
        from: new Date(T0 + 1000).toISOString(),
        to: new Date(T0 + 2000).toISOString(),
      }),
    ).toEqual([paths[1]]);
    expect(underPath('/orgs/acme', '/')).toBe(true);
    expect(refusal(() => list({ from: 'yesterday' })).message).toMatch(
      /from must be a date-time/,
    );
    expect(
      refusal(() =>
        list({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }),
      ).code,
    ).toBe('invalid');
    expect(refusal(() => list({ perPage: 0 })).code).toBe('invalid');
    expect(refusal(() => list({ page: 'abc' })).code).toBe('invalid');
  });

  it('pages by a token that stays put while new calls are recorded, and never spans more than 32 days a page', () => {
    const b = shopBench();
    for (let i = 0; i < 5; i += 1) {
      b.clock.set(T0 + i * 1000);
      b.engine.recordAuditEntry(call(`/orgs/acme/apps/a${i}`));
    }
    const first = b.engine.listAuditLog(b.admin, ORG, { perPage: 2 });
    expect(first.entries.map((e) => e.request_path)).toEqual([
      '/orgs/acme/apps/a4',
      '/orgs/acme/apps/a3',
    ]);
    b.engine.recordAuditEntry(call('/orgs/acme/apps/new'));
    const second = b.engine.listAuditLog(b.admin, ORG, {
      perPage: 2,
      page: first.next,
    });
    expect(second.entries.map((e) => e.request_path)).toEqual([
      '/orgs/acme/apps/a2',
      '/orgs/acme/apps/a1',
    ]);
    const third = b.engine.listAuditLog(b.admin, ORG, {
      perPage: 2,
      page: second.next,
    });
    expect(third).toEqual({
      entries: [
        expect.objectContaining({ request_path: '/orgs/acme/apps/a0' }),
      ],
    });

    b.clock.set(T0 + AUDIT_PAGE_SPAN_MS + 10_000);
    b.engine.recordAuditEntry(call('/orgs/acme/apps/later'));
    const span = b.engine.listAuditLog(b.admin, ORG, { perPage: 100 });
    expect(span.entries.map((e) => e.request_path)).toEqual([
      '/orgs/acme/apps/later',
    ]);
    expect(span.next).toBeDefined();
  });

  it(`keeps the newest ${AUDIT_LOG_CAP} entries of an organisation`, () => {
    const b = shopBench();
    for (let i = 0; i < AUDIT_LOG_CAP + 3; i += 1)
      b.engine.recordAuditEntry(call(`/orgs/acme/apps/a${i}`));
    let count = 0;
    let page: string | undefined;
    let last = '';
    do {
      const got = b.engine.listAuditLog(b.admin, ORG, { perPage: 100, page });
      count += got.entries.length;
      last = got.entries.at(-1)?.request_path ?? last;
      page = got.next;
    } while (page !== undefined);
    expect(count).toBe(AUDIT_LOG_CAP);
    expect(last).toBe('/orgs/acme/apps/a3');
  });

  it('survives a refused write, tells subscribers audit-log, and reaches the change tracker so a replayed journal equals the state', () => {
    const clock = createManualClock(T0);
    const engine = createEngine({
      clock,
      ids: createSequentialIds('t'),
      seed: 'empty',
      trackChanges: true,
    });
    const stored = structuredClone(engine.snapshot()) as Record<
      string,
      unknown
    >;
    engine.takeChanges();
    const heard: string[] = [];
    engine.subscribe((change) => heard.push(change));
    const viewer = engine.authenticate(DEMO_TOKENS.viewer);
    const admin = engine.authenticate(DEMO_TOKENS.administrator);
    expect(
      refusal(() => engine.createApp(viewer, ORG, { id: 'x', name: 'X' })).code,
    ).toBe('forbidden');
    engine.recordAuditEntry(call('/orgs/acme/apps', 403, 'vic-viewer'));
    // A write after the recording keeps the entry (its draft shares the log).
    engine.createApp(admin, ORG, { id: 'kept', name: 'Kept' });
    expect(engine.listAuditLog(admin, ORG).entries).toHaveLength(1);
    const ops: PatchOp[] = [...engine.takeChanges().ops];
    expect(heard).toEqual(['audit-log', 'state']);
    for (let i = 0; i < AUDIT_LOG_CAP + 2; i += 1)
      engine.recordAuditEntry(call(`/orgs/acme/apps/a${i}`));
    ops.push(...engine.takeChanges().ops);
    applyPatch(stored, ops);
    expect(stored).toEqual(engine.snapshot());
  });
});

describe('the demo seed', () => {
  it('has a month of believable calls, refused ones among them', () => {
    const now = Date.UTC(2026, 0, 15);
    const engine = createEngine({
      clock: createManualClock(now),
      ids: createSequentialIds('t'),
    });
    const admin = engine.authenticate(DEMO_TOKENS.administrator);
    const entries = engine.listAuditLog(admin, ORG, { perPage: 100 }).entries;
    expect(entries.length).toBeGreaterThan(20);
    expect(entries.some((e) => e.response_status === 403)).toBe(true);
    expect(entries.some((e) => /\/deploys$/.test(e.request_path))).toBe(true);
  });
});
