// Fault injection: the settings parser, the seeded choice (rate, kinds,
// reproducibility) and the wrapped handlers as a client meets them (status,
// spec error bodies, dropped connections, time-outs after the work was done).
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_ID } from '../engine';
import { getEngine, resetTestEngine, TEST_API_URL } from '../node';
import { createContractChecker } from './contract-rules';
import {
  chooseFault,
  createFaultInjector,
  faultAnswer,
  formatFaultConfig,
  parseFaultConfig,
  type FaultConfig,
} from './faults';
import { createHandlers } from './index';
import { DEMO_TOKEN } from '../fixtures';

const config = (over: Partial<FaultConfig> = {}): FaultConfig => ({
  rate: 0.2,
  kinds: ['500', '503', 'timeout', 'network'],
  delayMs: 0,
  seed: 1,
  ...over,
});

describe('parseFaultConfig', () => {
  it('reads a bare rate, the long form, percentages, and off', () => {
    expect(parseFaultConfig('0.2')).toEqual({
      rate: 0.2,
      kinds: ['500', '503', 'timeout', 'network'],
      delayMs: 500,
      seed: 1,
    });
    expect(
      parseFaultConfig('rate:0.5,kinds:500|slow,delay:300,seed:7'),
    ).toEqual({ rate: 0.5, kinds: ['500', 'slow'], delayMs: 300, seed: 7 });
    expect(parseFaultConfig('rate=20%')?.rate).toBe(0.2);
    for (const off of ['', 'off', '0', 'rate:0'])
      expect(parseFaultConfig(off)).toBeUndefined();
  });

  it('names the bad part', () => {
    expect(() => parseFaultConfig('1.5')).toThrow(/between 0 and 1/);
    expect(() => parseFaultConfig('rate:0.1,kinds:500|teapot')).toThrow(
      /Unknown fault kind "teapot"/,
    );
    expect(() => parseFaultConfig('rate:0.1,kinds:')).toThrow(/at least one/);
    expect(() => parseFaultConfig('rate:0.1,delay:-3')).toThrow(
      /delay must be a whole number/,
    );
    expect(() => parseFaultConfig('rate:0.1,colour:red')).toThrow(
      /Unknown fault setting "colour:red"/,
    );
  });

  it('round-trips through formatFaultConfig', () => {
    const c = config({
      rate: 0.35,
      kinds: ['timeout', 'slow'],
      delayMs: 250,
      seed: 42,
    });
    expect(parseFaultConfig(formatFaultConfig(c))).toEqual(c);
    expect(formatFaultConfig(undefined)).toBe('off');
  });
});

describe('chooseFault', () => {
  const sample = (c: FaultConfig, n = 20_000) =>
    Array.from({ length: n }, (_, i) =>
      chooseFault(c, 'GET', `/api/orgs/acme/apps/a${i % 37}`, i),
    );

  it('hits about `rate` of the calls, only with the configured kinds, spread over them', () => {
    const faults = sample(config());
    const hit = faults.filter(Boolean);
    expect(hit.length / faults.length).toBeGreaterThan(0.185);
    expect(hit.length / faults.length).toBeLessThan(0.215);
    for (const kind of ['500', '503', 'timeout', 'network'] as const) {
      const share = hit.filter((k) => k === kind).length / hit.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
    expect(
      new Set(sample(config({ kinds: ['slow'] })).filter(Boolean)),
    ).toEqual(new Set(['slow']));
    expect(
      sample(config({ rate: 0 }), 1000).every((k) => k === undefined),
    ).toBe(true);
    expect(
      sample(config({ rate: 1 }), 1000).every((k) => k !== undefined),
    ).toBe(true);
  });

  it('is reproducible for a seed, whatever other endpoints are called in between, and differs across seeds', () => {
    const a = createFaultInjector(config());
    const b = createFaultInjector(config());
    const seqA = Array.from({ length: 200 }, () =>
      a.next('POST', '/api/deploys'),
    );
    // b sees the same calls interleaved with calls to another endpoint.
    const seqB = Array.from({ length: 200 }, () => {
      b.next('GET', '/api/other');
      return b.next('POST', '/api/deploys');
    });
    expect(seqB).toEqual(seqA);
    expect(seqA.some(Boolean)).toBe(true);
    const c = createFaultInjector(config({ seed: 2 }));
    expect(
      Array.from({ length: 200 }, () => c.next('POST', '/api/deploys')),
    ).not.toEqual(seqA);
  });

  it('restarts the counters when the settings change (a live source)', () => {
    let current: FaultConfig | undefined = config({ rate: 0.5 });
    const injector = createFaultInjector(() => current);
    const first = Array.from({ length: 50 }, () => injector.next('GET', '/p'));
    current = undefined;
    expect(injector.next('GET', '/p')).toBeUndefined();
    current = config({ rate: 0.5 });
    expect(
      Array.from({ length: 50 }, () => injector.next('GET', '/p')),
    ).toEqual(first);
  });
});

describe('the mock API with faults on', () => {
  let current: FaultConfig | undefined;
  const server = setupServer(
    ...createHandlers(getEngine, { base: '*/api', faults: () => current }),
  );
  const checker = createContractChecker('/api');
  const headers = {
    Authorization: `Bearer ${DEMO_TOKEN}`,
    'Content-Type': 'application/json',
  };
  const deploysUrl = `${TEST_API_URL}/orgs/${DEMO_ORG_ID}/apps/shop/envs/development/deploys`;
  const deploy = () =>
    fetch(deploysUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ comment: 'redeploy' }),
    });
  const count = () =>
    getEngine().listDeploys(
      { userId: 'alex-admin' },
      DEMO_ORG_ID,
      'shop',
      'development',
    ).length;

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    current = undefined;
    resetTestEngine();
  });
  afterAll(() => server.close());

  async function expectSpecError(response: Response, status: number) {
    expect(response.status).toBe(status);
    const text = await response.clone().text();
    const result = checker.check(
      'POST',
      response.url || deploysUrl,
      response.status,
      response.headers.get('content-type'),
      text,
    );
    expect(result.problems).toEqual([]);
    return JSON.parse(text) as { error: string; message: string };
  }

  it.each([
    ['500', 500, 'API-500'],
    ['503', 503, 'API-503'],
  ] as const)(
    '%s: the spec error body, and nothing changed',
    async (kind, status, code) => {
      resetTestEngine();
      const before = count();
      current = config({ rate: 1, kinds: [kind] });
      const response = await deploy();
      const body = await expectSpecError(response, status);
      expect(body).toMatchObject({
        error: code,
        message: expect.stringMatching(/retry/),
      });
      expect(response.headers.get('x-injected-fault')).toBe(kind);
      if (kind === '503') expect(response.headers.get('retry-after')).toBe('1');
      expect(count()).toBe(before);
    },
  );

  it('network: the connection drops (fetch rejects) and nothing changed', async () => {
    resetTestEngine();
    const before = count();
    current = config({ rate: 1, kinds: ['network'] });
    await expect(deploy()).rejects.toThrow(TypeError);
    expect(count()).toBe(before);
  });

  it('timeout: the work IS done, then a 504 with the spec body after the delay', async () => {
    resetTestEngine();
    const before = count();
    current = config({ rate: 1, kinds: ['timeout'], delayMs: 40 });
    const started = performance.now();
    const body = await expectSpecError(await deploy(), 504);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(body).toMatchObject({
      error: 'API-504',
      message: expect.stringMatching(/may have been carried out/),
    });
    expect(count()).toBe(before + 1);
  });

  it('slow: the normal answer, late', async () => {
    resetTestEngine();
    current = config({ rate: 1, kinds: ['slow'], delayMs: 40 });
    const started = performance.now();
    const response = await deploy();
    expect(response.status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('off: calls are answered normally', async () => {
    resetTestEngine();
    expect((await deploy()).status).toBe(201);
    expect(faultAnswer('slow')).toBeUndefined();
  });
});

describe('npm run api -- --faults', () => {
  it('serves the faults over HTTP: spec error bodies, and dropped connections', async () => {
    const { startServer, parseArgs } = await import('../server');
    expect(parseArgs(['--faults', 'rate:0.5,kinds:503,seed:3']).faults).toEqual(
      { rate: 0.5, kinds: ['503'], delayMs: 500, seed: 3 },
    );
    expect(() => parseArgs(['--faults', 'rate:2'])).toThrow(/between 0 and 1/);
    for (const [kind, check] of [
      [
        '503',
        async (call: Promise<Response>) => {
          const response = await call;
          expect(response.status).toBe(503);
          expect(await response.json()).toMatchObject({
            error: 'API-503',
            message: expect.any(String),
          });
        },
      ],
      [
        'network',
        async (call: Promise<Response>) => {
          await expect(call).rejects.toThrow();
        },
      ],
    ] as const) {
      const running = await startServer({
        port: 0,
        dataFile: null,
        faults: config({ rate: 1, kinds: [kind] }),
      });
      try {
        await check(
          fetch(`${running.url}/orgs`, {
            headers: { Authorization: `Bearer ${DEMO_TOKEN}` },
          }),
        );
      } finally {
        await running.close();
      }
    }
  });
});
