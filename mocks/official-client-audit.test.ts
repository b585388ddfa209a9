// Humanitec's official TypeScript client (`@humanitec/autogen`) reads the audit log and the events (issue 19 §4)
// against a real `npm run api` (mocks/server.ts on a free port, a temporary data file): calls made through the
// client, refused ones included, come back newest first through listAuditLogEntries, page by page with the
// Link header's token and narrowed by from/to; a developer is refused; orgsOrgIdEventsGet lists the event types.
// The server is then restarted on the same data file and the log is still there (the journal keeps it). Every
// response body is checked against the spec (contract-rules.ts) as it arrives. The engine is spawned, never
// imported.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  apiConfig,
  PublicApi,
  ResponseError,
  type AuditLogEntry,
} from '@humanitec/autogen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractChecker } from './handlers/contract-rules';
import { AUDIT_OPERATIONS_BY_CLIENT_NAME } from './official-client-areas';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'official-client-audit-'));
const orgId = 'acme';
/** A fresh app per run. */
const appId = `oca-${Date.now().toString(36)}`;

const checker = createContractChecker('');
/** Contract problems of any response (checked at the end of each test). */
const problems: string[] = [];
/** The client methods this file called. */
const called = new Set<string>();

let server: ChildProcess | undefined;
let apiHost = '';
let tokens = { administrator: '', developer: '', viewer: '' };
let admin: PublicApi;
let developer: PublicApi;
let viewer: PublicApi;

/** A client whose calls are recorded and whose every response is checked against the spec. */
function checkedClient(token: string): PublicApi {
  const client = new PublicApi(apiConfig({ token, apiHost })).withMiddleware({
    post: async ({ url, init, response }) => {
      const result = checker.check(
        (init.method ?? 'GET').toUpperCase(),
        url,
        response.status,
        response.headers.get('content-type'),
        await response.clone().text(),
      );
      for (const problem of result.problems)
        problems.push(
          `${result.method} ${result.path} → ${result.status}: ${problem}`,
        );
      return response;
    },
  });
  return new Proxy(client, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof name !== 'string' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        called.add(name.replace(/Raw$/, ''));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Starts `tsx mocks/server.ts --port 0 --data <tmp>/api.json` and resolves when it listens. */
function startServer(): Promise<void> {
  const child = spawn(
    TSX,
    ['mocks/server.ts', '--port', '0', '--data', join(dir, 'api.json')],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server = child;
  return new Promise<void>((found, fail) => {
    let text = '';
    const timer = setTimeout(
      () => fail(new Error(`npm run api did not start within 120 s: ${text}`)),
      120_000,
    );
    const read = (chunk: Buffer) => {
      text += chunk.toString();
      const url = /Mock Humanitec API: (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      const demo =
        /Demo token: (\S+)\s+\(developer: (\S+), viewer: (\S+)\)/.exec(text);
      if (url && demo) {
        clearTimeout(timer);
        apiHost = url[1];
        tokens = {
          administrator: demo[1],
          developer: demo[2],
          viewer: demo[3],
        };
        admin = checkedClient(tokens.administrator);
        developer = checkedClient(tokens.developer);
        viewer = checkedClient(tokens.viewer);
        found();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`npm run api exited with ${code}: ${text}`));
    });
  });
}

/** Stops the server and its process group (SIGKILL: no chance to save on the way out); resolves when it has exited. */
function stopServer(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const child = server;
  server = undefined;
  if (!child?.pid) return Promise.resolve();
  child.removeAllListeners('exit');
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve();
  const group = -child.pid;
  // The group is gone when no process of it is left (tsx's exit comes before its node child, which holds the data
  // file's lock, has been reaped): a restart before then finds the lock still held.
  const groupGone = async () => {
    for (;;) {
      try {
        process.kill(group, 0);
      } catch {
        return;
      }
      await new Promise((next) => setTimeout(next, 20));
    }
  };
  return new Promise<void>((done) => {
    child.once('exit', () => void groupGone().then(done));
    try {
      process.kill(group, signal);
    } catch {
      done(); // already gone
    }
  });
}

/** The status and spec error body of a call the client rejects. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResponseError);
  const response = (error as ResponseError).response;
  const body = (await response.json()) as { error: string; message: string };
  expect(body.error).toBe(`API-${response.status}`);
  return { status: response.status, message: body.message };
}

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
    const next = new URL(link.slice(1, link.indexOf('>')), apiHost);
    page = next.searchParams.get('page') ?? undefined;
    expect(page).toMatch(/^\d+$/);
  }
}

const TIMEOUT_MS = 240_000;
let start = new Date();

beforeAll(async () => {
  await startServer();
}, 150_000);

afterAll(async () => {
  await stopServer();
  rmSync(dir, { recursive: true, force: true });
});

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
      await stopServer('SIGKILL');
      await startServer();
      expect(await allSince(start)).toEqual(before);
      expect([...called]).toEqual(
        expect.arrayContaining(Object.values(AUDIT_OPERATIONS_BY_CLIENT_NAME)),
      );
      expect(problems).toEqual([]);
    });
  },
);
