// Property-based bad input for EVERY route the mock API serves (the operation
// table generated from the OpenAPI documents, so new routes are included
// without editing this file): path parameters from real ids and arbitrary
// strings, bodies from arbitrary JSON, arbitrary text and nothing. Whatever
// comes in: never a 5xx, every 4xx carries the spec's error body
// (HumanitecErrorResponse: `error` "API-<status>" and a message), and a
// refused request leaves the engine unchanged (no change notification).
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TOKENS, type Engine } from '../engine';
import { resetTestEngine, server, TEST_API_URL } from '../node';
import { OPERATIONS } from './operations.gen';

/** Real ids of the demo organisation, by path parameter name; other names get arbitrary strings only. */
const REAL: Record<string, string[]> = {
  orgId: ['acme'],
  appId: ['shop', 'payments'],
  envId: ['development', 'staging', 'production'],
  envType: ['development', 'production'],
  profileQid: ['acme/web-service', 'humanitec/default-module'],
  userId: ['alex-admin', 'dana-dev'],
  workloadId: ['api', 'frontend'],
};

const segment = (name: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...(REAL[name] ?? ['x'])) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('..', '%00', '<script>', 'a'.repeat(300), '__proto__') },
  );

const body = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('{', '[1,', 'null', '""', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{}}}'),
);

let engine: Engine;
let changes = 0;
let unsubscribe = () => {};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  unsubscribe();
  ({ engine } = resetTestEngine());
  changes = 0;
  unsubscribe = engine.subscribe(() => {
    changes += 1;
  });
});
afterAll(() => {
  unsubscribe();
  server.close();
});

const operations = Object.entries(OPERATIONS) as [string, { method: string; path: string; jsonBody?: boolean }][];

describe('bad input, generated for every operation', { timeout: 120_000 }, () => {
  it.each(operations)('%s never answers 5xx, and refuses with the spec error body and no change', async (_id, op) => {
    const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const params = fc.tuple(...names.map(segment));
    await fc.assert(
      fc.asyncProperty(params, op.method === 'get' || op.method === 'delete' ? fc.constant(undefined) : body, async (values, text) => {
        let path = op.path;
        names.forEach((name, i) => (path = path.replace(`{${name}}`, encodeURIComponent(values[i]))));
        const before = changes;
        const response = await fetch(`${TEST_API_URL}${path}`, {
          method: op.method.toUpperCase(),
          body: text,
          headers: { Authorization: `Bearer ${DEMO_TOKENS.administrator}`, 'Content-Type': 'application/json' },
        });
        const label = `${op.method.toUpperCase()} ${path} ${text ?? ''} → ${response.status}`;
        expect(response.status, label).toBeLessThan(500);
        if (response.status >= 400) {
          const error = (await response.json()) as { error?: unknown; message?: unknown };
          expect(error.error, label).toBe(`API-${response.status}`);
          expect(typeof error.message === 'string' && error.message.length > 0, label).toBe(true);
          expect(changes, `${label} changed the state`).toBe(before);
        } else {
          await response.arrayBuffer();
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { numRuns: 12, seed: 20261124 },
    );
  });
});
