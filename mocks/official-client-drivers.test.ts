// Humanitec's official TypeScript client (`@humanitec/autogen`) drives drivers, resource accounts, account types and
// resource types (issue 20 §1) against a real `npm run api` (the shared harness, mocks/testing): the built-in and
// seeded drivers, registering, replacing and deleting a custom one (the built-ins refused); the account types,
// creating, renaming, re-keying and deleting an account whose credentials never come back (and survive a crash of
// the server); and the resource types.
// The operations newer than the client (0.26.6: actions/check and the custom type writes) go through fetch. Every
// response body is checked against the spec as it arrives. The engine is spawned, never imported.
import { describe, expect, it } from 'vitest';
import { createContractChecker } from './handlers/contract-rules';
import { DRIVER_OPERATIONS_BY_CLIENT_NAME } from './official-client-areas';
import {
  refusal,
  officialClientHarness,
} from './testing/official-client-harness';

const api = officialClientHarness('official-client-drivers');
const { admin, developer } = api;
const orgId = 'acme';
/** Unique per run: the data file is fresh, but ids that say which run made them read better in a failure. */
const suffix = Date.now().toString(36);
const PLANTED = 'planted/client+secret000000000000000f00d';

const FLOW_TIMEOUT_MS = 240_000;
const checker = createContractChecker('');

/** A call the client (0.26.6) has no method for, through fetch, checked like the client's. */
async function send(method: string, path: string, body?: unknown) {
  const response = await fetch(`${api.apiHost}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${api.tokens.administrator}`,
      'Content-Type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  api.texts.push(text);
  const result = checker.check(
    method,
    `${api.apiHost}${path}`,
    response.status,
    response.headers.get('content-type'),
    text,
  );
  for (const problem of result.problems)
    api.problems.push(
      `${result.method} ${result.path} → ${result.status}: ${problem}`,
    );
  return {
    status: response.status,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
  };
}

describe('the official client drives drivers, resource accounts and resource types', () => {
  it(
    'lists the built-in and seeded drivers; registers, replaces and deletes one; the built-ins are refused',
    async () => {
      const drivers = await admin.listResourceDrivers({ orgId });
      expect(drivers.map((d) => `${d.org_id}/${d.id}`)).toEqual(
        expect.arrayContaining([
          'humanitec/echo',
          'humanitec/template',
          'humanitec/postgres',
          'humanitec/terraform',
          'acme/acme-flags',
        ]),
      );
      const id = `oc-${suffix}`;
      const created = await admin.createResourceDriver({
        orgId,
        CreateDriverRequestRequest: {
          id,
          type: 'redis',
          target: 'https://drivers.example.com/redis/',
          inputs_schema: { type: 'object' },
          account_types: ['aws', 'gcp'],
        },
      });
      expect(created).toMatchObject({ org_id: orgId, id, type: 'redis' });
      expect(await admin.getResourceDriver({ orgId, driverId: id })).toEqual(
        created,
      );
      const replaced = await admin.updateResourceDriver({
        orgId,
        driverId: id,
        UpdateDriverRequestRequest: {
          type: 'redis',
          target: 'driver://humanitec/echo',
          inputs_schema: { type: 'object' },
          account_types: [],
        },
      });
      expect(replaced).toMatchObject({
        target: 'driver://humanitec/echo',
        account_types: [],
      });
      const builtin = await refusal(
        admin.deleteResourceDriver({ orgId, driverId: 'echo' }),
      );
      expect(builtin.status).toBe(409);
      expect(builtin.body.message).toMatch(
        /`humanitec\/echo` is built in and cannot be deleted/,
      );
      const member = await refusal(
        developer.createResourceDriver({
          orgId,
          CreateDriverRequestRequest: {
            id: `dev-${suffix}`,
            type: 'redis',
            target: 'https://drivers.example.com/redis/',
            inputs_schema: {},
            account_types: [],
          },
        }),
      );
      expect(member.status).toBe(403);
      await admin.deleteResourceDriver({ orgId, driverId: id });
      expect(
        (await refusal(admin.getResourceDriver({ orgId, driverId: id })))
          .status,
      ).toBe(404);
      expect(api.problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'lists account types; creates, checks, renames, re-keys and deletes an account; credentials never come back',
    async () => {
      const types = await admin.listResourceAccountTypes({ orgId });
      expect(types.map((t) => t.type)).toEqual(
        expect.arrayContaining(['aws', 'aws-role', 'gcp', 'azure']),
      );
      const seeded = await admin.listResourceAccounts({ orgId });
      expect(seeded.map((a) => a.id)).toEqual(
        expect.arrayContaining(['aws-prod', 'gcp-dev']),
      );
      const accId = `oc-aws-${suffix}`;
      const created = await admin.createResourceAccount({
        orgId,
        CreateResourceAccountRequestRequest: {
          id: accId,
          name: 'Official client AWS',
          type: 'aws',
          credentials: {
            aws_access_key_id: 'AKIAOFFICIALCLIENT01',
            aws_secret_access_key: PLANTED,
          },
        },
      });
      expect(created).toMatchObject({ id: accId, type: 'aws', is_used: false });
      const check = await send(
        'POST',
        `/orgs/${orgId}/resources/accounts/${accId}/actions/check`,
      );
      expect(check).toMatchObject({
        status: 200,
        body: { identity_fields: [{ id: 'account' }], warnings: [] },
      });
      // The account and its write-only credentials survive a crash of the server (its journal).
      await api.restart('SIGKILL');
      expect(
        await send(
          'POST',
          `/orgs/${orgId}/resources/accounts/${accId}/actions/check`,
        ),
      ).toMatchObject({ status: 200 });
      const renamed = await admin.patchResourceAccount({
        orgId,
        accId,
        UpdateResourceAccountRequestRequest: {
          name: 'Official client AWS (renamed)',
        },
      });
      expect(renamed.name).toBe('Official client AWS (renamed)');
      await admin.patchResourceAccount({
        orgId,
        accId,
        UpdateResourceAccountRequestRequest: {
          credentials: {
            aws_access_key_id: 'not-a-key',
            aws_secret_access_key: PLANTED,
          },
        },
      });
      const verdict = await send(
        'POST',
        `/orgs/${orgId}/resources/accounts/${accId}/actions/check`,
      );
      expect(verdict.status).toBe(400);
      expect(JSON.stringify(verdict.body)).toMatch(
        /`aws_access_key_id` is not an AWS access key id/,
      );
      expect((await admin.getResourceAccount({ orgId, accId })).name).toBe(
        'Official client AWS (renamed)',
      );
      await admin.deleteResourceAccount({ orgId, accId });
      expect(
        (await refusal(admin.getResourceAccount({ orgId, accId }))).status,
      ).toBe(404);
      expect(api.texts.filter((text) => text.includes(PLANTED))).toEqual([]);
      expect(api.problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    'lists the resource types with the built-ins and defines, changes and deletes a custom one',
    async () => {
      const types = await admin.listResourceTypes({ orgId });
      expect(types.map((t) => t.type)).toEqual(
        expect.arrayContaining([
          'k8s-cluster',
          'k8s-namespace',
          'postgres',
          'tls-cert',
          'feature-flags',
        ]),
      );
      const type = `oc-type-${suffix}`;
      expect(
        await send('POST', `/orgs/${orgId}/resources/types`, {
          type,
          use: 'direct',
          name: 'OC',
        }),
      ).toMatchObject({
        status: 200,
        body: { type, use: 'direct', name: 'OC' },
      });
      expect(
        await send('PATCH', `/orgs/${orgId}/resources/types/${type}`, {
          category: 'messaging',
        }),
      ).toMatchObject({ status: 200, body: { category: 'messaging' } });
      expect(
        await send('PUT', `/orgs/${orgId}/resources/types/${type}`, {
          use: 'indirect',
        }),
      ).toMatchObject({
        status: 200,
        body: { use: 'indirect', category: 'custom' },
      });
      expect(
        (await send('DELETE', `/orgs/${orgId}/resources/types/postgres`))
          .status,
      ).toBe(403);
      expect(
        (await send('DELETE', `/orgs/${orgId}/resources/types/${type}`)).status,
      ).toBe(204);
      expect(
        (await admin.listResourceTypes({ orgId })).map((t) => t.type),
      ).not.toContain(type);
      expect(api.problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it('called every operation of the area through the client', () => {
    api.expectCalledEvery(DRIVER_OPERATIONS_BY_CLIENT_NAME);
  });
});
