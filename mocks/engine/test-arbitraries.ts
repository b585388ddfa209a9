/**
 * fast-check arbitraries of realistic deployment sets, shared by the
 * property tests (test-only; nothing in the engine imports this file).
 */
import fc from 'fast-check';
import type {
  DeploymentSet,
  DeployCondition,
  Json,
  JsonObject,
  Module,
  ResourceRef,
} from './model';
import { makeSet } from './sets';

/** Object keys, including ones that need JSON-pointer escaping and numeric-looking ones. */
export const keyArb = fc.oneof(
  fc.constantFrom(
    'image',
    'port',
    'path',
    'a/b',
    'x~y',
    '~1',
    '8080',
    '0',
    '',
    'ü-ñ',
    'host name',
  ),
  fc.string({ maxLength: 4 }).filter((key) => key !== '__proto__'),
);

const leafArb: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 100 }),
  fc.boolean(),
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
);

/** Nested JSON objects (depth ≤ 3) with arrays of leaves and objects. */
export const jsonObjectArb: fc.Arbitrary<JsonObject> = fc.letrec<{
  obj: JsonObject;
  value: Json;
}>((tie) => ({
  obj: fc.dictionary(keyArb, tie('value'), {
    maxKeys: 4,
    depthIdentifier: 'json',
  }),
  value: fc.oneof(
    { depthSize: 'small', depthIdentifier: 'json', maxDepth: 3 },
    leafArb,
    tie('obj'),
    fc.array(fc.oneof(leafArb, tie('obj')), {
      maxLength: 3,
      depthIdentifier: 'json',
    }),
  ),
})).obj;

const idArb = fc.constantFrom('api', 'web', 'worker', 'db-migrate', 'cron-1');
const resourceNameArb = fc.constantFrom(
  'db',
  'cache',
  'dns',
  'queue',
  's3-bucket',
);

/** A resource reference with optional class, id and params. */
export const resourceArb: fc.Arbitrary<ResourceRef> = fc.record(
  {
    type: fc.constantFrom('postgres', 'redis', 'dns', 's3', 'amqp'),
    class: fc.constantFrom('default', 'large'),
    id: fc.constantFrom('shared.db', 'main'),
    params: fc.dictionary(
      fc.constantFrom('version', 'size', 'region'),
      leafArb,
      { maxKeys: 2 },
    ),
  },
  { requiredKeys: ['type'] },
);

const containerArb: fc.Arbitrary<JsonObject> = fc.record(
  {
    image: fc.constantFrom(
      'registry.acme.dev/shop/api:1.4.0',
      'nginx:1.27',
      'busybox',
    ),
    variables: fc.dictionary(
      fc.constantFrom('LOG_LEVEL', 'DB_URL', 'FEATURE_X', 'a/b'),
      fc.string({ maxLength: 6 }),
      {
        maxKeys: 3,
      },
    ),
    args: fc.array(fc.constantFrom('--port', '8080', 'serve'), {
      maxLength: 3,
    }),
    resources: fc.record({
      limits: fc.record({
        memory: fc.constantFrom('128Mi', '256Mi'),
        cpu: fc.constantFrom('250m', '1'),
      }),
    }),
  },
  { requiredKeys: ['image'] },
);

const deployArb: fc.Arbitrary<DeployCondition> = fc.record(
  {
    when: fc.constantFrom('before', 'deploy', 'after'),
    success: fc.constantFrom('deploy', 'available', 'complete'),
    timeout: fc.integer({ min: 0, max: 600 }),
  },
  { requiredKeys: [] },
);

/** A workload: profile, spec (containers, replicas, free-form nested objects), externals, maybe deploy. */
export const moduleArb: fc.Arbitrary<Module> = fc.record(
  {
    profile: fc.constantFrom(
      'humanitec/default-module',
      'humanitec/default-job',
      'acme/web-service',
    ),
    spec: fc.record(
      {
        containers: fc.dictionary(
          fc.constantFrom('main', 'sidecar', 'init'),
          containerArb,
          { maxKeys: 2 },
        ),
        replicas: fc.integer({ min: 0, max: 5 }),
        ingress: jsonObjectArb,
        labels: fc.dictionary(keyArb, fc.string({ maxLength: 5 }), {
          maxKeys: 3,
        }),
      },
      { requiredKeys: [] },
    ),
    externals: fc.dictionary(resourceNameArb, resourceArb, { maxKeys: 2 }),
    deploy: deployArb,
  },
  { requiredKeys: ['profile', 'spec', 'externals'] },
);

/** A deployment set of 0–4 workloads and 0–3 shared resources (small id pools, so random sets overlap). */
export const setArb = fc
  .record({
    modules: fc.dictionary(idArb, moduleArb, { maxKeys: 4 }),
    shared: fc.dictionary(resourceNameArb, resourceArb, { maxKeys: 3 }),
  })
  .map(makeSet);

/** The same JSON value with every object's keys in reverse order. */
export function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).reverse())
    out[key] = reverseKeys((value as Record<string, unknown>)[key]);
  return out as T;
}

/** A small hand-written set: workload `api` (one container, a db) and a shared `dns`. */
export const sampleSet: DeploymentSet = makeSet({
  modules: {
    api: {
      profile: 'humanitec/default-module',
      spec: {
        containers: {
          api: {
            image: 'reg/api:1.0',
            variables: { LOG: 'info' },
            args: ['serve'],
          },
        },
        'a/b': { 'x~y': 1 },
      },
      externals: { db: { type: 'postgres', params: { version: '16' } } },
    },
  },
  shared: { dns: { type: 'dns', class: 'default' } },
});
