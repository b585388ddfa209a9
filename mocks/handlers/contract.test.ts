// Contract test: every route, happy paths and errors, through the handlers
// (setupServer + the typed client or fetch); every response body is checked
// against the spec (rules in contract-rules.ts). A route nobody exercised
// fails the last test.
import { createHash, createPublicKey } from 'node:crypto';
import type { Middleware } from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_ID, MAX_RUN_MS, PENDING_MS } from '../engine';
import { resetTestEngine, server, TEST_API_URL } from '../node';
import { mendShopDevelopment } from '../fixtures/test-engine';
import { createTestClient } from '../testing/api-client';
import {
  EDGE_EU_OLD_FINGERPRINT,
  SPARE_KEY_A,
  SPARE_KEY_B,
} from '../testing/agent-fixed-keys';
import { CERTIFICATE, ecPublicKey, rsaPublicKey } from '../testing/agent-keys';
import { createContractChecker } from './contract-rules';
import { MAX_BODY_BYTES } from './index';
import { HANDLED_OPERATIONS, type HandledOperation } from './operation-ids';
import { OPERATIONS } from './operations.gen';

const checker = createContractChecker('/api');

async function checked(request: Request, response: Response) {
  const result = checker.check(
    request.method,
    request.url,
    response.status,
    response.headers.get('content-type'),
    await response.clone().text(),
  );
  if (result.problems.length > 0) {
    throw new Error(
      `${result.method} ${result.path} → ${result.status} breaks the contract:\n  ${result.problems.join('\n  ')}`,
    );
  }
}

const conformance: Middleware = {
  async onResponse({ request, response }) {
    await checked(request, response);
    return response;
  },
};

const api = createTestClient();
api.use(conformance);
const anonymous = createTestClient({ token: null });
anonymous.use(conformance);

/** fetch through the contract check, for bodies the typed client cannot send. */
async function raw(
  method: string,
  path: string,
  body?: string,
  token: string | null = 'hum_demo_admin_token',
) {
  const request = new Request(`${TEST_API_URL}${path}`, {
    method,
    body,
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  });
  const response = await fetch(request.clone());
  await checked(request, response);
  return response;
}

const org = { orgId: DEMO_ORG_ID };
const shop = { ...org, appId: 'shop' };
const dev = { ...shop, envId: 'development' };

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('contract: happy paths', () => {
  it('serves users, orgs, apps and env types', async () => {
    resetTestEngine();
    expect((await api.GET('/current-user')).response.status).toBe(200);
    expect((await api.GET('/orgs')).data?.map((o) => o.id)).toContain(
      DEMO_ORG_ID,
    );
    expect(
      (await api.GET('/orgs/{orgId}', { params: { path: org } })).data?.id,
    ).toBe(DEMO_ORG_ID);
    expect(
      (await api.GET('/orgs/{orgId}/env-types', { params: { path: org } })).data
        ?.length,
    ).toBeGreaterThan(0);
    expect(
      (
        await api.GET('/orgs/{orgId}/apps', { params: { path: org } })
      ).data?.map((a) => a.id),
    ).toContain('shop');
    const created = await api.POST('/orgs/{orgId}/apps', {
      params: { path: org },
      body: { id: 'contract-app', name: 'Contract' },
    });
    expect(created.response.status).toBe(201);
    expect(
      (
        await api.GET('/orgs/{orgId}/apps/{appId}', {
          params: { path: { ...org, appId: 'contract-app' } },
        })
      ).data?.name,
    ).toBe('Contract');
    const deleted = await api.DELETE('/orgs/{orgId}/apps/{appId}', {
      params: { path: { ...org, appId: 'contract-app' } },
    });
    expect(deleted.response.status).toBe(204);
  });

  it('serves environments, deltas, sets, deploys and rebase', async () => {
    const { clock } = resetTestEngine();
    expect(
      (
        await api.GET('/orgs/{orgId}/apps/{appId}/envs', {
          params: { path: shop },
        })
      ).data?.length,
    ).toBeGreaterThan(0);
    const env = (
      await api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}', {
        params: { path: dev },
      })
    ).data!;
    const lastDeploy = env.last_deploy!;
    const setId = lastDeploy.set_id;

    const deploys = (
      await api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys', {
        params: { path: dev },
      })
    ).data!;
    expect(deploys[0].id).toBe(lastDeploy.id);
    const one = { ...dev, deployId: lastDeploy.id };
    expect(
      (
        await api.GET(
          '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}',
          { params: { path: one } },
        )
      ).data?.id,
    ).toBe(lastDeploy.id);
    expect(
      (
        await api.GET(
          '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/errors',
          { params: { path: one } },
        )
      ).data,
    ).toEqual([]);

    const sets = (
      await api.GET('/orgs/{orgId}/apps/{appId}/sets', {
        params: { path: shop },
      })
    ).data!;
    const other = sets.find((s) => s.id !== setId)!.id;
    expect(
      (
        await api.GET('/orgs/{orgId}/apps/{appId}/sets/{setId}', {
          params: { path: { ...shop, setId } },
        })
      ).data,
    ).toMatchObject({ id: setId });
    const diffQuery = await api.GET('/orgs/{orgId}/apps/{appId}/sets/{setId}', {
      params: { path: { ...shop, setId }, query: { diff: other } },
    });
    const diffPath = await api.GET(
      '/orgs/{orgId}/apps/{appId}/sets/{setId}/diff/{sourceSetId}',
      { params: { path: { ...shop, setId, sourceSetId: other } } },
    );
    expect(diffQuery.data).toEqual(diffPath.data);

    const change = {
      metadata: { name: 'Contract change', env_id: 'development' },
      modules: {
        update: { api: [{ op: 'replace', path: '/spec/replicas', value: 3 }] },
      },
    };
    const newSet = await api.POST('/orgs/{orgId}/apps/{appId}/sets/{setId}', {
      params: { path: { ...shop, setId } },
      body: change,
    });
    expect(typeof newSet.data).toBe('string');

    expect(
      (
        await api.GET('/orgs/{orgId}/apps/{appId}/deltas', {
          params: {
            path: shop,
            query: { archived: false, env: 'development' },
          },
        })
      ).response.status,
    ).toBe(200);
    const delta = (
      await api.POST('/orgs/{orgId}/apps/{appId}/deltas', {
        params: { path: shop },
        body: change,
      })
    ).data!;
    const deltaId = typeof delta === 'string' ? delta : delta.id;
    const d = { ...shop, deltaId };
    expect(
      (
        await api.GET('/orgs/{orgId}/apps/{appId}/deltas/{deltaId}', {
          params: { path: d },
        })
      ).data?.id,
    ).toBe(deltaId);
    const patched = await api.PATCH(
      '/orgs/{orgId}/apps/{appId}/deltas/{deltaId}',
      {
        params: { path: d },
        body: [
          {
            modules: {
              update: {
                api: [{ op: 'replace', path: '/spec/replicas', value: 4 }],
              },
            },
          },
        ],
      },
    );
    expect(patched.response.status).toBe(200);
    expect(
      (
        await api.PUT('/orgs/{orgId}/apps/{appId}/deltas/{deltaId}', {
          params: { path: d },
          body: change,
        })
      ).response.status,
    ).toBe(204);
    expect(
      (
        await api.PUT(
          '/orgs/{orgId}/apps/{appId}/deltas/{deltaId}/metadata/name',
          { params: { path: d }, body: 'Renamed' },
        )
      ).response.status,
    ).toBe(204);
    expect(
      (
        await api.PUT(
          '/orgs/{orgId}/apps/{appId}/deltas/{deltaId}/metadata/env_id',
          { params: { path: d }, body: 'development' },
        )
      ).response.status,
    ).toBe(204);

    const deploy = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys',
      {
        params: { path: dev },
        body: { delta_id: deltaId, comment: 'contract' },
      },
    );
    expect(deploy.response.status).toBe(201);
    clock.advance(PENDING_MS + MAX_RUN_MS);
    const done = await api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}',
      { params: { path: { ...dev, deployId: deploy.data!.id } } },
    );
    expect(done.data?.status).toBe('succeeded');
    expect(
      (
        await api.PUT(
          '/orgs/{orgId}/apps/{appId}/deltas/{deltaId}/metadata/archived',
          { params: { path: d }, body: true },
        )
      ).response.status,
    ).toBe(204);

    const qa = await api.POST('/orgs/{orgId}/apps/{appId}/envs', {
      params: { path: shop },
      body: {
        id: 'qa',
        name: 'QA',
        type: 'development',
        from_deploy_id: deploy.data!.id,
      },
    });
    expect(qa.response.status).toBe(201);
    const rebase = await api.PUT(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/from_deploy_id',
      { params: { path: { ...shop, envId: 'qa' } }, body: lastDeploy.id },
    );
    expect(rebase.response.status).toBe(204);
    expect(
      (
        await api.DELETE('/orgs/{orgId}/apps/{appId}/envs/{envId}', {
          params: { path: { ...shop, envId: 'qa' } },
        })
      ).response.status,
    ).toBe(204);
  });

  it('serves runtime, pause and replicas', async () => {
    resetTestEngine();
    // V2 when asked for, else the spec's V1 (`application/json`); the checker validates each against its schema.
    for (const [accept, type] of [
      ['application/v2+json', 'application/v2+json'],
      ['application/json', 'application/json'],
      ['*/*', 'application/json'],
    ]) {
      const runtime = await api.GET(
        '/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime',
        { params: { path: dev }, headers: { Accept: accept } },
      );
      expect(runtime.response.headers.get('content-type')).toMatch(type);
    }
    const v1 = (await (
      await raw(
        'GET',
        `/orgs/${DEMO_ORG_ID}/apps/shop/envs/development/runtime`,
      )
    ).json()) as {
      modules: Record<
        string,
        { profile: string; spec: object } & Record<string, unknown>
      >;
    };
    const [id, workload] = Object.entries(v1.modules)[0];
    expect(workload.profile).toEqual(expect.any(String));
    expect(workload[id]).toMatchObject({
      kind: 'Deployment',
      pods: expect.any(Array),
    });
    const summary = await api.GET('/orgs/{orgId}/apps/{appId}/runtime', {
      params: { path: shop, query: { id: ['development', 'staging'] } },
    });
    expect(summary.data?.map((r) => r.id)).toEqual(['development', 'staging']);
    expect(
      (
        await api.PATCH(
          '/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime/replicas',
          { params: { path: dev }, body: { api: 1 } },
        )
      ).response.status,
    ).toBe(204);
    expect(
      (
        await api.PUT(
          '/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime/paused',
          { params: { path: dev }, body: true },
        )
      ).response.status,
    ).toBe(204);
    expect(
      (
        await api.PUT(
          '/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime/paused',
          { params: { path: dev }, body: false },
        )
      ).response.status,
    ).toBe(204);
  });

  it('serves the console extensions', async () => {
    resetTestEngine();
    expect((await api.GET('/console/demo/info')).data?.org_id).toBe(
      DEMO_ORG_ID,
    );
    expect((await api.POST('/console/demo/reset')).response.status).toBe(204);
    const index = await api.GET('/orgs/{orgId}/console/navigation-index', {
      params: { path: org, query: { deploys_per_env: 2 } },
    });
    expect(index.data?.apps.map((a) => a.id)).toContain('shop');
    expect(
      (
        await raw(
          'GET',
          '/orgs/acme/console/navigation-index?deploys_per_env=99',
        )
      ).status,
    ).toBe(400);
    // A page (per_page, page, q, sort): the spec's Link header while more follow.
    const page = await api.GET('/orgs/{orgId}/console/navigation-index', {
      params: { path: org, query: { per_page: 2, sort: 'name' } },
    });
    expect(page.data?.apps).toHaveLength(2);
    expect(page.response.headers.get('link')).toMatch(
      /per_page=2&sort=name&page=n\.[0-9a-f]+>; rel="next"$/,
    );
    expect(
      (await raw('GET', '/orgs/acme/console/navigation-index?per_page=0'))
        .status,
    ).toBe(400);
  });
});

const PROFILE_BODY = {
  id: 'contract-profile',
  description: 'Contract',
  spec_definition: {
    properties: {
      containers: {
        type: 'feature' as const,
        feature_name: 'humanitec/replicas',
      },
      port: {
        type: 'schema' as const,
        ui_hints: { order: 1 },
        schema: { type: 'integer', minimum: 1 },
      },
    },
  },
  workload_profile_chart: { id: 'humanitec/default-module', version: '1.0.0' },
};

describe('contract: workload profiles', () => {
  it('serves profiles, their versions, the features and the resource types', async () => {
    resetTestEngine();
    const types = await api.GET('/orgs/{orgId}/resources/types', {
      params: { path: org },
    });
    expect(types.data?.map((t) => t.type)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'dns']),
    );
    const profiles = await api.GET('/orgs/{orgId}/workload-profiles', {
      params: { path: org },
    });
    expect(profiles.data?.map((p) => `${p.org_id}/${p.id}`)).toContain(
      'humanitec/default-module',
    );
    const paged = await api.GET('/orgs/{orgId}/workload-profiles', {
      params: { path: org, query: { per_page: 2, deprecated: true } },
    });
    expect(paged.data).toHaveLength(2);
    expect(paged.response.headers.get('link')).toMatch(/page=2.*rel="next"/);
    expect(
      (
        await api.GET('/orgs/{orgId}/workload-profile-features', {
          params: { path: org },
        })
      ).data?.length,
    ).toBeGreaterThan(5);
    const created = await api.POST('/orgs/{orgId}/workload-profiles', {
      params: { path: org },
      body: PROFILE_BODY,
    });
    expect(created.response.status).toBe(201);
    const qid = { ...org, profileQid: 'acme/contract-profile' };
    expect(
      (
        await api.GET('/orgs/{orgId}/workload-profiles/{profileQid}', {
          params: { path: qid },
        })
      ).data?.version,
    ).toBe('1.0.0');
    const { id: _id, ...update } = PROFILE_BODY;
    const updated = await api.PUT(
      '/orgs/{orgId}/workload-profiles/{profileQid}',
      { params: { path: qid }, body: { ...update, version: '2.0.0' } },
    );
    expect(updated.data?.version).toBe('2.0.0');
    const versions = await api.GET(
      '/orgs/{orgId}/workload-profiles/{profileQid}/versions',
      { params: { path: qid } },
    );
    expect(versions.data?.map((v) => v.id)).toEqual(['2.0.0', '1.0.0']);
    expect(
      (
        await api.GET(
          '/orgs/{orgId}/workload-profiles/{profileQid}/versions/latest',
          { params: { path: qid } },
        )
      ).data?.id,
    ).toBe('2.0.0');
    expect(
      (
        await api.DELETE('/orgs/{orgId}/workload-profiles/{profileQid}', {
          params: { path: qid },
        })
      ).response.status,
    ).toBe(204);
  });

  it('previews the impact of a profile version before it is published (issue 18)', async () => {
    resetTestEngine();
    const qid = { ...org, profileQid: 'acme/web-service' };
    const current = await api.GET(
      '/orgs/{orgId}/workload-profiles/{profileQid}',
      { params: { path: qid } },
    );
    const { spec_definition, workload_profile_chart } = current.data!;
    const same = await api.POST(
      '/orgs/{orgId}/workload-profiles/{profileQid}/console/impact',
      {
        params: { path: qid },
        body: { spec_definition, workload_profile_chart },
      },
    );
    expect(same.response.status).toBe(200);
    expect(same.data!.checked).toBeGreaterThan(0);
    expect(same.data!.refused).toEqual([]);
    const breaking = {
      ...spec_definition,
      properties: {
        ...spec_definition.properties,
        owner: { type: 'schema' as const, schema: { type: 'string' } },
      },
      'x-console-root': { required: ['owner'] },
    };
    const impact = await api.POST(
      '/orgs/{orgId}/workload-profiles/{profileQid}/console/impact',
      {
        params: { path: qid },
        body: { spec_definition: breaking, workload_profile_chart },
      },
    );
    expect(impact.data!.refused.length).toBe(impact.data!.checked);
    expect(impact.data!.refused[0]).toMatchObject({
      app_id: 'analytics',
      workload_id: 'dashboard',
      errors: [
        expect.objectContaining({
          path: '/owner',
          field: 'modules.dashboard.spec.owner',
          keyword: 'required',
        }),
      ],
    });
    // Nothing was published.
    expect(
      (
        await api.GET('/orgs/{orgId}/workload-profiles/{profileQid}/versions', {
          params: { path: qid },
        })
      ).data?.length,
    ).toBe(1);
  });

  it('refuses unsound schemas, duplicates, changes to built-ins and specs that do not match their profile', async () => {
    resetTestEngine();
    const bad = {
      ...PROFILE_BODY,
      spec_definition: {
        properties: {
          port: { type: 'schema' as const, schema: { type: 'text' } },
        },
      },
    };
    const refused = await api.POST('/orgs/{orgId}/workload-profiles', {
      params: { path: org },
      body: bad,
    });
    expect(refused.response.status).toBe(400);
    expect(
      (refused.error as unknown as { details: { errors: { path: string }[] } })
        .details.errors[0].path,
    ).toBe('/spec_definition/properties/port/schema/type');
    expect(
      (
        await api.POST('/orgs/{orgId}/workload-profiles', {
          params: { path: org },
          body: { ...PROFILE_BODY, id: 'web-service' },
        })
      ).response.status,
    ).toBe(409);
    const builtin = { ...org, profileQid: 'humanitec/default-module' };
    expect(
      (
        await api.DELETE('/orgs/{orgId}/workload-profiles/{profileQid}', {
          params: { path: builtin },
        })
      ).response.status,
    ).toBe(403);
    const env = (
      await api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}', {
        params: { path: dev },
      })
    ).data!;
    const noImage = {
      modules: {
        update: {
          api: [
            { op: 'replace', path: '/spec/containers/api/image', value: '' },
          ],
        },
      },
    };
    const applied = await api.POST('/orgs/{orgId}/apps/{appId}/sets/{setId}', {
      params: { path: { ...shop, setId: env.last_deploy!.set_id } },
      body: noImage,
    });
    expect(applied.response.status).toBe(400);
    expect(
      (applied.error as unknown as { details: { errors: unknown[] } }).details
        .errors,
    ).toEqual([
      expect.objectContaining({
        workload_id: 'api',
        path: '/containers/api/image',
        message: 'An image is required.',
      }),
    ]);
    expect(
      (await raw('GET', '/orgs/acme/workload-profiles?deprecated=maybe'))
        .status,
    ).toBe(400);
  });
});

describe('contract: health, deployment steps and logs', () => {
  it('serves organisation, app and environment health', async () => {
    resetTestEngine();
    const orgHealth = await api.GET('/orgs/{orgId}/console/health', {
      params: { path: org },
    });
    expect(
      orgHealth.data?.needs_attention.map((n) => `${n.app_id}/${n.env_id}`),
    ).toContain('shop/development');
    const appHealth = await api.GET(
      '/orgs/{orgId}/apps/{appId}/console/health',
      { params: { path: shop } },
    );
    expect(appHealth.data?.envs.map((e) => e.env_id)).toEqual([
      'development',
      'staging',
      'production',
      'preview',
    ]);
    const envHealth = await api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/health',
      { params: { path: dev } },
    );
    expect(envHealth.data?.root_cause?.code).toBe('ImagePullBackOff');
  });

  it('serves what needs attention a page at a time with the Link header, and 400 for a bad per_page (issue 24 §3)', async () => {
    resetTestEngine();
    const whole = await api.GET('/orgs/{orgId}/console/health', {
      params: { path: org },
    });
    const rows = whole.data!.needs_attention.map(
      (n) => `${n.app_id}/${n.env_id}`,
    );
    expect(whole.response.headers.get('link')).toBeNull();
    expect(whole.data!.total_needs_attention).toBeUndefined();
    const seen: string[] = [];
    let page: string | undefined;
    let pages = 0;
    do {
      const got = await api.GET('/orgs/{orgId}/console/health', {
        params: {
          path: org,
          query: { per_page: 3, ...(page ? { page } : {}) },
        },
      });
      expect(got.response.status).toBe(200);
      expect(got.data!.total_needs_attention).toBe(rows.length);
      seen.push(
        ...got.data!.needs_attention.map((n) => `${n.app_id}/${n.env_id}`),
      );
      const link = got.response.headers.get('link');
      if (link)
        expect(link).toMatch(
          /console\/health\?per_page=3&page=[^>]+>; rel="next"$/,
        );
      page = link
        ? new URL(/<([^>]+)>/.exec(link)![1], TEST_API_URL).searchParams.get(
            'page',
          )!
        : undefined;
      pages += 1;
    } while (page !== undefined && pages < 20);
    expect(seen).toEqual(rows);
    expect(pages).toBe(Math.ceil(rows.length / 3));
    const bad = await raw(
      'GET',
      `/orgs/${DEMO_ORG_ID}/console/health?per_page=0`,
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(
      /^per_page must be/,
    );
  });

  it('serves the placeholders a deployment filled, a secret output as its reference', async () => {
    resetTestEngine();
    const env = (
      await api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}', {
        params: { path: dev },
      })
    ).data!;
    const filled = await api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/console/placeholders',
      { params: { path: { ...dev, deployId: env.last_deploy!.id } } },
    );
    expect(filled.response.status).toBe(200);
    const host = filled.data!.find(
      (f) => f.workload_id === 'api' && f.field.endsWith('.DB_HOST'),
    );
    expect(host).toMatchObject({
      template: '${shared.db.host}',
      secret: false,
      resources: ['shared.db'],
    });
    expect(host?.value).toEqual(expect.any(String));
    const user = filled.data!.find(
      (f) => f.workload_id === 'api' && f.field.endsWith('.DB_USER'),
    );
    expect(user).toMatchObject({ secret: true });
    expect(user?.value).toBeUndefined();
  });

  it('serves a workload’s local-run bundle: compose.yaml, .env and README, a stand-in or a port forward per resource', async () => {
    resetTestEngine();
    const path =
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/workloads/{workloadId}/console/local-run' as const;
    const local = await api.GET(path, {
      params: { path: { ...dev, workloadId: 'api' } },
    });
    expect(local.response.status).toBe(200);
    expect(Object.keys(local.data!.files)).toEqual(
      expect.arrayContaining(['compose.yaml', '.env', 'README.md']),
    );
    expect(local.data!.secrets_included).toBe(false);
    const db = local.data!.resources.find((r) => r.id === 'shared.db');
    expect(db).toMatchObject({
      type: 'postgres',
      mode: 'local',
      service: 'shared-db',
    });
    const remote = await api.GET(path, {
      params: {
        path: { ...dev, workloadId: 'api' },
        query: { resource: ['shared.db:remote'] },
      },
    });
    expect(
      remote.data!.resources.find((r) => r.id === 'shared.db')?.port_forward,
    ).toEqual(
      expect.arrayContaining([expect.stringContaining('port-forward')]),
    );
    for (const query of [
      'resources=cloud',
      'resource=shared.db',
      'resource=shared.db:cloud',
      'resource=shared.nope:local',
      'secrets=yes',
    ])
      expect(
        (
          await raw(
            'GET',
            `/orgs/acme/apps/shop/envs/development/workloads/api/console/local-run?${query}`,
          )
        ).status,
        query,
      ).toBe(400);
  });

  it('serves an environment’s stream: every container’s lines in time and the Kubernetes events', async () => {
    const { clock } = resetTestEngine();
    const path =
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/stream' as const;
    const stream = await api.GET(path, { params: { path: dev } });
    expect(stream.response.status).toBe(200);
    expect(
      new Set(stream.data!.lines.map((l) => l.workload_id)).size,
    ).toBeGreaterThan(1);
    expect(stream.data!.events.map((e) => e.reason)).toContain('Scheduled');
    clock.advance(60_000);
    const next = await api.GET(path, {
      params: { path: dev, query: { since: stream.data!.now, limit: 5 } },
    });
    expect(next.data!.lines.length).toBeLessThanOrEqual(5);
    expect(next.data!.lines.every((l) => l.at > stream.data!.now)).toBe(true);
  });

  it('opens a shell in a running container, runs commands and closes it; the audit log has each call, never a command', async () => {
    resetTestEngine();
    const openPath =
      '/orgs/acme/apps/shop/envs/development/workloads/api/console/shell-sessions';
    // Without the deployer role: 403 naming it, and no session.
    const refused = await raw(
      'POST',
      openPath,
      '{"container_id": "api"}',
      'hum_demo_viewer_token',
    );
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /Opening a shell in a container of shop\/development needs the .*deployer/,
    );
    const opened = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/workloads/{workloadId}/console/shell-sessions',
      {
        params: { path: { ...dev, workloadId: 'api' } },
        body: { container_id: 'api' },
      },
    );
    expect(opened.response.status).toBe(201);
    const session = opened.data!;
    expect(session).toMatchObject({
      kind: 'container',
      container_id: 'api',
      prompt: '/ # ',
    });
    const path = { ...dev, sessionId: session.id };
    const run = (command: string) =>
      api.POST(
        '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/shell-sessions/{sessionId}/commands',
        { params: { path }, body: { command } },
      );
    expect((await run('hostname')).data).toEqual({
      output: `${session.pod_name}\n`,
      exit_code: 0,
      closed: false,
    });
    expect((await run('nope')).data).toMatchObject({
      output: 'sh: nope: not found\n',
      exit_code: 127,
    });
    const commands = `/orgs/acme/apps/shop/envs/development/console/shell-sessions/${session.id}/commands`;
    expect((await raw('POST', commands, '{"command": 1}')).status).toBe(400);
    expect(
      (
        await raw(
          'POST',
          commands,
          '{"command": "env"}',
          'hum_demo_viewer_token',
        )
      ).status,
    ).toBe(403);
    const closed = await api.DELETE(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/shell-sessions/{sessionId}',
      { params: { path } },
    );
    expect(closed.response.status).toBe(204);
    expect((await run('hostname')).response.status).toBe(404);
    const log = await api.GET('/orgs/{orgId}/audit-logs', {
      params: { path: org },
    });
    const shellCalls = log
      .data!.filter((e) => e.request_path.includes('shell-sessions'))
      .map((e) => [
        e.user_id,
        e.request_method,
        e.request_path,
        e.response_status,
      ])
      .reverse();
    const base = '/orgs/acme/apps/shop/envs/development';
    expect(shellCalls).toEqual([
      ['vic-viewer', 'POST', openPath, 403],
      [
        'alex-admin',
        'POST',
        `${base}/workloads/api/console/shell-sessions`,
        201,
      ],
      ['alex-admin', 'POST', commands, 200],
      ['alex-admin', 'POST', commands, 200],
      ['alex-admin', 'POST', commands, 400],
      ['vic-viewer', 'POST', commands, 403],
      [
        'alex-admin',
        'DELETE',
        `${base}/console/shell-sessions/${session.id}`,
        204,
      ],
      ['alex-admin', 'POST', commands, 404],
    ]);
    expect(JSON.stringify(log.data)).not.toContain('hostname');
  });

  it('serves a deployment timeline and container logs by cursor', async () => {
    const { clock } = resetTestEngine();
    const failed = (
      await api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}', {
        params: { path: { ...org, appId: 'payments', envId: 'staging' } },
      })
    ).data!;
    const steps = await api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/console/steps',
      {
        params: {
          path: {
            ...org,
            appId: 'payments',
            envId: 'staging',
            deployId: failed.last_deploy!.id,
          },
        },
      },
    );
    expect(
      steps.data?.steps.find((s) => s.status === 'failed')?.errors[0].code,
    ).toBe('RES-PROV-001');
    const path = { ...dev, workloadId: 'api', containerId: 'api' };
    const logsPath =
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/runtime/{workloadId}/containers/{containerId}/console/logs' as const;
    const page = await api.GET(logsPath, {
      params: { path, query: { limit: 3 } },
    });
    expect(page.data?.lines).toHaveLength(3);
    clock.advance(60_000);
    const next = await api.GET(logsPath, {
      params: { path, query: { since: page.data!.next_cursor } },
    });
    expect(next.data?.lines[0].cursor).toBe(page.data!.next_cursor);
    const waiting = await api.GET(logsPath, {
      params: {
        path: { ...path, workloadId: 'frontend', containerId: 'frontend' },
      },
    });
    expect(waiting.data?.notice).toMatch(/ImagePullBackOff/);
    expect(
      (
        await raw(
          'GET',
          '/orgs/acme/apps/shop/envs/development/runtime/api/containers/api/console/logs?since=soon',
        )
      ).status,
    ).toBe(400);
  });
});

describe('contract: fleet and DORA metrics', () => {
  it('serves the fleet overview, drift and a profile rollout with progress', async () => {
    const { clock } = resetTestEngine();
    const fleet = await api.GET('/orgs/{orgId}/console/fleet', {
      params: { path: org, query: { baseline: 'acme' } },
    });
    expect(fleet.data?.orgs.map((o) => o.org_id)).toEqual([
      'acme',
      'globex',
      'initech',
    ]);
    expect(fleet.data?.orgs[1].drift.length).toBeGreaterThan(0);
    const started = await api.POST('/orgs/{orgId}/console/fleet/rollouts', {
      params: { path: org },
      body: { profile_id: 'web-service', target_org_ids: ['globex'] },
    });
    expect(started.response.status).toBe(201);
    expect(started.data?.steps[0].status).toBe('in progress');
    const again = await api.POST('/orgs/{orgId}/console/fleet/rollouts', {
      params: { path: org },
      body: { profile_id: 'web-service', target_org_ids: ['initech'] },
    });
    expect(again.response.status).toBe(409);
    clock.advance(60_000);
    const list = await api.GET('/orgs/{orgId}/console/fleet/rollouts', {
      params: { path: org },
    });
    expect(list.data?.[0].status).toBe('done');
    expect(
      (
        await raw(
          'POST',
          '/orgs/acme/console/fleet/rollouts',
          '{"profile_id": "web-service", "target_org_ids": []}',
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await raw(
          'POST',
          '/orgs/acme/console/fleet/rollouts',
          '{"profile_id": "nope", "target_org_ids": ["globex"]}',
        )
      ).status,
    ).toBe(404);
  });

  it('serves DORA metrics for 30 and 90 days and refuses other windows', async () => {
    resetTestEngine();
    const month = await api.GET('/orgs/{orgId}/console/metrics/dora', {
      params: { path: org, query: { window: '30d' } },
    });
    expect(month.data?.series).toHaveLength(30);
    const quarter = await api.GET('/orgs/{orgId}/console/metrics/dora', {
      params: { path: org, query: { window: '90d', app: 'shop' } },
    });
    expect(quarter.data?.apps.map((a) => a.app_id)).toEqual(['shop']);
    expect(
      (await raw('GET', '/orgs/acme/console/metrics/dora?window=7d')).status,
    ).toBe(400);
  });
});

describe('contract: users, roles and tokens', () => {
  it('serves members, service users, role assignments and permissions', async () => {
    resetTestEngine();
    const me = (await api.GET('/current-user')).data!;
    expect(me.roles['/orgs/acme']).toBe('administrator');
    expect(
      (
        await api.GET('/orgs/{orgId}/users', {
          params: { path: org, query: { type: 'user' } },
        })
      ).data?.map((u) => u.id),
    ).toContain('dana-dev');
    const bot = (
      await api.POST('/orgs/{orgId}/users', {
        params: { path: org },
        body: { name: 'CI bot', role: 'member' },
      })
    ).data!;
    const user = { ...org, userId: bot.id };
    expect(
      (
        await api.GET('/orgs/{orgId}/users/{userId}', {
          params: { path: user },
        })
      ).data?.role,
    ).toBe('member');
    expect(
      (
        await api.PATCH('/orgs/{orgId}/users/{userId}', {
          params: { path: user },
          body: { role: 'orgViewer' },
        })
      ).data?.role,
    ).toBe('orgViewer');
    const perms = await api.GET('/orgs/{orgId}/users/{userId}/perms', {
      params: { path: { ...org, userId: 'dana-dev' } },
    });
    expect(
      perms.data?.objects['/orgs/acme/apps/shop/env-types/development']
        ?.permissions,
    ).toContain('env.deploy');
    const appUser = { ...shop, userId: bot.id };
    expect(
      (
        await api.POST('/orgs/{orgId}/apps/{appId}/users', {
          params: { path: shop },
          body: { id: bot.id, role: 'viewer' },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await api.GET('/orgs/{orgId}/apps/{appId}/users', {
          params: { path: shop },
        })
      ).data?.map((u) => u.id),
    ).toContain(bot.id);
    expect(
      (
        await api.GET('/orgs/{orgId}/apps/{appId}/users/{userId}', {
          params: { path: appUser },
        })
      ).data?.role,
    ).toBe('viewer');
    expect(
      (
        await api.PATCH('/orgs/{orgId}/apps/{appId}/users/{userId}', {
          params: { path: appUser },
          body: { role: 'developer' },
        })
      ).data?.role,
    ).toBe('developer');
    expect(
      (
        await api.DELETE('/orgs/{orgId}/apps/{appId}/users/{userId}', {
          params: { path: appUser },
        })
      ).response.status,
    ).toBe(204);
    const type = { ...org, envType: 'production' };
    const typeUser = { ...type, userId: bot.id };
    expect(
      (
        await api.POST('/orgs/{orgId}/env-types/{envType}/users', {
          params: { path: type },
          body: { id: bot.id, role: 'deployer' },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await api.GET('/orgs/{orgId}/env-types/{envType}/users', {
          params: { path: type },
        })
      ).data?.map((u) => u.id),
    ).toEqual([bot.id]);
    expect(
      (
        await api.GET('/orgs/{orgId}/env-types/{envType}/users/{userId}', {
          params: { path: typeUser },
        })
      ).data?.role,
    ).toBe('deployer');
    expect(
      (
        await api.PATCH('/orgs/{orgId}/env-types/{envType}/users/{userId}', {
          params: { path: typeUser },
          body: { role: 'deployer' },
        })
      ).response.status,
    ).toBe(200);
    expect(
      (
        await api.DELETE('/orgs/{orgId}/env-types/{envType}/users/{userId}', {
          params: { path: typeUser },
        })
      ).response.status,
    ).toBe(204);
    expect(
      (
        await api.DELETE('/orgs/{orgId}/users/{userId}', {
          params: { path: user },
        })
      ).response.status,
    ).toBe(204);
  });

  it('creates tokens shown once, lists them without secrets, revokes and cleans up expired ones', async () => {
    const { clock } = resetTestEngine();
    const bot = (
      await api.POST('/orgs/{orgId}/users', {
        params: { path: org },
        body: { name: 'Deploy bot', role: 'manager' },
      })
    ).data!;
    const created = await api.POST('/users/{userId}/tokens', {
      params: { path: { userId: bot.id } },
      body: { id: 'plain', type: 'static', description: 'Plain' },
    });
    expect(created.data?.token).toMatch(/^hum_/);
    const scoped = await api.POST(
      '/orgs/{orgId}/console/users/{userId}/tokens',
      {
        params: { path: { ...org, userId: bot.id } },
        body: {
          id: 'short',
          description: 'Read shop',
          expires_at: new Date(clock.now() + 60_000).toISOString(),
          scope: { read_only: true, apps: ['shop'] },
        },
      },
    );
    expect(scoped.data?.info.scope).toEqual({
      read_only: true,
      apps: ['shop'],
    });
    const asBot = createTestClient({ token: scoped.data!.token });
    asBot.use(conformance);
    expect(
      (
        await asBot.GET('/orgs/{orgId}/apps', { params: { path: org } })
      ).data?.map((a) => a.id),
    ).toEqual(['shop']);
    const refused = await asBot.POST('/orgs/{orgId}/apps/{appId}/deltas', {
      params: { path: shop },
      body: {},
    });
    expect(refused.response.status).toBe(403);
    expect(
      (
        await api.GET('/users/{userId}/tokens', {
          params: { path: { userId: bot.id } },
        })
      ).data?.map((t) => t.id),
    ).toEqual(['plain', 'short']);
    expect(
      (
        await api.GET('/users/{userId}/tokens/{tokenId}', {
          params: { path: { userId: bot.id, tokenId: 'plain' } },
        })
      ).data?.description,
    ).toBe('Plain');
    expect(
      (
        await api.POST('/users/{userId}/tokens', {
          params: { path: { userId: 'dana-dev' } },
          body: { id: 'x', type: 'static' },
        })
      ).response.status,
    ).toBe(400);
    expect(
      (
        await api.POST('/users/{userId}/tokens', {
          params: { path: { userId: bot.id } },
          body: { id: 'plain', type: 'static' },
        })
      ).response.status,
    ).toBe(409);
    clock.advance(61_000);
    expect(
      (await asBot.GET('/orgs/{orgId}/apps', { params: { path: org } }))
        .response.status,
    ).toBe(401);
    const listed = (
      await api.GET('/orgs/{orgId}/console/tokens', { params: { path: org } })
    ).data!;
    expect(listed.find((t) => t.id === 'short')?.expired).toBe(true);
    expect(
      (
        await api.DELETE('/orgs/{orgId}/console/tokens/expired', {
          params: { path: org },
        })
      ).data?.deleted,
    ).toEqual([`${bot.id}/short`]);
    expect(
      (
        await api.DELETE('/users/{userId}/tokens/{tokenId}', {
          params: { path: { userId: bot.id, tokenId: 'plain' } },
        })
      ).response.status,
    ).toBe(204);
    const viewer = createTestClient({ token: 'hum_demo_viewer_token' });
    viewer.use(conformance);
    expect(
      (
        await viewer.GET('/orgs/{orgId}/console/tokens', {
          params: { path: org },
        })
      ).response.status,
    ).toBe(403);
  });
});

describe('contract: clone between environments', () => {
  it('previews, applies (201), refuses a stale fingerprint (409) and lists the clone history', async () => {
    resetTestEngine();
    const staging = { ...shop, envId: 'staging' };
    const query = {
      source_env_id: 'development',
      mode: 'partial' as const,
      modules: 'cart',
    };
    const preview = await api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/clone-preview',
      { params: { path: staging, query } },
    );
    expect(preview.response.status).toBe(200);
    const { fingerprint, source } = preview.data!;
    const body = {
      source_env_id: 'development',
      source_deploy_id: source.deploy_id,
      mode: 'partial' as const,
      modules: ['cart'],
      fingerprint,
      comment: 'Clone cart',
    };
    const bad = await api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/clone-preview',
      { params: { path: staging, query: { ...query, modules: 'nope' } } },
    );
    expect(bad.response.status).toBe(400);
    const applied = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/clone',
      { params: { path: staging }, body },
    );
    expect(applied.response.status).toBe(201);
    expect(applied.data?.source_env_id).toBe('development');
    const stale = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/clone',
      { params: { path: staging }, body },
    );
    expect(stale.response.status).toBe(409);
    const history = await api.GET('/orgs/{orgId}/apps/{appId}/console/clones', {
      params: { path: shop, query: { env: 'development' } },
    });
    expect(history.data?.map((c) => c.deploy_id)).toEqual([
      applied.data!.deploy_id,
    ]);
    const viewer = createTestClient({ token: 'hum_demo_viewer_token' });
    viewer.use(conformance);
    const refused = await viewer.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/console/clone',
      { params: { path: staging }, body },
    );
    expect(refused.response.status).toBe(403);
  });
});

/** Valid path parameters and bodies for every operation, taken from the seeded engine. */
function samples() {
  const { engine, clock } = resetTestEngine();
  const actor = engine.authenticate('hum_demo_admin_token');
  const env = engine.getEnv(actor, DEMO_ORG_ID, 'shop', 'development');
  const delta = engine.listDeltas(actor, DEMO_ORG_ID, 'shop')[0];
  const bot = engine.createServiceUser(actor, DEMO_ORG_ID, {
    name: 'Contract bot',
    role: 'member',
  });
  engine.createToken(actor, bot.id, { id: 'sample-token' });
  const pipelineRun = samplePipelineRun(engine, clock);
  const version = engine.listArtefactVersionsInOrg(actor, DEMO_ORG_ID)[0];
  const appValues = engine.listValueSetVersions(
    actor,
    DEMO_ORG_ID,
    'shop',
    undefined,
  );
  const envValues = engine.listValueSetVersions(
    actor,
    DEMO_ORG_ID,
    'shop',
    'development',
  );
  const defVersions = engine.listResourceDefinitionVersions(
    actor,
    DEMO_ORG_ID,
    'postgres-dev',
  ).items;
  const params: Record<string, string> = {
    ...pipelineRun,
    userId: bot.id,
    envType: 'development',
    tokenId: 'sample-token',
    orgId: DEMO_ORG_ID,
    appId: 'shop',
    envId: 'development',
    deployId: env.last_deploy!.id,
    setId: env.last_deploy!.set_id,
    sourceSetId: env.last_deploy!.set_id,
    deltaId: delta.id,
    workloadId: 'api',
    containerId: 'api',
    storeId: 'vault-prod',
    envTypeId: 'preview',
    regId: 'acme-registry',
    artefactId: version.artefact_id,
    versionId: version.id,
    artefactVersionId: version.id,
    key: 'LOG_LEVEL',
    valueSetVersionId: appValues[0].id,
    // An environment's value-set versions have ids of their own (fill uses this one on their paths).
    envValueSetVersionId: envValues[0].id,
    // Drivers, accounts and custom types (drivers-seed.ts).
    driverId: 'acme-flags',
    accId: 'aws-prod',
    typeId: 'feature-flags',
    // Resource definitions and classes (resourcedefs-seed.ts).
    defId: 'postgres-dev',
    defVersionId: defVersions[defVersions.length - 1].id,
    classId: 'large',
    // Active resources and graphs (provisioning/): shop/development's redis, its last deployment's graph.
    type: 'redis',
    resId: 'shared.cache',
    graphId: env.last_deploy!.dependency_graph_id!,
    // Agents and keys (agents-seed.ts): edge-eu holds two keys, the organisation one public key.
    agentId: 'edge-eu',
    fingerprint: EDGE_EU_OLD_FINGERPRINT,
    keyId: '4c0310b415c57aa0d16899f83e4c87bf',
  };
  const bodies: Partial<Record<HandledOperation, unknown>> = {
    createApplication: { id: 'sample-app', name: 'Sample' },
    createEnvironment: {
      id: 'sample-env',
      name: 'Sample',
      type: 'development',
      from_deploy_id: env.last_deploy!.id,
    },
    rebaseEnvironment: env.last_deploy!.id,
    createDeployment: { delta_id: delta.id },
    updateSet: {},
    createDelta: {},
    patchDelta: [{}],
    putDelta: {},
    archiveDelta: false,
    changeEnvOfDelta: 'staging',
    changeNameOfDelta: 'Sample',
    updatePaused: false,
    patchReplicas: { api: 1 },
    createWorkloadProfile: PROFILE_BODY,
    updateWorkloadProfile: {
      spec_definition: PROFILE_BODY.spec_definition,
      workload_profile_chart: PROFILE_BODY.workload_profile_chart,
    },
    previewProfileImpact: {
      spec_definition: PROFILE_BODY.spec_definition,
      workload_profile_chart: PROFILE_BODY.workload_profile_chart,
    },
    createProfileRollout: {
      profile_id: 'web-service',
      target_org_ids: ['globex'],
    },
    applyClone: {
      source_env_id: 'development',
      mode: 'full',
      fingerprint: 'sample',
    },
    createServiceUserInOrg: { name: 'Sample bot', role: 'member' },
    updateUserRoleInOrg: { role: 'orgViewer' },
    createUserRoleInApp: { id: bot.id, role: 'viewer' },
    updateUserRoleInApp: { role: 'developer' },
    createUserRoleInEnvType: { id: bot.id, role: 'deployer' },
    updateUserRoleInEnvType: { role: 'deployer' },
    createUserToken: { id: 'another-token', type: 'static' },
    createScopedToken: { id: 'another-token', scope: { read_only: true } },
    createPipelineCriteria: {
      trigger: 'deployment_request',
      env_type: 'staging',
    },
    createPipelineRunByTriggerCriteria: {
      trigger: 'deployment_request',
      env_id: 'development',
    },
    createPipelineRun: { inputs: {} },
    abortCanary: {},
    createAgent: { id: 'sample-agent', public_key: SPARE_KEY_A },
    patchAgent: { description: 'Sample' },
    createKey: { public_key: SPARE_KEY_B },
    createPublicKey: SPARE_KEY_A,
    setAgentConnectivity: { connected: false },
    causeGitopsDrift: {},
    setGitopsSecretFault: { broken: false },
    createSecretStore: {
      id: 'sample-store',
      primary: false,
      vault: { url: 'https://vault.example.com' },
    },
    patchSecretStore: { primary: true },
    createEnvironmentType: { id: 'sample-type' },
    updateEnvironmentType: { description: 'Sample' },
    updateEnvironment: { name: 'Sample' },
    createArtefactVersion: {
      type: 'container',
      name: 'registry.acme.dev/shop/api',
      version: '9.9.9',
    },
    patchArtefactVersion: { archived: true },
    createRegistry: {
      id: 'sample-registry',
      registry: 'registry.sample.example',
      type: 'basic',
    },
    createAppValue: { key: 'SAMPLE_KEY', value: 'sample', description: '' },
    replaceAppValue: { value: 'debug', description: '' },
    patchAppValue: { value: 'debug' },
    createEnvValue: { key: 'SAMPLE_KEY', value: 'sample', description: '' },
    replaceEnvValue: { value: 'debug', description: '' },
    patchEnvValue: { value: 'debug' },
    restoreAppValueSetVersion: { comment: 'sample' },
    restoreAppValueSetVersionKey: { comment: 'sample' },
    purgeAppValueSetVersionKey: { comment: 'sample' },
    restoreEnvValueSetVersion: { comment: 'sample' },
    restoreEnvValueSetVersionKey: { comment: 'sample' },
    purgeEnvValueSetVersionKey: { comment: 'sample' },
    patchRegistry: {
      id: 'no-such-id',
      registry: 'registry.sample.example',
      type: 'basic',
    },
    createResourceDriver: {
      id: 'sample-driver',
      type: 'postgres',
      target: 'https://drivers.example.com/sample/',
      inputs_schema: { type: 'object' },
      account_types: ['aws'],
    },
    updateResourceDriver: {
      type: 'feature-flags',
      target: 'https://drivers.example.com/sample/',
      inputs_schema: { type: 'object' },
      account_types: [],
    },
    createResourceAccount: {
      id: 'sample-account',
      name: 'Sample',
      type: 'aws-role',
      credentials: { aws_role: 'arn:aws:iam::123456789012:role/sample' },
    },
    patchResourceAccount: { name: 'Sample' },
    createResourceType: { type: 'sample-type', use: 'direct' },
    patchResourceType: { name: 'Sample' },
    updateResourceType: { use: 'direct' },
    createResourceDefinition: {
      id: 'sample-def',
      name: 'Sample',
      type: 'redis',
      driver_type: 'humanitec/echo',
    },
    updateResourceDefinition: { name: 'Sample' },
    patchResourceDefinition: { name: 'Sample' },
    archiveResourceDefinitionVersion: { archived: true },
    createResourceDefinitionCriteria: { app_id: 'sample-app' },
    updateResourceDefinitionCriteria: [{ env_type: 'development' }],
    createResourceClass: { id: 'sample-class', description: 'Sample' },
    updateResourceClass: { description: 'Sample' },
    explainResourceMatch: {
      type: 'postgres',
      res_id: 'shared.db',
      app_id: 'shop',
      env_id: 'development',
    },
    pinActiveResource: { target_def_version_id: null },
    createDependencyGraph: [{ id: 'shared.db', type: 'postgres' }],
    queryResourceGraph: [{ id: 'shared.db', type: 'postgres' }],
    convertScoreToSet: {
      spec: {
        apiVersion: 'score.dev/v1b1',
        metadata: { name: 'sample' },
        containers: { main: { image: 'registry.acme.dev/sample:1' } },
      },
    },
  };
  // Shells (issue 23 §3): a session of the administrator in shop/development's api.
  params.sessionId = engine.openShellSession(
    actor,
    DEMO_ORG_ID,
    'shop',
    'development',
    'api',
    { container_id: 'api' },
  ).id;
  bodies.openShellSession = { container_id: 'api' };
  bodies.runShellCommand = { command: 'hostname' };
  return { params: { ...params, profileQid: 'acme/web-service' }, bodies };
}

/** Query strings some operations need to reach the engine at all. */
const QUERIES: Partial<Record<HandledOperation, string>> = {
  listRuntime: '?id=development',
  previewClone: '?source_env_id=development&mode=full',
};

function fill(operationId: HandledOperation, params: Record<string, string>) {
  const template = OPERATIONS[operationId].path;
  const envVersions =
    template.includes('/envs/{envId}/value-set-versions/') &&
    params.valueSetVersionId !== 'no-such-id';
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(
      envVersions && name === 'valueSetVersionId'
        ? params.envValueSetVersionId
        : params[name],
    ),
  );
  return path + (QUERIES[operationId] ?? '');
}

function bodyOf(
  operationId: HandledOperation,
  bodies: Partial<Record<HandledOperation, unknown>>,
) {
  return 'jsonBody' in OPERATIONS[operationId]
    ? JSON.stringify(bodies[operationId])
    : undefined;
}

/** A run of the demo pipeline waiting for its approval, for path parameters. */
function samplePipelineRun(
  engine: ReturnType<typeof resetTestEngine>['engine'],
  clock: { advance(ms: number): number },
) {
  const actor = engine.authenticate('hum_demo_admin_token');
  // The seed's development fails, and smoke tests over it fail: mended first, so the run reaches its approval.
  mendShopDevelopment(engine, clock);
  const run = engine.requestDeployment(actor, DEMO_ORG_ID, 'shop', {
    trigger: 'deployment_request',
    env_id: 'development',
  });
  clock.advance(20_000);
  const approval = engine.listApprovals(actor, DEMO_ORG_ID, 'shop', {
    runId: run.id,
  })[0];
  const criteria = engine.listPipelineCriteria(actor, DEMO_ORG_ID, 'shop')[0];
  return {
    pipelineId: run.pipeline_id,
    runId: run.id,
    jobId: approval.job_id,
    stepIndex: '0',
    approvalId: approval.id,
    criteriaId: criteria.id,
  };
}

/** fetch with any body and content type, through the contract check. */
async function send(
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
) {
  const request = new Request(`${TEST_API_URL}${path}`, {
    method,
    body,
    headers: {
      Authorization: 'Bearer hum_demo_admin_token',
      'Content-Type': 'application/json',
      ...headers,
    },
  });
  const response = await fetch(request.clone());
  await checked(request, response);
  return response;
}

const PIPELINE_YAML = `name: Contract pipeline
on: { pipeline_call: {}, deployment_request: {} }
jobs:
  only:
    steps:
      - uses: actions/humanitec/http@v1
        with: { url: https://example.com/status/200 }
      - uses: actions/humanitec/approve@v1
        with: { env_id: staging }
`;

describe('contract: artefacts and registries', () => {
  const IMAGE = 'registry.acme.dev/contract/api';
  const DIGEST = `sha256:${'cd'.repeat(32)}`;
  const push = (version: string) => ({
    type: 'container' as const,
    name: IMAGE,
    version,
    commit: 'c0ffee1234',
    ref: 'refs/heads/main',
    digest: DIGEST,
  });

  it('pushes, lists, filters, archives and deletes artefact versions; 400 and 404 as the spec says', async () => {
    resetTestEngine();
    const created = await api.POST('/orgs/{orgId}/artefact-versions', {
      params: { path: org },
      body: push('1.0.0'),
    });
    expect(created.response.status).toBe(200);
    const v1 = created.data as { id: string; artefact_id: string };
    expect(created.data).toMatchObject({
      type: 'container',
      name: IMAGE,
      version: '1.0.0',
      digest: DIGEST,
      archived: false,
    });
    const dry = await raw(
      'POST',
      `/orgs/${DEMO_ORG_ID}/artefact-versions?dry_run=true`,
      JSON.stringify(push('1.1.0')),
    );
    expect(dry.status).toBe(204);
    const inOrg = await api.GET('/orgs/{orgId}/artefact-versions', {
      params: { path: org, query: { name: IMAGE } },
    });
    expect(inOrg.data?.map((v) => v.id)).toEqual([v1.id]);
    expect(
      (
        await api.GET('/orgs/{orgId}/artefact-versions/{artefactVersionId}', {
          params: { path: { ...org, artefactVersionId: v1.id } },
        })
      ).data?.id,
    ).toBe(v1.id);
    const artefacts = await api.GET('/orgs/{orgId}/artefacts', {
      params: { path: org, query: { name: IMAGE } },
    });
    expect(artefacts.data).toEqual([
      expect.objectContaining({
        id: v1.artefact_id,
        name: IMAGE,
        type: 'container',
      }),
    ]);
    const one = { ...org, artefactId: v1.artefact_id };
    const archived = await api.PATCH(
      '/orgs/{orgId}/artefacts/{artefactId}/versions/{versionId}',
      {
        params: { path: { ...one, versionId: v1.id } },
        body: { archived: true },
      },
    );
    expect(archived.data?.archived).toBe(true);
    expect(
      (
        await api.GET('/orgs/{orgId}/artefacts/{artefactId}/versions', {
          params: { path: one, query: { archived: true, limit: 5 } },
        })
      ).data?.map((v) => v.id),
    ).toEqual([v1.id]);
    // Errors: a bad commit, a name with a reference, an unknown version, a bad archived value.
    const bad = await raw(
      'POST',
      `/orgs/${DEMO_ORG_ID}/artefact-versions`,
      JSON.stringify({ ...push('2'), commit: 'not-a-sha' }),
    );
    expect(bad.status).toBe(400);
    expect(
      (
        await api.GET('/orgs/{orgId}/artefact-versions', {
          params: {
            path: org,
            query: { name: IMAGE, reference: `${IMAGE}:1.0.0` },
          },
        })
      ).response.status,
    ).toBe(400);
    expect(
      (
        await api.GET('/orgs/{orgId}/artefact-versions/{artefactVersionId}', {
          params: { path: { ...org, artefactVersionId: 'nope' } },
        })
      ).response.status,
    ).toBe(404);
    expect(
      (
        await raw(
          'PATCH',
          `/orgs/${DEMO_ORG_ID}/artefacts/${v1.artefact_id}/versions/${v1.id}`,
          JSON.stringify({ archived: 'yes' }),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await api.GET('/orgs/{orgId}/artefacts/{artefactId}/versions', {
          params: { path: { ...org, artefactId: 'nope' } },
        })
      ).response.status,
    ).toBe(404);
    // The developer may not push (403); deleting the artefact takes its versions.
    expect(
      (
        await raw(
          'POST',
          `/orgs/${DEMO_ORG_ID}/artefact-versions`,
          JSON.stringify(push('3.0.0')),
          'hum_demo_developer_token',
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await api.DELETE('/orgs/{orgId}/artefacts/{artefactId}', {
          params: { path: one },
        })
      ).response.status,
    ).toBe(204);
    expect(
      (
        await api.DELETE('/orgs/{orgId}/artefacts/{artefactId}', {
          params: { path: one },
        })
      ).response.status,
    ).toBe(404);
  });

  it('lists the running images with the artefact version of each (console extension)', async () => {
    resetTestEngine();
    const running = await raw(
      'GET',
      `/orgs/${DEMO_ORG_ID}/console/running-images`,
    );
    expect(running.status).toBe(200);
    const images = (await running.json()) as {
      app_id: string;
      env_id: string;
      image: string;
      artefact_version_id?: string;
    }[];
    expect(images).toContainEqual(
      expect.objectContaining({
        app_id: 'shop',
        env_id: 'production',
        artefact_version_id: expect.any(String),
      }),
    );
    // The image the registry never had (image-pull fault) has no version.
    expect(
      images.find((i) => i.image.endsWith(':3.3.0-missing'))
        ?.artefact_version_id,
    ).toBeUndefined();
  });

  it('registers, changes and deletes registries; credentials are never returned in full', async () => {
    resetTestEngine();
    const body = {
      id: 'contract-registry',
      registry: 'registry.contract.example/acme',
      type: 'basic',
      enable_ci: true,
      creds: { username: 'ci', password: 'contract-planted-password' },
    };
    const created = await api.POST('/orgs/{orgId}/registries', {
      params: { path: org },
      body,
    });
    expect(created.response.status).toBe(201);
    expect(JSON.stringify(created.data)).not.toContain(
      'contract-planted-password',
    );
    expect(
      (
        await api.POST('/orgs/{orgId}/registries', {
          params: { path: org },
          body,
        })
      ).response.status,
    ).toBe(409);
    const one = { ...org, regId: 'contract-registry' };
    expect(
      (
        await api.GET('/orgs/{orgId}/registries', { params: { path: org } })
      ).data?.map((r) => r.id),
    ).toContain('contract-registry');
    expect(
      (
        await api.GET('/orgs/{orgId}/registries/{regId}', {
          params: { path: one },
        })
      ).data?.registry,
    ).toBe('registry.contract.example/acme');
    const creds = await api.GET('/orgs/{orgId}/registries/{regId}/creds', {
      params: { path: one },
    });
    expect(creds.data).toEqual({
      registry: 'registry.contract.example/acme',
      username: 'ci',
      password: '********',
    });
    const patched = await api.PATCH('/orgs/{orgId}/registries/{regId}', {
      params: { path: one },
      body: {
        id: 'contract-registry',
        registry: 'ghcr.io/acme',
        type: 'basic',
      },
    });
    expect(patched.data).toMatchObject({
      registry: 'ghcr.io/acme',
      enable_ci: false,
    });
    expect(
      (
        await api.PATCH('/orgs/{orgId}/registries/{regId}', {
          params: { path: one },
          body: {
            id: 'contract-registry',
            registry: 'https://nope',
            type: 'basic',
          },
        })
      ).response.status,
    ).toBe(400);
    expect(
      (
        await raw(
          'GET',
          `/orgs/${DEMO_ORG_ID}/registries/contract-registry/creds`,
          undefined,
          'hum_demo_developer_token',
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await api.DELETE('/orgs/{orgId}/registries/{regId}', {
          params: { path: one },
        })
      ).response.status,
    ).toBe(204);
    expect(
      (
        await api.GET('/orgs/{orgId}/registries/{regId}', {
          params: { path: one },
        })
      ).response.status,
    ).toBe(404);
  });
});

describe('contract: pipelines, runs, approvals and canaries', () => {
  it('serves definitions, versions, criteria and the schema', async () => {
    resetTestEngine();
    expect(
      (await send('GET', '/orgs/acme/pipeline-schemas/latest')).status,
    ).toBe(200);
    const yaml = { 'Content-Type': 'application/x-yaml' };
    expect(
      (
        await send(
          'POST',
          '/orgs/acme/apps/shop/pipelines?dry_run=true',
          PIPELINE_YAML,
          yaml,
        )
      ).status,
    ).toBe(204);
    const created = await send(
      'POST',
      '/orgs/acme/apps/shop/pipelines',
      PIPELINE_YAML,
      yaml,
    );
    expect(created.status).toBe(201);
    expect(
      (
        await send(
          'POST',
          '/orgs/acme/apps/shop/pipelines',
          PIPELINE_YAML,
          yaml,
        )
      ).status,
    ).toBe(409);
    expect(
      (await send('POST', '/orgs/acme/apps/shop/pipelines', 'name: [', yaml))
        .status,
    ).toBe(400);
    const base = '/orgs/acme/apps/shop/pipelines/contract-pipeline';
    expect(
      (
        await send(
          'PATCH',
          base,
          PIPELINE_YAML.replace(
            'Contract pipeline',
            'Contract pipeline 2',
          ).replace('name:', 'id: contract-pipeline\nname:'),
          yaml,
        )
      ).status,
    ).toBe(200);
    expect(await (await send('GET', `${base}?version=1`)).json()).toMatchObject(
      { version: '1', name: 'Contract pipeline' },
    );
    expect(
      (await (await send('GET', `${base}/versions`)).json()).map(
        (v: { id: string }) => v.id,
      ),
    ).toEqual(['2', '1']);
    expect(
      await (
        await send('GET', `${base}/schema`, undefined, {
          Accept: 'application/json',
        })
      ).json(),
    ).toMatchObject({ name: 'Contract pipeline 2' });
    expect(
      (await (await send('GET', '/orgs/acme/apps/shop/pipelines')).json())
        .length,
    ).toBe(2);
    expect(
      (await (await send('GET', '/orgs/acme/pipelines?app=shop')).json())
        .length,
    ).toBe(2);
    const criteria = await (
      await send(
        'POST',
        `${base}/criteria`,
        JSON.stringify({ trigger: 'deployment_request', env_id: 'staging' }),
      )
    ).json();
    expect(
      (
        await send(
          'POST',
          `${base}/criteria`,
          JSON.stringify({ trigger: 'deployment_request', env_id: 'staging' }),
        )
      ).status,
    ).toBe(409);
    expect((await send('GET', `${base}/criteria/${criteria.id}`)).status).toBe(
      200,
    );
    expect(
      await (
        await send(
          'GET',
          '/orgs/acme/apps/shop/pipeline-criteria?pipeline=contract-pipeline',
        )
      ).json(),
    ).toHaveLength(1);
    expect(
      (await send('DELETE', `${base}/criteria/${criteria.id}`)).status,
    ).toBe(204);
    expect((await send('DELETE', base)).status).toBe(204);
  });

  it('serves runs, jobs, logs, approvals, cancel, restart and delete', async () => {
    const { engine, clock } = resetTestEngine();
    // The seed's development fails, and smoke tests over it fail: mended first, so the run reaches its approval.
    mendShopDevelopment(engine, clock);
    const run = await (
      await send(
        'POST',
        '/orgs/acme/apps/shop/pipeline-runs',
        JSON.stringify({
          trigger: 'deployment_request',
          env_id: 'development',
        }),
      )
    ).json();
    expect(run.status).toBe('executing');
    expect(
      (
        await send(
          'POST',
          '/orgs/acme/apps/shop/pipeline-runs',
          JSON.stringify({ trigger: 'deployment_request', env_id: 'staging' }),
        )
      ).status,
    ).toBe(422);
    clock.advance(20_000);
    const base = `/orgs/acme/apps/shop/pipelines/${run.pipeline_id}/runs/${run.id}`;
    expect((await (await send('GET', base)).json()).waiting_for).toEqual({
      'promote-staging': 'approval',
    });
    expect(
      (await (await send('GET', `${base}/jobs`)).json()).map(
        (j: { id: string }) => j.id,
      ),
    ).toEqual(['deploy-development', 'promote-staging']);
    expect(
      (await (await send('GET', `${base}/jobs/deploy-development`)).json())
        .steps,
    ).toHaveLength(3);
    expect(
      (
        await (
          await send('GET', `${base}/jobs/deploy-development/steps/1/logs`)
        ).json()
      )[0].message,
    ).toMatch(/smoke suite/);
    const approvals = await (
      await send(
        'GET',
        `/orgs/acme/apps/shop/approvals?run=${run.id}&status=waiting`,
      )
    ).json();
    const approval = `${base}/jobs/promote-staging/approvals/${approvals[0].id}`;
    expect((await send('GET', approval)).status).toBe(200);
    expect(
      (await send('POST', `${approval}/approve`, '{"comment": 5}')).status,
    ).toBe(400);
    const viewer = await send('POST', `${approval}/approve`, '', {
      Authorization: 'Bearer hum_demo_viewer_token',
    });
    expect(viewer.status).toBe(403);
    expect(
      await (
        await send(
          'POST',
          `${approval}/approve`,
          JSON.stringify({ comment: 'ok' }),
        )
      ).json(),
    ).toMatchObject({ status: 'approved', comment: 'ok' });
    expect((await send('POST', `${approval}/deny`)).status).toBe(409);
    clock.advance(8_000);
    const canary = await (
      await send('GET', '/orgs/acme/apps/shop/envs/staging/canary')
    ).json();
    expect(canary.status).toBe('progressing');
    const health = await (
      await send('GET', '/orgs/acme/apps/shop/envs/staging/console/health')
    ).json();
    expect(health.canary.status).toBe('progressing');
    expect(
      await (
        await send('POST', '/orgs/acme/apps/shop/envs/staging/canary/promote')
      ).json(),
    ).toMatchObject({ status: 'promoted' });
    expect(
      (
        await send(
          'POST',
          '/orgs/acme/apps/shop/envs/staging/canary/abort',
          '{}',
        )
      ).status,
    ).toBe(409);
    expect(
      (
        await send(
          'POST',
          '/orgs/acme/apps/shop/envs/staging/canary/abort',
          '{"reason": 1}',
        )
      ).status,
    ).toBe(400);
    clock.advance(1_000);
    const runs = `/orgs/acme/apps/shop/pipelines/${run.pipeline_id}/runs`;
    expect(
      (await (await send('GET', `${runs}?completed=true`)).json())[0].status,
    ).toBe('succeeded');
    expect(
      await (
        await send('GET', `/orgs/acme/pipeline-runs?app=shop&status=succeeded`)
      ).json(),
    ).toHaveLength(1);
    const again = await (await send('POST', `${base}/restart`)).json();
    expect(again.status).toBe('executing');
    clock.advance(20_000);
    const second = `${runs}/${again.id}`;
    const denyId = (
      await (
        await send('GET', `/orgs/acme/apps/shop/approvals?run=${again.id}`)
      ).json()
    )[0].id;
    expect(
      await (
        await send(
          'POST',
          `${second}/jobs/promote-staging/approvals/${denyId}/deny`,
          '',
        )
      ).json(),
    ).toMatchObject({ status: 'denied' });
    // promote-to-staging has no pipeline_call trigger: it is not called, a deployment request starts it.
    const called = await send(
      'POST',
      runs,
      JSON.stringify({ inputs: { env_id: 'development' } }),
    );
    expect(called.status).toBe(422);
    expect((await called.json()).message).toMatch(
      /no `pipeline_call` trigger.*request a deployment/,
    );
    const third = await (
      await send(
        'POST',
        '/orgs/acme/apps/shop/pipeline-runs',
        JSON.stringify({
          trigger: 'deployment_request',
          env_id: 'development',
        }),
      )
    ).json();
    expect((await send('DELETE', `${runs}/${third.id}`)).status).toBe(409);
    expect((await send('POST', `${runs}/${third.id}/cancel`)).status).toBe(204);
    expect((await send('DELETE', `${runs}/${third.id}`)).status).toBe(204);
  });

  it('pages every pipeline list as the spec says: per_page, a page token and the Link header (issue 24 §3)', async () => {
    const { clock } = resetTestEngine();
    /** Every item of a list, following `Link: <…>; rel="next"`; each page at most `perPage` items. */
    async function follow(path: string, perPage: number) {
      const items: { id: string }[] = [];
      let next: string | undefined =
        `${path}${path.includes('?') ? '&' : '?'}per_page=${perPage}`;
      let pages = 0;
      while (next !== undefined && pages < 50) {
        const response = await send('GET', next);
        expect(response.status).toBe(200);
        const page = (await response.json()) as { id: string }[];
        expect(page.length).toBeLessThanOrEqual(perPage);
        items.push(...page);
        const link = response.headers.get('link');
        if (link !== null)
          expect(link).toMatch(
            /^<\/[^>]*per_page=\d+[^>]*&page=[^>]+>; rel="next"$/,
          );
        next = link ? /^<(?:\/api)?([^>]+)>/.exec(link)![1] : undefined;
        pages += 1;
      }
      return { ids: items.map((item) => item.id), pages };
    }
    const yaml = { 'Content-Type': 'application/x-yaml' };
    for (const name of ['Paged one', 'Paged two'])
      expect(
        (
          await send(
            'POST',
            '/orgs/acme/apps/shop/pipelines',
            PIPELINE_YAML.replace('Contract pipeline', name),
            yaml,
          )
        ).status,
      ).toBe(201);
    const pipelines = '/orgs/acme/apps/shop/pipelines';
    const whole = (await (await send('GET', pipelines)).json()) as {
      id: string;
    }[];
    expect(whole.length).toBeGreaterThanOrEqual(3);
    const paged = await follow(pipelines, 1);
    expect(paged).toEqual({ ids: whole.map((p) => p.id), pages: whole.length });
    expect((await follow('/orgs/acme/pipelines?app=shop', 2)).ids).toEqual(
      whole.map((p) => p.id),
    );
    const base = `${pipelines}/paged-one`;
    const runs: string[] = [];
    for (let i = 0; i < 3; i += 1)
      runs.unshift(
        (
          (await (
            await send('POST', `${base}/runs`, JSON.stringify({ inputs: {} }))
          ).json()) as { id: string }
        ).id,
      );
    expect(await follow(`${base}/runs`, 2)).toEqual({ ids: runs, pages: 2 });
    // Each run waits for its approval once its HTTP step is done.
    clock.advance(20_000);
    const approvals = await follow(
      '/orgs/acme/apps/shop/approvals?pipeline=paged-one',
      2,
    );
    expect(approvals.ids).toHaveLength(3);
    expect(approvals.pages).toBe(2);
    expect(
      (await follow('/orgs/acme/pipeline-runs?pipeline=paged-one', 1)).ids,
    ).toEqual(runs);
    const jobs = await follow(`${base}/runs/${runs[0]}/jobs`, 1);
    expect(jobs.ids).toEqual(['only']);
    expect(
      (await follow('/orgs/acme/apps/shop/pipeline-criteria', 1)).ids.length,
    ).toBeGreaterThanOrEqual(1);
    const edited = PIPELINE_YAML.replace(
      'Contract pipeline',
      'Paged one',
    ).replace('name:', 'id: paged-one\nname:');
    expect((await send('PATCH', base, `${edited}# v2\n`, yaml)).status).toBe(
      200,
    );
    expect(await follow(`${base}/versions`, 1)).toEqual({
      ids: ['2', '1'],
      pages: 2,
    });
    for (const query of ['per_page=0', 'per_page=101', 'per_page=ten']) {
      const bad = await send('GET', `${base}/runs?${query}`);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { message: string }).message).toMatch(
        /^per_page must be a whole number from 1 to 100/,
      );
    }
    const badToken = await send('GET', `${pipelines}?page=nonsense`);
    expect(badToken.status).toBe(400);
    expect(((await badToken.json()) as { message: string }).message).toContain(
      "previous answer's Link header",
    );
  });

  it('aborts a canary on request, saying why', async () => {
    const { engine, clock } = resetTestEngine();
    mendShopDevelopment(engine, clock);
    const run = await (
      await send(
        'POST',
        '/orgs/acme/apps/shop/pipeline-runs',
        JSON.stringify({
          trigger: 'deployment_request',
          env_id: 'development',
        }),
      )
    ).json();
    clock.advance(20_000);
    const approvals = await (
      await send('GET', `/orgs/acme/apps/shop/approvals?run=${run.id}`)
    ).json();
    await send(
      'POST',
      `/orgs/acme/apps/shop/pipelines/${run.pipeline_id}/runs/${run.id}/jobs/promote-staging/approvals/${approvals[0].id}/approve`,
    );
    clock.advance(8_000);
    const aborted = await (
      await send(
        'POST',
        '/orgs/acme/apps/shop/envs/staging/canary/abort',
        JSON.stringify({ reason: 'too slow' }),
      )
    ).json();
    expect(aborted.abort_reason).toBe(
      'Aborted manually by Alex Admin: too slow',
    );
  });
});

describe('contract: environment types and environment changes', () => {
  it('creates, reads, describes and deletes environment types; refuses deleting one in use with the spec 409 naming the environments', async () => {
    resetTestEngine();
    const created = await api.POST('/orgs/{orgId}/env-types', {
      params: { path: org },
      body: { id: 'contract-qa', description: 'Manual testing' },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toEqual({
      id: 'contract-qa',
      description: 'Manual testing',
    });
    const one = { ...org, envTypeId: 'contract-qa' };
    expect(
      (
        await api.GET('/orgs/{orgId}/env-types/{envTypeId}', {
          params: { path: one },
        })
      ).data?.description,
    ).toBe('Manual testing');
    const patched = await api.PATCH('/orgs/{orgId}/env-types/{envTypeId}', {
      params: { path: one },
      body: { description: 'Manual and exploratory testing' },
    });
    expect(patched.data?.description).toBe('Manual and exploratory testing');
    expect(
      (
        await api.POST('/orgs/{orgId}/env-types', {
          params: { path: org },
          body: { id: 'contract-qa' },
        })
      ).response.status,
    ).toBe(409);
    // An environment of the type keeps it from being deleted.
    expect(
      (
        await api.POST('/orgs/{orgId}/apps/{appId}/envs', {
          params: { path: shop },
          body: { id: 'qa', name: 'QA', type: 'contract-qa' },
        })
      ).response.status,
    ).toBe(201);
    const refused = await raw(
      'DELETE',
      `/orgs/${DEMO_ORG_ID}/env-types/contract-qa`,
    );
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual([
      {
        error: 'API-409',
        message: expect.stringMatching(
          /Environment type `contract-qa` is used by the environment `shop\/qa`; delete it or change its type first/,
        ),
        app_id: 'shop',
        env_id: 'qa',
      },
    ]);
    // Changing the environment's type (our extension of the PATCH) frees it.
    const retyped = await raw(
      'PATCH',
      `/orgs/${DEMO_ORG_ID}/apps/shop/envs/qa`,
      JSON.stringify({ type: 'staging' }),
    );
    expect(retyped.status).toBe(200);
    expect(
      (
        await api.DELETE('/orgs/{orgId}/env-types/{envTypeId}', {
          params: { path: one },
        })
      ).response.status,
    ).toBe(204);
    expect(
      (
        await api.GET('/orgs/{orgId}/env-types/{envTypeId}', {
          params: { path: one },
        })
      ).response.status,
    ).toBe(404);
  });

  it('renames an environment and refuses an unknown type or an empty change (400)', async () => {
    resetTestEngine();
    const renamed = await api.PATCH('/orgs/{orgId}/apps/{appId}/envs/{envId}', {
      params: { path: dev },
      body: { name: 'Dev (shared)' },
    });
    expect(renamed.response.status).toBe(200);
    expect(renamed.data).toMatchObject({
      id: 'development',
      name: 'Dev (shared)',
      type: 'development',
    });
    const unknown = await raw(
      'PATCH',
      `/orgs/${DEMO_ORG_ID}/apps/shop/envs/development`,
      JSON.stringify({ type: 'nope' }),
    );
    expect(unknown.status).toBe(400);
    expect(
      (
        await api.PATCH('/orgs/{orgId}/apps/{appId}/envs/{envId}', {
          params: { path: dev },
          body: {},
        })
      ).response.status,
    ).toBe(400);
  });
});

describe('contract: drivers, resource accounts and resource types', () => {
  const PLANTED = 'planted/account+secret00000000000000c0de';

  it('lists and reads drivers; registers, replaces and deletes a custom one; built-ins refused', async () => {
    resetTestEngine();
    const drivers = (
      await api.GET('/orgs/{orgId}/resources/drivers', {
        params: { path: org },
      })
    ).data!;
    expect(drivers.map((d) => `${d.org_id}/${d.id}`)).toEqual(
      expect.arrayContaining([
        'humanitec/echo',
        'humanitec/postgres',
        'acme/acme-flags',
      ]),
    );
    const body = {
      id: 'contract-driver',
      type: 'redis',
      target: 'https://drivers.example.com/redis/',
      inputs_schema: { type: 'object' },
      account_types: ['gcp'],
    };
    const created = await api.POST('/orgs/{orgId}/resources/drivers', {
      params: { path: org },
      body,
    });
    expect(created.response.status).toBe(200);
    expect(created.data).toEqual({ org_id: 'acme', ...body });
    const one = { ...org, driverId: 'contract-driver' };
    expect(
      (
        await api.GET('/orgs/{orgId}/resources/drivers/{driverId}', {
          params: { path: one },
        })
      ).data,
    ).toEqual(created.data);
    const { id: _id, ...rest } = body;
    const replaced = await api.PUT(
      '/orgs/{orgId}/resources/drivers/{driverId}',
      {
        params: { path: one },
        body: { ...rest, account_types: ['aws'] },
      },
    );
    expect(replaced.data?.account_types).toEqual(['aws']);
    const duplicate = await api.POST('/orgs/{orgId}/resources/drivers', {
      params: { path: org },
      body: { ...body, id: 'echo' },
    });
    expect(duplicate.response.status).toBe(409);
    const builtin = await api.DELETE(
      '/orgs/{orgId}/resources/drivers/{driverId}',
      {
        params: { path: { ...org, driverId: 'echo' } },
      },
    );
    expect(builtin.response.status).toBe(409);
    const badPut = await api.PUT('/orgs/{orgId}/resources/drivers/{driverId}', {
      params: { path: { ...org, driverId: 'postgres' } },
      body: rest,
    });
    expect(badPut.response.status).toBe(400);
    expect(badPut.error?.message).toMatch(/built in and cannot be changed/);
    const deleted = await api.DELETE(
      '/orgs/{orgId}/resources/drivers/{driverId}',
      {
        params: { path: one },
      },
    );
    expect(deleted.response.status).toBe(204);
  });

  it('lists account types; creates, checks, patches and deletes accounts; credentials never come back', async () => {
    resetTestEngine();
    const types = (
      await api.GET('/orgs/{orgId}/resources/account-types', {
        params: { path: org },
      })
    ).data!;
    expect(types.map((t) => t.type)).toContain('aws');
    const body = {
      id: 'contract-aws',
      name: 'Contract AWS',
      type: 'aws',
      credentials: {
        aws_access_key_id: 'AKIACONTRACT00000001',
        aws_secret_access_key: PLANTED,
      },
    };
    const dry = await api.POST('/orgs/{orgId}/resources/accounts', {
      params: { path: org, query: { dry_run: true, check_credential: true } },
      body,
    });
    expect(dry.response.status).toBe(204);
    const created = await api.POST('/orgs/{orgId}/resources/accounts', {
      params: { path: org },
      body,
    });
    expect(created.data).toMatchObject({
      id: 'contract-aws',
      type: 'aws',
      is_used: false,
    });
    const one = { ...org, accId: 'contract-aws' };
    const check = await api.POST(
      '/orgs/{orgId}/resources/accounts/{accId}/actions/check',
      {
        params: { path: one },
      },
    );
    expect(check.data?.identity_fields[0]).toMatchObject({ id: 'account' });
    const renamed = await api.PATCH(
      '/orgs/{orgId}/resources/accounts/{accId}',
      {
        params: { path: one },
        body: { name: 'Contract AWS (renamed)' },
      },
    );
    expect(renamed.data).toMatchObject({ name: 'Contract AWS (renamed)' });
    const patched = await api.PATCH(
      '/orgs/{orgId}/resources/accounts/{accId}',
      {
        params: { path: one, query: { check_credential: true } },
        body: {
          credentials: { ...body.credentials, aws_access_key_id: 'AKIA-wrong' },
        },
      },
    );
    expect(patched.response.status).toBe(400);
    expect(patched.error?.message).toMatch(
      /`aws_access_key_id` is not an AWS access key id/,
    );
    const all = [
      created.data,
      check.data,
      patched.error,
      (
        await api.GET('/orgs/{orgId}/resources/accounts', {
          params: { path: org },
        })
      ).data,
      (
        await api.GET('/orgs/{orgId}/resources/accounts/{accId}', {
          params: { path: one },
        })
      ).data,
    ];
    expect(JSON.stringify(all)).not.toContain(PLANTED);
    const missing = await api.POST('/orgs/{orgId}/resources/accounts', {
      params: { path: org },
      body: { ...body, id: 'x-y', credentials: {} },
    });
    expect(missing.response.status).toBe(400);
    const deleted = await api.DELETE(
      '/orgs/{orgId}/resources/accounts/{accId}',
      {
        params: { path: one },
      },
    );
    expect(deleted.response.status).toBe(204);
    const bad = await raw(
      'POST',
      '/orgs/acme/resources/accounts?dry_run=maybe',
      JSON.stringify(body),
    );
    expect(bad.status).toBe(400);
  });

  it('defines, patches, replaces and deletes a custom resource type; built-ins answer 403', async () => {
    resetTestEngine();
    const created = await api.POST('/orgs/{orgId}/resources/types', {
      params: { path: org },
      body: { type: 'contract-queue', use: 'direct', name: 'Contract queue' },
    });
    expect(created.response.status).toBe(200);
    const one = { ...org, typeId: 'contract-queue' };
    const patched = await api.PATCH('/orgs/{orgId}/resources/types/{typeId}', {
      params: { path: one },
      body: { category: 'messaging' },
    });
    expect(patched.data).toMatchObject({
      name: 'Contract queue',
      category: 'messaging',
    });
    const replaced = await api.PUT('/orgs/{orgId}/resources/types/{typeId}', {
      params: { path: one },
      body: { use: 'indirect' },
    });
    expect(replaced.data).toMatchObject({
      use: 'indirect',
      name: 'contract-queue',
    });
    const builtin = await api.PATCH('/orgs/{orgId}/resources/types/{typeId}', {
      params: { path: { ...org, typeId: 'postgres' } },
      body: { name: 'PG' },
    });
    expect(builtin.response.status).toBe(403);
    const duplicate = await api.POST('/orgs/{orgId}/resources/types', {
      params: { path: org },
      body: { type: 'postgres', use: 'direct' },
    });
    expect(duplicate.response.status).toBe(409);
    expect(
      (
        await api.DELETE('/orgs/{orgId}/resources/types/{typeId}', {
          params: { path: one },
        })
      ).response.status,
    ).toBe(204);
  });
});

describe('contract: secret stores', () => {
  it('lists, registers, changes, makes primary and deletes stores; never returns credentials', async () => {
    resetTestEngine();
    const stores = (
      await api.GET('/orgs/{orgId}/secretstores', { params: { path: org } })
    ).data!;
    expect(stores.map((s) => [s.id, s.primary])).toEqual([
      ['humanitec', true],
      ['vault-prod', false],
      ['aws-secrets', false],
    ]);
    expect(stores[0].humanitec).toEqual({});
    const created = await api.POST('/orgs/{orgId}/secretstores', {
      params: { path: org },
      body: {
        id: 'contract-kv',
        primary: false,
        azurekv: {
          url: 'https://contract.vault.azure.net',
          tenant_id: 'tenant-1',
          auth: { client_id: 'app-1', client_secret: 'planted-azure-secret' },
        },
      },
    });
    expect(created.response.status).toBe(201);
    expect(created.data?.azurekv).toEqual({
      url: 'https://contract.vault.azure.net',
      tenant_id: 'tenant-1',
    });
    const one = { ...org, storeId: 'contract-kv' };
    const got = await api.GET('/orgs/{orgId}/secretstores/{storeId}', {
      params: { path: one },
    });
    expect(JSON.stringify(got.data)).not.toContain('planted-azure-secret');
    const patched = await api.PATCH('/orgs/{orgId}/secretstores/{storeId}', {
      params: { path: one },
      body: { primary: true, azurekv: { url: 'https://kv2.vault.azure.net' } },
    });
    expect(patched.data).toMatchObject({
      primary: true,
      azurekv: { url: 'https://kv2.vault.azure.net', tenant_id: 'tenant-1' },
    });
    // One primary: the engine's own store is no longer it, and the primary cannot be deleted (409).
    expect(
      (
        await api.GET('/orgs/{orgId}/secretstores/{storeId}', {
          params: { path: { ...org, storeId: 'humanitec' } },
        })
      ).data?.primary,
    ).toBe(false);
    const refused = await api.DELETE('/orgs/{orgId}/secretstores/{storeId}', {
      params: { path: one },
    });
    expect(refused.response.status).toBe(409);
    expect(refused.error?.message).toMatch(/make another store primary first/);
    expect(
      (
        await api.DELETE('/orgs/{orgId}/secretstores/{storeId}', {
          params: { path: { ...org, storeId: 'humanitec' } },
        })
      ).response.status,
    ).toBe(409);
    await api.PATCH('/orgs/{orgId}/secretstores/{storeId}', {
      params: { path: { ...org, storeId: 'humanitec' } },
      body: { primary: true },
    });
    expect(
      (
        await api.DELETE('/orgs/{orgId}/secretstores/{storeId}', {
          params: { path: one },
        })
      ).response.status,
    ).toBe(204);
    expect(
      (
        await api.GET('/orgs/{orgId}/secretstores/{storeId}', {
          params: { path: one },
        })
      ).response.status,
    ).toBe(404);
  });

  it('refuses stores without a kind, with two kinds, a taken id or a kind change (400/409)', async () => {
    resetTestEngine();
    const post = (body: unknown) =>
      raw('POST', `/orgs/${DEMO_ORG_ID}/secretstores`, JSON.stringify(body));
    const none = await post({ id: 'x-store', primary: false });
    expect(none.status).toBe(400);
    expect(((await none.json()) as { message: string }).message).toMatch(
      /one of `vault`/,
    );
    expect(
      (
        await post({
          id: 'two',
          primary: false,
          vault: { url: 'https://v.example' },
          gcpsm: { project_id: 'p' },
        })
      ).status,
    ).toBe(400);
    expect(
      (await post({ id: 'no-url', primary: false, vault: { path: 'x' } }))
        .status,
    ).toBe(400);
    expect(
      (
        await post({
          id: 'vault-prod',
          primary: false,
          vault: { url: 'https://v.example' },
        })
      ).status,
    ).toBe(409);
    const kind = await raw(
      'PATCH',
      `/orgs/${DEMO_ORG_ID}/secretstores/vault-prod`,
      JSON.stringify({ gcpsm: { project_id: 'p' } }),
    );
    expect(kind.status).toBe(400);
    const unset = await raw(
      'PATCH',
      `/orgs/${DEMO_ORG_ID}/secretstores/humanitec`,
      JSON.stringify({ primary: false }),
    );
    expect(unset.status).toBe(400);
  });
});

describe('contract: values and value-set versions', () => {
  it('serves app values and environment overrides, secrets write-only, with their errors', async () => {
    resetTestEngine();
    const appValues = '/orgs/{orgId}/apps/{appId}/values' as const;
    const appValue = '/orgs/{orgId}/apps/{appId}/values/{key}' as const;
    const envValues = '/orgs/{orgId}/apps/{appId}/envs/{envId}/values' as const;
    const envValue =
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/values/{key}' as const;
    const created = await api.POST(appValues, {
      params: { path: shop },
      body: { key: 'CONTRACT_HOST', value: 'db.internal', description: 'host' },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ source: 'app', value: 'db.internal' });
    const secret = await api.POST(appValues, {
      params: { path: shop },
      body: {
        key: 'CONTRACT_TOKEN',
        value: 'planted-contract-secret',
        is_secret: true,
        description: null,
      },
    });
    expect(secret.data).toMatchObject({
      value: '',
      is_secret: true,
      secret_store_id: 'humanitec',
    });
    const duplicate = await api.POST(appValues, {
      params: { path: shop },
      body: { key: 'CONTRACT_HOST', value: 'x', description: '' },
    });
    expect(duplicate.response.status).toBe(409);
    const badKey = await api.POST(appValues, {
      params: { path: shop },
      body: { key: 'not a key', description: '' },
    });
    expect(badKey.response.status).toBe(400);
    const replaced = await api.PUT(appValue, {
      params: { path: { ...shop, key: 'CONTRACT_HOST' } },
      body: { value: 'db2.internal', description: 'host' },
    });
    expect(replaced.data?.value).toBe('db2.internal');
    const patched = await api.PATCH(appValue, {
      params: { path: { ...shop, key: 'CONTRACT_TOKEN' } },
      body: { value: 'planted-contract-secret-2' },
    });
    expect(patched.data?.value).toBe('');
    const unknown = await api.PATCH(appValue, {
      params: { path: { ...shop, key: 'NO_SUCH_KEY' } },
      body: { value: 'x' },
    });
    expect(unknown.response.status).toBe(404);
    const listed = await api.GET(appValues, { params: { path: shop } });
    expect(JSON.stringify(listed.data)).not.toContain('planted-contract');

    const override = await api.POST(envValues, {
      params: { path: dev },
      body: { key: 'CONTRACT_HOST', value: 'db.dev', description: '' },
    });
    expect(override.data?.source).toBe('env');
    const envList = await api.GET(envValues, { params: { path: dev } });
    expect(envList.data?.find((v) => v.key === 'CONTRACT_HOST')?.value).toBe(
      'db.dev',
    );
    expect(
      (
        await api.PUT(envValue, {
          params: { path: { ...dev, key: 'CONTRACT_HOST' } },
          body: { value: 'db3.dev', description: '' },
        })
      ).data?.value,
    ).toBe('db3.dev');
    expect(
      (
        await api.PATCH(envValue, {
          params: { path: { ...dev, key: 'CONTRACT_HOST' } },
          body: { description: 'dev host' },
        })
      ).data?.description,
    ).toBe('dev host');
    expect(
      (
        await api.DELETE(envValue, {
          params: { path: { ...dev, key: 'CONTRACT_HOST' } },
        })
      ).response.status,
    ).toBe(204);
    expect(
      (
        await api.DELETE(envValue, {
          params: { path: { ...dev, key: 'CONTRACT_HOST' } },
        })
      ).response.status,
    ).toBe(404);
    expect(
      (await api.DELETE(envValues, { params: { path: dev } })).response.status,
    ).toBe(204);
    expect(
      (
        await api.DELETE(appValue, {
          params: { path: { ...shop, key: 'CONTRACT_TOKEN' } },
        })
      ).response.status,
    ).toBe(204);
    expect(
      (await api.DELETE(appValues, { params: { path: shop } })).response.status,
    ).toBe(204);
    expect((await api.GET(appValues, { params: { path: shop } })).data).toEqual(
      [],
    );
  });

  it('lists, gets, restores and purges value-set versions of the app and of an environment', async () => {
    resetTestEngine();
    const appValues = '/orgs/{orgId}/apps/{appId}/values' as const;
    const envValues = '/orgs/{orgId}/apps/{appId}/envs/{envId}/values' as const;
    await api.POST(appValues, {
      params: { path: shop },
      body: { key: 'V', value: 'one', description: '' },
    });
    await api.PATCH('/orgs/{orgId}/apps/{appId}/values/{key}', {
      params: { path: { ...shop, key: 'V' } },
      body: { value: 'two' },
    });
    const versions = (
      await api.GET('/orgs/{orgId}/apps/{appId}/value-set-versions', {
        params: { path: shop, query: { key_changed: 'V' } },
      })
    ).data!;
    expect(versions.map((v) => v.result_of).slice(0, 2)).toEqual([
      'app_value_update',
      'app_value_create',
    ]);
    const first = versions[1];
    const one = { ...shop, valueSetVersionId: first.id };
    expect(
      (
        await api.GET(
          '/orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}',
          { params: { path: one } },
        )
      ).data?.id,
    ).toBe(first.id);
    const missing = await api.GET(
      '/orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}',
      {
        params: {
          path: {
            ...shop,
            valueSetVersionId: '00000000-0000-4000-8000-000000000000',
          },
        },
      },
    );
    expect(missing.response.status).toBe(404);
    const restoredKey = await api.POST(
      '/orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}/restore/{key}',
      {
        params: { path: { ...one, key: 'V' } },
        body: { comment: 'back to one' },
      },
    );
    expect(restoredKey.data).toMatchObject({
      result_of: 'app_value_set_version_restore',
      source_value_set_version_id: first.id,
      comment: 'back to one',
    });
    const noKey = await api.POST(
      '/orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}/restore/{key}',
      { params: { path: { ...one, key: 'ABSENT' } }, body: {} },
    );
    expect(noKey.response.status).toBe(404);
    const restored = await api.POST(
      '/orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}/restore',
      {
        params: { path: { ...shop, valueSetVersionId: versions[0].id } },
        body: {},
      },
    );
    expect(restored.data?.values.V.value).toBe('two');
    const purged = await api.POST(
      '/orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}/purge/{key}',
      {
        params: { path: { ...one, key: 'V' } },
        body: { comment: 'purge one' },
      },
    );
    expect(purged.response.status).toBe(204);
    const current = await api.POST(
      '/orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}/purge/{key}',
      {
        params: {
          path: { ...shop, valueSetVersionId: restored.data!.id, key: 'V' },
        },
        body: {},
      },
    );
    expect(current.response.status).toBe(400);

    // The environment: its own history starts with its first override.
    await api.POST(envValues, {
      params: { path: dev },
      body: { key: 'V', value: 'env-one', description: '' },
    });
    await api.PATCH('/orgs/{orgId}/apps/{appId}/envs/{envId}/values/{key}', {
      params: { path: { ...dev, key: 'V' } },
      body: { value: 'env-two' },
    });
    const envVersions = (
      await api.GET(
        '/orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions',
        {
          params: { path: dev },
        },
      )
    ).data!;
    // (The development environment of the demo has a history of its own, values-seed.ts.)
    expect(envVersions.map((v) => v.result_of).slice(0, 2)).toEqual([
      'env_value_update',
      'env_value_create',
    ]);
    const envOne = { ...dev, valueSetVersionId: envVersions[1].id };
    expect(
      (
        await api.GET(
          '/orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions/{valueSetVersionId}',
          { params: { path: envOne } },
        )
      ).data?.values.V.value,
    ).toBe('env-one');
    const envKey = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions/{valueSetVersionId}/restore/{key}',
      { params: { path: { ...envOne, key: 'V' } }, body: {} },
    );
    expect(envKey.data?.values.V.value).toBe('env-one');
    const envWhole = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions/{valueSetVersionId}/restore',
      {
        params: { path: { ...dev, valueSetVersionId: envVersions[0].id } },
        body: {},
      },
    );
    expect(envWhole.data?.result_of).toBe('env_value_set_version_restore');
    const envPurge = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions/{valueSetVersionId}/purge/{key}',
      { params: { path: { ...envOne, key: 'V' } }, body: {} },
    );
    expect(envPurge.response.status).toBe(204);
  });
});

describe('contract: audit log and events', () => {
  it('records mutating calls, refused ones too, and serves them newest first with paging, filters and the spec errors', async () => {
    const { clock } = resetTestEngine();
    const start = new Date(clock.now()).toISOString();
    clock.advance(1000);
    const created = await api.POST('/orgs/{orgId}/apps', {
      params: { path: org },
      body: { id: 'audited', name: 'Audited' },
    });
    expect(created.response.status).toBe(201);
    clock.advance(1000);
    // A refused call (a viewer may not create apps) and a read: the first is recorded, the second not.
    expect(
      (
        await raw(
          'POST',
          '/orgs/acme/apps',
          JSON.stringify({ id: 'nope', name: 'No' }),
          'hum_demo_viewer_token',
        )
      ).status,
    ).toBe(403);
    await api.GET('/orgs/{orgId}/apps', { params: { path: org } });
    const since = { from: start };
    const page = await api.GET('/orgs/{orgId}/audit-logs', {
      params: { path: org, query: { ...since, per_page: 1 } },
    });
    expect(page.response.status).toBe(200);
    expect(page.data).toEqual([
      {
        at: new Date(clock.now()).toISOString(),
        org_id: 'acme',
        user_id: 'vic-viewer',
        request_method: 'POST',
        request_path: '/orgs/acme/apps',
        response_status: 403,
      },
    ]);
    const link = page.response.headers.get('link') ?? '';
    expect(link).toMatch(
      /^<\/api\/orgs\/acme\/audit-logs\?.*page=\d+.*>; rel="next"$/,
    );
    const next = await raw(
      'GET',
      link.slice(1, link.indexOf('>')).replace(/^\/api/, ''),
    );
    expect(await next.json()).toEqual([
      expect.objectContaining({
        user_id: 'alex-admin',
        response_status: 201,
        request_path: '/orgs/acme/apps',
      }),
    ]);
    expect(next.headers.get('link')).toBeNull();
    // The console's search narrows by user and object.
    const mine = await api.GET('/orgs/{orgId}/console/audit-logs', {
      params: {
        path: org,
        query: {
          ...since,
          user_id: 'alex-admin',
          path_prefix: '/orgs/acme/apps',
        },
      },
    });
    expect(mine.data?.map((e) => e.response_status)).toEqual([201]);
    const none = await api.GET('/orgs/{orgId}/console/audit-logs', {
      params: {
        path: org,
        query: { ...since, path_prefix: '/orgs/acme/apps/audited' },
      },
    });
    expect(none.data).toEqual([]);
    // Errors: a bad date (400), a bad path prefix (400), a developer (403), an unknown organisation (404).
    expect(
      (await raw('GET', '/orgs/acme/audit-logs?from=yesterday')).status,
    ).toBe(400);
    expect((await raw('GET', '/orgs/acme/audit-logs?per_page=0')).status).toBe(
      400,
    );
    expect(
      (await raw('GET', '/orgs/acme/console/audit-logs?path_prefix=apps'))
        .status,
    ).toBe(400);
    const refused = await raw(
      'GET',
      '/orgs/acme/audit-logs',
      undefined,
      'hum_demo_developer_token',
    );
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /administrator/,
    );
    expect((await raw('GET', '/orgs/nope/console/audit-logs')).status).toBe(
      404,
    );
    expect(
      (await raw('GET', '/orgs/acme/audit-logs', undefined, null)).status,
    ).toBe(401);
  });

  it('lists the events the platform emits to any member; 404 for an unknown organisation', async () => {
    resetTestEngine();
    const events = await raw(
      'GET',
      '/orgs/acme/events',
      undefined,
      'hum_demo_viewer_token',
    );
    expect(events.status).toBe(200);
    const body = (await events.json()) as {
      scope: string;
      type: string;
      properties: string[];
    }[];
    expect(body).toContainEqual({
      scope: 'deployment',
      type: 'finished',
      properties: expect.arrayContaining(['deploy_id', 'status']) as string[],
    });
    const typed = await api.GET('/orgs/{orgId}/events', {
      params: { path: org },
    });
    expect(typed.data).toEqual(body);
    expect((await raw('GET', '/orgs/nope/events')).status).toBe(404);
  });
});

describe('contract: what exists, made exact (issue 19 §6)', () => {
  it("answers the 404 of getSet, getDiff and getDelta as the spec's JSON string", async () => {
    const { setId } = samples().params as Record<string, string>;
    const app = `/orgs/${DEMO_ORG_ID}/apps/shop`;
    for (const path of [
      `${app}/sets/${'Z'.repeat(43)}`,
      `${app}/sets/${'Z'.repeat(43)}?diff=${setId}`,
      `${app}/sets/${setId}/diff/${'1'.repeat(43)}`,
      `${app}/deltas/${'f'.repeat(40)}`,
    ]) {
      const response = await raw('GET', path);
      expect(response.status, path).toBe(404);
      expect(await response.json(), path).toEqual(
        expect.stringMatching(/does not exist/),
      );
    }
  });

  it('answers 400 for deploying a delta that does not exist (the spec: "the Delta is non-existent")', async () => {
    resetTestEngine();
    const response = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys',
      { params: { path: dev }, body: { delta_id: 'f'.repeat(40) } },
    );
    expect(response.response.status).toBe(400);
    expect(response.error?.message).toMatch(
      /Delta `f+` does not exist in app `shop`: create it first/,
    );
  });
});

describe('contract: errors', () => {
  it.each(HANDLED_OPERATIONS)(
    '%s answers 401 without a token',
    async (operationId) => {
      const { params, bodies } = samples();
      const { method } = OPERATIONS[operationId];
      const response = await raw(
        method.toUpperCase(),
        fill(operationId, params),
        bodyOf(operationId, bodies),
        null,
      );
      expect(response.status).toBe(401);
    },
  );

  const withParams = HANDLED_OPERATIONS.filter((id) =>
    OPERATIONS[id].path.includes('{'),
  );
  it.each(withParams)(
    '%s answers 404 for an unknown id in its path',
    async (operationId) => {
      const { params, bodies } = samples();
      const { method, path } = OPERATIONS[operationId];
      const last = [...path.matchAll(/\{([^}]+)\}/g)].at(-1)![1];
      const response = await raw(
        method.toUpperCase(),
        fill(operationId, { ...params, [last]: 'no-such-id' }),
        bodyOf(operationId, bodies),
      );
      expect(response.status).toBe(404);
    },
  );

  it('answers 400 for malformed JSON, wrong types and bad queries', async () => {
    resetTestEngine();
    expect(
      (await raw('POST', '/orgs/acme/apps/shop/deltas', '{"modules": ')).status,
    ).toBe(400);
    expect(
      (
        await raw(
          'POST',
          '/orgs/acme/apps/shop/envs/development/deploys',
          '{"comment": 5}',
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await raw(
          'PUT',
          '/orgs/acme/apps/shop/envs/development/runtime/paused',
          '"yes"',
        )
      ).status,
    ).toBe(400);
    expect(
      (await raw('GET', '/orgs/acme/apps/shop/deltas?archived=maybe')).status,
    ).toBe(400);
  });

  it('answers 409 for a second deploy while one runs and for a duplicate app', async () => {
    resetTestEngine();
    const delta = (
      await api.POST('/orgs/{orgId}/apps/{appId}/deltas', {
        params: { path: shop },
        body: {},
      })
    ).data!;
    const deltaId = typeof delta === 'string' ? delta : delta.id;
    const first = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys',
      { params: { path: dev }, body: { delta_id: deltaId } },
    );
    expect(first.response.status).toBe(201);
    const second = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys',
      { params: { path: dev }, body: { delta_id: deltaId } },
    );
    expect(second.response.status).toBe(409);
    const dup = await api.POST('/orgs/{orgId}/apps', {
      params: { path: org },
      body: { id: 'shop', name: 'Shop again' },
    });
    expect(dup.response.status).toBe(409);
  });

  it('answers 413 for a body over 1 MiB', async () => {
    resetTestEngine();
    const big = JSON.stringify({
      metadata: { name: 'x'.repeat(MAX_BODY_BYTES) },
    });
    expect((await raw('POST', '/orgs/acme/apps/shop/deltas', big)).status).toBe(
      413,
    );
  });

  it('answers unknown endpoints with a 404 error body', async () => {
    expect((await raw('GET', '/orgs/acme/no-such-endpoint')).status).toBe(404);
  });
});

describe('contract: resource definitions, criteria, versions, classes and matching', () => {
  const defs = `/orgs/${DEMO_ORG_ID}/resources/defs`;
  const send = (method: string, path: string, body?: unknown, token?: string) =>
    raw(
      method,
      path,
      body === undefined ? undefined : JSON.stringify(body),
      token,
    );
  const PLANTED = 'planted-contract-def-secret-71c2';

  it('creates, reads, lists, changes and deletes a definition; secret inputs never come back', async () => {
    resetTestEngine();
    const created = await send('POST', defs, {
      id: 'contract-pg',
      name: 'Contract Postgres',
      type: 'postgres',
      driver_type: 'humanitec/postgres',
      driver_inputs: {
        values: { version: '16' },
        secrets: { password: PLANTED },
      },
      criteria: [{ env_type: 'staging', app_id: 'shop' }],
    });
    expect(created.status).toBe(200);
    const body = (await created.json()) as {
      active_version_id: string;
      criteria: { id: string }[];
    };
    expect(body).toMatchObject({
      id: 'contract-pg',
      type: 'postgres',
      driver_inputs: { values: { version: '16' } },
      criteria: [{ env_type: 'staging', app_id: 'shop', class: 'default' }],
    });
    expect(JSON.stringify(body)).not.toContain(PLANTED);
    expect(
      (
        await send('POST', defs, {
          id: 'contract-pg',
          name: 'x',
          type: 'postgres',
          driver_type: 'humanitec/echo',
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await send('POST', defs, {
          id: 'bad',
          name: 'x',
          type: 'postgres',
          driver_type: 'acme/none',
        })
      ).status,
    ).toBe(400);
    const listed = (await (
      await send('GET', `${defs}?res_type=postgres&env_type=staging&app=shop`)
    ).json()) as { id: string }[];
    // Most specific first: the new one sets app_id and env_type, postgres-sensitive its class, postgres-default nothing.
    expect(listed.map((d) => d.id)).toEqual([
      'contract-pg',
      'postgres-sensitive',
      'postgres-default',
    ]);
    expect((await send('GET', `${defs}/contract-pg`)).status).toBe(200);
    expect(
      (
        await send('PATCH', `${defs}/contract-pg`, {
          driver_inputs: { values: { port: 5433 } },
        })
      ).status,
    ).toBe(200);
    const put = await send('PUT', `${defs}/contract-pg`, {
      name: 'Contract PG',
      driver_inputs: { values: { version: '15' } },
      proposed: true,
    });
    expect(put.status).toBe(200);
    // Proposed: the definition still shows the PATCHed version.
    expect(((await put.json()) as { name: string }).name).toBe(
      'Contract Postgres',
    );
    expect((await send('GET', `${defs}/contract-pg/resources`)).status).toBe(
      200,
    );
    expect(
      await (await send('GET', `${defs}/contract-pg/resources`)).json(),
    ).toEqual([]);
    for (const path of [
      `${defs}`,
      `${defs}/contract-pg`,
      `${defs}/contract-pg/versions`,
    ])
      expect(await (await send('GET', path)).text()).not.toContain(PLANTED);
    expect((await send('DELETE', `${defs}/contract-pg`)).status).toBe(204);
    expect((await send('GET', `${defs}/contract-pg`)).status).toBe(404);
  });

  it('lists versions with paging, reads, promotes and archives them (an archived one is not promoted)', async () => {
    resetTestEngine();
    const page = await send('GET', `${defs}/postgres-dev/versions?per_page=1`);
    expect(page.status).toBe(200);
    expect(page.headers.get('link')).toMatch(/per_page=1.*page=1>; rel="next"/);
    const all = (await (
      await send('GET', `${defs}/postgres-dev/versions`)
    ).json()) as { id: string; active: boolean }[];
    expect(all.map((v) => v.active)).toEqual([true, false]);
    const older = all[1].id;
    expect(
      (await send('GET', `${defs}/postgres-dev/versions/${older}`)).status,
    ).toBe(200);
    expect(
      (
        await send(
          'POST',
          `${defs}/postgres-dev/versions/${all[0].id}/actions/archive`,
          { archived: true },
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await send(
          'POST',
          `${defs}/postgres-dev/versions/${older}/actions/archive`,
          { archived: true },
        )
      ).status,
    ).toBe(204);
    const refused = await send(
      'POST',
      `${defs}/postgres-dev/versions/${older}/actions/promote`,
    );
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /archived and cannot be promoted/,
    );
    expect(
      (
        await send(
          'POST',
          `${defs}/postgres-dev/versions/${older}/actions/archive`,
          {},
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await send(
          'POST',
          `${defs}/postgres-dev/versions/${older}/actions/archive`,
          { archived: false },
        )
      ).status,
    ).toBe(204);
    expect(
      (
        await send(
          'POST',
          `${defs}/postgres-dev/versions/${older}/actions/promote`,
        )
      ).status,
    ).toBe(204);
    const def = (await (await send('GET', `${defs}/postgres-dev`)).json()) as {
      active_version_id: string;
    };
    expect(def.active_version_id).toBe(older);
  });

  it('adds, replaces and deletes criteria; a duplicate rule of the type is a 409 naming its definition', async () => {
    resetTestEngine();
    const added = await send('POST', `${defs}/mysql-default/criteria`, {
      app_id: 'shop',
    });
    expect(added.status).toBe(200);
    const dup = await send('POST', `${defs}/postgres-prod/criteria`, {
      env_type: 'development',
    });
    expect(dup.status).toBe(409);
    expect(((await dup.json()) as { message: string }).message).toMatch(
      /`postgres-dev` of type `postgres` already has the criteria/,
    );
    const replaced = await send('PUT', `${defs}/mysql-default/criteria`, [
      { app_id: 'shop' },
      { env_type: 'production' },
    ]);
    expect(replaced.status).toBe(200);
    const rules = (await replaced.json()) as { id: string }[];
    expect(rules).toHaveLength(2);
    expect(
      (await send('DELETE', `${defs}/mysql-default/criteria/${rules[1].id}`))
        .status,
    ).toBe(204);
    expect(
      (
        await send(
          'DELETE',
          `${defs}/mysql-default/criteria/${rules[1].id}?force=true`,
        )
      ).status,
    ).toBe(404);
  });

  it('creates, reads, describes and deletes classes; refuses deleting one criteria use, naming the definition', async () => {
    resetTestEngine();
    const classes = `/orgs/${DEMO_ORG_ID}/resources/types/postgres/classes`;
    expect(
      (
        await send('POST', classes, {
          id: 'contract-small',
          description: 'Small',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await send('POST', classes, {
          id: 'contract-small',
          description: 'Again',
        })
      ).status,
    ).toBe(409);
    expect((await send('GET', `${classes}/contract-small`)).status).toBe(200);
    expect(
      (
        await send('PATCH', `${classes}/contract-small`, {
          description: 'Smaller',
        })
      ).status,
    ).toBe(200);
    const list = (await (
      await send('GET', `/orgs/${DEMO_ORG_ID}/resources/classes`)
    ).json()) as { id: string }[];
    expect(list.map((c) => c.id)).toEqual([
      'large',
      'sensitive',
      'contract-small',
    ]);
    await send('POST', `${defs}/postgres-prod/criteria`, {
      env_type: 'production',
      class: 'contract-small',
    });
    const refused = await send('DELETE', `${classes}/contract-small`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /used by the criteria of resource definition `postgres-prod`/,
    );
    expect((await send('DELETE', `${classes}/large`)).status).toBe(204);
  });

  it('explains a match: the winner, the ranked candidates and why each lost; 403 for a caller who may not read the app', async () => {
    resetTestEngine();
    const match = `/orgs/${DEMO_ORG_ID}/resources/match`;
    const answered = await send('POST', match, {
      type: 'postgres',
      res_id: 'shared.db',
      app_id: 'shop',
      env_id: 'development',
    });
    expect(answered.status).toBe(200);
    const result = (await answered.json()) as {
      resource: { env_type: string };
      winner: { def_id: string };
      candidates: { def_id: string; outcome: string }[];
    };
    expect(result.resource.env_type).toBe('development');
    expect(result.winner.def_id).toBe('postgres-dev');
    expect(result.candidates.map((c) => [c.def_id, c.outcome])).toEqual([
      ['postgres-dev', 'won'],
      ['postgres-default', 'lost'],
      ['postgres-prod', 'not-matched'],
      ['postgres-sensitive', 'not-matched'],
    ]);
    const none = (await (
      await send('POST', match, {
        type: 'postgres',
        class: 'large',
        res_id: 'shared.db',
        app_id: 'shop',
        env_id: 'staging',
      })
    ).json()) as { winner: null };
    expect(none.winner).toBeNull();
    expect(
      (
        await send('POST', match, {
          type: 'postgres',
          res_id: 'shared.db',
          app_id: 'shop',
          env_id: 'nope',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await send('POST', match, {
          type: 'postgres',
          app_id: 'shop',
          env_id: 'development',
        })
      ).status,
    ).toBe(400);
    // A member with no role on shop may not see how its resources match.
    const { engine } = resetTestEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const bot = engine.createServiceUser(admin, DEMO_ORG_ID, {
      name: 'Match bot',
      role: 'member',
    });
    const token = engine.createToken(admin, bot.id, {
      id: 'match-token',
    }).token;
    const refused = await send(
      'POST',
      match,
      {
        type: 'postgres',
        res_id: 'shared.db',
        app_id: 'shop',
        env_id: 'development',
      },
      token,
    );
    expect(refused.status).toBe(403);
    // Changing definitions needs the manager or administrator role.
    expect(
      (
        await send(
          'PATCH',
          `${defs}/postgres-dev`,
          { name: 'x' },
          'hum_demo_developer_token',
        )
      ).status,
    ).toBe(403);
  });
});

describe('contract: active resources, set resource inputs and dependency graphs', () => {
  const env = `/orgs/${DEMO_ORG_ID}/apps/shop/envs/development`;
  const send = (method: string, path: string, body?: unknown) =>
    raw(method, path, body === undefined ? undefined : JSON.stringify(body));

  it('lists what deployments provisioned, pins one to a version, deletes one', async () => {
    const { engine } = resetTestEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const listed = await send('GET', `${env}/resources`);
    expect(listed.status).toBe(200);
    const active = (await listed.json()) as {
      res_id: string;
      type: string;
      def_id: string;
      def_version_id: string;
      deploy_id: string;
    }[];
    expect(active.map((r) => `${r.type} ${r.res_id} ${r.def_id}`)).toEqual(
      expect.arrayContaining([
        'k8s-cluster k8s-cluster k8s-cluster-demo',
        'redis shared.cache redis-default',
        'dns shared.dns default-dns',
      ]),
    );
    expect(
      (await send('GET', `${env}/resources?scheduled_deletion=maybe`)).status,
    ).toBe(400);
    const cache = active.find((r) => r.res_id === 'shared.cache')!;
    const pinned = await send(
      'POST',
      `${env}/resources/redis/shared.cache/actions/pin`,
      { target_def_version_id: cache.def_version_id },
    );
    expect(pinned.status).toBe(200);
    expect(await pinned.json()).toMatchObject({
      target_def_version_id: cache.def_version_id,
    });
    expect(
      (
        await send('POST', `${env}/resources/redis/shared.cache/actions/pin`, {
          target_def_version_id: 'no-such-version',
        })
      ).status,
    ).toBe(400);
    expect(
      (await send('DELETE', `${env}/resources/redis/shared.cache`)).status,
    ).toBe(204);
    expect(
      (await send('DELETE', `${env}/resources/redis/shared.cache`)).status,
    ).toBe(404);
    expect(
      engine
        .listActiveResources(admin, DEMO_ORG_ID, 'shop', 'development')
        .some((r) => r.res_id === 'shared.cache'),
    ).toBe(false);
  });

  it("reads a set's resource inputs and its deployment's graph, and computes one", async () => {
    const { engine } = resetTestEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const last = engine.getEnv(
      admin,
      DEMO_ORG_ID,
      'shop',
      'development',
    ).last_deploy!;
    const inputs = await send(
      'GET',
      `/orgs/${DEMO_ORG_ID}/apps/shop/sets/${last.set_id}/resources`,
    );
    expect(inputs.status).toBe(200);
    expect(
      ((await inputs.json()) as { id: string }[]).map((r) => r.id),
    ).toEqual(expect.arrayContaining(['k8s-namespace', 'shared.cache']));
    const graph = await send(
      'GET',
      `${env}/resources/graphs/${last.dependency_graph_id}`,
    );
    expect(graph.status).toBe(200);
    const nodes = ((await graph.json()) as { nodes: { id: string }[] }).nodes;
    expect(nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['api', 'shared.cache', 'k8s-namespace']),
    );
    const computed = await send('POST', `${env}/resources/graphs`, [
      { id: 'shared.db', type: 'postgres' },
    ]);
    expect(computed.status).toBe(200);
    const made = (await computed.json()) as {
      id: string;
      nodes: { def_id: string }[];
    };
    expect(made.nodes.map((n) => n.def_id)).toEqual(['postgres-dev']);
    expect(
      (await send('GET', `${env}/resources/graphs/${made.id}`)).status,
    ).toBe(200);
    const queried = await send('POST', `${env}/resources/graph`, [
      { id: 'shared.db', type: 'postgres' },
    ]);
    expect(queried.status).toBe(200);
    // Nothing matches a queue: a 400 with the catalogued explanation.
    const refused = await send('POST', `${env}/resources/graphs`, [
      { id: 'shared.q', type: 'amqp' },
    ]);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toContain(
      'No resource definition matches',
    );
    expect(
      (await send('POST', `${env}/resources/graphs`, { id: 'x' })).status,
    ).toBe(400);
  });
});

describe('contract: Score', () => {
  it('converts a Score file with its extensions to a set of one workload; a bad file is a 400 naming the field', async () => {
    resetTestEngine();
    const path = `/orgs/${DEMO_ORG_ID}/artefact-versions/convert-score`;
    const converted = await raw(
      'POST',
      path,
      JSON.stringify({
        spec: {
          apiVersion: 'score.dev/v1b1',
          metadata: { name: 'web' },
          containers: {
            web: {
              image: '.',
              variables: { DB_HOST: '${resources.db.host}' },
            },
          },
          service: { ports: { www: { port: 80, targetPort: 8080 } } },
          resources: { db: { type: 'postgres' }, dns: { type: 'dns' } },
        },
        image: 'registry.acme.dev/web:2.0.0',
        extensions: {
          apiVersion: 'humanitec.org/v1b1',
          resources: { dns: { scope: 'shared' } },
        },
      }),
    );
    expect(converted.status).toBe(200);
    const set = (await converted.json()) as {
      modules: Record<
        string,
        { spec: { containers: Record<string, unknown> }; externals: object }
      >;
      shared: object;
    };
    expect(set.modules.web.spec.containers.web).toMatchObject({
      image: 'registry.acme.dev/web:2.0.0',
      variables: { DB_HOST: '${externals.db.host}' },
    });
    expect(set.modules.web.externals).toEqual({
      db: { type: 'postgres', class: 'default' },
    });
    expect(set.shared).toEqual({ dns: { type: 'dns', class: 'default' } });

    const refused = await raw(
      'POST',
      path,
      JSON.stringify({
        spec: {
          apiVersion: 'score.dev/v1b1',
          metadata: { name: 'web' },
          containers: { web: {} },
        },
      }),
    );
    expect(refused.status).toBe(400);
    const error = (await refused.json()) as {
      message: string;
      details: { field: string };
    };
    expect(error.message).toContain('`spec.containers.web.image` is required');
    expect(error.details.field).toBe('spec.containers.web.image');
    // The spec's body schema: no field beside spec, image, overrides, property_overrides, resource_type_aliases, extensions.
    expect(
      (await raw('POST', path, JSON.stringify({ score: 'x' }))).status,
    ).toBe(400);
  });
});

describe('contract: Operator and GitOps (issue 21)', () => {
  const preview = `/orgs/${DEMO_ORG_ID}/apps/shop/envs/preview`;

  it('answers the GitOps status, the YAML export and commit of a deployment, and the demo actions', async () => {
    const { engine } = resetTestEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const deployId = engine.getEnv(admin, DEMO_ORG_ID, 'shop', 'preview')
      .last_deploy!.id;
    const status = await raw('GET', `${preview}/console/gitops`);
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({
      mode: 'gitops',
      sync: { status: 'Synced' },
    });
    const exported = await raw('GET', `${preview}/deploys/${deployId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^application\/yaml/);
    expect(exported.headers.get('content-disposition')).toContain(
      `humanitec-export-${deployId}.yaml`,
    );
    expect(await exported.text()).toMatch(
      /^---\napiVersion: v1\nkind: Namespace/,
    );
    const full = await raw(
      'GET',
      `${preview}/deploys/${deployId}/export?view=full`,
    );
    expect(full.status).toBe(200);
    expect(
      (await raw('GET', `${preview}/deploys/${deployId}/export?view=yes`))
        .status,
    ).toBe(400);
    const commit = await raw(
      'GET',
      `${preview}/deploys/${deployId}/console/gitops`,
    );
    expect(await commit.json()).toMatchObject({
      deploy_id: deployId,
      mode: 'gitops',
      export_status: 'succeeded',
    });
    const drift = await raw('POST', `${preview}/console/gitops/drift`);
    expect(drift.status).toBe(200);
    expect(await drift.json()).toMatchObject({ sync: { status: 'OutOfSync' } });
    expect(
      (
        await raw(
          'POST',
          `${preview}/console/gitops/drift`,
          JSON.stringify({ field: 'labels' }),
        )
      ).status,
    ).toBe(400);
    const resynced = await raw('POST', `${preview}/console/gitops/resync`);
    expect(await resynced.json()).toMatchObject({
      sync: { status: 'Synced' },
      drift: [],
    });
    const broken = await raw(
      'POST',
      `${preview}/console/gitops/secret-fault`,
      JSON.stringify({ broken: true }),
    );
    expect(await broken.json()).toMatchObject({ secret_fault: true });
  });

  it('answers 404 for the export of a direct deployment and 409 for demo actions there', async () => {
    const { engine } = resetTestEngine();
    const admin = engine.authenticate('hum_demo_admin_token');
    const deployId = engine.getEnv(admin, DEMO_ORG_ID, 'shop', 'development')
      .last_deploy!.id;
    const path = `/orgs/${DEMO_ORG_ID}/apps/shop/envs/development`;
    const missing = await raw('GET', `${path}/deploys/${deployId}/export`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toContain(
      'deployed it directly',
    );
    expect((await raw('POST', `${path}/console/gitops/resync`)).status).toBe(
      409,
    );
  });
});

describe('contract: agents and keys (issue 22)', () => {
  const agents = `/orgs/${DEMO_ORG_ID}/agents`;

  it('registers a 4,096-bit key whose fingerprint is the SHA-256 of its DER, rotates it, and refuses weak or malformed keys with a 400 saying why', async () => {
    resetTestEngine();
    const listed = (await (await send('GET', agents)).json()) as {
      id: string;
    }[];
    expect(listed.map((a) => a.id)).toEqual(['edge-eu', 'edge-legacy']);
    const key = rsaPublicKey();
    const der = createPublicKey(key).export({ type: 'spki', format: 'der' });
    const fingerprint = createHash('sha256').update(der).digest('hex');
    const created = await send(
      'POST',
      agents,
      JSON.stringify({ id: 'contract-agent', public_key: key }),
    );
    expect(created.status).toBe(200);
    expect(await created.json()).toMatchObject({ id: 'contract-agent' });
    const keys = `${agents}/contract-agent/keys`;
    const [first] = (await (await send('GET', keys)).json()) as {
      fingerprint: string;
      expired_at: string;
    }[];
    expect(first.fingerprint).toBe(fingerprint);
    expect(
      (await send('GET', `${agents}?fingerprint=${fingerprint}`)).status,
    ).toBe(200);
    // The last key cannot go; a rotation adds the new key, then deletes the old one.
    const last = await send('DELETE', `${keys}/${fingerprint}`);
    expect(last.status).toBe(409);
    expect(((await last.json()) as { message: string }).message).toMatch(
      /an agent keeps at least one/,
    );
    const added = await send(
      'POST',
      keys,
      JSON.stringify({ public_key: SPARE_KEY_B }),
    );
    expect(added.status).toBe(200);
    expect((await send('DELETE', `${keys}/${fingerprint}`)).status).toBe(204);
    const taken = await send(
      'POST',
      agents,
      JSON.stringify({ id: 'another', public_key: SPARE_KEY_B }),
    );
    expect(taken.status).toBe(409);
    expect(
      (await send('POST', keys, JSON.stringify({ public_key: SPARE_KEY_B })))
        .status,
    ).toBe(409);
    for (const [bad, why] of [
      [rsaPublicKey(2048), /2048-bit RSA key; agents need at least 4096 bits/],
      [ecPublicKey(), /is an EC \(elliptic curve\) key/],
      [CERTIFICATE, /is a certificate, not a public key/],
      [
        '-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----',
        /not base64/,
      ],
      ['x'.repeat(1024 * 1024 - 100), /is 1048476 characters/],
    ] as const) {
      const refused = await send(
        'POST',
        agents,
        JSON.stringify({ id: 'weak-agent', public_key: bad }),
      );
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toMatch(
        why,
      );
    }
    // Over the body limit altogether: 413 before any key is read.
    expect(
      (
        await send(
          'POST',
          agents,
          JSON.stringify({ id: 'big', public_key: 'x'.repeat(MAX_BODY_BYTES) }),
        )
      ).status,
    ).toBe(413);
    expect(
      (
        await send(
          'PATCH',
          `${agents}/contract-agent`,
          JSON.stringify({ description: 'Frankfurt' }),
        )
      ).status,
    ).toBe(200);
    expect(
      (await send('PATCH', `${agents}/contract-agent`, JSON.stringify({})))
        .status,
    ).toBe(400);
    expect((await send('DELETE', `${agents}/contract-agent`)).status).toBe(204);
  });

  it("keeps the organisation's public keys and lists Humanitec's", async () => {
    resetTestEngine();
    const keys = `/orgs/${DEMO_ORG_ID}/keys`;
    const created = await send('POST', keys, JSON.stringify(SPARE_KEY_A));
    expect(created.status).toBe(200);
    const key = (await created.json()) as { id: string; fingerprint: string };
    expect((await send('GET', `${keys}/${key.id}`)).status).toBe(200);
    expect(
      (await send('GET', `${keys}?fingerprint=${key.fingerprint}`)).status,
    ).toBe(200);
    expect((await send('POST', keys, JSON.stringify(SPARE_KEY_A))).status).toBe(
      409,
    );
    expect((await send('POST', keys, JSON.stringify('nope'))).status).toBe(400);
    expect((await send('DELETE', `${keys}/${key.id}`)).status).toBe(204);
    const humanitec = (await (
      await send('GET', `/orgs/${DEMO_ORG_ID}/humanitec-keys?active=true`)
    ).json()) as { active: boolean }[];
    expect(humanitec.map((k) => k.active)).toEqual([true]);
  });

  it('answers the Agents overview and the cut-off action; never a key in the overview', async () => {
    resetTestEngine();
    const overview = await send('GET', `/orgs/${DEMO_ORG_ID}/console/agents`);
    const body = await overview.text();
    expect(overview.status).toBe(200);
    expect(body).not.toContain('BEGIN PUBLIC KEY');
    const cut = await send(
      'PUT',
      `/orgs/${DEMO_ORG_ID}/console/agents/edge-eu/connectivity`,
      JSON.stringify({ connected: false }),
    );
    expect(cut.status).toBe(200);
    expect(await cut.json()).toMatchObject({ status: 'disconnected' });
    expect(
      (
        await send(
          'PUT',
          `/orgs/${DEMO_ORG_ID}/console/agents/edge-eu/connectivity`,
          JSON.stringify({ connected: 'no' }),
        )
      ).status,
    ).toBe(400);
  });
});

describe('contract: coverage', () => {
  it('exercised every handled operation and every required error status', () => {
    expect(checker.coverageGaps(HANDLED_OPERATIONS)).toEqual([]);
  });
});
