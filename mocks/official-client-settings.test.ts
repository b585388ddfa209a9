// Humanitec's official TypeScript client (`@humanitec/autogen`) drives the organisation's settings of issue 19
// against a real `npm run api` (mocks/server.ts on a free port, a temporary data file): secret stores (list,
// register, get, change, make primary, delete, the 409s), environment types (create, get, describe, delete, the
// spec's 409 naming the environments), an environment's PATCH (rename; change of type through our extension) and
// the runtime in the spec's V1 shape through the client's getRuntime. Every response body is checked against the
// spec (contract-rules.ts, the contract test's rules) as it arrives. The engine is spawned, never imported.
import { beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_OPERATIONS_BY_CLIENT_NAME } from './official-client-areas';
import {
  rejection,
  officialClientHarness,
} from './testing/official-client-harness';

const api = officialClientHarness('official-client-settings');
const { admin, viewer, texts, problems } = api;
const orgId = 'acme';
/** A fresh app per run, so the flows start from a blank app. */
const appId = `ocs-${Date.now().toString(36)}`;
const CREDENTIAL = 'planted-store-credential-4d2e';

const FLOW_TIMEOUT_MS = 240_000;

beforeAll(async () => {
  await admin.createApplication({
    orgId,
    ApplicationCreationRequest: { id: appId, name: 'Official client settings' },
  });
}, 150_000);

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
      const refused = await rejection(
        admin.orgsOrgIdSecretstoresStoreIdDelete({ orgId, storeId: 'oc-gcp' }),
      );
      expect(refused.status).toBe(409);
      expect((refused.body as { message: string }).message).toMatch(
        /primary store .* make another store primary first/,
      );
      expect(
        (
          await rejection(
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
      const inUse = await rejection(
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
        (await rejection(admin.getEnvironmentType({ orgId, envTypeId })))
          .status,
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
    api.expectCalledEvery(SETTINGS_OPERATIONS_BY_CLIENT_NAME);
  });
});
