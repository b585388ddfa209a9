// The access matrix: every mutating route (derived from the handler
// declarations, so new routes appear here by themselves) called as every
// subject, through the real handlers and engine. Each answer must match
// access-expectations.ts: 2xx for an allowed subject, 403 naming the missing
// role for the others; a read-only scoped token is refused everywhere. The
// reads: every route of an app refuses a member without a role on it (403),
// and every listing across apps leaves that app out.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createSequentialIds,
  DEMO_ORG_ID,
  type EngineState,
  type TokenScope,
} from '../engine';
import { createDemoEngine, resetTestEngine } from '../runtime';
import { createManualClock } from '../engine';
import {
  ACCESS_EXPECTATIONS,
  APP_FREE_READS,
  APP_LISTINGS,
  PRIVILEGE_OPERATIONS,
  type AccessExpectation,
  type Sample,
  type Subject,
} from './access-expectations';
import { createRoutes, type HandledOperation } from './index';
import { OPERATIONS } from './operations.gen';
import { DEMO_TOKENS } from '../fixtures';
import { mendShopDevelopment } from '../fixtures/test-engine';

/**
 * Pipelines: `matrix-pipeline` (one log step; a finished run), a run of the
 * demo pipeline waiting for its approval, and a canary progressing in staging
 * (10-minute weight steps, so it stays progressing at the fixture's time).
 */
function pipelineFixtures(
  engine: ReturnType<typeof resetTestEngine>['engine'],
  admin: { userId: string },
  clock: { advance(ms: number): number },
) {
  const log = { uses: 'actions/humanitec/log@v1', with: { message: 'hi' } };
  engine.createPipeline(
    admin,
    DEMO_ORG_ID,
    'shop',
    JSON.stringify({
      id: 'matrix-pipeline',
      name: 'Matrix',
      on: { pipeline_call: {} },
      jobs: { a: { steps: [log] } },
    }),
  );
  const canary = {
    uses: 'actions/humanitec/canary@v1',
    with: {
      env_id: 'staging',
      from_env_id: 'development',
      interval_seconds: 600,
    },
  };
  engine.createPipeline(
    admin,
    DEMO_ORG_ID,
    'shop',
    JSON.stringify({
      id: 'matrix-canary',
      name: 'Canary',
      on: { pipeline_call: {} },
      jobs: { a: { steps: [canary] } },
    }),
  );
  const finished = engine.createPipelineRun(
    admin,
    DEMO_ORG_ID,
    'shop',
    'matrix-pipeline',
    {},
  );
  // The seed's development fails, and smoke tests over it fail: mended first, so the run reaches its approval.
  mendShopDevelopment(engine, clock);
  const waiting = engine.requestDeployment(admin, DEMO_ORG_ID, 'shop', {
    trigger: 'deployment_request',
    env_id: 'development',
  });
  clock.advance(20_000);
  engine.createPipelineRun(admin, DEMO_ORG_ID, 'shop', 'matrix-canary', {});
  clock.advance(8_000);
  const approval = engine.listApprovals(admin, DEMO_ORG_ID, 'shop', {
    runId: waiting.id,
  })[0];
  // Development broken again as the seed has it (an image that cannot be pulled): shop needs attention in the fleet's
  // inbox, which the listings below read.
  const broken = engine.createDelta(admin, DEMO_ORG_ID, 'shop', {
    modules: {
      update: {
        frontend: [
          {
            op: 'replace',
            path: '/spec/containers/frontend/image',
            value: 'registry.acme.dev/shop/frontend:3.3.0-missing',
          },
        ],
      },
    },
  });
  engine.createDeploy(admin, DEMO_ORG_ID, 'shop', 'development', {
    delta_id: broken.id,
  });
  clock.advance(10_000);
  const criteriaId = engine.listPipelineCriteria(admin, DEMO_ORG_ID, 'shop')[0]
    .id;
  return {
    runId: waiting.id,
    approvalId: approval.id,
    finishedRunId: finished.id,
    criteriaId,
  };
}

const SUBJECTS: Subject[] = [
  'admin',
  'manager',
  'developer',
  'member',
  'contributor',
  'viewer',
];

/** Tokens of an administrator service user with each kind of scope. */
const SCOPES = {
  adminReadOnly: { read_only: true },
  adminApps: { apps: ['shop'] },
  adminEnvTypes: { env_types: ['development'] },
} satisfies Record<string, TokenScope>;
type ScopeKind = keyof typeof SCOPES;

interface Fixture {
  state: EngineState;
  now: number;
  tokens: Record<Subject | 'readOnly' | ScopeKind, string>;
  sample: Sample;
}

let fixture: Fixture;

beforeAll(() => {
  const { engine, clock } = resetTestEngine();
  const admin = engine.authenticate(DEMO_TOKENS.administrator);
  const serviceToken = (name: string, role: string, scope?: TokenScope) => {
    const user = engine.createServiceUser(admin, DEMO_ORG_ID, { name, role });
    return engine.createToken(admin, user.id, {
      id: 'matrix',
      ...(scope ? { scope } : {}),
    }).token;
  };
  const tokens = {
    admin: DEMO_TOKENS.administrator,
    developer: DEMO_TOKENS.developer,
    viewer: DEMO_TOKENS.viewer,
    manager: serviceToken('Matrix manager', 'manager'),
    member: serviceToken('Matrix member', 'member'),
    contributor: serviceToken('Matrix contributor', 'artefactContributor'),
    readOnly: serviceToken('Matrix read-only', 'manager', { read_only: true }),
    adminReadOnly: serviceToken(
      'Matrix admin read-only',
      'administrator',
      SCOPES.adminReadOnly,
    ),
    adminApps: serviceToken(
      'Matrix admin apps',
      'administrator',
      SCOPES.adminApps,
    ),
    adminEnvTypes: serviceToken(
      'Matrix admin env types',
      'administrator',
      SCOPES.adminEnvTypes,
    ),
  };
  // The member sees payments (viewer) and not shop.
  engine.addAppUser(admin, DEMO_ORG_ID, 'payments', {
    id: 'matrix-member',
    role: 'viewer',
  });
  // The target of user, role and token routes: a service user with a role at every level and a token.
  const target = engine.createServiceUser(admin, DEMO_ORG_ID, {
    name: 'Target bot',
    role: 'member',
  });
  expect(target.id).toBe('target-bot');
  engine.addAppUser(admin, DEMO_ORG_ID, 'shop', {
    id: target.id,
    role: 'viewer',
  });
  engine.addEnvTypeUser(admin, DEMO_ORG_ID, 'development', {
    id: target.id,
    role: 'deployer',
  });
  engine.createToken(admin, target.id, { id: 'matrix-token' });
  const env = engine.getEnv(admin, DEMO_ORG_ID, 'shop', 'development');
  const sample: Sample = {
    deployId: env.last_deploy!.id,
    setId: env.last_deploy!.set_id,
    deltaId: engine.listDeltas(admin, DEMO_ORG_ID, 'shop')[0].id,
  };
  sample.pipeline = pipelineFixtures(engine, admin, clock);
  const version = engine.listArtefactVersionsInOrg(admin, DEMO_ORG_ID)[0];
  sample.artefact = {
    artefactId: version.artefact_id,
    versionId: version.id,
  };
  sample.resourceDef = {
    olderVersionId: engine.listResourceDefinitionVersions(
      admin,
      DEMO_ORG_ID,
      'postgres-dev',
    ).items[1].id,
    criteriaId: engine.getResourceDefinition(
      admin,
      DEMO_ORG_ID,
      'mysql-default',
    ).criteria[0].id,
  };
  const oldest = <T>(list: T[]) => list[list.length - 1];
  sample.values = {
    appVersionId: oldest(
      engine.listValueSetVersions(
        admin,
        DEMO_ORG_ID,
        'shop',
        undefined,
        'FEATURES',
      ),
    ).id,
    envVersionId: oldest(
      engine.listValueSetVersions(
        admin,
        DEMO_ORG_ID,
        'shop',
        'development',
        'LOG_LEVEL',
      ),
    ).id,
  };
  sample.cloneFingerprint = engine.previewClone(
    admin,
    DEMO_ORG_ID,
    'shop',
    'staging',
    { source_env_id: 'production', mode: 'full' },
  ).fingerprint;
  fixture = { state: engine.snapshot(), now: clock.now(), tokens, sample };
});

const DEFAULT_PARAMS: Record<string, string> = {
  orgId: DEMO_ORG_ID,
  appId: 'shop',
  envId: 'development',
  envType: 'development',
  userId: 'target-bot',
  tokenId: 'matrix-token',
  profileQid: 'acme/web-service',
};

const routes = createRoutes();
const mutating = routes
  .map((def) => def.operationId)
  .filter((id) => OPERATIONS[id].method !== 'get');

async function call(
  operationId: HandledOperation,
  token: string,
  override?: Partial<AccessExpectation> & { query?: string },
) {
  const expectation = { ...ACCESS_EXPECTATIONS[operationId], ...override };
  const engine = createDemoEngine({
    clock: createManualClock(fixture.now),
    ids: createSequentialIds('matrix'),
    state: fixture.state,
  });
  const sample = { ...fixture.sample };
  const params: Record<string, string> = {
    ...DEFAULT_PARAMS,
    deployId: sample.deployId,
    setId: sample.setId,
    deltaId: sample.deltaId,
    ...(typeof expectation.params === 'function'
      ? expectation.params(sample)
      : expectation.params),
    ...expectation.prepare?.(engine, token),
  };
  const { method, path } = OPERATIONS[operationId];
  const url = `http://localhost${path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name]))}${override?.query ?? ''}`;
  const body =
    typeof expectation.body === 'function'
      ? expectation.body(sample)
      : expectation.body;
  const request = new Request(url, {
    method: method.toUpperCase(),
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const def = routes.find((route) => route.operationId === operationId)!;
  const response = await def.handle(engine, request, params);
  const text = await response.text();
  // Most answers are JSON; a pipeline's definition is YAML.
  const parsed: unknown = /^\s*[[{]/.test(text) ? JSON.parse(text) : undefined;
  return {
    status: response.status,
    message:
      parsed && !Array.isArray(parsed) && typeof parsed === 'object'
        ? ((parsed as { message?: string }).message ?? '')
        : '',
    text,
  };
}

describe('access matrix', () => {
  it('covers the mutating routes', () => {
    expect(mutating.length).toBeGreaterThan(20);
  });

  it.each(mutating)('%s has an access expectation', (operationId) => {
    const { method, path } = OPERATIONS[operationId];
    if (!ACCESS_EXPECTATIONS[operationId]) {
      throw new Error(
        `${operationId} (${method.toUpperCase()} ${path}) changes state but has no access expectation: add one line to ` +
          `ACCESS_EXPECTATIONS in mocks/handlers/access-expectations.ts saying which roles may call it, and call ` +
          `authorize(...) from mocks/engine/access/authorize.ts in its engine method.`,
      );
    }
  });

  const cases = mutating
    .filter((id) => ACCESS_EXPECTATIONS[id])
    .flatMap((id) => SUBJECTS.map((subject) => [id, subject] as const));
  it.each(cases)('%s as %s', async (operationId, subject) => {
    const allowed =
      ACCESS_EXPECTATIONS[operationId]!.allow.split(/\s+/).includes(subject);
    const { status, message } = await call(
      operationId,
      fixture.tokens[subject],
    );
    if (allowed) {
      expect({ status, message }).toEqual({
        status: expect.toSatisfy((s: number) => s >= 200 && s < 300),
        message,
      });
    } else {
      expect({ status, message }).toEqual({
        status: 403,
        message: expect.stringMatching(/needs the .* role/),
      });
    }
  });

  // explainResourceMatch and convertScoreToSet are sent with POST but only read (audit.ts READS_BY_POST): a
  // read-only token may call them.
  it.each(
    mutating.filter(
      (id) =>
        ACCESS_EXPECTATIONS[id] &&
        id !== 'explainResourceMatch' &&
        id !== 'convertScoreToSet',
    ),
  )('%s refuses a read-only token', async (operationId) => {
    const { status, message } = await call(
      operationId,
      fixture.tokens.readOnly,
    );
    expect(status).toBe(403);
    expect(message).toMatch(/read-only|needs the/);
  });

  it('lets a read-only token explain a match (it changes nothing)', async () => {
    const { status } = await call(
      'explainResourceMatch',
      fixture.tokens.readOnly,
    );
    expect(status).toBe(200);
  });

  it('lets a read-only token convert a Score file (it changes nothing)', async () => {
    const { status } = await call('convertScoreToSet', fixture.tokens.readOnly);
    expect(status).toBe(200);
  });

  // A scoped token never widens: not even an administrator's token with a scope may mint tokens, manage users
  // or roles at any level, or reset the demo (issue 17: an env-type token minted an unscoped one).
  const privileged = PRIVILEGE_OPERATIONS.flatMap((id) =>
    (Object.keys(SCOPES) as ScopeKind[]).map((kind) => [id, kind] as const),
  );
  it.each(privileged)(
    '%s refuses an administrator token scoped to %s',
    async (operationId, kind) => {
      expect(ACCESS_EXPECTATIONS[operationId]!.allow.split(/\s+/)).toContain(
        'admin',
      );
      const { status, message } = await call(operationId, fixture.tokens[kind]);
      expect({ status, message }).toEqual({
        status: 403,
        message: expect.stringMatching(
          /read-only|has a scope .* need a token without a scope/,
        ),
      });
    },
  );

  it.each(['adminApps', 'adminEnvTypes'] as const)(
    'an administrator token scoped to %s still changes what its scope allows',
    async (kind) => {
      expect((await call('createDelta', fixture.tokens[kind])).status).toBe(
        200,
      );
      expect(
        (
          await call('updatePaused', fixture.tokens[kind], {
            params: { envId: 'development' },
          })
        ).status,
      ).toBe(204);
    },
  );
});

// Reads (RBAC as Humanitec documents it): a member (or artefact contributor) reads only the apps it has a
// role on. Every GET route of an app refuses the matrix member and contributor on shop with 403 naming the
// role, and lets the others through to the resource; every read across apps leaves shop out for them.
describe('read access', () => {
  const reads = routes
    .map((def) => def.operationId)
    .filter((id) => OPERATIONS[id].method === 'get');
  const ofApp = reads.filter((id) => OPERATIONS[id].path.includes('{appId}'));
  const ofNoApp = reads.filter((id) => !ofApp.includes(id));
  const READS_SHOP: Record<Subject, boolean> = {
    admin: true,
    manager: true,
    developer: true,
    member: false,
    contributor: false,
    viewer: true,
  };
  /** Path parameters that name existing things of shop (a 404 would do too: it is not a 403). */
  const readParams = (sample: Sample): Record<string, string> => ({
    pipelineId: 'promote-to-staging',
    runId: sample.pipeline!.runId,
    jobId: 'promote-staging',
    approvalId: sample.pipeline!.approvalId,
    criteriaId: sample.pipeline!.criteriaId,
    stepIndex: '0',
    sourceSetId: sample.setId,
    workloadId: 'frontend',
    containerId: 'frontend',
  });

  it('covers the reads of an app', () => {
    expect(ofApp.length).toBeGreaterThan(30);
  });

  it.each(ofNoApp)(
    '%s is a listing across apps or shows no app',
    (operationId) => {
      const { path } = OPERATIONS[operationId];
      if (
        !APP_LISTINGS.includes(operationId) &&
        !APP_FREE_READS.includes(operationId)
      ) {
        throw new Error(
          `${operationId} (GET ${path}) names no app: add it to APP_LISTINGS in mocks/handlers/access-expectations.ts ` +
            `if it shows data of apps (and filter it with appReadFilter in its engine method), else to APP_FREE_READS.`,
        );
      }
    },
  );

  const cases = ofApp.flatMap((id) =>
    SUBJECTS.map((subject) => [id, subject] as const),
  );
  it.each(cases)('%s of shop as %s', async (operationId, subject) => {
    const { status, message } = await call(
      operationId,
      fixture.tokens[subject],
      { params: readParams },
    );
    if (READS_SHOP[subject]) {
      expect({ status, message }).toEqual({
        status: expect.toSatisfy((s: number) => s !== 403 && s < 500),
        message,
      });
    } else {
      expect({ status, message }).toEqual({
        status: 403,
        message: expect.stringMatching(
          /needs the viewer, developer or owner role on app shop \(you are (member|artefactContributor) of organisation acme/,
        ),
      });
    }
  });

  it.each(APP_LISTINGS.flatMap((id) => SUBJECTS.map((s) => [id, s] as const)))(
    '%s as %s lists shop only when it may read it',
    async (operationId, subject) => {
      const { status, text } = await call(operationId, fixture.tokens[subject]);
      expect(status).toBe(200);
      // App ids appear as JSON strings (`"app_id":"shop"`, `"id":"shop"`).
      expect({ subject, listsShop: text.includes('"shop"') }).toEqual({
        subject,
        listsShop: READS_SHOP[subject],
      });
    },
  );

  it('lists to the member the app it has a role on', async () => {
    for (const operationId of [
      'listApplications',
      'getNavigationIndex',
      'getOrgHealth',
      'getDoraMetrics',
    ] as const) {
      const { text } = await call(operationId, fixture.tokens.member);
      expect({ operationId, payments: text.includes('"payments"') }).toEqual({
        operationId,
        payments: true,
      });
    }
  });

  it("refuses a member the DORA metrics of an app it has no role on, and answers its own app's", async () => {
    const shop = await call('getDoraMetrics', fixture.tokens.member, {
      query: '?app=shop',
    });
    expect(shop.status).toBe(403);
    expect(shop.message).toMatch(/needs the viewer, developer or owner role/);
    const payments = await call('getDoraMetrics', fixture.tokens.member, {
      query: '?app=payments',
    });
    expect(payments.status).toBe(200);
  });
});
