// Humanitec's official TypeScript client (`@humanitec/autogen`) reads the audit log and the events (issue 19 §4)
// against a real `npm run api` (mocks/server.ts on a free port, a temporary data file): calls made through the
// client, refused ones included, come back newest first through listAuditLogEntries, page by page with the
// Link header's token and narrowed by from/to; a developer is refused; orgsOrgIdEventsGet lists the event types.
// The server is then restarted on the same data file and the log is still there (the journal keeps it). Every
// response body is checked against the spec (contract-rules.ts) as it arrives. The engine is spawned, never
// imported.
import type { AuditLogEntry } from '@humanitec/autogen';
import { describe, expect, it } from 'vitest';
import { AUDIT_OPERATIONS_BY_CLIENT_NAME } from './official-client-areas';
import {
  refusal,
  officialClientHarness,
} from './testing/official-client-harness';

const api = officialClientHarness('official-client-audit');
const { admin, developer, viewer, problems } = api;
const orgId = 'acme';
/** A fresh app per run. */
const appId = `oca-${Date.now().toString(36)}`;

/** Every entry since `from`, newest first, following the Link header's next page. */
async function allSince(from: Date): Promise<AuditLogEntry[]> {
  const out: AuditLogEntry[] = [];
  let page: string | undefined;
  for (;;) {
    const raw = await admin.listAuditLogEntriesRaw({
      orgId,
      from,
      per_page: 2,
      ...(page ? { page } : {}),
    });
    out.push(...(await raw.value()));
    const link = raw.raw.headers.get('link');
    if (!link) return out;
    const next = new URL(link.slice(1, link.indexOf('>')), api.apiHost);
    page = next.searchParams.get('page') ?? undefined;
    expect(page).toMatch(/^\d+$/);
  }
}

const TIMEOUT_MS = 240_000;
let start = new Date();

describe(
  'the official client reads the audit log and the events',
  { timeout: TIMEOUT_MS },
  () => {
    it('lists the calls it made, refused ones too, newest first, page by page; refuses a developer', async () => {
      // The server's clock is the real one: entries from now on are this test's.
      start = new Date(Date.now() - 1);
      await admin.createApplication({
        orgId,
        ApplicationCreationRequest: { id: appId, name: 'Audited' },
      });
      expect(
        (
          await refusal(
            viewer.createApplication({
              orgId,
              ApplicationCreationRequest: { id: `${appId}-v`, name: 'No' },
            }),
          )
        ).status,
      ).toBe(403);
      await admin.deleteApplication({ orgId, appId });
      const entries = await allSince(start);
      expect(
        entries.map((e) => [
          e.user_id,
          e.request_method,
          e.request_path,
          e.response_status,
        ]),
      ).toEqual([
        ['alex-admin', 'DELETE', `/orgs/acme/apps/${appId}`, 204],
        ['vic-viewer', 'POST', '/orgs/acme/apps', 403],
        ['alex-admin', 'POST', '/orgs/acme/apps', 201],
      ]);
      for (const entry of entries) {
        expect(entry.at).toBeInstanceOf(Date);
        expect(entry.at.getTime()).toBeGreaterThanOrEqual(start.getTime());
      }
      // `to` is exclusive: before the newest entry leaves it out.
      const older = await admin.listAuditLogEntries({
        orgId,
        from: start,
        to: entries[0].at,
      });
      expect(older.map((e) => e.response_status)).toEqual([403, 201]);
      const forbidden = await refusal(developer.listAuditLogEntries({ orgId }));
      expect(forbidden.status).toBe(403);
      expect(forbidden.message).toMatch(/administrator/);
      expect(
        (await refusal(admin.listAuditLogEntries({ orgId: 'no-such-org' })))
          .status,
      ).toBe(404);
      expect(problems).toEqual([]);
    });

    it('lists the event types the platform emits', async () => {
      const events = await viewer.orgsOrgIdEventsGet({ orgId });
      expect(events).toContainEqual({
        scope: 'deployment',
        type: 'started',
        properties: expect.arrayContaining([
          'app_id',
          'env_id',
          'deploy_id',
        ]) as string[],
      });
      expect(new Set(events.map((e) => `${e.scope}/${e.type}`)).size).toBe(
        events.length,
      );
      expect(problems).toEqual([]);
    });

    it('keeps the log, a refused call’s entry included, when npm run api is killed and started again on the same data file', async () => {
      // The last call before the restart is a refused one: its entry alone must reach the journal.
      expect(
        (
          await refusal(
            viewer.createApplication({
              orgId,
              ApplicationCreationRequest: { id: `${appId}-w`, name: 'No' },
            }),
          )
        ).status,
      ).toBe(403);
      const before = await allSince(start);
      expect(before[0]).toMatchObject({
        user_id: 'vic-viewer',
        response_status: 403,
      });
      await api.restart('SIGKILL');
      expect(await allSince(start)).toEqual(before);
      api.expectCalledEvery(AUDIT_OPERATIONS_BY_CLIENT_NAME);
      expect(problems).toEqual([]);
    });
  },
);
