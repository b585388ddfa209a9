// Humanitec's official TypeScript client (`@humanitec/autogen`) drives the organisation's settings of issue 19
// against a real `npm run api` (mocks/server.ts on a free port, a temporary data file): secret stores (list,
// register, get, change, make primary, delete, the 409s), environment types (create, get, describe, delete, the
// spec's 409 naming the environments), an environment's PATCH (rename; change of type through our extension) and
// the runtime in the spec's V1 shape through the client's getRuntime. Every response body is checked against the
// spec (contract-rules.ts, the contract test's rules) as it arrives. The engine is spawned, never imported.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { apiConfig, PublicApi, ResponseError } from '@humanitec/autogen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractChecker } from './handlers/contract-rules';
import { SETTINGS_OPERATIONS_BY_CLIENT_NAME } from './official-client-areas';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'official-client-settings-'));
const orgId = 'acme';
/** A fresh app per run, so the flows start from a blank app. */
const appId = `ocs-${Date.now().toString(36)}`;
const CREDENTIAL = 'planted-store-credential-4d2e';

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
  return { status: response.status, body: (await response.json()) as unknown };
}

const FLOW_TIMEOUT_MS = 240_000;

beforeAll(async () => {
  await startServer();
  admin = checkedClient(adminToken);
  viewer = checkedClient(viewerToken);
  await admin.createApplication({
    orgId,
    ApplicationCreationRequest: { id: appId, name: 'Official client settings' },
  });
}, 150_000);

afterAll(() => {
  stopServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('the official client drives secret stores, environment types and environment changes', () => {
  it(
    'lists, registers, changes, makes primary and deletes secret stores; credentials never come back',
    async () => {
      const before = await admin.orgsOrgIdSecretstoresGet({ orgId });
      expect(before.find((s) => s.primary)?.id).toBe('humanitec');
      const created = await admin.orgsOrgIdSecretstoresPost({
        orgId,
        CreateSecretStorePayloadRequest: {
          id: 'oc-gcp',
          primary: false,
          gcpsm: {
            project_id: 'acme-prod',
            auth: { secret_access_key: CREDENTIAL },
          },
        },
      });
      expect(created).toMatchObject({
        id: 'oc-gcp',
        primary: false,
        gcpsm: { project_id: 'acme-prod' },
      });
      expect(
        (
          await admin.orgsOrgIdSecretstoresStoreIdGet({
            orgId,
            storeId: 'oc-gcp',
          })
        ).gcpsm?.project_id,
      ).toBe('acme-prod');
      const primary = await admin.orgsOrgIdSecretstoresStoreIdPatch({
        orgId,
        storeId: 'oc-gcp',
        UpdateSecretStorePayloadRequest: {
          primary: true,
          gcpsm: { project_id: 'acme-prod-2' },
        },
      });
      expect(primary).toMatchObject({
        primary: true,
        gcpsm: { project_id: 'acme-prod-2' },
      });
      // The primary store cannot be deleted; a member cannot change stores.
      const refused = await refusal(
        admin.orgsOrgIdSecretstoresStoreIdDelete({ orgId, storeId: 'oc-gcp' }),
      );
      expect(refused.status).toBe(409);
      expect((refused.body as { message: string }).message).toMatch(
        /primary store .* make another store primary first/,
      );
      expect(
        (
          await refusal(
            viewer.orgsOrgIdSecretstoresStoreIdPatch({
              orgId,
              storeId: 'humanitec',
              UpdateSecretStorePayloadRequest: { primary: true },
            }),
          )
        ).status,
      ).toBe(403);
      await admin.orgsOrgIdSecretstoresStoreIdPatch({
        orgId,
        storeId: 'humanitec',
        UpdateSecretStorePayloadRequest: { primary: true },
      });
      await admin.orgsOrgIdSecretstoresStoreIdDelete({
        orgId,
        storeId: 'oc-gcp',
      });
      expect(
        (await admin.orgsOrgIdSecretstoresGet({ orgId })).map((s) => s.id),
      ).not.toContain('oc-gcp');
      expect(problems).toEqual([]);
      expect(texts.join('\n')).not.toContain(CREDENTIAL);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'creates an environment type, an environment of it, is refused deleting it (409 naming it), renames and re-types the environment, then deletes the type',
    async () => {
      const envTypeId = `${appId}-qa`;
      expect(
        await admin.createEnvironmentType({
          orgId,
          EnvironmentTypeRequest: { id: envTypeId, description: 'QA' },
        }),
      ).toEqual({ id: envTypeId, description: 'QA' });
      expect(
        (await admin.getEnvironmentType({ orgId, envTypeId })).description,
      ).toBe('QA');
      expect(
        (
          await admin.updateEnvironmentType({
            orgId,
            envTypeId,
            UpdateEnvironmentTypePayloadRequest: {
              description: 'Manual testing',
            },
          })
        ).description,
      ).toBe('Manual testing');
      expect(
        (await admin.listEnvironmentTypes({ orgId })).map((t) => t.id),
      ).toContain(envTypeId);
      await admin.createEnvironment({
        orgId,
        appId,
        EnvironmentDefinitionRequest: { id: 'qa', name: 'QA', type: envTypeId },
      });
      const inUse = await refusal(
        admin.deleteEnvironmentType({ orgId, envTypeId }),
      );
      expect(inUse).toEqual({
        status: 409,
        body: [
          {
            error: 'API-409',
            message: expect.stringContaining(`\`${appId}/qa\``),
            app_id: appId,
            env_id: 'qa',
          },
        ],
      });
      const renamed = await admin.updateEnvironment({
        orgId,
        appId,
        envId: 'qa',
        EnvironmentBaseUpdateRequest: { name: 'Quality assurance' },
      });
      expect(renamed).toMatchObject({
        name: 'Quality assurance',
        type: envTypeId,
      });
      // `type` is our extension of the PATCH body (the client's model has only `name`): an init override adds it.
      const retyped = await admin.updateEnvironment(
        {
          orgId,
          appId,
          envId: 'qa',
          EnvironmentBaseUpdateRequest: {},
        },
        async ({ init }: { init: RequestInit }) => ({
          ...init,
          body: {
            ...(init.body as unknown as Record<string, unknown>),
            type: 'staging',
          } as unknown as BodyInit,
        }),
      );
      expect(retyped).toMatchObject({
        name: 'Quality assurance',
        type: 'staging',
      });
      const deleted = await admin.deleteEnvironmentTypeRaw({
        orgId,
        envTypeId,
      });
      expect(deleted.raw.status).toBe(204);
      expect(
        (await refusal(admin.getEnvironmentType({ orgId, envTypeId }))).status,
      ).toBe(404);
      expect(problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "reads the runtime through getRuntime in the spec's V1 shape",
    async () => {
      const runtime = await admin.getRuntime({
        orgId,
        appId: 'shop',
        envId: 'production',
      });
      expect(runtime.namespace).toBe('shop-production');
      const [id, workload] = Object.entries(runtime.modules)[0];
      expect(workload.profile).toEqual(expect.any(String));
      expect(workload.spec).toEqual(expect.any(Object));
      expect(
        (workload as unknown as Record<string, unknown>)[id],
      ).toMatchObject({ kind: expect.any(String), pods: expect.any(Array) });
      expect(problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it('called every settings operation through the client', () => {
    const missing = Object.entries(SETTINGS_OPERATIONS_BY_CLIENT_NAME)
      .filter(([, name]) => !called.has(name))
      .map(([operationId]) => operationId);
    expect(missing).toEqual([]);
    expect(
      Object.values(SETTINGS_OPERATIONS_BY_CLIENT_NAME).filter(
        (name) => !(name in PublicApi.prototype),
      ),
    ).toEqual([]);
  });
});
