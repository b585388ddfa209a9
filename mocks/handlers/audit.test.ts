// The audit log as the HTTP layer records it (audit.ts, wrapped around every route in routes.ts): every
// mutating call is recorded after it is answered, refused ones included, with who, method, the object's path and
// the status; reads, previews and calls without a valid token are not; an injected fault that never let the call
// through is not, a time-out that lost the answer is, with the real status. A secret planted in a value, in the
// body of a refused call and in a query string never reaches the log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine';
import { DEMO_TOKENS } from '../fixtures';
import { mendShopDevelopment } from '../fixtures/test-engine';
import { resetTestEngine, server, TEST_API_URL } from '../node';
import { createRouter, type ApiRequest } from './routes';

let engine: Engine;
let clock: ReturnType<typeof resetTestEngine>['clock'];
let since = '';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  const reset = resetTestEngine();
  engine = reset.engine;
  clock = reset.clock;
  since = new Date(reset.clock.now()).toISOString();
});
afterAll(() => server.close());

async function send(
  method: string,
  path: string,
  body?: unknown,
  token: string | null = DEMO_TOKENS.administrator,
) {
  const response = await fetch(`${TEST_API_URL}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.text() };
}

/** An entry as the API returns it (the console's search adds the engine's fields). */
interface Entry {
  at: string;
  org_id?: string;
  user_id: string;
  request_method: string;
  request_path: string;
  response_status: number;
  object_path?: string;
  object_name?: string;
  action?: string;
  env_paths?: string[];
}

/** The console's search of the log since the test began, with `query` (one page is enough here). */
async function search(query = ''): Promise<Entry[]> {
  const found = await send(
    'GET',
    `/orgs/acme/console/audit-logs?from=${encodeURIComponent(since)}${query}`,
  );
  expect(found.status).toBe(200);
  return JSON.parse(found.text) as Entry[];
}

/** Every entry of the log since the test began, newest first, read page by page through the API. */
async function logSinceStart(): Promise<Entry[]> {
  const out: Entry[] = [];
  let next: string | null =
    `/orgs/acme/audit-logs?per_page=2&from=${encodeURIComponent(since)}`;
  while (next) {
    const response: Response = await fetch(`${TEST_API_URL}${next}`, {
      headers: { Authorization: `Bearer ${DEMO_TOKENS.administrator}` },
    });
    expect(response.status).toBe(200);
    out.push(...((await response.json()) as Entry[]));
    const link: string | null = response.headers.get('link');
    next = link ? link.slice(1, link.indexOf('>')).replace(/^\/api/, '') : null;
  }
  return out;
}

describe('recording at the HTTP layer', () => {
  it('records successful and refused mutating calls, not reads, previews or calls without a valid token', async () => {
    expect(
      (await send('POST', '/orgs/acme/apps', { id: 'a1', name: 'A1' })).status,
    ).toBe(201);
    expect(
      (
        await send(
          'POST',
          '/orgs/acme/apps',
          { id: 'a2', name: 'A2' },
          DEMO_TOKENS.viewer,
        )
      ).status,
    ).toBe(403);
    expect((await send('POST', '/orgs/acme/apps', { id: 5 })).status).toBe(400);
    expect(
      (
        await send(
          'POST',
          '/orgs/acme/apps',
          { id: 'a3', name: 'A3' },
          'not-a-token',
        )
      ).status,
    ).toBe(401);
    expect(
      (await send('POST', '/orgs/acme/apps', { id: 'a4', name: 'A4' }, null))
        .status,
    ).toBe(401);
    expect((await send('GET', '/orgs/acme/apps')).status).toBe(200);
    const preview = await send(
      'POST',
      '/orgs/acme/workload-profiles/acme%2Fweb-service/console/impact',
      {},
    );
    expect(preview.status).toBe(400);
    expect((await send('DELETE', '/orgs/acme/apps/a1')).status).toBe(204);
    expect(await logSinceStart()).toEqual([
      {
        at: expect.any(String),
        org_id: 'acme',
        user_id: 'alex-admin',
        request_method: 'DELETE',
        request_path: '/orgs/acme/apps/a1',
        response_status: 204,
      },
      {
        at: expect.any(String),
        org_id: 'acme',
        user_id: 'alex-admin',
        request_method: 'POST',
        request_path: '/orgs/acme/apps',
        response_status: 400,
      },
      {
        at: expect.any(String),
        org_id: 'acme',
        user_id: 'vic-viewer',
        request_method: 'POST',
        request_path: '/orgs/acme/apps',
        response_status: 403,
      },
      {
        at: expect.any(String),
        org_id: 'acme',
        user_id: 'alex-admin',
        request_method: 'POST',
        request_path: '/orgs/acme/apps',
        response_status: 201,
      },
    ]);
  });

  it('records calls outside an organisation (a user’s tokens, the demo reset) in the caller’s organisation; the reset starts a new log with itself', async () => {
    expect(
      (
        await send(
          'DELETE',
          '/users/dana-dev/tokens/nope',
          undefined,
          DEMO_TOKENS.developer,
        )
      ).status,
    ).toBeGreaterThanOrEqual(400);
    const before = await logSinceStart();
    expect(before[0]).toMatchObject({
      user_id: 'dana-dev',
      request_method: 'DELETE',
      request_path: '/users/dana-dev/tokens/nope',
    });
    expect((await send('POST', '/console/demo/reset')).status).toBe(204);
    const log = await logSinceStart();
    expect(log[0]).toMatchObject({
      request_method: 'POST',
      request_path: '/console/demo/reset',
      response_status: 204,
    });
    expect(log.some((e) => e.request_path.startsWith('/users/'))).toBe(false);
  });

  it('leaves out calls an injected fault never let through, and records a lost answer with its real status', async () => {
    const request = (path: string, body: unknown): ApiRequest =>
      new Request(`http://api.test${path}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${DEMO_TOKENS.administrator}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    const failing = createRouter(() => engine, {
      faults: { rate: 1, kinds: ['500'], delayMs: 0, seed: 1 },
    });
    expect(
      await failing(
        request('/orgs/acme/apps', { id: 'f1', name: 'F1' }),
        'http://api.test',
      ),
    ).toMatchObject({ status: 500 });
    const timingOut = createRouter(() => engine, {
      faults: { rate: 1, kinds: ['timeout'], delayMs: 0, seed: 1 },
    });
    expect(
      await timingOut(
        request('/orgs/acme/apps', { id: 'f2', name: 'F2' }),
        'http://api.test',
      ),
    ).toMatchObject({ status: 504 });
    expect((await logSinceStart()).map((e) => e.response_status)).toEqual([
      201,
    ]);
  });
});

describe('what the engine knows of a call when it records it', () => {
  it('finds an approval and a deployment request by the environments they deploy to, and names the run a request started', async () => {
    mendShopDevelopment(engine, clock);
    const requested = await send('POST', '/orgs/acme/apps/shop/pipeline-runs', {
      trigger: 'deployment_request',
      env_id: 'development',
    });
    expect(requested.status).toBe(201);
    const run = JSON.parse(requested.text) as {
      id: string;
      pipeline_id: string;
    };
    const runPath = `/orgs/acme/apps/shop/pipelines/${run.pipeline_id}/runs/${run.id}`;
    clock.advance(20_000);
    const approvals = JSON.parse(
      (await send('GET', `/orgs/acme/apps/shop/approvals?run=${run.id}`)).text,
    ) as { id: string }[];
    const approve = `${runPath}/jobs/promote-staging/approvals/${approvals[0].id}/approve`;
    expect(
      (await send('POST', approve, undefined, DEMO_TOKENS.viewer)).status,
    ).toBe(403);
    expect((await send('POST', approve, { comment: 'ok' })).status).toBe(200);

    const staging = '/orgs/acme/apps/shop/envs/staging';
    const whoChangedStaging = await search(
      `&path_prefix=${encodeURIComponent(staging)}`,
    );
    expect(whoChangedStaging).toEqual([
      expect.objectContaining({
        user_id: 'alex-admin',
        request_path: approve,
        response_status: 200,
        env_paths: [staging],
      }),
      expect.objectContaining({
        user_id: 'vic-viewer',
        request_path: approve,
        response_status: 403,
        env_paths: [staging],
      }),
      expect.objectContaining({
        request_method: 'POST',
        request_path: '/orgs/acme/apps/shop/pipeline-runs',
        response_status: 201,
        object_path: runPath,
        env_paths: ['/orgs/acme/apps/shop/envs/development', staging],
      }),
    ]);
    // Production was not touched by either.
    expect(
      await search(
        `&path_prefix=${encodeURIComponent('/orgs/acme/apps/shop/envs/production')}`,
      ),
    ).toEqual([]);
    // The spec's list keeps the spec's shape.
    const spec = await logSinceStart();
    expect(spec.find((e) => e.request_path === approve)).not.toHaveProperty(
      'env_paths',
    );
    expect(
      spec.every((e) =>
        Object.keys(e).every((key) =>
          [
            'at',
            'org_id',
            'user_id',
            'request_method',
            'request_path',
            'response_status',
          ].includes(key),
        ),
      ),
    ).toBe(true);
  });

  it('names an artefact version by its image and tag and says whether a PATCH archived or restored it; says what the demo actions did', async () => {
    const versions = JSON.parse(
      (await send('GET', '/orgs/acme/artefact-versions')).text,
    ) as { id: string; artefact_id: string; name: string; version: string }[];
    const version = versions.find((v) => v.version !== '')!;
    const path = `/orgs/acme/artefacts/${version.artefact_id}/versions/${version.id}`;
    expect((await send('PATCH', path, { archived: true })).status).toBe(200);
    expect((await send('PATCH', path, { archived: false })).status).toBe(200);
    const agent = '/orgs/acme/console/agents/edge-eu/connectivity';
    expect((await send('PUT', agent, { connected: false })).status).toBe(200);
    const fault =
      '/orgs/acme/apps/shop/envs/preview/console/gitops/secret-fault';
    expect((await send('POST', fault, { broken: true })).status).toBe(200);
    expect(
      (await search()).map((e) => [e.request_path, e.object_name, e.action]),
    ).toEqual([
      [fault, undefined, 'secrets_broken'],
      [agent, undefined, 'cut_off'],
      [path, `${version.name}:${version.version}`, 'restored'],
      [path, `${version.name}:${version.version}`, 'archived'],
    ]);
  });
});

describe('secrets never reach the audit log', () => {
  const SECRET = 'audit-planted-Secret-7c21f0e9a3';

  it('keeps no secret value, refused body or query string', async () => {
    const created = await send('POST', '/orgs/acme/apps/shop/values', {
      key: 'AUDIT_TOKEN',
      value: SECRET,
      description: 'planted by audit.test.ts',
      is_secret: true,
    });
    expect(created.status).toBe(201);
    const env = await send(
      'POST',
      '/orgs/acme/apps/shop/envs/development/values',
      {
        key: 'AUDIT_TOKEN',
        value: `${SECRET}-env`,
        description: '',
        is_secret: true,
      },
    );
    expect(env.status).toBe(201);
    // Refused: a bad key (400) and a viewer (403), each carrying the secret in its body.
    expect(
      (
        await send('POST', '/orgs/acme/apps/shop/values', {
          key: 'bad key',
          value: SECRET,
          description: '',
          is_secret: true,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await send(
          'PATCH',
          '/orgs/acme/apps/shop/values/AUDIT_TOKEN',
          { value: SECRET },
          DEMO_TOKENS.viewer,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await send(
          'DELETE',
          `/orgs/acme/apps/shop/values/AUDIT_TOKEN?secret=${SECRET}`,
        )
      ).status,
    ).toBe(204);
    const log = await logSinceStart();
    expect(
      log.map(
        (e) => `${e.request_method} ${e.request_path} ${e.response_status}`,
      ),
    ).toEqual([
      'DELETE /orgs/acme/apps/shop/values/AUDIT_TOKEN 204',
      'PATCH /orgs/acme/apps/shop/values/AUDIT_TOKEN 403',
      'POST /orgs/acme/apps/shop/values 400',
      'POST /orgs/acme/apps/shop/envs/development/values 201',
      'POST /orgs/acme/apps/shop/values 201',
    ]);
    const search = await send(
      'GET',
      `/orgs/acme/console/audit-logs?from=${encodeURIComponent(since)}`,
    );
    const stored = JSON.stringify(engine.snapshot().audit);
    for (const text of [JSON.stringify(log), search.text, stored]) {
      expect(text).toContain('AUDIT_TOKEN');
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('planted-Secret');
    }
  });
});
