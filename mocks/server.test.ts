import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from './engine';
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

function call(server: RunningServer, method: string, path: string, body?: unknown, token: string | null = DEMO_TOKEN) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('startServer', () => {
  it('serves the API over HTTP and keeps changes across a restart', async () => {
    const first = await start();
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const unauthorized = await call(first, 'GET', '/orgs/acme/apps', undefined, null);
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toMatchObject({ error: 'API-401' });

    const apps = await call(first, 'GET', '/orgs/acme/apps');
    expect(apps.status).toBe(200);
    expect(((await apps.json()) as { id: string }[]).map((a) => a.id)).toContain('shop');

    const delta = (await (await call(first, 'POST', '/orgs/acme/apps/shop/deltas', {
      metadata: { name: 'Over HTTP' },
      modules: { update: { api: [{ op: 'replace', path: '/spec/replicas', value: 4 }] } },
    })).json()) as { id: string };
    // The acknowledged write is on disk before the answer arrives.
    expect(readFileSync(dataFile, 'utf8')).toContain(delta.id);
    const deploy = await call(first, 'POST', '/orgs/acme/apps/shop/envs/development/deploys', { delta_id: delta.id });
    expect(deploy.status).toBe(201);
    const { id: deployId } = (await deploy.json()) as { id: string };
    await first.close();
    running.splice(running.indexOf(first), 1);

    const second = await start();
    expect((await call(second, 'GET', `/orgs/acme/apps/shop/deltas/${delta.id}`)).status).toBe(200);
    const deploys = (await (await call(second, 'GET', '/orgs/acme/apps/shop/envs/development/deploys')).json()) as { id: string }[];
    expect(deploys[0].id).toBe(deployId);
  });

  it('answers CORS preflights and adds CORS headers', async () => {
    const server = await start();
    const preflight = await fetch(`${server.url}/orgs/acme/apps`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
    expect((await call(server, 'GET', '/orgs')).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses bodies over 1 MiB with 413 and unknown paths with 404', async () => {
    const server = await start();
    const big = await call(server, 'POST', '/orgs/acme/apps/shop/deltas', JSON.stringify({ x: 'y'.repeat(MAX_BODY_BYTES) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'API-413' });
    const unknown = await call(server, 'GET', '/nowhere');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'API-404' });
  });

  it('starts from the seed and keeps a backup when the data file is corrupt', async () => {
    writeFileSync(dataFile, '{"schemaVersion": 1, "orgs": ');
    const server = await start();
    expect((await call(server, 'GET', '/orgs/acme/apps/shop')).status).toBe(200);
    const backups = readdirSync(dir).filter((f) => f.startsWith('data.json.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0]), 'utf8')).toBe('{"schemaVersion": 1, "orgs": ');
    expect(existsSync(dataFile)).toBe(true);
  });
});

describe('parseArgs', () => {
  it('reads --port, --data and --scenario, with defaults', () => {
    expect(parseArgs([])).toMatchObject({ port: 4010, dataFile: '.api-data.json', host: '127.0.0.1', scenario: 'demo' });
    expect(parseArgs(['--scenario', 'large']).scenario).toBe('large');
    expect(parseArgs(['--port', '0', '--data=x.json'])).toMatchObject({ port: 0, dataFile: 'x.json' });
    expect(() => parseArgs(['--nope'])).toThrow(/unknown option/);
    expect(() => parseArgs(['--port', 'abc'])).toThrow(/--port/);
  });
});
