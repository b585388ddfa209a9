// Humanitec's official TypeScript client (`@humanitec/autogen`) drives shared values and value-set versions
// (issue 19 §1) against a real `npm run api` (mocks/server.ts on a free port, a temporary data file), from a blank
// app of its own: app values and environment overrides (list, create, replace, patch, delete one, delete all),
// secrets (write-only), value-set versions (list, get, restore whole and one key, purge a key), and a deployment
// that resolves `${values.KEY}` and records its version. Every response body is checked against the spec
// (contract-rules.ts, the contract test's rules) as it arrives. The engine is spawned, never imported.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { apiConfig, PublicApi, ResponseError } from '@humanitec/autogen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractChecker } from './handlers/contract-rules';
import { VALUE_OPERATIONS_BY_CLIENT_NAME } from './official-client-areas';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'official-client-values-'));
const orgId = 'acme';
/** A fresh app per run, so the flows start from a blank app. */
const appId = `ocv-${Date.now().toString(36)}`;
const envId = 'development';
const SECRET = 'planted-official-client-secret-93b1';

const checker = createContractChecker('');
/** Every response text the server sent, to look for the planted secret. */
const texts: string[] = [];
/** Contract problems of any response (checked at the end of each test). */
const problems: string[] = [];
const called = new Set<string>();

let server: ChildProcess | undefined;
let apiHost = '';
let adminToken = '';
let viewerToken = '';
let admin: PublicApi;
let viewer: PublicApi;

/** A client whose calls are recorded and whose every response is checked against the spec. */
function checkedClient(token: string): PublicApi {
  const client = new PublicApi(apiConfig({ token, apiHost })).withMiddleware({
    post: async ({ url, init, response }) => {
      const text = await response.clone().text();
      texts.push(text);
      const result = checker.check(
        (init.method ?? 'GET').toUpperCase(),
        url,
        response.status,
        response.headers.get('content-type'),
        text,
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
        adminToken = demo[1];
        viewerToken = demo[3];
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

function stopServer() {
  const child = server;
  if (!child?.pid) return;
  child.removeAllListeners('exit');
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
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

/** Polls until `done` holds (a short pause between reads, a generous deadline). */
async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const end = Date.now() + 90_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(value)}`);
    await new Promise((next) => setTimeout(next, 100));
  }
}

const FLOW_TIMEOUT_MS = 240_000;

beforeAll(async () => {
  await startServer();
  admin = checkedClient(adminToken);
  viewer = checkedClient(viewerToken);
  await admin.createApplication({
    orgId,
    ApplicationCreationRequest: { id: appId, name: 'Official client values' },
  });
}, 150_000);

afterAll(() => {
  stopServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('the official client drives values and value-set versions', () => {
  it(
    'lists, creates, replaces, patches and deletes app values and environment overrides',
    async () => {
      expect(await admin.orgsOrgIdAppsAppIdValuesGet({ orgId, appId })).toEqual(
        [],
      );
      const created = await admin.orgsOrgIdAppsAppIdValuesPost({
        orgId,
        appId,
        ValueCreatePayloadRequest: {
          key: 'DB_HOST',
          value: 'db.internal',
          description: 'database host',
        },
      });
      expect(created).toMatchObject({ key: 'DB_HOST', source: 'app' });
      const secret = await admin.orgsOrgIdAppsAppIdValuesPost({
        orgId,
        appId,
        ValueCreatePayloadRequest: {
          key: 'API_TOKEN',
          value: SECRET,
          is_secret: true,
          description: 'token',
        },
      });
      expect(secret).toMatchObject({
        value: '',
        is_secret: true,
        secret_store_id: 'humanitec',
      });
      expect(
        (
          await refusal(
            admin.orgsOrgIdAppsAppIdValuesPost({
              orgId,
              appId,
              ValueCreatePayloadRequest: {
                key: 'DB_HOST',
                value: 'again',
                description: '',
              },
            }),
          )
        ).status,
      ).toBe(409);
      const replaced = await admin.orgsOrgIdAppsAppIdValuesKeyPut({
        orgId,
        appId,
        key: 'DB_HOST',
        ValueEditPayloadRequest: {
          value: 'db2.internal',
          description: 'database host',
        },
      });
      expect(replaced.value).toBe('db2.internal');
      const patched = await admin.orgsOrgIdAppsAppIdValuesKeyPatch({
        orgId,
        appId,
        key: 'API_TOKEN',
        ValuePatchPayloadRequest: { value: `${SECRET}-rotated` },
      });
      expect(patched.secret_version).not.toBe(secret.secret_version);

      const override = await admin.orgsOrgIdAppsAppIdEnvsEnvIdValuesPost({
        orgId,
        appId,
        envId,
        ValueCreatePayloadRequest: {
          key: 'DB_HOST',
          value: 'db.dev',
          description: '',
        },
      });
      expect(override.source).toBe('env');
      const effective = await viewer.orgsOrgIdAppsAppIdEnvsEnvIdValuesGet({
        orgId,
        appId,
        envId,
      });
      expect(effective.map((v) => [v.key, v.value, v.source])).toEqual([
        ['API_TOKEN', '', 'app'],
        ['DB_HOST', 'db.dev', 'env'],
      ]);
      await admin.orgsOrgIdAppsAppIdEnvsEnvIdValuesKeyPut({
        orgId,
        appId,
        envId,
        key: 'DB_HOST',
        ValueEditPayloadRequest: { value: 'db3.dev', description: 'dev' },
      });
      await admin.orgsOrgIdAppsAppIdEnvsEnvIdValuesKeyPatch({
        orgId,
        appId,
        envId,
        key: 'DB_HOST',
        ValuePatchPayloadRequest: { description: 'the dev host' },
      });
      await admin.orgsOrgIdAppsAppIdEnvsEnvIdValuesKeyDelete({
        orgId,
        appId,
        envId,
        key: 'DB_HOST',
      });
      expect(
        (
          await refusal(
            admin.orgsOrgIdAppsAppIdEnvsEnvIdValuesKeyDelete({
              orgId,
              appId,
              envId,
              key: 'DB_HOST',
            }),
          )
        ).status,
      ).toBe(404);
      await admin.orgsOrgIdAppsAppIdEnvsEnvIdValuesDelete({
        orgId,
        appId,
        envId,
      });
      await admin.orgsOrgIdAppsAppIdValuesKeyDelete({
        orgId,
        appId,
        key: 'API_TOKEN',
      });
      // The viewer reads but cannot change values.
      expect(
        (await refusal(viewer.orgsOrgIdAppsAppIdValuesDelete({ orgId, appId })))
          .status,
      ).toBe(403);
      expect(
        (await admin.orgsOrgIdAppsAppIdValuesGet({ orgId, appId })).map(
          (v) => v.key,
        ),
      ).toEqual(['DB_HOST']);
      expect(problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'lists, gets, restores and purges value-set versions; a deployment resolves ${values.KEY} and records its version',
    async () => {
      const versions = await admin.orgsOrgIdAppsAppIdValueSetVersionsGet({
        orgId,
        appId,
        key_changed: 'DB_HOST',
      });
      // Newest first: replaced, then created (the two env-less changes of DB_HOST).
      expect(versions.map((v) => v.result_of)).toEqual([
        'app_value_update',
        'app_value_create',
      ]);
      const first = versions[1];
      expect(
        (
          await admin.orgsOrgIdAppsAppIdValueSetVersionsValueSetVersionIdGet({
            orgId,
            appId,
            valueSetVersionId: first.id,
          })
        ).values.DB_HOST.value,
      ).toBe('db.internal');
      const restoredKey =
        await admin.orgsOrgIdAppsAppIdValueSetVersionsValueSetVersionIdRestoreKeyPost(
          {
            orgId,
            appId,
            valueSetVersionId: first.id,
            key: 'DB_HOST',
            ValueSetActionPayloadRequest: { comment: 'back to the first host' },
          },
        );
      expect(restoredKey).toMatchObject({
        result_of: 'app_value_set_version_restore',
        source_value_set_version_id: first.id,
        comment: 'back to the first host',
      });
      const restored =
        await admin.orgsOrgIdAppsAppIdValueSetVersionsValueSetVersionIdRestorePost(
          {
            orgId,
            appId,
            valueSetVersionId: versions[0].id,
            ValueSetActionPayloadRequest: { comment: 'whole set' },
          },
        );
      expect(restored.values.DB_HOST.value).toBe('db2.internal');
      await admin.orgsOrgIdAppsAppIdValueSetVersionsValueSetVersionIdPurgeKeyPost(
        {
          orgId,
          appId,
          valueSetVersionId: first.id,
          key: 'DB_HOST',
          ValueSetActionPayloadRequest: { comment: 'purge the old host' },
        },
      );

      // The environment's own history.
      await admin.orgsOrgIdAppsAppIdEnvsEnvIdValuesPost({
        orgId,
        appId,
        envId,
        ValueCreatePayloadRequest: {
          key: 'GREETING',
          value: 'hello',
          description: '',
        },
      });
      await admin.orgsOrgIdAppsAppIdEnvsEnvIdValuesKeyPatch({
        orgId,
        appId,
        envId,
        key: 'GREETING',
        ValuePatchPayloadRequest: { value: 'hi' },
      });
      const envVersions =
        await admin.orgsOrgIdAppsAppIdEnvsEnvIdValueSetVersionsGet({
          orgId,
          appId,
          envId,
          key_changed: 'GREETING',
        });
      expect(envVersions.map((v) => v.result_of)).toEqual([
        'env_value_update',
        'env_value_create',
      ]);
      const envFirst = envVersions[1];
      expect(
        (
          await admin.orgsOrgIdAppsAppIdEnvsEnvIdValueSetVersionsValueSetVersionIdGet(
            { orgId, appId, envId, valueSetVersionId: envFirst.id },
          )
        ).values.GREETING.value,
      ).toBe('hello');
      await admin.orgsOrgIdAppsAppIdEnvsEnvIdValueSetVersionsValueSetVersionIdRestoreKeyPost(
        {
          orgId,
          appId,
          envId,
          valueSetVersionId: envFirst.id,
          key: 'GREETING',
          ValueSetActionPayloadRequest: {},
        },
      );
      const envRestored =
        await admin.orgsOrgIdAppsAppIdEnvsEnvIdValueSetVersionsValueSetVersionIdRestorePost(
          {
            orgId,
            appId,
            envId,
            valueSetVersionId: envVersions[0].id,
            ValueSetActionPayloadRequest: { comment: 'back to hi' },
          },
        );
      expect(envRestored.values.GREETING.value).toBe('hi');
      await admin.orgsOrgIdAppsAppIdEnvsEnvIdValueSetVersionsValueSetVersionIdPurgeKeyPost(
        {
          orgId,
          appId,
          envId,
          valueSetVersionId: envFirst.id,
          key: 'GREETING',
          ValueSetActionPayloadRequest: {},
        },
      );

      // A deployment resolves ${values.GREETING} and records the environment's current version.
      const delta = (await admin.orgsOrgIdAppsAppIdDeltasPost({
        orgId,
        appId,
        DeltaRequest: {
          modules: {
            add: {
              web: {
                profile: 'humanitec/default-module',
                spec: {
                  containers: {
                    web: {
                      image: 'registry.acme.dev/ocv/web:1.0.0',
                      variables: { GREETING: '${values.GREETING}' },
                    },
                  },
                },
                externals: {},
              },
            },
          },
        },
      })) as unknown as { id: string };
      const deployment = await admin.createDeployment({
        orgId,
        appId,
        envId,
        DeploymentRequest: { delta_id: delta.id, comment: 'uses values' },
      });
      const current = (
        await admin.orgsOrgIdAppsAppIdEnvsEnvIdValueSetVersionsGet({
          orgId,
          appId,
          envId,
        })
      )[0];
      expect(deployment.value_set_version_id).toBe(current.id);
      const done = await until(
        () =>
          admin.getDeployment({ orgId, appId, envId, deployId: deployment.id }),
        (d) => d.status === 'succeeded' || d.status === 'failed',
      );
      expect(done.status).toBe('succeeded');
      expect(problems).toEqual([]);
      expect(texts.join('\n')).not.toContain(SECRET);
    },
    FLOW_TIMEOUT_MS,
  );

  it('called every value operation through the client', () => {
    const missing = Object.entries(VALUE_OPERATIONS_BY_CLIENT_NAME)
      .filter(([, name]) => !called.has(name))
      .map(([operationId]) => operationId);
    expect(missing).toEqual([]);
    expect(
      Object.values(VALUE_OPERATIONS_BY_CLIENT_NAME).filter(
        (name) => !(name in PublicApi.prototype),
      ),
    ).toEqual([]);
  });
});
