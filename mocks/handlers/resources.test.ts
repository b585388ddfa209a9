// Behaviour of individual routes beyond the contract: query parameters,
// content negotiation, reset, unknown endpoints.
import { setupServer } from 'msw/node';
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from 'vitest';
import { DEMO_ORG_ID, type Engine } from '../engine';
import { getEngine, resetTestEngine } from '../runtime';
import { createTestClient } from '../testing/api-client';
import { createHandlers } from './index';

const onReset = vi.fn();
const server = setupServer(
  ...createHandlers(getEngine, { base: '*/api', onReset }),
);
const api = createTestClient();
const shop = { orgId: DEMO_ORG_ID, appId: 'shop' };
let engine: Engine;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  ({ engine } = resetTestEngine());
  onReset.mockClear();
});
afterAll(() => server.close());

describe('deltas', () => {
  it('answers createDelta with the whole delta and filters the list by archived and env', async () => {
    const { data } = await api.POST('/orgs/{orgId}/apps/{appId}/deltas', {
      params: { path: shop },
      body: { metadata: { name: 'For staging', env_id: 'staging' } },
    });
    expect(data).toMatchObject({
      metadata: { name: 'For staging', env_id: 'staging', archived: false },
    });
    const id = typeof data === 'string' ? data : data!.id;
    const list = (query: { archived?: boolean; env?: string }) =>
      api
        .GET('/orgs/{orgId}/apps/{appId}/deltas', {
          params: { path: shop, query },
        })
        .then((r) => r.data!.map((d) => d.id));

    expect(await list({ env: 'staging' })).toContain(id);
    expect(await list({ env: 'production' })).not.toContain(id);
    await api.PUT(
      '/orgs/{orgId}/apps/{appId}/deltas/{deltaId}/metadata/archived',
      {
        params: { path: { ...shop, deltaId: id } },
        body: true,
      },
    );
    expect(await list({ archived: true })).toContain(id);
    expect(await list({ archived: false })).not.toContain(id);
  });

  it('merges a PATCH array into the stored delta', async () => {
    const { data } = await api.POST('/orgs/{orgId}/apps/{appId}/deltas', {
      params: { path: shop },
      body: {},
    });
    const deltaId = typeof data === 'string' ? data : data!.id;
    const patched = await api.PATCH(
      '/orgs/{orgId}/apps/{appId}/deltas/{deltaId}',
      {
        params: { path: { ...shop, deltaId } },
        body: [
          { modules: { remove: ['worker'] } },
          { modules: { remove: ['cart'] } },
        ],
      },
    );
    expect(patched.data?.modules.remove.sort()).toEqual(['cart', 'worker']);
  });
});

describe('sets', () => {
  it('returns the same PlainDelta for ?diff= and /diff/, and applies a delta to a set', async () => {
    const actor = engine.authenticate('hum_demo_admin_token');
    const env = engine.getEnv(actor, DEMO_ORG_ID, 'shop', 'development');
    const setId = env.last_deploy!.set_id;
    const { data: newSetId } = await api.POST(
      '/orgs/{orgId}/apps/{appId}/sets/{setId}',
      {
        params: { path: { ...shop, setId } },
        body: { modules: { remove: ['worker'] } },
      },
    );
    expect(typeof newSetId).toBe('string');
    const viaQuery = await api.GET('/orgs/{orgId}/apps/{appId}/sets/{setId}', {
      params: { path: { ...shop, setId: newSetId! }, query: { diff: setId } },
    });
    const viaPath = await api.GET(
      '/orgs/{orgId}/apps/{appId}/sets/{setId}/diff/{sourceSetId}',
      {
        params: { path: { ...shop, setId: newSetId!, sourceSetId: setId } },
      },
    );
    expect(viaQuery.data).toEqual(viaPath.data);
    expect(viaPath.data?.modules.remove).toEqual(['worker']);
  });
});

describe('runtime', () => {
  it.each([
    'application/v2+json',
    'application/json;q=0.5, application/v2+json',
  ])('answers V2 for Accept %s', async (accept) => {
    const { data, response } = await api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime',
      {
        params: { path: { ...shop, envId: 'development' } },
        headers: { Accept: accept },
      },
    );
    expect(response.headers.get('content-type')).toBe('application/v2+json');
    const modules = (
      data as unknown as { modules: Record<string, { status_class: string }> }
    ).modules;
    expect(Object.values(modules)[0].status_class).toBeTypeOf('string');
  });

  it.each(['application/json', '*/*', 'application/v2+json;q=0'])(
    "answers the spec's V1 for Accept %s: workloads as deployed, controllers beside their fields",
    async (accept) => {
      const { data, response } = await api.GET(
        '/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime',
        {
          params: { path: { ...shop, envId: 'development' } },
          headers: { Accept: accept },
        },
      );
      expect(response.headers.get('content-type')).toMatch(
        /^application\/json/,
      );
      const modules = (
        data as unknown as {
          modules: Record<string, Record<string, unknown>>;
        }
      ).modules;
      const [id, workload] = Object.entries(modules)[0];
      expect(workload).toMatchObject({
        profile: expect.any(String),
        spec: expect.any(Object),
        externals: expect.any(Object),
      });
      expect(workload).not.toHaveProperty('status_class');
      expect(workload[id]).toMatchObject({
        replicas: expect.any(Number),
        pods: expect.any(Array),
      });
    },
  );

  it('accepts ?id=a&id=b and ?id=a,b for the summary', async () => {
    const ids = (query: string) =>
      fetch(`http://localhost/api/orgs/acme/apps/shop/runtime?${query}`, {
        headers: { Authorization: 'Bearer hum_demo_admin_token' },
      }).then(async (r) =>
        ((await r.json()) as { id: string }[]).map((row) => row.id),
      );
    expect(await ids('id=development&id=staging')).toEqual([
      'development',
      'staging',
    ]);
    expect(await ids('id=development,staging')).toEqual([
      'development',
      'staging',
    ]);
  });

  it('refuses more than five environment ids', async () => {
    const { response, error } = await api.GET(
      '/orgs/{orgId}/apps/{appId}/runtime',
      {
        params: { path: shop, query: { id: ['a', 'b', 'c', 'd', 'e', 'f'] } },
      },
    );
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ error: 'API-400' });
  });

  it('pauses an environment', async () => {
    const path = { ...shop, envId: 'development' };
    await api.PUT('/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime/paused', {
      params: { path },
      body: true,
    });
    const { data } = await api.GET('/orgs/{orgId}/apps/{appId}/runtime', {
      params: { path: shop, query: { id: ['development'] } },
    });
    expect(data?.[0]).toMatchObject({ id: 'development', paused: true });
  });
});

describe('console extensions', () => {
  it('restores the demo data on reset and calls onReset', async () => {
    await api.POST('/orgs/{orgId}/apps', {
      params: { path: { orgId: DEMO_ORG_ID } },
      body: { id: 'temp', name: 'Temp' },
    });
    expect(onReset).not.toHaveBeenCalled();
    expect((await api.POST('/console/demo/reset')).response.status).toBe(204);
    expect(onReset).toHaveBeenCalledOnce();
    const apps = await api.GET('/orgs/{orgId}/apps', {
      params: { path: { orgId: DEMO_ORG_ID } },
    });
    expect(apps.data?.map((a) => a.id)).not.toContain('temp');
  });

  it('describes the engine with its fault rules', async () => {
    const { data } = await api.GET('/console/demo/info');
    expect(data?.fault_rules.map((r) => r.id)).toContain('image-pull');
  });
});

describe('unknown endpoints', () => {
  it('answers 404 with the error body for paths under the base', async () => {
    const response = await fetch(
      'http://localhost/api/orgs/acme/no-such-endpoint',
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: 'API-404',
      message: expect.stringContaining('/api/orgs/acme/no-such-endpoint'),
    });
  });
});
