import { describe, expect, it } from 'vitest';
import {
  FAULT_RULES,
  containerFault,
  deployErrors,
  flakyReplicas,
} from './rules';
import { formatMemory, parseImage, parseMemory } from './parse';
import type { DeploymentSet, JsonObject, Module } from '../core/model/spec';
import { backoffState } from '../simulation/pods';

const healthy: JsonObject = {
  image: 'registry.acme.dev/shop/api:1.4.2',
  variables: { DB_PASSWORD: '${secrets.db-password}' },
  resources: { limits: { memory: '256Mi' } },
};

describe('FAULT_RULES', () => {
  it('documents every rule with an id, a trigger and an effect', () => {
    expect(FAULT_RULES.map((rule) => rule.id)).toEqual([
      'image-pull',
      'config-error',
      'crash-loop',
      'oom',
      'degraded',
      'resource-params',
      'unknown-profile',
      'unresolved-resource',
      'no-matching-definition',
      'unfilled-placeholder',
      'agent-disconnected',
      'missing-value',
    ]);
    for (const rule of FAULT_RULES) {
      expect(rule.trigger.length).toBeGreaterThan(20);
      expect(rule.effect.length).toBeGreaterThan(20);
    }
  });
});

describe('containerFault', () => {
  const table: [string, JsonObject, string | undefined][] = [
    ['a healthy container', healthy, undefined],
    ['tag missing', { image: 'reg.io/a:missing' }, 'ImagePullBackOff'],
    ['tag doesnotexist', { image: 'a:doesnotexist' }, 'ImagePullBackOff'],
    [
      'tag ending -missing',
      { image: 'reg.io/a/b:2.0-missing' },
      'ImagePullBackOff',
    ],
    [
      'host invalid.example',
      { image: 'invalid.example/a' },
      'ImagePullBackOff',
    ],
    [
      'host invalid.example with port',
      { image: 'invalid.example:5000/a:1' },
      'ImagePullBackOff',
    ],
    [
      'a tag merely containing missing',
      { image: 'reg.io/a:missing-1' },
      undefined,
    ],
    [
      'a registry port is not a tag',
      { image: 'localhost:5000/missing' },
      undefined,
    ],
    ['an empty image', { image: '' }, 'InvalidImageName'],
    ['no image', {}, 'InvalidImageName'],
    [
      'a missing secret',
      { ...healthy, variables: { K: 'x ${secrets.missing-key} y' } },
      'CreateContainerConfigError',
    ],
    [
      'an existing secret',
      { ...healthy, variables: { K: '${secrets.api-key}' } },
      undefined,
    ],
    [
      'command with exit 1',
      { ...healthy, command: ['/bin/sh', '-c', 'echo hi; exit 1'] },
      'CrashLoopBackOff',
    ],
    ['args with exit 1', { ...healthy, args: 'exit 1' }, 'CrashLoopBackOff'],
    [
      'exit 10 is not exit 1',
      { ...healthy, command: ['sh', '-c', 'exit 10'] },
      undefined,
    ],
    [
      'CRASH=true',
      { ...healthy, variables: { CRASH: 'TRUE' } },
      'CrashLoopBackOff',
    ],
    ['CRASH=false', { ...healthy, variables: { CRASH: 'false' } }, undefined],
    [
      'CRASH as a YAML boolean',
      { ...healthy, variables: { CRASH: true } },
      'CrashLoopBackOff',
    ],
    [
      'limit below the default 64Mi',
      { image: 'a:1', resources: { limits: { memory: '32Mi' } } },
      'OOMKilled',
    ],
    [
      'limit equal to the default',
      { image: 'a:1', resources: { limits: { memory: '64Mi' } } },
      undefined,
    ],
    [
      'limit below MEMORY_NEEDED',
      {
        image: 'a:1',
        variables: { MEMORY_NEEDED: '1Gi' },
        resources: { limits: { memory: '512M' } },
      },
      'OOMKilled',
    ],
    [
      'limit above MEMORY_NEEDED',
      {
        image: 'a:1',
        variables: { MEMORY_NEEDED: '512Mi' },
        resources: { limits: { memory: '1G' } },
      },
      undefined,
    ],
    [
      'no limit',
      { image: 'a:1', variables: { MEMORY_NEEDED: '8Gi' } },
      undefined,
    ],
  ];
  it.each(
    table.map(
      ([name, c, reason]) => [name, reason ?? 'no fault', c, reason] as const,
    ),
  )('%s → %s', (_, __, container, reason) => {
    expect(containerFault(container)?.reason).toBe(reason);
  });

  it('checks the image before configuration, and configuration before the process', () => {
    const all: JsonObject = {
      image: 'a:missing',
      variables: { K: '${secrets.missing}', CRASH: 'true' },
      resources: { limits: { memory: '1Mi' } },
    };
    expect(containerFault(all)?.rule).toBe('image-pull');
    expect(containerFault({ ...all, image: 'a:1' })?.rule).toBe('config-error');
    expect(
      containerFault({ ...all, image: 'a:1', variables: { CRASH: 'true' } })
        ?.rule,
    ).toBe('crash-loop');
  });

  it('writes Kubernetes-like messages', () => {
    expect(containerFault({ image: 'r.io/a:missing' })?.message).toBe(
      'Back-off pulling image "r.io/a:missing": manifest unknown',
    );
    expect(
      containerFault({
        image: 'a:1',
        variables: { K: '${secrets.missing-token}' },
      })?.message,
    ).toBe('secret "missing-token" not found');
    expect(
      containerFault({
        image: 'a:1',
        resources: { limits: { memory: '32Mi' } },
      })?.message,
    ).toContain('limit of 32Mi (needs 64Mi)');
  });
});

describe('flakyReplicas', () => {
  it.each([
    [{ FLAKY_REPLICAS: '1' }, 1],
    [{ FLAKY_REPLICAS: 2 }, 2],
    [{ FLAKY_REPLICAS: 'x' }, 0],
    [{ FLAKY_REPLICAS: '-1' }, 0],
    [{}, 0],
  ] as [JsonObject, number][])('%j → %i', (variables, n) => {
    expect(flakyReplicas({ image: 'a:1', variables })).toBe(n);
  });
});

describe('parsers', () => {
  it.each([
    ['512Mi', 512 * 1024 ** 2],
    ['1Gi', 1024 ** 3],
    ['64Ki', 64 * 1024],
    ['1G', 1e9],
    ['500M', 5e8],
    ['100k', 1e5],
    ['1048576', 1048576],
    ['0.5Gi', 0.5 * 1024 ** 3],
    ['lots', undefined],
    ['', undefined],
  ])('parseMemory(%s)', (text, bytes) => {
    expect(parseMemory(text)).toBe(bytes);
  });

  it('formats bytes in the largest whole binary unit', () => {
    expect(formatMemory(512 * 1024 ** 2)).toBe('512Mi');
    expect(formatMemory(2 * 1024 ** 3)).toBe('2Gi');
    expect(formatMemory(1e9)).toBe('1000000000');
  });

  it.each([
    [
      'registry.acme.dev/shop/api:1.4.2',
      { host: 'registry.acme.dev', repository: 'shop/api', tag: '1.4.2' },
    ],
    ['nginx', { host: undefined, repository: 'nginx', tag: undefined }],
    [
      'library/nginx:1.27',
      { host: undefined, repository: 'library/nginx', tag: '1.27' },
    ],
    [
      'localhost:5000/app',
      { host: 'localhost', repository: 'app', tag: undefined },
    ],
    ['r.io/app:1@sha256:abc', { host: 'r.io', repository: 'app', tag: '1' }],
  ])('parseImage(%s)', (image, parsed) => {
    expect(parseImage(image)).toEqual(parsed);
  });
});

describe('backoffState', () => {
  it.each([
    [0, 0, 10],
    [9_999, 0, 10],
    [10_000, 1, 20],
    [29_999, 1, 20],
    [30_000, 2, 40],
    [70_000, 3, 80],
    [150_000, 4, 160],
    [310_000, 5, 300],
    [610_000, 6, 300],
    [610_000 + 300_000 * 10, 16, 300],
  ])(
    'after %i ms: %i restarts, next back-off %i s',
    (elapsed, restarts, backoff) => {
      const state = backoffState(elapsed);
      expect(state.restarts).toBe(restarts);
      expect(state.backoffMs).toBe(backoff * 1000);
      expect(state.lastStartMs).toBeLessThanOrEqual(elapsed);
    },
  );

  it('never decreases as time passes', () => {
    let previous = 0;
    for (let t = 0; t < 3_600_000; t += 7_000) {
      const { restarts } = backoffState(t);
      expect(restarts).toBeGreaterThanOrEqual(previous);
      previous = restarts;
    }
    // Last sample at 3 598 s: 6 restarts by 610 s, then one every 300 s.
    expect(previous).toBe(15);
  });
});

describe('deployErrors', () => {
  const module = (over: Partial<Module> = {}): Module => ({
    profile: 'humanitec/default-module',
    spec: { containers: { main: healthy } },
    externals: {},
    ...over,
  });
  const set = (
    modules: Record<string, Module>,
    shared: DeploymentSet['shared'] = {},
  ): DeploymentSet => ({
    id: 'x',
    version: 0,
    modules,
    shared,
  });

  it('leaves postgres versions to the driver, and accepts unknown params and known profiles', () => {
    expect(
      deployErrors(
        set(
          {
            api: module({
              externals: { db: { type: 'postgres', params: { version: 16 } } },
            }),
            web: module({ profile: 'acme/web-service' }),
          },
          {
            db: { type: 'postgres', params: { version: '13' } },
            dns: { type: 'dns' },
          },
        ),
        (ref) => ['humanitec/default-module', 'acme/web-service'].includes(ref),
      ),
    ).toEqual([]);
  });

  it('reports each failing resource and profile with scope, object id and code', () => {
    const errors = deployErrors(
      set(
        {
          worker: module({
            profile: 'acme/unknown',
            externals: { bucket: { type: 's3', params: { invalid: true } } },
          }),
          api: module({
            externals: { db: { type: 'postgres', params: { version: '12' } } },
          }),
        },
        { db: { type: 'postgres', params: { version: 9.6, invalid: 'x' } } },
      ),
      (ref) => ref === 'humanitec/default-module',
    );
    // An unsupported postgres version is the postgres driver's check at provisioning (provisioning/), not a rule here.
    expect(errors.map((e) => [e.scope, e.object_id, e.code])).toEqual([
      ['workload', 'worker', 'WL-PROF-001'],
      ['resource', 'modules.worker.externals.bucket', 'RES-PROV-001'],
      ['resource', 'shared.db', 'RES-PROV-001'],
    ]);
    expect(errors[1]).toMatchObject({
      summary: 'Resource provisioning failed',
      error_type: 'ResourceProvisioningError',
    });
    expect(errors[0].message).toContain('acme/unknown');
    expect(errors[1].message).toContain('"invalid"');
  });
});
