// A delta deployed through the typed client: status follows the manual
// clock, a second deploy is refused while one runs, failures expose errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_ORG_ID,
  MAX_RUN_MS,
  PENDING_MS,
  type ManualClock,
} from '../engine';
import { resetTestEngine, server } from '../node';
import type { components } from '../../src/api/schema';
import { createTestClient } from '../testing/api-client';

const api = createTestClient();
const dev = { orgId: DEMO_ORG_ID, appId: 'shop', envId: 'development' };
let clock: ManualClock;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  ({ clock } = resetTestEngine());
});
afterAll(() => server.close());

async function createDelta(body: components['schemas']['DeltaRequest']) {
  const { data, response } = await api.POST(
    '/orgs/{orgId}/apps/{appId}/deltas',
    {
      params: { path: { orgId: DEMO_ORG_ID, appId: 'shop' } },
      body,
    },
  );
  expect(response.status).toBe(200);
  return typeof data === 'string' ? data : data!.id;
}

const getDeploy = (deployId: string) =>
  api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}', {
    params: { path: { ...dev, deployId } },
  });

describe('deploying a delta', () => {
  it('progresses pending → in progress → succeeded and refuses a second deploy meanwhile', async () => {
    const deltaId = await createDelta({
      metadata: { name: 'Scale api', env_id: 'development' },
      modules: {
        update: { api: [{ op: 'replace', path: '/spec/replicas', value: 3 }] },
      },
    });
    const created = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys',
      {
        params: { path: dev },
        body: { delta_id: deltaId, comment: 'scale up' },
      },
    );
    expect(created.response.status).toBe(201);
    const deploy = created.data!;
    expect(deploy).toMatchObject({
      delta_id: deltaId,
      comment: 'scale up',
      status: 'pending',
      env_id: 'development',
    });

    const second = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys',
      {
        params: { path: dev },
        body: { delta_id: deltaId },
      },
    );
    expect(second.response.status).toBe(409);
    expect(second.error).toMatchObject({ error: 'API-409' });

    clock.advance(PENDING_MS);
    expect((await getDeploy(deploy.id)).data?.status).toBe('in progress');
    clock.advance(MAX_RUN_MS);
    expect((await getDeploy(deploy.id)).data?.status).toBe('succeeded');

    const list = await api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys',
      { params: { path: dev } },
    );
    expect(list.data?.[0].id).toBe(deploy.id);
    const env = await api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}', {
      params: { path: dev },
    });
    expect(env.data?.last_deploy?.id).toBe(deploy.id);
    const set = await api.GET('/orgs/{orgId}/apps/{appId}/sets/{setId}', {
      params: {
        path: { orgId: DEMO_ORG_ID, appId: 'shop', setId: deploy.set_id },
      },
    });
    expect(
      (set.data as { modules: Record<string, { spec: { replicas?: number } }> })
        .modules.api.spec.replicas,
    ).toBe(3);
  });

  it('fails a deploy with an unknown workload profile and lists its errors', async () => {
    const deltaId = await createDelta({
      modules: {
        add: {
          extra: { profile: 'acme/does-not-exist', spec: {}, externals: {} },
        },
      },
    });
    const { data: deploy } = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys',
      {
        params: { path: dev },
        body: { delta_id: deltaId },
      },
    );
    clock.advance(PENDING_MS + MAX_RUN_MS);
    expect((await getDeploy(deploy!.id)).data?.status).toBe('failed');
    const errors = await api.GET(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys/{deployId}/errors',
      {
        params: { path: { ...dev, deployId: deploy!.id } },
      },
    );
    expect(errors.data).toEqual([
      expect.objectContaining({
        scope: 'workload',
        object_id: 'extra',
        code: 'WL-PROF-001',
      }),
    ]);
  });

  it('rolls back by rebasing onto an older deploy and deploying without a delta', async () => {
    const [, older] = (
      await api.GET('/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys', {
        params: { path: dev },
      })
    ).data!;
    const rebase = await api.PUT(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/from_deploy_id',
      {
        params: { path: dev },
        body: older.id,
      },
    );
    expect(rebase.response.status).toBe(204);
    const { data: deploy } = await api.POST(
      '/orgs/{orgId}/apps/{appId}/envs/{envId}/deploys',
      {
        params: { path: dev },
        body: { comment: 'rollback' },
      },
    );
    expect(deploy).toMatchObject({ from_id: older.id, set_id: older.set_id });
  });
});
