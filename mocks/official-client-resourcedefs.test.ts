// Humanitec's official TypeScript client (`@humanitec/autogen`) drives resource definitions (issue 20 §1) against
// a real `npm run api` (mocks/testing/official-client-harness.ts: mocks/server.ts on a free port, a temporary data
// file): it creates a definition with a secret driver input, reads, lists, PATCHes and PUTs it, adds, replaces and
// deletes its criteria (and meets the 409 of a rule another definition of the type has), lists and reads its
// versions, reads, creates, describes and deletes classes, reads a definition's active resources and deletes it.
// Promote and archive (not in the client, API 0.26.6) go through the client's fetch with the same checks. Every
// response body is checked against the spec as it arrives; the secret never comes back.
import { describe, expect, it } from 'vitest';
import { RESOURCE_DEF_OPERATIONS_BY_CLIENT_NAME } from './official-client-areas';
import {
  officialClientHarness,
  rejection,
} from './testing/official-client-harness';

const api = officialClientHarness('official-client-resourcedefs');
const { admin, viewer, texts, problems } = api;
const orgId = 'acme';
const SECRET = 'planted-oc-def-secret-93af';
const defId = `oc-pg-${Date.now().toString(36)}`;

const FLOW_TIMEOUT_MS = 240_000;

/** A call the client lacks (promote, archive), through fetch with the admin token; the answer's status. */
async function post(path: string, body?: unknown): Promise<number> {
  const response = await fetch(`${api.apiHost}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${api.tokens.administrator}`,
      'Content-Type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  texts.push(await response.clone().text());
  return response.status;
}

describe('the official client drives resource definitions, criteria, versions and classes', () => {
  it(
    'creates a definition, changes it and its criteria, reads its versions, promotes one; the secret input never comes back',
    async () => {
      const created = await admin.createResourceDefinition({
        orgId,
        CreateResourceDefinitionRequestRequest: {
          id: defId,
          name: 'Official client Postgres',
          type: 'postgres',
          driver_type: 'humanitec/postgres',
          driver_inputs: {
            values: { version: '16' },
            secrets: { password: SECRET },
          },
          criteria: [{ env_type: 'staging', app_id: 'shop' }],
        },
      });
      expect(created).toMatchObject({
        id: defId,
        type: 'postgres',
        driver_type: 'humanitec/postgres',
        is_deleted: false,
      });
      expect(created.criteria?.[0]).toMatchObject({
        env_type: 'staging',
        app_id: 'shop',
        _class: 'default',
      });
      expect((await viewer.getResourceDefinition({ orgId, defId })).name).toBe(
        'Official client Postgres',
      );
      const listed = await viewer.listResourceDefinitions({
        orgId,
        res_type: 'postgres',
        env_type: 'staging',
      });
      expect(listed.map((d) => d.id)).toContain(defId);
      const patched = await admin.patchResourceDefinition({
        orgId,
        defId,
        PatchResourceDefinitionRequestRequest: {
          driver_inputs: { values: { port: 5433 } },
        },
      });
      expect(patched.driver_inputs?.values).toEqual({
        version: '16',
        port: 5433,
      });
      const put = await admin.updateResourceDefinition({
        orgId,
        defId,
        UpdateResourceDefinitionRequestRequest: { name: 'OC Postgres' },
      });
      expect(put.name).toBe('OC Postgres');

      // Criteria: add, a duplicate of another definition's rule (409), replace all, delete.
      const added = await admin.createResourceDefinitionCriteria({
        orgId,
        defId,
        MatchingCriteriaRuleRequest: { env_id: 'staging', app_id: 'shop' },
      });
      expect(added.env_id).toBe('staging');
      const duplicate = await rejection(
        admin.createResourceDefinitionCriteria({
          orgId,
          defId,
          MatchingCriteriaRuleRequest: { env_type: 'development' },
        }),
      );
      expect(duplicate.status).toBe(409);
      const replaced = await admin.updateResourceDefinitionCriteria({
        orgId,
        defId,
        MatchingCriteriaRuleRequest: [
          { env_type: 'staging', app_id: 'shop' },
          { res_id: 'shared.db', app_id: 'shop' },
        ],
      });
      expect(replaced).toHaveLength(2);
      await admin.deleteResourceDefinitionCriteria({
        orgId,
        defId,
        criteriaId: replaced[1].id,
      });
      expect(
        (await admin.getResourceDefinition({ orgId, defId })).criteria,
      ).toHaveLength(1);

      // Versions: newest first; the first one promoted back.
      const versions = await admin.listResourceDefinitionVersions({
        orgId,
        defId,
      });
      expect(versions.map((v) => v.action)).toEqual([
        'updated',
        'updated',
        'created',
      ]);
      const first = versions[versions.length - 1].id;
      // The client's model (API 0.26.6) has no active, archived or proposed: read them from the raw answer.
      const versionFlags = async (defVersionId: string) =>
        (await (
          await admin.getResourceDefinitionVersionRaw({
            orgId,
            defId,
            defVersionId,
          })
        ).raw.json()) as { id: string; active: boolean; archived: boolean };
      expect(await versionFlags(first)).toMatchObject({
        id: first,
        active: false,
        archived: false,
      });
      const base = `/orgs/${orgId}/resources/defs/${defId}/versions`;
      expect(await post(`${base}/${first}/actions/promote`)).toBe(204);
      expect((await versionFlags(first)).active).toBe(true);
      expect(
        await post(`${base}/${versions[0].id}/actions/archive`, {
          archived: true,
        }),
      ).toBe(204);
      expect(await post(`${base}/${versions[0].id}/actions/promote`)).toBe(400);
      expect(
        await admin.listActiveResourceByDefinition({ orgId, defId }),
      ).toEqual([]);
      await admin.deleteResourceDefinition({ orgId, defId });
      expect(
        (await rejection(admin.getResourceDefinition({ orgId, defId }))).status,
      ).toBe(404);
      expect(texts.filter((text) => text.includes(SECRET))).toEqual([]);
      expect(problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'reads, creates, describes and deletes classes',
    async () => {
      const classes = await viewer.listResourceClasses({ orgId });
      expect(classes.map((c) => c.id)).toContain('large');
      expect(
        (
          await viewer.getResourceClass({
            orgId,
            typeId: 'postgres',
            classId: 'large',
          })
        ).resource_type,
      ).toBe('postgres');
      const created = await admin.createResourceClass({
        orgId,
        typeId: 'redis',
        ResourceClassRequest: { id: 'oc-small', description: 'Small' },
      });
      expect(created).toMatchObject({ id: 'oc-small', resource_type: 'redis' });
      const described = await admin.updateResourceClass({
        orgId,
        typeId: 'redis',
        classId: 'oc-small',
        UpdateResourceClassRequest: { description: 'Smaller' },
      });
      expect(described.description).toBe('Smaller');
      await admin.deleteResourceClass({
        orgId,
        typeId: 'redis',
        classId: 'oc-small',
      });
      expect(
        (
          await rejection(
            admin.getResourceClass({
              orgId,
              typeId: 'redis',
              classId: 'oc-small',
            }),
          )
        ).status,
      ).toBe(404);
      expect(problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it('called every resource-definition operation through the client', () => {
    api.expectCalledEvery(RESOURCE_DEF_OPERATIONS_BY_CLIENT_NAME);
  });
});
