// Idempotency-Key and If-Match on the creating routes, through HTTP: a
// retried delta or deploy answers the first one (even after a time-out whose
// work was done), a reused key with another body is a 422, a deploy based on
// a stale view is a 409; every answer is checked against the contract.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEMO_ORG_ID,
  MAX_RUN_MS,
  PENDING_MS,
  type ManualClock,
} from '../engine';
import { getEngine, resetTestEngine, TEST_API_URL } from '../node';
import { createContractChecker } from './contract-rules';
import type { FaultConfig } from './faults';
import { createHandlers } from './index';
import { DEMO_TOKEN } from '../fixtures';

let faults: FaultConfig | undefined;
const server = setupServer(
  ...createHandlers(getEngine, { base: '*/api', faults: () => faults }),
);
const checker = createContractChecker('/api');
const app = `${TEST_API_URL}/orgs/${DEMO_ORG_ID}/apps/shop`;
const deploysUrl = `${app}/envs/development/deploys`;
let clock: ManualClock;

async function post(
  url: string,
  body: unknown,
  extra: Record<string, string> = {},
) {
  const request = new Request(url, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${DEMO_TOKEN}`,
      'Content-Type': 'application/json',
      ...extra,
    },
    body: JSON.stringify(body),
  });
  const response = await fetch(request.clone());
  const text = await response.clone().text();
  const result = checker.check(
    'POST',
    url,
    response.status,
    response.headers.get('content-type'),
    text,
  );
  expect(result.problems).toEqual([]);
  return {
    response,
    body: JSON.parse(text) as Record<string, unknown> & { id: string },
  };
}

const admin = { userId: 'alex-admin' };
const history = () =>
  getEngine().listDeploys(admin, DEMO_ORG_ID, 'shop', 'development');
const deltaBody = {
  metadata: { name: 'Scale api', env_id: 'development' },
  modules: {
    update: { api: [{ op: 'replace', path: '/spec/replicas', value: 2 }] },
  },
};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  faults = undefined;
  ({ clock } = resetTestEngine());
});
afterAll(() => server.close());

describe('Idempotency-Key', () => {
  it('a retried delta creation answers the same delta, marked as a replay', async () => {
    const before = getEngine().listDeltas(admin, DEMO_ORG_ID, 'shop').length;
    const first = await post(`${app}/deltas`, deltaBody, {
      'Idempotency-Key': 'act-1-delta',
    });
    const retry = await post(`${app}/deltas`, deltaBody, {
      'Idempotency-Key': 'act-1-delta',
    });
    expect(retry.body.id).toBe(first.body.id);
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    expect(getEngine().listDeltas(admin, DEMO_ORG_ID, 'shop')).toHaveLength(
      before + 1,
    );
  });

  it('a retried deploy answers the first deployment (not a 409) and deploys once', async () => {
    const before = history().length;
    const first = await post(
      deploysUrl,
      { comment: 'once' },
      { 'Idempotency-Key': 'act-2' },
    );
    const retry = await post(
      deploysUrl,
      { comment: 'once' },
      { 'Idempotency-Key': 'act-2' },
    );
    expect(first.response.status).toBe(201);
    expect(retry.response.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(history()).toHaveLength(before + 1);
  });

  it('the same key with another body is refused (422) without deploying', async () => {
    await post(deploysUrl, { comment: 'one' }, { 'Idempotency-Key': 'act-3' });
    clock.advance(PENDING_MS + MAX_RUN_MS);
    const before = history().length;
    const other = await post(
      deploysUrl,
      { comment: 'two' },
      { 'Idempotency-Key': 'act-3' },
    );
    expect(other.response.status).toBe(422);
    expect(other.body).toMatchObject({
      error: 'API-422',
      message: expect.stringMatching(/already used for a different request/),
    });
    expect(history()).toHaveLength(before);
  });

  it('a malformed key is a 400', async () => {
    const bad = await post(deploysUrl, {}, { 'Idempotency-Key': 'with space' });
    expect(bad.response.status).toBe(400);
    expect(bad.body.message).toMatch(/Idempotency-Key/);
  });

  it('after a time-out whose deploy was carried out, the retry with the same key gets it: one deployment', async () => {
    const before = history().length;
    faults = { rate: 1, kinds: ['timeout'], delayMs: 0, seed: 1 };
    const lost = await post(
      deploysUrl,
      { comment: 'retry me' },
      { 'Idempotency-Key': 'act-4' },
    );
    expect(lost.response.status).toBe(504);
    faults = undefined;
    const retry = await post(
      deploysUrl,
      { comment: 'retry me' },
      { 'Idempotency-Key': 'act-4' },
    );
    expect(retry.response.status).toBe(201);
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    expect(history()).toHaveLength(before + 1);
    expect(history()[0]).toMatchObject({
      id: retry.body.id,
      comment: 'retry me',
    });
  });
});

describe('Idempotency-Key on the other creating actions', () => {
  const stagingUrl = `${app}/envs/staging`;
  const clones = () =>
    getEngine().listClones(admin, DEMO_ORG_ID, 'shop', 'staging');
  const stagingHistory = () =>
    getEngine().listDeploys(admin, DEMO_ORG_ID, 'shop', 'staging');
  const cloneBody = () => {
    const { fingerprint } = getEngine().previewClone(
      admin,
      DEMO_ORG_ID,
      'shop',
      'staging',
      {
        source_env_id: 'development',
        mode: 'partial',
        modules: ['cart'],
        shared: [],
      },
    );
    return {
      source_env_id: 'development',
      mode: 'partial',
      modules: ['cart'],
      shared: [],
      fingerprint,
      comment: 'Clone cart',
    };
  };

  it('a clone applied again with its key answers the first clone (not a 409 for the changed target): one deployment', async () => {
    const before = {
      clones: clones().length,
      deploys: stagingHistory().length,
    };
    const body = cloneBody();
    faults = { rate: 1, kinds: ['timeout'], delayMs: 0, seed: 1 };
    const lost = await post(`${stagingUrl}/console/clone`, body, {
      'Idempotency-Key': 'clone-1',
    });
    expect(lost.response.status).toBe(504);
    faults = undefined;
    const retry = await post(`${stagingUrl}/console/clone`, body, {
      'Idempotency-Key': 'clone-1',
    });
    expect(retry.response.status).toBe(201);
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    expect(clones()).toHaveLength(before.clones + 1);
    expect(stagingHistory()).toHaveLength(before.deploys + 1);
    expect(stagingHistory()[0].id).toBe(retry.body.deploy_id);
    // Without the key the same request is refused: the target changed since the preview.
    expect(
      (await post(`${stagingUrl}/console/clone`, body)).response.status,
    ).toBe(409);
    expect(stagingHistory()).toHaveLength(before.deploys + 1);
  });

  it('a token created again with its key answers the same token and secret: one token', async () => {
    const bot = getEngine().createServiceUser(admin, DEMO_ORG_ID, {
      name: 'Retry bot',
      role: 'member',
    });
    const url = `${TEST_API_URL}/orgs/${DEMO_ORG_ID}/console/users/${bot.id}/tokens`;
    const body = { id: 'ci-deploy', description: 'CI' };
    const first = await post(url, body, { 'Idempotency-Key': 'token-1' });
    const retry = await post(url, body, { 'Idempotency-Key': 'token-1' });
    expect(first.response.status).toBe(200);
    expect(retry.response.status).toBe(200);
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body.token).toBe(first.body.token);
    const tokens = getEngine()
      .listOrgTokens(admin, DEMO_ORG_ID)
      .filter((t) => t.user_id === bot.id);
    expect(tokens.map((t) => t.id)).toEqual(['ci-deploy']);
    // A new action (a new key) for the same id is the usual conflict, not a second token.
    expect(
      (await post(url, body, { 'Idempotency-Key': 'token-2' })).response.status,
    ).toBe(409);
    // Another user never gets the remembered answer (keys are per user): the key is free for them.
    const viewer = await post(url, body, {
      'Idempotency-Key': 'token-1',
      Authorization: 'Bearer hum_demo_viewer_token',
    });
    expect(viewer.response.status).toBe(403);
    expect(viewer.body.token).toBeUndefined();
  });

  describe('a replayed token never hands its secret to another caller (issue 17)', () => {
    // An administrator service user with two unscoped tokens and one scoped to development.
    function setup() {
      const engine = getEngine();
      const ops = engine.createServiceUser(admin, DEMO_ORG_ID, {
        name: 'Ops bot',
        role: 'administrator',
      });
      const bot = engine.createServiceUser(admin, DEMO_ORG_ID, {
        name: 'Target bot',
        role: 'member',
      });
      const token = (id: string, scope?: { env_types: string[] }) =>
        `Bearer ${engine.createToken(admin, ops.id, { id, ...(scope ? { scope } : {}) }).token}`;
      const url = `${TEST_API_URL}/orgs/${DEMO_ORG_ID}/console/users/${bot.id}/tokens`;
      return {
        ops,
        url,
        first: token('first'),
        second: token('second'),
        scoped: token('scoped', { env_types: ['development'] }),
      };
    }
    const body = { id: 'ci-deploy', description: 'CI' };
    const key = { 'Idempotency-Key': 'mint-1' };

    it('a weaker (scoped) token of the same user is refused before any replay', async () => {
      const s = setup();
      const created = await post(s.url, body, {
        ...key,
        Authorization: s.first,
      });
      expect(created.response.status).toBe(200);
      const replay = await post(s.url, body, {
        ...key,
        Authorization: s.scoped,
      });
      expect(replay.response.status).toBe(403);
      expect(replay.body.token).toBeUndefined();
      expect(JSON.stringify(replay.body)).not.toContain(
        String(created.body.token),
      );
    });

    it('the user after a demotion is refused before any replay', async () => {
      const s = setup();
      const created = await post(s.url, body, {
        ...key,
        Authorization: s.first,
      });
      expect(created.response.status).toBe(200);
      getEngine().updateOrgRole(admin, DEMO_ORG_ID, s.ops.id, 'member');
      const replay = await post(s.url, body, {
        ...key,
        Authorization: s.first,
      });
      expect(replay.response.status).toBe(403);
      expect(replay.body.token).toBeUndefined();
    });

    it('only the same token, within 10 minutes, gets the secret again; others get a 409 without it', async () => {
      const s = setup();
      const created = await post(s.url, body, {
        ...key,
        Authorization: s.first,
      });
      const other = await post(s.url, body, {
        ...key,
        Authorization: s.second,
      });
      expect(other.response.status).toBe(409);
      expect(other.body.message).toMatch(/secret is shown only once/);
      expect(JSON.stringify(other.body)).not.toContain(
        String(created.body.token),
      );
      clock.advance(9 * 60_000);
      const same = await post(s.url, body, { ...key, Authorization: s.first });
      expect(same.response.status).toBe(200);
      expect(same.body.token).toBe(created.body.token);
      clock.advance(60_000);
      const late = await post(s.url, body, { ...key, Authorization: s.first });
      expect(late.response.status).toBe(409);
      expect(late.body.token).toBeUndefined();
    });
  });

  it('a service user created again with its key answers the same user: no `name-2`', async () => {
    const url = `${TEST_API_URL}/orgs/${DEMO_ORG_ID}/users`;
    const bots = () =>
      getEngine()
        .listOrgUsers(admin, DEMO_ORG_ID)
        .filter((u) => u.name === 'Once bot');
    const first = await post(
      url,
      { name: 'Once bot', role: 'member' },
      { 'Idempotency-Key': 'user-1' },
    );
    const retry = await post(
      url,
      { name: 'Once bot', role: 'member' },
      { 'Idempotency-Key': 'user-1' },
    );
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    expect(bots()).toHaveLength(1);
  });
});

describe('If-Match (the last deployment an edit was based on)', () => {
  it('deploys when it is still the last one (or *), refuses with 409 once another deploy happened', async () => {
    const base = history()[0].id;
    const ok = await post(
      deploysUrl,
      { comment: 'mine' },
      { 'If-Match': `"${base}"` },
    );
    expect(ok.response.status).toBe(201);
    clock.advance(PENDING_MS + MAX_RUN_MS);
    const stale = await post(
      deploysUrl,
      { comment: 'theirs' },
      { 'If-Match': `"${base}"` },
    );
    expect(stale.response.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: 'API-409',
      message: expect.stringMatching(/changed since your edit started/),
      details: { last_deploy_id: ok.body.id, expected_deploy_id: base },
    });
    expect(history()[0].id).toBe(ok.body.id);
    expect(
      (await post(deploysUrl, {}, { 'If-Match': '*' })).response.status,
    ).toBe(201);
  });
});
