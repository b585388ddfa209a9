// Bad input gets a 4xx with the spec's error body and leaves the state as it was (but for the audit log's entry).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Engine } from '../engine';
import { resetTestEngine, server, TEST_API_URL } from '../node';
import { MAX_BODY_BYTES } from './index';
import { readJsonBody } from './validate';
import { DEMO_TOKENS } from '../fixtures';
import {
  CERTIFICATE,
  ecPublicKey,
  rsaPrivateKey,
  rsaPublicKey,
} from '../testing/agent-keys';

let engine: Engine;
let before: string;

/** The state as JSON without the audit log, which records refused calls too (audit.test.ts). */
function stateBesidesAuditLog(): string {
  const { audit: _recorded, ...rest } = engine.snapshot();
  return JSON.stringify(rest);
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  ({ engine } = resetTestEngine());
  before = stateBesidesAuditLog();
});
afterAll(() => server.close());

async function send(
  method: string,
  path: string,
  body?: BodyInit,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${TEST_API_URL}${path}`, {
    method,
    body,
    headers: {
      Authorization: `Bearer ${DEMO_TOKENS.administrator}`,
      'Content-Type': 'application/json',
      ...headers,
    },
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      error: string;
      message: string;
      details?: unknown;
    },
  };
}

const deltas = '/orgs/acme/apps/shop/deltas';
/** The fingerprint of the demo agent edge-legacy's only key (agents-seed.ts). */
const LEGACY_FINGERPRINT =
  'b58813bbd45602f94037955c2d5258190fc990da80e35e1548fdc5437db1c7e6';

describe('bad input', () => {
  it.each([
    [
      'malformed JSON',
      'POST',
      deltas,
      '{"modules": {',
      400,
      /^The request body is not valid JSON: /,
    ],
    ['an empty body', 'POST', deltas, '', 400, /not valid JSON/],
    [
      'invalid UTF-8',
      'POST',
      deltas,
      new Uint8Array([0x22, 0xff, 0x22]),
      400,
      /not valid JSON/,
    ],
    [
      'a wrong type deep inside',
      'POST',
      deltas,
      '{"modules":{"add":{"api":{"profile":5}}}}',
      400,
      /^modules\.add\.api\.profile must be string$/,
    ],
    [
      'a wrong type in a PATCH array',
      'PATCH',
      `${deltas}/x`,
      '[{"shared": {}}]',
      400,
      /^\[0\]\.shared must be array$/,
    ],
    [
      'a non-array PATCH body',
      'PATCH',
      `${deltas}/x`,
      '{}',
      400,
      /^The request body must be array$/,
    ],
    [
      'a missing required field',
      'POST',
      '/orgs/acme/apps',
      '{"name":"No id"}',
      400,
      /^id is required$/,
    ],
    [
      'a pattern violation',
      'POST',
      '/orgs/acme/apps',
      '{"id":"Bad Id","name":"x"}',
      400,
      /^`id` must be 2 or more lowercase letters, digits and single dashes/,
    ],
    [
      'a wrong enum value',
      'POST',
      '/orgs/acme/apps/shop/envs/development/deploys',
      '{"mode":"partial"}',
      400,
      /^mode must be equal to one of the allowed values$/,
    ],
    [
      'a boolean body that is a string',
      'PUT',
      '/orgs/acme/apps/shop/envs/development/runtime/paused',
      '"true"',
      400,
      /^The request body must be boolean$/,
    ],
    [
      'a non-integer replica count',
      'PATCH',
      '/orgs/acme/apps/shop/envs/development/runtime/replicas',
      '{"api":1.5}',
      400,
      /^api must be integer$/,
    ],
    [
      'an invalid archived filter',
      'GET',
      `${deltas}?archived=yes`,
      undefined,
      400,
      /archived must be true or false/,
    ],
    [
      'an unknown app',
      'GET',
      '/orgs/acme/apps/nope/deltas',
      undefined,
      404,
      /./,
    ],
    [
      'an unknown delta',
      'PUT',
      `${deltas}/nope/metadata/name`,
      '"New name"',
      404,
      /./,
    ],
    [
      'an unknown deployment to rebase onto',
      'PUT',
      '/orgs/acme/apps/shop/envs/development/from_deploy_id',
      '"nope"',
      404,
      /./,
    ],
    // Drivers, resource accounts and resource types (issue 20 §1).
    [
      'a driver without its required fields',
      'POST',
      '/orgs/acme/resources/drivers',
      '{"id":"x-driver"}',
      400,
      /is required$/,
    ],
    [
      'a driver id against the spec pattern',
      'POST',
      '/orgs/acme/resources/drivers',
      '{"id":"X","type":"postgres","target":"https://d.example/","inputs_schema":{},"account_types":[]}',
      400,
      /^`id` must be \d or more lowercase letters, digits and dashes/,
    ],
    [
      'a driver with an http target',
      'POST',
      '/orgs/acme/resources/drivers',
      '{"id":"x-driver","type":"postgres","target":"http://d.example/","inputs_schema":{},"account_types":[]}',
      400,
      /`target` must be the driver's https URL/,
    ],
    [
      'a change of a built-in driver',
      'PUT',
      '/orgs/acme/resources/drivers/echo',
      '{"type":"postgres","target":"https://d.example/","inputs_schema":{},"account_types":[]}',
      400,
      /built in and cannot be changed/,
    ],
    [
      'an account of an unknown type',
      'POST',
      '/orgs/acme/resources/accounts',
      '{"id":"x-acc","name":"X","type":"oracle","credentials":{}}',
      400,
      /`type` must be one of the account types/,
    ],
    [
      'credentials that are not an object',
      'POST',
      '/orgs/acme/resources/accounts',
      '{"id":"x-acc","name":"X","type":"aws","credentials":"key"}',
      400,
      /^credentials must be object$/,
    ],
    [
      'an invalid check_credential flag',
      'PATCH',
      '/orgs/acme/resources/accounts/aws-prod?check_credential=yes',
      '{"name":"X"}',
      400,
      /`check_credential` must be true or false/,
    ],
    [
      'an unknown account to check',
      'POST',
      '/orgs/acme/resources/accounts/nope/actions/check',
      undefined,
      404,
      /Resource account `nope` does not exist/,
    ],
    [
      'a resource type without use',
      'POST',
      '/orgs/acme/resources/types',
      '{"type":"x-type"}',
      400,
      /^use is required$/,
    ],
    [
      'a change of a built-in resource type',
      'PATCH',
      '/orgs/acme/resources/types/postgres',
      '{"name":"PG"}',
      403,
      /built in/,
    ],
    [
      'a resource definition of an unknown type',
      'POST',
      '/orgs/acme/resources/defs',
      '{"id":"bad-def","name":"Bad","type":"no-such-type","driver_type":"humanitec/echo"}',
      400,
      /Resource type `no-such-type` does not exist/,
    ],
    [
      'a resource definition with an unknown driver',
      'POST',
      '/orgs/acme/resources/defs',
      '{"id":"bad-def","name":"Bad","type":"redis","driver_type":"acme/nope"}',
      400,
      /Driver `acme\/nope` does not exist/,
    ],
    [
      'a criteria with an unknown class',
      'POST',
      '/orgs/acme/resources/defs/redis-default/criteria',
      '{"app_id":"shop","class":"huge"}',
      400,
      /class `huge` does not exist for type `redis`/,
    ],
    [
      'a criteria rule twice in one replacement',
      'PUT',
      '/orgs/acme/resources/defs/redis-default/criteria',
      '[{"env_type":"staging"},{"env_type":"staging"}]',
      400,
      /Criteria 1 and 2 are the same rule/,
    ],
    [
      'a criteria another definition of the type has',
      'POST',
      '/orgs/acme/resources/defs/postgres-prod/criteria',
      '{"env_type":"development"}',
      409,
      /`postgres-dev` of type `postgres` already has the criteria/,
    ],
    [
      'promoting an unknown definition version',
      'POST',
      '/orgs/acme/resources/defs/postgres-dev/versions/nope/actions/promote',
      undefined,
      404,
      /has no version `nope`/,
    ],
    [
      'deleting an unknown class',
      'DELETE',
      '/orgs/acme/resources/types/redis/classes/nope',
      undefined,
      404,
      /has no class `nope`/,
    ],
    [
      'a match request without a resource id',
      'POST',
      '/orgs/acme/resources/match',
      '{"type":"postgres","app_id":"shop","env_id":"development"}',
      400,
      /res_id/,
    ],
    // Score (issue 20 §2): a file the Score schema refuses, and what the schema allows but a set cannot hold.
    [
      'a Score file without containers',
      'POST',
      '/orgs/acme/artefact-versions/convert-score',
      '{"spec":{"apiVersion":"score.dev/v1b1","metadata":{"name":"web"}}}',
      400,
      /not valid score\.dev\/v1b1: `spec\.containers` is required/,
    ],
    [
      'a Score file of another version',
      'POST',
      '/orgs/acme/artefact-versions/convert-score',
      '{"spec":{"apiVersion":"score.dev/v2","metadata":{"name":"web"},"containers":{"web":{"image":"a"}}}}',
      400,
      /`spec\.apiVersion` must be "score\.dev\/v1b1"/,
    ],
    [
      'a Score placeholder naming no resource',
      'POST',
      '/orgs/acme/artefact-versions/convert-score',
      '{"spec":{"apiVersion":"score.dev/v1b1","metadata":{"name":"web"},"containers":{"web":{"image":"a","variables":{"DB":"${resources.db.host}"}}}}}',
      400,
      /`spec\.containers\.web\.variables\.DB` uses \$\{resources\.db\.host\}, but the Score file declares no resource `db`/,
    ],
    [
      'a Score image "." without an image',
      'POST',
      '/orgs/acme/artefact-versions/convert-score',
      '{"spec":{"apiVersion":"score.dev/v1b1","metadata":{"name":"web"},"containers":{"web":{"image":"."}}}}',
      400,
      /`spec\.containers\.web\.image` is "\."/,
    ],
    [
      'Score extensions of another version',
      'POST',
      '/orgs/acme/artefact-versions/convert-score',
      '{"spec":{"apiVersion":"score.dev/v1b1","metadata":{"name":"web"},"containers":{"web":{"image":"a"}}},"extensions":{"apiVersion":"v2"}}',
      400,
      /`extensions\.apiVersion` must be "humanitec\.org\/v1b1"/,
    ],
    // Environment stream (issue 23 §2): a window that is no instant, a limit that is no number.
    [
      'a stream window that is no instant',
      'GET',
      '/orgs/acme/apps/shop/envs/development/console/stream?since=yesterday',
      undefined,
      400,
      /`since` must be an ISO-8601 instant; got "yesterday"/,
    ],
    [
      'a stream limit over 100,000',
      'GET',
      '/orgs/acme/apps/shop/envs/development/console/stream?limit=100001',
      undefined,
      400,
      /`limit` must be a whole number up to 100000/,
    ],
    // Local run (issue 23 §1): a malformed choice, a resource the workload does not read, one without a stand-in.
    [
      'a local-run resource choice without its mode',
      'GET',
      '/orgs/acme/apps/shop/envs/development/workloads/api/console/local-run?resource=shared.db',
      undefined,
      400,
      /`resource` must be `<id>:local` or `<id>:remote`/,
    ],
    [
      'a local-run choice of a resource the workload does not read',
      'GET',
      '/orgs/acme/apps/shop/envs/development/workloads/api/console/local-run?resource=shared.nope:local',
      undefined,
      400,
      /names `shared\.nope`, which workload `api` does not read; it reads /,
    ],
    [
      'a local-run of a workload the environment does not run',
      'GET',
      '/orgs/acme/apps/shop/envs/development/workloads/nope/console/local-run',
      undefined,
      404,
      /Workload `nope` does not run in environment `development`/,
    ],
    // Shells (issue 23 §3): no container, one the workload lacks, a crash-looping one (a debug container instead),
    // a session that is not open, a command that is no single line.
    [
      'a shell without a container',
      'POST',
      '/orgs/acme/apps/shop/envs/development/workloads/api/console/shell-sessions',
      '{}',
      400,
      /container_id/,
    ],
    [
      'a shell in a container the workload lacks',
      'POST',
      '/orgs/acme/apps/shop/envs/development/workloads/api/console/shell-sessions',
      '{"container_id": "nope"}',
      404,
      /has no container `nope`; it has `api`/,
    ],
    [
      'a shell in a crash-looping container',
      'POST',
      '/orgs/acme/apps/shop/envs/staging/workloads/cart/console/shell-sessions',
      '{"container_id": "cart"}',
      409,
      /is not running \(CrashLoopBackOff\).*attach a debug container/,
    ],
    [
      'a command in a session that is not open',
      'POST',
      '/orgs/acme/apps/shop/envs/development/console/shell-sessions/sh-nope/commands',
      '{"command": "ls"}',
      404,
      /Shell session `sh-nope` is not open in shop\/development/,
    ],
    [
      'closing a session that is not open',
      'DELETE',
      '/orgs/acme/apps/shop/envs/development/console/shell-sessions/sh-nope',
      undefined,
      404,
      /Shell session `sh-nope` is not open/,
    ],
    // Operator and GitOps (issue 21): a bad export view, a drift field or a workload that does not run, a
    // secret-fault body without `broken`, demo actions in a direct environment.
    [
      'an export view that is neither file nor full',
      'GET',
      '/orgs/acme/apps/shop/envs/preview/deploys/x/export?view=yaml',
      undefined,
      400,
      /`view` must be file \(the export file as written\) or full/,
    ],
    [
      'a drift of a field the demo does not edit',
      'POST',
      '/orgs/acme/apps/shop/envs/preview/console/gitops/drift',
      '{"field":"labels"}',
      400,
      /^field must be equal to one of the allowed values/,
    ],
    [
      'a drift of a workload the environment does not run',
      'POST',
      '/orgs/acme/apps/shop/envs/preview/console/gitops/drift',
      '{"workload_id":"nope"}',
      404,
      /Workload `nope` does not run in environment `preview` \(it has /,
    ],
    [
      'a secret fault without `broken`',
      'POST',
      '/orgs/acme/apps/shop/envs/preview/console/gitops/secret-fault',
      '{}',
      400,
      /broken/,
    ],
    [
      'a resync of an environment that deploys directly',
      'POST',
      '/orgs/acme/apps/shop/envs/development/console/gitops/resync',
      undefined,
      409,
      /Cannot resync: environment `development` deploys directly/,
    ],
    // Agents' keys (issue 22): each weak or malformed key is named for what it is.
    [
      'an agent key that is not PEM',
      'POST',
      '/orgs/acme/agents',
      JSON.stringify({ id: 'bad-agent', public_key: 'ssh-rsa AAAA' }),
      400,
      /`public_key` is not a PEM block/,
    ],
    [
      'a 2,048-bit RSA agent key',
      'POST',
      '/orgs/acme/agents',
      JSON.stringify({ id: 'bad-agent', public_key: rsaPublicKey(2048) }),
      400,
      /is a 2048-bit RSA key; agents need at least 4096 bits/,
    ],
    [
      'an EC agent key',
      'POST',
      '/orgs/acme/agents/edge-eu/keys',
      JSON.stringify({ public_key: ecPublicKey() }),
      400,
      /is an EC \(elliptic curve\) key/,
    ],
    [
      'a certificate instead of a key',
      'POST',
      '/orgs/acme/keys',
      JSON.stringify(CERTIFICATE),
      400,
      /is a certificate, not a public key/,
    ],
    [
      'a private key instead of a public one',
      'POST',
      '/orgs/acme/agents',
      JSON.stringify({ id: 'bad-agent', public_key: rsaPrivateKey() }),
      400,
      /is a private key \(PRIVATE KEY\): never send it/,
    ],
    [
      'a megabyte of garbage as a key',
      'POST',
      '/orgs/acme/keys',
      JSON.stringify('#'.repeat(MAX_BODY_BYTES - 100)),
      400,
      /is 1048476 characters; a PEM of a 4,096-bit RSA public key is about 800/,
    ],
    [
      'deleting the last key of an agent',
      'DELETE',
      '/orgs/acme/agents/edge-legacy/keys/' + LEGACY_FINGERPRINT,
      undefined,
      409,
      /only key of agent `edge-legacy`, and an agent keeps at least one/,
    ],
  ] as const)('refuses %s', async (_, method, path, body, status, message) => {
    const answer = await send(method, path, body);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toBe(`API-${status}`);
    expect(answer.body.message).toMatch(message);
    expect(stateBesidesAuditLog()).toBe(before);
  });

  it('names every invalid field in details', async () => {
    const answer = await send(
      'POST',
      '/orgs/acme/apps/shop/envs/development/deploys',
      '{"comment":5,"delta_id":true}',
    );
    expect(answer.body.details).toEqual({
      errors: [
        { field: 'comment', message: 'comment must be string' },
        { field: 'delta_id', message: 'delta_id must be string' },
      ],
    });
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const big = JSON.stringify({
      metadata: { name: 'x'.repeat(MAX_BODY_BYTES) },
    });
    const answer = await send('POST', deltas, big);
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({
      error: 'API-413',
      details: { limit: MAX_BODY_BYTES },
    });
    expect(stateBesidesAuditLog()).toBe(before);
  });

  it('refuses an announced oversized body before reading it', async () => {
    const request = new Request(`${TEST_API_URL}${deltas}`, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Length': String(MAX_BODY_BYTES + 1) },
    });
    expect(request.headers.get('content-length')).toBe(
      String(MAX_BODY_BYTES + 1),
    );
    await expect(readJsonBody(request, 'createDelta')).rejects.toMatchObject({
      code: 'too_large',
    });
    expect(request.bodyUsed).toBe(false);
  });

  it.each([
    ['no token', undefined],
    ['an unknown token', 'Bearer not-a-token'],
    ['another scheme', `Basic ${DEMO_TOKENS.administrator}`],
  ])(
    'answers 401 for %s, before looking at the body',
    async (_, authorization) => {
      const response = await fetch(`${TEST_API_URL}${deltas}`, {
        method: 'POST',
        body: '{not json',
        headers: authorization ? { Authorization: authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'API-401' });
      expect(stateBesidesAuditLog()).toBe(before);
    },
  );
});
