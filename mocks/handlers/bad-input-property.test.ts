// Property-based bad input for EVERY route the mock API serves (the operation
// table generated from the OpenAPI documents, so new routes are included
// without editing this file): path parameters from real ids and arbitrary
// strings, bodies from arbitrary JSON, arbitrary text and nothing. Whatever
// comes in: never a 5xx, every 4xx carries the spec's error body
// (HumanitecErrorResponse: `error` "API-<status>" and a message), and a
// refused request leaves the engine unchanged (no change notification but the audit log's, which records it).
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Engine } from '../engine';
import { resetTestEngine, server, TEST_API_URL } from '../node';
import { OPERATIONS } from './operations.gen';
import { DEMO_TOKENS } from '../fixtures';

/** Real ids of the demo organisation, by path parameter name; other names get arbitrary strings only. */
const REAL: Record<string, string[]> = {
  orgId: ['acme'],
  appId: ['shop', 'payments'],
  envId: ['development', 'staging', 'production'],
  envType: ['development', 'production'],
  profileQid: ['acme/web-service', 'humanitec/default-module'],
  userId: ['alex-admin', 'dana-dev'],
  workloadId: ['api', 'frontend'],
  storeId: ['humanitec', 'vault-prod', 'aws-secrets'],
  regId: ['acme-registry', 'ghcr-acme'],
  envTypeId: ['development', 'staging', 'production'],
  key: ['LOG_LEVEL', 'STRIPE_API_KEY'],
  driverId: ['echo', 'postgres', 'acme-flags'],
  accId: ['aws-prod', 'gcp-dev'],
  typeId: ['postgres', 'feature-flags'],
  defId: ['postgres-dev', 'default-dns', 'mysql-default'],
  classId: ['large'],
  agentId: ['edge-eu', 'edge-legacy'],
  // edge-eu's older key (agents-seed.ts) and the organisation's public key.
  fingerprint: [
    'e4c0c2fee5d4813be4b80de8b2c8861717efbc5019b5970922d3c43f355115b7',
  ],
  keyId: ['4c0310b415c57aa0d16899f83e4c87bf'],
};

/** Ids that name built-in properties of JavaScript objects (issue 17): refused with 400 or working everywhere. */
const HOSTILE_IDS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];

const segment = (name: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(REAL[name] ?? ['x'])) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '..',
        '%00',
        '<script>',
        'a'.repeat(300),
        ...HOSTILE_IDS,
      ),
    },
  );

const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '{',
    '[1,',
    'null',
    '""',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{}}}',
  ),
  fc.constantFrom(...HOSTILE_IDS).chain((id) =>
    fc.constantFrom(
      JSON.stringify({ id, name: id, type: 'development' }),
      JSON.stringify({
        modules: {
          add: { [id]: { profile: 'humanitec/default-module', spec: {} } },
        },
      }),
      JSON.stringify({
        modules: { update: { [id]: [] } },
        shared: [{ op: 'add', path: `/${id}`, value: { type: 'postgres' } }],
      }),
    ),
  ),
);

let engine: Engine;
let changes = 0;
let unsubscribe = () => {};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  unsubscribe();
  ({ engine } = resetTestEngine());
  changes = 0;
  // A refused call is recorded in the audit log (its own kind of change); anything else counts.
  unsubscribe = engine.subscribe((change) => {
    if (change !== 'audit-log') changes += 1;
  });
});
afterAll(() => {
  unsubscribe();
  server.close();
});

const operations = Object.entries(OPERATIONS) as [
  string,
  { method: string; path: string; jsonBody?: boolean },
][];

describe(
  'bad input, generated for every operation',
  { timeout: 120_000 },
  () => {
    it.each(operations)(
      '%s never answers 5xx, and refuses with the spec error body and no change',
      async (_id, op) => {
        const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const params = fc.tuple(...names.map(segment));
        await fc.assert(
          fc.asyncProperty(
            params,
            op.method === 'get' || op.method === 'delete'
              ? fc.constant(undefined)
              : body,
            async (values, text) => {
              let path = op.path;
              names.forEach(
                (name, i) =>
                  (path = path.replace(
                    `{${name}}`,
                    encodeURIComponent(values[i]),
                  )),
              );
              const before = changes;
              const response = await fetch(`${TEST_API_URL}${path}`, {
                method: op.method.toUpperCase(),
                body: text,
                headers: {
                  Authorization: `Bearer ${DEMO_TOKENS.administrator}`,
                  'Content-Type': 'application/json',
                },
              });
              const label = `${op.method.toUpperCase()} ${path} ${text ?? ''} → ${response.status}`;
              expect(response.status, label).toBeLessThan(500);
              if (response.status >= 400) {
                let answered = (await response.json()) as unknown;
                // The spec types the 404 of getSet, getDiff and getDelta as a bare JSON string: the message.
                if (
                  typeof answered === 'string' &&
                  response.status === 404 &&
                  ['getSet', 'getDiff', 'getDelta'].includes(_id)
                )
                  answered = { error: 'API-404', message: answered };
                // The spec types deleteEnvironmentType's 409 as an array of string maps: one per environment
                // that has the type, each with the error code and the message (envtypes.ts). A `..` segment
                // reaches it from a longer path (DELETE …/env-types/{envType}/users/.. is DELETE …/env-types/{envType}).
                const resolved = new URL(`${TEST_API_URL}${path}`).pathname;
                const deletesEnvType =
                  op.method === 'delete' &&
                  /\/orgs\/[^/]+\/env-types\/[^/]+\/?$/.test(resolved);
                // deleteResourceDefinition's 409 is the spec's array of ResourceDefinitionChange: what
                // deleting a definition active resources use would move where (deployments provision them).
                const deletesDefinition =
                  op.method === 'delete' &&
                  /\/orgs\/[^/]+\/resources\/defs\/[^/]+\/?$/.test(resolved);
                if (
                  Array.isArray(answered) &&
                  response.status === 409 &&
                  deletesDefinition
                ) {
                  expect(answered.length, label).toBeGreaterThan(0);
                  for (const change of answered)
                    expect(change, label).toEqual(
                      expect.objectContaining({
                        app_id: expect.any(String),
                        env_id: expect.any(String),
                        res_id: expect.any(String),
                        from_def: expect.any(String),
                        to_def: expect.any(String),
                      }),
                    );
                  expect(changes, `${label} changed the state`).toBe(before);
                  return;
                }
                const error = (
                  Array.isArray(answered) &&
                  response.status === 409 &&
                  deletesEnvType
                    ? answered[0]
                    : answered
                ) as {
                  error?: unknown;
                  message?: unknown;
                };
                expect(error.error, label).toBe(`API-${response.status}`);
                expect(
                  typeof error.message === 'string' && error.message.length > 0,
                  label,
                ).toBe(true);
                expect(changes, `${label} changed the state`).toBe(before);
              } else {
                await response.arrayBuffer();
              }
              expect(Object.prototype).not.toHaveProperty('polluted');
            },
          ),
          { numRuns: 12, seed: 20261124 },
        );
      },
    );
  },
);

// Hostile ids through the creating routes (issue 17): an app, environment, workload or shared resource named
// `constructor` made the DORA report and every deploy answer 500. Each is refused with a 400 saying why, and
// the organisation-wide reads still answer.
describe('ids that name built-in JavaScript properties', () => {
  const admin = {
    Authorization: `Bearer ${DEMO_TOKENS.administrator}`,
    'Content-Type': 'application/json',
  };
  const post = (path: string, body: unknown) =>
    fetch(`${TEST_API_URL}/orgs/acme${path}`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify(body),
    });
  const workload = {
    profile: 'humanitec/default-module',
    spec: {
      containers: { main: { id: 'main', image: 'registry.example/x:1' } },
    },
  };

  it.each(HOSTILE_IDS)(
    '`%s` is refused as an app, environment, workload and shared resource id',
    async (id) => {
      const deployId = engine.getEnv(
        { userId: 'alex-admin' },
        'acme',
        'shop',
        'development',
      ).last_deploy!.id;
      const attempts = [
        await post('/apps', { id, name: 'Hostile' }),
        await post('/apps/shop/envs', {
          id,
          name: 'Hostile',
          type: 'development',
          from_deploy_id: deployId,
        }),
        await post('/apps/shop/deltas', {
          metadata: { env_id: 'development' },
          modules: { add: { [id]: workload } },
        }),
        await post('/apps/shop/deltas', {
          metadata: { env_id: 'development' },
          shared: [{ op: 'add', path: `/${id}`, value: { type: 'postgres' } }],
        }),
      ];
      for (const response of attempts) {
        const error = (await response.json()) as {
          error?: string;
          message?: string;
        };
        expect({ status: response.status, error: error.error }).toEqual({
          status: 400,
          error: 'API-400',
        });
        expect(error.message).toMatch(
          /not valid|is reserved|must be \d or more lowercase letters/,
        );
      }
      expect(changes).toBe(0);
      for (const path of [
        '/console/metrics/dora',
        '/apps',
        '/console/navigation-index',
      ]) {
        const response = await fetch(`${TEST_API_URL}/orgs/acme${path}`, {
          headers: admin,
        });
        expect(response.status, path).toBe(200);
        await response.arrayBuffer();
      }
    },
  );
});
