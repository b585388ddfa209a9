// Humanitec's official TypeScript client (`@humanitec/autogen`) drives shared values and value-set versions
// (issue 19 §1) against a real `npm run api` (mocks/server.ts on a free port, a temporary data file), from a blank
// app of its own: app values and environment overrides (list, create, replace, patch, delete one, delete all),
// secrets (write-only), value-set versions (list, get, restore whole and one key, purge a key), and a deployment
// that resolves `${values.KEY}` and records its version. Every response body is checked against the spec
// (contract-rules.ts, the contract test's rules) as it arrives. The engine is spawned, never imported.
import { describe, expect, it, beforeAll } from 'vitest';
import { VALUE_OPERATIONS_BY_CLIENT_NAME } from './official-client-areas';
import {
  refusal,
  until,
  officialClientHarness,
} from './testing/official-client-harness';

const api = officialClientHarness('official-client-values');
const { admin, viewer, texts, problems } = api;
const orgId = 'acme';
/** A fresh app per run, so the flows start from a blank app. */
const appId = `ocv-${Date.now().toString(36)}`;
const envId = 'development';
const SECRET = 'planted-official-client-secret-93b1';

const FLOW_TIMEOUT_MS = 240_000;

beforeAll(async () => {
  await admin.createApplication({
    orgId,
    ApplicationCreationRequest: { id: appId, name: 'Official client values' },
  });
}, 150_000);

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
        'the deployment finishes',
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
    api.expectCalledEvery(VALUE_OPERATIONS_BY_CLIENT_NAME);
  });
});
