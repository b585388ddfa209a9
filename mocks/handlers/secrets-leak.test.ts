// Issue 18, "Secrets in plaintext": a value typed into a profile's secret field
// (x-console-widget: secret) is never returned by the API. The test plants a
// unique secret through the real handlers (a delta adding a workload whose
// profile, created here, has a secret field; the same delta applied to the set,
// replayed with its Idempotency-Key, merged with a second secret, deployed, run
// by a pipeline and cloned; and as shared secret values of the app and of the
// environment, which the workload refers to with `${values.PLANTED}`, each change
// a value-set version), then calls every GET route the API serves as the
// administrator and as the viewer, filling the path parameters from the
// objects it created, and looks for either value in every answer. The same two
// values are also planted as a resource account's credentials and as a resource
// definition's secret driver inputs (issue 20).
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_ID, type Actor, type Engine } from '../engine';
import { DEMO_TOKENS } from '../fixtures';
import { resetTestEngine } from '../runtime';
import { createRoutes, type HandledOperation } from './index';
import { OPERATIONS } from './operations.gen';
import { rsaPrivateKey } from '../testing/agent-keys';

const ORG = DEMO_ORG_ID;
const APP = 'shop';
const ENV = 'development';
const SECRET = 'planted-Secret-5b1e9c0a77d4';
const SECOND = 'second-Secret-e3d0f2a19b68';
const PROFILE = 'vault-service';

const routes = createRoutes();
const reads = routes
  .map((def) => def.operationId)
  .filter((id) => OPERATIONS[id].method === 'get');

let engine: Engine;
let advance: (ms: number) => void;
/** Path parameters taken from what the test created. */
const params: Record<string, string> = {
  orgId: ORG,
  appId: APP,
  envId: ENV,
  envType: ENV,
  profileQid: `${ORG}/${PROFILE}`,
  workloadId: 'vault',
  containerId: 'vault',
  stepIndex: '0',
  // Agents and the organisation's public key (agents-seed.ts).
  agentId: 'edge-eu',
  keyId: '4c0310b415c57aa0d16899f83e4c87bf',
};
/** The answers to the writes that planted the secrets. */
const writes: { operationId: string; text: string; headers: string }[] = [];
/** Query strings of routes that need one. */
const QUERIES: Partial<Record<HandledOperation, string>> = {
  previewClone: `?source_env_id=${ENV}&mode=full`,
};

async function call(
  operationId: HandledOperation,
  token: string,
  options: {
    params?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
    query?: string;
  } = {},
) {
  const all = { ...params, ...options.params };
  const { method, path } = OPERATIONS[operationId];
  const url = `http://localhost${path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(all[name] ?? 'none'))}${options.query ?? ''}`;
  const request = new Request(url, {
    method: method.toUpperCase(),
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...options.headers,
    },
    ...(options.body !== undefined
      ? { body: JSON.stringify(options.body) }
      : {}),
  });
  const def = routes.find((route) => route.operationId === operationId)!;
  const response = await def.handle(engine, request, all);
  const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`);
  return {
    status: response.status,
    text: await response.text(),
    headers: headers.join('\n'),
  };
}

async function ok(
  operationId: HandledOperation,
  options: Parameters<typeof call>[2] = {},
) {
  const answer = await call(operationId, DEMO_TOKENS.administrator, options);
  expect(answer.status, `${operationId}: ${answer.text}`).toBeLessThan(300);
  writes.push({ operationId, ...answer });
  return JSON.parse(answer.text || 'null') as Record<string, unknown>;
}

const spec = (password: string) => ({
  containers: {
    vault: {
      image: 'registry.acme.dev/shop/vault:1.0.0',
      variables: { LOG_LEVEL: 'info', TOKEN: '${values.PLANTED}' },
    },
  },
  database: { host: 'db.internal', password },
});

beforeAll(async () => {
  const test = resetTestEngine();
  engine = test.engine;
  advance = (ms) => void test.clock.advance(ms);
  const admin: Actor = engine.authenticate(DEMO_TOKENS.administrator);

  await ok('createWorkloadProfile', {
    body: {
      id: PROFILE,
      description: 'A service with a database password',
      workload_profile_chart: {
        id: 'humanitec/default-module',
        version: '1.0.0',
      },
      spec_definition: {
        properties: {
          containers: {
            type: 'collection',
            feature_name: 'humanitec/containers',
          },
          database: {
            type: 'schema',
            title: 'Database',
            schema: {
              type: 'object',
              properties: {
                host: { type: 'string' },
                password: {
                  type: 'string',
                  title: 'Password',
                  'x-console-widget': 'secret',
                },
              },
            },
          },
        },
      },
    },
  });

  // Shared values (issue 19 §1): the first secret as an app value, the second as the environment's override
  // (replaced once), each change a value-set version; the workload refers to it and is deployed with it.
  const value = { key: 'PLANTED', is_secret: true, description: '' };
  await ok('createAppValue', { body: { ...value, value: SECRET } });
  await ok('createEnvValue', { body: { ...value, value: SECOND } });
  await ok('patchEnvValue', {
    params: { key: 'PLANTED' },
    body: { secret_ref: { value: `${SECOND}-rotated` } },
  });
  params.key = 'PLANTED';
  params.valueSetVersionId = engine.listValueSetVersions(
    admin,
    ORG,
    APP,
    ENV,
  )[1].id;

  const base = engine.getEnv(admin, ORG, APP, ENV).last_deploy!.set_id;
  params.sourceSetId = base;
  const delta = {
    metadata: { env_id: ENV, name: 'Add the vault' },
    modules: {
      add: {
        vault: { profile: `${ORG}/${PROFILE}`, spec: spec(SECRET) },
      },
    },
  };
  // As the console saves a change: applied to the set, then stored (with a key, sent twice).
  const next = await ok('updateSet', { params: { setId: base }, body: delta });
  const keyed = { headers: { 'Idempotency-Key': 'plant-1' }, body: delta };
  const created = await ok('createDelta', keyed);
  const replayed = await call('createDelta', DEMO_TOKENS.administrator, keyed);
  expect(replayed.headers).toMatch(/idempotent-replayed: true/i);
  writes.push({ operationId: 'createDelta (replayed)', ...replayed });
  params.deltaId = created.id as string;

  // A second secret, merged into the delta and replaced again.
  const patch = [
    {
      modules: {
        update: {
          vault: [
            { op: 'replace', path: '/spec/database/password', value: SECOND },
          ],
        },
      },
    },
  ];
  await ok('patchDelta', { body: patch });
  await ok('putDelta', { body: delta });

  const deploy = await ok('createDeployment', {
    body: { delta_id: params.deltaId, comment: 'plant' },
    headers: { 'Idempotency-Key': 'plant-deploy' },
  });
  params.deployId = deploy.id as string;
  params.setId = deploy.set_id as string;
  expect(params.setId).toBe(next as unknown as string);
  advance(60_000);
  expect(engine.getDeploy(admin, ORG, APP, ENV, params.deployId).status).toBe(
    'succeeded',
  );

  // A pipeline run that deploys the delta to staging, and a clone of development into staging.
  const pipeline = engine.createPipeline(
    admin,
    ORG,
    APP,
    JSON.stringify({
      id: 'plant-pipeline',
      name: 'Plant',
      on: { pipeline_call: {} },
      jobs: {
        deploy: {
          steps: [
            {
              uses: 'actions/humanitec/deploy@v1',
              with: { env_id: 'staging', delta_id: params.deltaId },
            },
          ],
        },
      },
    }),
  );
  const run = engine.createPipelineRun(admin, ORG, APP, pipeline.id, {});
  advance(60_000);
  const job = engine.listPipelineJobs(admin, ORG, APP, pipeline.id, run.id)[0];
  Object.assign(params, {
    pipelineId: pipeline.id,
    runId: run.id,
    jobId: job.id,
  });
  const preview = engine.previewClone(admin, ORG, APP, 'production', {
    source_env_id: ENV,
    mode: 'partial',
    modules: ['vault'],
  });
  await ok('applyClone', {
    params: { envId: 'production' },
    body: {
      source_env_id: ENV,
      mode: 'partial',
      modules: ['vault'],
      fingerprint: preview.fingerprint,
    },
  });
  advance(60_000);

  const approvals = engine.listApprovals(admin, ORG, APP, {});
  if (approvals[0]) params.approvalId = approvals[0].id;
  const criteria = engine.listPipelineCriteria(admin, ORG, APP);
  if (criteria[0]) params.criteriaId = criteria[0].id;
  params.tokenId = 'none';

  // Resource accounts (issue 20 §1): the first secret as an account's credential, replaced by the second
  // (checked: the verdict names the account, never the key); the accounts and drivers are read below.
  await ok('createResourceAccount', {
    body: {
      id: 'leak-account',
      name: 'Leak',
      type: 'aws',
      credentials: {
        aws_access_key_id: 'AKIALEAKTEST00000001',
        aws_secret_access_key: SECRET,
      },
    },
  });
  await ok('patchResourceAccount', {
    params: { accId: 'leak-account' },
    body: {
      credentials: {
        aws_access_key_id: 'AKIALEAKTEST00000001',
        aws_secret_access_key: SECOND,
      },
    },
  });
  const check = await call('checkResourceAccount', DEMO_TOKENS.administrator, {
    params: { accId: 'leak-account' },
  });
  writes.push({ operationId: 'checkResourceAccount', ...check });
  params.accId = 'leak-account';
  params.driverId = 'acme-flags';
  // A resource definition holding both values as secret driver inputs (issue 20), changed once: two versions.
  await ok('createResourceDefinition', {
    body: {
      id: 'leak-def',
      name: 'Leak',
      type: 'postgres',
      driver_type: 'humanitec/postgres',
      driver_inputs: {
        values: { version: '16' },
        secrets: { password: SECRET },
      },
      criteria: [{ app_id: APP }],
    },
  });
  await ok('patchResourceDefinition', {
    params: { defId: 'leak-def' },
    body: { driver_inputs: { secrets: { password: SECOND } } },
  });
  params.defId = 'leak-def';
  params.defVersionId = engine.listResourceDefinitionVersions(
    engine.authenticate(DEMO_TOKENS.administrator),
    ORG,
    'leak-def',
  ).items[1].id;
  params.typeId = 'postgres';
  params.classId = 'large';
});

describe('secret fields in the API', () => {
  it('the engine keeps the value (in its write-only store): the test can find a leak', () => {
    expect(JSON.stringify(engine.snapshot())).toContain(SECRET);
    expect(reads.length).toBeGreaterThan(40);
  });

  it('no answer to the writes that planted them carries a secret', () => {
    const leaks = writes
      .filter(({ text, headers }) =>
        [SECRET, SECOND].some((v) => text.includes(v) || headers.includes(v)),
      )
      .map(({ operationId }) => operationId);
    expect(writes.length).toBe(16);
    expect(leaks).toEqual([]);
  });

  it('a private key sent by mistake as an agent key is refused without being echoed, logged or stored', async () => {
    // A real PKCS#8 private key, as someone pastes `agent.pem` instead of its public half (issue 22).
    const secretKey = rsaPrivateKey();
    const body = secretKey.split('\n')[1];
    const refusals = [
      await call('createAgent', DEMO_TOKENS.administrator, {
        body: { id: 'leak-agent', public_key: secretKey },
      }),
      await call('createKey', DEMO_TOKENS.administrator, {
        params: { agentId: 'edge-eu' },
        body: { public_key: secretKey },
      }),
      await call('createPublicKey', DEMO_TOKENS.administrator, {
        body: secretKey,
      }),
    ];
    for (const answer of refusals) {
      expect(answer.status).toBe(400);
      expect(answer.text).toMatch(/is a private key/);
      expect(answer.text).not.toContain(body);
    }
    expect(JSON.stringify(engine.snapshot())).not.toContain(body);
    for (const id of reads) {
      const answer = await call(id, DEMO_TOKENS.administrator, {
        params: { agentId: 'edge-eu' },
        query: QUERIES[id],
      });
      expect(answer.text, id).not.toContain(body);
    }
  });

  const subjects = [
    ['administrator', DEMO_TOKENS.administrator],
    ['viewer', DEMO_TOKENS.viewer],
  ] as const;
  const cases = subjects.flatMap(([who, token]) =>
    reads.map((id) => [id, who, token] as const),
  );
  it.each(cases)('%s as %s carries no secret', async (id, who, token) => {
    const user = engine.authenticate(token);
    const answer = await call(id, token, {
      params: { userId: user.userId },
      query: QUERIES[id],
    });
    expect(answer.status).toBeLessThan(500);
    expect(answer.text).not.toContain(SECRET);
    expect(answer.text).not.toContain(SECOND);
    expect(answer.headers).not.toContain(SECRET);
    if (
      who === 'administrator' &&
      ['getSet', 'getDelta', 'getDiff'].includes(id)
    ) {
      // The reads that used to carry the value answer, with the reference in its place.
      expect(answer.status).toBe(200);
      expect(answer.text).toMatch(
        /\$\{secrets\.wl\.vault\.database\.password\.[0-9a-f]{24}\}/,
      );
    }
  });

  it('the Operator export of a GitOps environment (file and full), its commit and status hold references, never the values', async () => {
    const admin = engine.authenticate(DEMO_TOKENS.administrator);
    // The planted set (its workload's secret field, its postgres from leak-def) deployed to the GitOps environment.
    const setId = engine.getDeploy(
      admin,
      ORG,
      APP,
      ENV,
      params.deployId,
    ).set_id;
    const deploy = engine.createDeploy(admin, ORG, APP, 'preview', {
      set_id: setId,
      comment: 'leak check',
    });
    advance(60_000);
    const gitops = { envId: 'preview', deployId: deploy.id };
    const answers = [
      await call('getDeploymentExport', DEMO_TOKENS.administrator, {
        params: gitops,
      }),
      await call('getDeploymentExport', DEMO_TOKENS.administrator, {
        params: gitops,
        query: '?view=full',
      }),
      await call('getDeploymentGitops', DEMO_TOKENS.administrator, {
        params: gitops,
      }),
      await call('getEnvironmentGitops', DEMO_TOKENS.viewer, {
        params: gitops,
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers[1].text).toContain('secretRefs');
    expect(answers[1].text).toContain('${secrets.');
    for (const answer of answers) {
      expect(answer.text).not.toContain(SECRET);
      expect(answer.text).not.toContain(SECOND);
    }
  });

  it('the local-run bundle leaves them out, and with secrets=include (who may deploy) holds them in .env only', async () => {
    const bundle = async (token: string, query = '') => {
      const answer = await call('getLocalRun', token, { query });
      return {
        status: answer.status,
        files:
          answer.status === 200
            ? (
                JSON.parse(answer.text) as {
                  files: Record<string, { content: string }>;
                }
              ).files
            : {},
      };
    };
    const plain = await bundle(DEMO_TOKENS.administrator);
    expect(plain.status).toBe(200);
    expect(JSON.stringify(plain.files)).not.toContain(SECRET);
    expect((await bundle(DEMO_TOKENS.viewer, '?secrets=include')).status).toBe(
      403,
    );
    const included = await bundle(
      DEMO_TOKENS.administrator,
      '?secrets=include',
    );
    const holding = Object.entries(included.files)
      .filter(
        ([, file]) =>
          file.content.includes(SECRET) || file.content.includes(SECOND),
      )
      .map(([name]) => name);
    expect(holding).toEqual(['.env']);
  });

  it('a shell masks them: env, printenv, ps, ls, cat and a debug container answer without them; env --reveal (who may deploy) shows the value only', async () => {
    const run = async (sessionId: string, command: string, token: string) => {
      const answer = await call('runShellCommand', token, {
        params: { sessionId },
        body: { command },
      });
      return { status: answer.status, text: answer.text };
    };
    const open = async (debug: boolean) => {
      const answer = await call('openShellSession', DEMO_TOKENS.administrator, {
        body: { container_id: 'vault', ...(debug ? { debug } : {}) },
      });
      expect(answer.status, answer.text).toBe(201);
      expect(answer.text).not.toContain(SECRET);
      return (JSON.parse(answer.text) as { id: string }).id;
    };
    const shell = await open(false);
    const debug = await open(true);
    const plain: [string, string][] = [
      [shell, 'env'],
      [shell, 'printenv TOKEN'],
      [shell, 'ps'],
      [shell, 'ls -l /'],
      [shell, 'cat /etc/hostname'],
      [shell, 'help'],
      [debug, 'cat /proc/1/environ'],
      [debug, 'cat /proc/1/cmdline'],
      [debug, 'ps'],
      [debug, 'logs -n 50'],
    ];
    for (const [id, command] of plain) {
      const answer = await run(id, command, DEMO_TOKENS.administrator);
      expect(answer.status, command).toBe(200);
      expect(answer.text, command).not.toContain(SECRET);
      expect(answer.text, command).not.toContain(SECOND);
    }
    expect((await run(shell, 'env', DEMO_TOKENS.viewer)).status).toBe(403);
    const revealed = await run(
      shell,
      'env --reveal',
      DEMO_TOKENS.administrator,
    );
    expect(revealed.text).toContain(`TOKEN=${SECOND}-rotated`);
    // The profile's secret field is no variable: never shown.
    expect(revealed.text).not.toContain(SECRET);
  });

  it('the administrator reads most routes (the walk is not a walk of refusals)', async () => {
    let answered = 0;
    for (const id of reads) {
      const user = engine.authenticate(DEMO_TOKENS.administrator);
      const { status } = await call(id, DEMO_TOKENS.administrator, {
        params: { userId: user.userId },
        query: QUERIES[id],
      });
      if (status === 200) answered += 1;
    }
    expect(answered).toBeGreaterThan(reads.length * 0.8);
  });
});
