import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_TOKENS } from './fixtures';
import { MAX_BODY_BYTES } from './handlers';
import { parseArgs, startServer, type RunningServer } from './server';

let dir: string;
let dataFile: string;
const running: RunningServer[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mock-api-'));
  dataFile = join(dir, 'data.json');
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function start() {
  const server = await startServer({ port: 0, dataFile });
  running.push(server);
  return server;
}

function call(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = DEMO_TOKEN,
) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body:
      body === undefined
        ? undefined
        : typeof body === 'string'
          ? body
          : JSON.stringify(body),
  });
}

describe('startServer', () => {
  it('serves the API over HTTP and keeps changes across a restart', async () => {
    const first = await start();
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const unauthorized = await call(
      first,
      'GET',
      '/orgs/acme/apps',
      undefined,
      null,
    );
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toMatchObject({ error: 'API-401' });

    const apps = await call(first, 'GET', '/orgs/acme/apps');
    expect(apps.status).toBe(200);
    expect(
      ((await apps.json()) as { id: string }[]).map((a) => a.id),
    ).toContain('shop');

    const delta = (await (
      await call(first, 'POST', '/orgs/acme/apps/shop/deltas', {
        metadata: { name: 'Over HTTP' },
        modules: {
          update: {
            api: [{ op: 'replace', path: '/spec/replicas', value: 4 }],
          },
        },
      })
    ).json()) as { id: string };
    // The acknowledged write is on disk (appended to the journal) before the answer arrives.
    expect(readFileSync(`${dataFile}.journal`, 'utf8')).toContain(delta.id);
    const deploy = await call(
      first,
      'POST',
      '/orgs/acme/apps/shop/envs/development/deploys',
      { delta_id: delta.id },
    );
    expect(deploy.status).toBe(201);
    const { id: deployId } = (await deploy.json()) as { id: string };
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await start();
    expect(
      (await call(second, 'GET', `/orgs/acme/apps/shop/deltas/${delta.id}`))
        .status,
    ).toBe(200);
    const deploys = (await (
      await call(second, 'GET', '/orgs/acme/apps/shop/envs/development/deploys')
    ).json()) as { id: string }[];
    expect(deploys[0].id).toBe(deployId);
  });

  it("answers CORS only to the console's own origins (issue 17)", async () => {
    const server = await start();
    const preflight = (origin: string) =>
      fetch(`${server.url}/orgs/acme/apps`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
    const own = await preflight('http://localhost:5173');
    expect(own.status).toBe(204);
    expect(own.headers.get('access-control-allow-origin')).toBe(
      'http://localhost:5173',
    );
    expect(own.headers.get('access-control-allow-headers')).toMatch(
      /Authorization/,
    );
    expect(own.headers.get('access-control-allow-headers')).toMatch(
      /Content-Type/,
    );
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('access-control-allow-methods')).toBeNull();
    const read = (origin: string) =>
      fetch(`${server.url}/orgs`, {
        headers: { Origin: origin, Authorization: `Bearer ${DEMO_TOKEN}` },
      });
    expect(
      (await read('http://127.0.0.1:4173')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('http://127.0.0.1:4173');
    const evil = await read('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('vary')).toMatch(/Origin/);
  });

  it('takes its CORS origins from --cors-origin, and refuses "*" and paths', async () => {
    const server = await startServer({
      port: 0,
      dataFile,
      corsOrigins: parseArgs(['--cors-origin', 'https://console.example.com'])
        .corsOrigins,
    });
    running.push(server);
    const answer = (origin: string) =>
      fetch(`${server.url}/orgs`, {
        headers: { Origin: origin, Authorization: `Bearer ${DEMO_TOKEN}` },
      });
    expect(
      (await answer('https://console.example.com')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('https://console.example.com');
    expect(
      (await answer('http://localhost:5173')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
    expect(() => parseArgs(['--cors-origin', '*'])).toThrow(
      /does not take "\*"/,
    );
    expect(() =>
      parseArgs(['--cors-origin', 'https://console.example.com/app']),
    ).toThrow(/scheme, host and port only/);
    expect(
      parseArgs([], {
        API_CORS_ORIGINS: 'https://a.example, https://b.example',
      }).corsOrigins,
    ).toEqual(['https://a.example', 'https://b.example']);
  });

  it('--tokens replaces the public demo tokens: the secrets work, the demo ones get 401 (issue 17)', async () => {
    const secret = 'a-secret-of-the-administrator-42';
    const server = await startServer({
      port: 0,
      dataFile,
      tokens: parseArgs(['--tokens', `administrator=${secret}`]).tokens,
    });
    running.push(server);
    const me = await call(server, 'GET', '/current-user', undefined, secret);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe('alex-admin');
    const created = await call(
      server,
      'POST',
      '/orgs/acme/apps',
      { id: 'with-secret', name: 'With secret' },
      secret,
    );
    expect(created.status).toBe(201);
    for (const publicToken of Object.values(DEMO_TOKENS)) {
      const refused = await call(
        server,
        'GET',
        '/orgs',
        undefined,
        publicToken,
      );
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/Bearer/);
    }
  });

  it('shows a member only the apps it has a role on; --app-visibility organisation (or API_APP_VISIBILITY) shows it every app', async () => {
    const appsOf = async (server: RunningServer, token: string) =>
      (
        (await (
          await call(server, 'GET', '/orgs/acme/apps', undefined, token)
        ).json()) as { id: string }[]
      ).map((app) => app.id);
    for (const appVisibility of [undefined, 'organisation'] as const) {
      const server = await startServer({
        port: 0,
        dataFile: null,
        ...(appVisibility ? { appVisibility } : {}),
      });
      running.push(server);
      // Alex creates (and owns) an app Dana, a member, has no role on.
      expect(
        (
          await call(server, 'POST', '/orgs/acme/apps', {
            id: 'ledger',
            name: 'Ledger',
          })
        ).status,
      ).toBe(201);
      const dana = await appsOf(server, DEMO_TOKENS.developer);
      expect(dana.includes('shop')).toBe(true);
      expect(dana.includes('ledger')).toBe(appVisibility === 'organisation');
      expect(
        (await appsOf(server, DEMO_TOKENS.viewer)).includes('ledger'),
      ).toBe(true);
      const read = await call(
        server,
        'GET',
        '/orgs/acme/apps/ledger',
        undefined,
        DEMO_TOKENS.developer,
      );
      expect(read.status).toBe(appVisibility === 'organisation' ? 200 : 403);
    }
    expect(parseArgs(['--app-visibility', 'organisation']).appVisibility).toBe(
      'organisation',
    );
    expect(parseArgs([], { API_APP_VISIBILITY: 'roles' }).appVisibility).toBe(
      'roles',
    );
    expect(parseArgs([]).appVisibility).toBeUndefined();
    expect(() => parseArgs(['--app-visibility', 'all'])).toThrow(
      /--app-visibility must be roles or organisation/,
    );
  });

  it('--tokens and API_TOKENS refuse weak, public or shared secrets with a sentence', () => {
    expect(() => parseArgs(['--tokens', 'administrator=short'])).toThrow(
      /at least 16 characters/,
    );
    expect(() =>
      parseArgs(['--tokens', `developer=${DEMO_TOKENS.developer}`]),
    ).toThrow(/public demo token/);
    expect(() => parseArgs(['--tokens', 'root=0123456789abcdef0123'])).toThrow(
      /not one of administrator, developer, viewer/,
    );
    expect(() =>
      parseArgs([
        '--tokens',
        'administrator=0123456789abcdef0123,viewer=0123456789abcdef0123',
      ]),
    ).toThrow(/token of their own/);
    expect(
      parseArgs([], { API_TOKENS: 'viewer=0123456789abcdef0123' }).tokens,
    ).toEqual({ viewer: '0123456789abcdef0123' });
  });

  it('refuses bodies over 1 MiB with 413 and unknown paths with 404', async () => {
    const server = await start();
    const big = await call(
      server,
      'POST',
      '/orgs/acme/apps/shop/deltas',
      JSON.stringify({ x: 'y'.repeat(MAX_BODY_BYTES) }),
    );
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'API-413' });
    const unknown = await call(server, 'GET', '/nowhere');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'API-404' });
  });

  it.each([
    [
      'truncated',
      (text: string) => text.slice(0, text.length / 2),
      /cannot be read: it is not valid JSON/,
    ],
    ['empty', () => '', /cannot be read: it is empty/],
    [
      'a foreign JSON file',
      () => '{"name": "some-package", "version": "1.0.0"}',
      /does not hold a usable state: it holds schema version undefined/,
    ],
    [
      'a state with an app set to null',
      (text: string) => {
        const state = JSON.parse(text) as {
          orgs: { acme: { apps: Record<string, unknown> } };
        };
        state.orgs.acme.apps.shop = null;
        return JSON.stringify(state);
      },
      /\/orgs\/acme\/apps\/shop is null, not an application record/,
    ],
  ])(
    'refuses to start on a data file that is %s, says how to proceed, and --reset moves it aside',
    async (_, damage, reason) => {
      await (await startServer({ port: 0, dataFile })).close();
      const broken = damage(readFileSync(dataFile, 'utf8'));
      writeFileSync(dataFile, broken);
      const refusal = startServer({ port: 0, dataFile });
      await expect(refusal).rejects.toThrow(reason);
      await expect(refusal).rejects.toThrow(/--reset/);
      // Never a silent reset: the file is as it was, and nobody holds its lock.
      expect(readFileSync(dataFile, 'utf8')).toBe(broken);
      expect(existsSync(`${dataFile}.lock`)).toBe(false);

      const notes: string[] = [];
      const server = await startServer({
        port: 0,
        dataFile,
        reset: true,
        log: (line) => notes.push(line),
      });
      running.push(server);
      expect((await call(server, 'GET', '/orgs/acme/apps/shop')).status).toBe(
        200,
      );
      const backups = readdirSync(dir).filter((f) =>
        /^data\.json\.reset-/.test(f),
      );
      expect(backups).toHaveLength(1);
      expect(readFileSync(join(dir, backups[0]), 'utf8')).toBe(broken);
      expect(notes.join('\n')).toMatch(
        /--reset: moved .*data\.json to .*data\.json\.reset-/,
      );
    },
  );

  it('writes nothing for reads and unauthenticated calls (a flood leaves the files untouched); a refused write journals its audit log entry only', async () => {
    const server = await start();
    const journalFile = `${dataFile}.journal`;
    const files = [dataFile, journalFile];
    const stamp = () =>
      files.map((f) => {
        const s = statSync(f);
        return [f, s.ino, s.size, s.mtimeMs];
      });
    const before = stamp();
    const flood = Array.from({ length: 300 }, (_, i) =>
      call(
        server,
        'POST',
        '/orgs/acme/apps',
        { id: `flood-${i}`, name: 'Flood' },
        null,
      ).then((r) => r.status),
    );
    const reads = Array.from({ length: 20 }, () =>
      call(server, 'GET', '/orgs/acme/apps').then((r) => r.status),
    );
    expect(new Set(await Promise.all(flood))).toEqual(new Set([401]));
    expect(new Set(await Promise.all(reads))).toEqual(new Set([200]));
    expect(stamp()).toEqual(before);
    // Refused calls of known users change nothing but the audit log, which records them (before answering).
    const journal = readFileSync(journalFile, 'utf8');
    const refused = [
      await call(
        server,
        'POST',
        '/orgs/acme/apps',
        { id: 'by-viewer', name: 'Viewer' },
        'hum_demo_viewer_token',
      ).then((r) => r.status),
      await call(server, 'POST', '/orgs/acme/apps', {
        id: 'shop',
        name: 'Taken',
      }).then((r) => r.status),
    ];
    expect(refused).toEqual([403, 409]);
    expect(stamp()[0]).toEqual(before[0]);
    const added = readFileSync(journalFile, 'utf8').slice(journal.length);
    expect(added.trim().split('\n')).toHaveLength(2);
    expect(added).toContain('"audit"');
    expect(added).toContain('vic-viewer');
    expect(added).not.toMatch(/by-viewer|Taken/);
  });

  it('appends a write to the journal at the cost of the change, not of the state', async () => {
    const server = await start();
    const snapshot = statSync(dataFile);
    const journal = statSync(`${dataFile}.journal`).size;
    const res = await call(server, 'POST', '/orgs/acme/apps/shop/deltas', {
      metadata: { name: 'Small' },
    });
    expect(res.status).toBe(200);
    const grown = statSync(`${dataFile}.journal`).size - journal;
    expect(grown).toBeGreaterThan(0);
    expect(grown).toBeLessThan(4_096);
    expect(snapshot.size).toBeGreaterThan(25 * 4_096);
    expect(statSync(dataFile).mtimeMs).toBe(snapshot.mtimeMs);
  });

  it('refuses a second server on the same data and names the process that holds it', async () => {
    const first = await start();
    await expect(startServer({ port: 0, dataFile })).rejects.toThrow(
      new RegExp(
        `data\\.json is in use by process ${process.pid} .*Stop that server first, or start this one with another --data file`,
      ),
    );
    await first.close();
    running.splice(running.indexOf(first), 1);
    await start();
  });
});

describe('parseArgs', () => {
  it('reads --port, --data and --scenario, with defaults', () => {
    expect(parseArgs([])).toMatchObject({
      port: 4010,
      dataFile: '.api-data.json',
      host: '127.0.0.1',
      scenario: 'demo',
    });
    expect(parseArgs(['--scenario', 'large']).scenario).toBe('large');
    expect(parseArgs(['--port', '0', '--data=x.json'])).toMatchObject({
      port: 0,
      dataFile: 'x.json',
    });
    expect(() => parseArgs(['--nope'])).toThrow(/unknown option/);
    expect(() => parseArgs(['--port', 'abc'])).toThrow(/--port/);
  });
});

/** A raw HTTP request (fetch refuses TRACE and huge headers itself). */
function raw(
  server: RunningServer,
  method: string,
  path: string,
  headers: Record<string, string> = {},
) {
  return new Promise<{
    status: number;
    headers: Record<string, unknown>;
    body: string;
  }>((done, fail) => {
    const req = httpRequest(
      `${server.url}${path}`,
      { method, headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body }),
        );
      },
    );
    req.on('error', fail);
    req.end();
  });
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

// Issue 17, section 2: whatever a client sends, a 4xx with the spec's error body (HumanitecErrorResponse), never a 5xx.
describe('no 5xx for what a client sent', () => {
  const expectError = (status: number, body: string, expected: number) => {
    expect(status).toBe(expected);
    expect(JSON.parse(body)).toMatchObject({
      error: `API-${expected}`,
      message: expect.any(String),
    });
  };

  it('a path that does not percent-decode is a 400, with or without a token', async () => {
    const server = await start();
    for (const path of ['/%ff', '/%zz', '/orgs/acme/apps/%E0%A4%A']) {
      for (const token of [null, DEMO_TOKEN]) {
        const response = await call(server, 'GET', path, undefined, token);
        expectError(response.status, await response.text(), 400);
      }
    }
  });

  it('TRACE is a 405 naming the methods served; HEAD answers as GET without a body', async () => {
    const server = await start();
    const trace = await raw(server, 'TRACE', '/orgs/acme/apps');
    expectError(trace.status, trace.body, 405);
    expect(trace.headers.allow).toMatch(/GET, HEAD, POST/);
    const get = await call(server, 'GET', '/orgs/acme/apps');
    const head = await raw(server, 'HEAD', '/orgs/acme/apps', {
      Authorization: `Bearer ${DEMO_TOKEN}`,
    });
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe(get.headers.get('content-type'));
    expect(head.body).toBe('');
  });

  it('deeply nested bodies are a 400: 5,000 levels with an Idempotency-Key, pipeline-run inputs 2,000 levels', async () => {
    const server = await start();
    const deep = await fetch(`${server.url}/orgs/acme/apps/shop/deltas`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${DEMO_TOKEN}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': 'deep-1',
      },
      body: `{"modules":{"add":{"api":${nested(5000)}}}}`,
    });
    expectError(deep.status, await deep.text(), 400);
    const inputs = await call(
      server,
      'POST',
      '/orgs/acme/apps/shop/pipelines/promote-to-staging/runs',
      `{"inputs":{"x":${nested(2000)}}}`,
    );
    expectError(inputs.status, await inputs.text(), 400);
  });

  it('a 401 names the Bearer scheme; a 431 (headers too large) has a body', async () => {
    const server = await start();
    const unauthorized = await call(
      server,
      'GET',
      '/orgs/acme/apps',
      undefined,
      null,
    );
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const large = await raw(server, 'GET', '/orgs/acme/apps', {
      'X-Big': 'x'.repeat(20_000),
    });
    expectError(large.status, large.body, 431);
  });

  it('a name with a bidirectional override or a NUL is refused with a 400 saying why', async () => {
    const server = await start();
    for (const name of ['evil\u202egnp.exe', 'nul\u0000name']) {
      const response = await call(server, 'POST', '/orgs/acme/apps', {
        id: 'evil-app',
        name,
      });
      const text = await response.text();
      expectError(response.status, text, 400);
      expect(JSON.parse(text).message).toMatch(
        /invisible control character U\+(202E|0000)/,
      );
    }
  });
});
