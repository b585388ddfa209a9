/**
 * The harness of the official-client tests (mocks/official-client*.test.ts): Humanitec's TypeScript client
 * (`@humanitec/autogen`) against a real `npm run api` (api-process.ts) on a temporary data file.
 *
 * Use it at the top of a test file; it registers its own beforeAll (start) and afterAll (stop, remove the data):
 *
 *   const api = officialClientHarness('official-client-drivers');
 *   const { admin, viewer } = api; // one client per demo role, usable inside the tests
 *
 *   it('lists the drivers', async () => {
 *     expect(await admin.listResourceDrivers({ orgId: 'acme' })).toEqual(…);
 *     const refused = await refusal(viewer.createResourceDriver({ … }));
 *     expect(refused.status).toBe(403);
 *     expect(api.problems).toEqual([]); // every response so far matched the spec
 *   });
 *   it('called every operation of the area', () => {
 *     api.expectCalledEvery(DRIVER_OPERATIONS_BY_CLIENT_NAME);
 *   });
 *
 * - Every response is checked against the spec as it arrives (contract-rules.ts, the contract test's rules); what
 *   does not match is in `api.problems`. Every response text is in `api.texts` (look there for a planted secret).
 * - `api.called` holds the client methods called (`fooRaw` counts as `foo`); `api.expectCalledEvery(AREA_MAP)` is
 *   the area's coverage check.
 * - A refused call's error message names its status and body (the client's says only "Response returned an error
 *   code"); `refusal(call)` asserts the spec's error body and returns it, `rejection(call)` returns any body.
 * - `api.restart('SIGKILL')` kills the server and starts it again on the same data file; the clients follow it.
 * - The raw response: call `fooRaw(…)` and read `.raw` (status, headers, exact text).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiConfig, PublicApi, ResponseError } from '@humanitec/autogen';
import { afterAll, beforeAll, expect } from 'vitest';
import { createContractChecker } from '../handlers/contract-rules';
import {
  startApiProcess,
  type ApiProcess,
  type DemoTokens,
} from './api-process';

export type DemoRole = keyof DemoTokens;

/** A running server and the clients that talk to it; see the module's comment. */
export interface OfficialClientHarness {
  admin: PublicApi;
  developer: PublicApi;
  viewer: PublicApi;
  /** A client for another bearer token (e.g. a service user's), checked and recorded like the others. */
  clientFor(token: string): PublicApi;
  /** The server's base URL, e.g. `http://127.0.0.1:41234` (changes on restart). */
  readonly apiHost: string;
  readonly tokens: DemoTokens;
  /** Spec mismatches of any response so far, one line each. */
  readonly problems: string[];
  /** Every response text the server sent. */
  readonly texts: string[];
  /** The client methods called so far. */
  readonly called: Set<string>;
  /**
   * Asserts that every operation of an area (official-client-areas.ts: operationId → client method) was called
   * through the client, and that the client has each method.
   */
  expectCalledEvery(operationsByClientName: Record<string, string>): void;
  /** Stops the server (SIGKILL: without a chance to save) and starts it again on the same data file. */
  restart(signal?: NodeJS.Signals): Promise<void>;
}

/** How long beforeAll may take to start the server on a busy machine. */
const START_HOOK_TIMEOUT_MS = 150_000;

/** Starts `npm run api` for this test file (beforeAll) and stops it afterwards (afterAll). */
export function officialClientHarness(name: string): OfficialClientHarness {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const dataFile = join(dir, 'api.json');
  const checker = createContractChecker('');
  const problems: string[] = [];
  const texts: string[] = [];
  const called = new Set<string>();
  let server: ApiProcess | undefined;

  const running = (): ApiProcess => {
    if (!server)
      throw new Error(
        `${name}: npm run api is not running (use the clients inside tests)`,
      );
    return server;
  };

  /** A client of the running server, whose every response is recorded and checked against the spec. */
  const checkedClient = (token: string, apiHost: string): PublicApi =>
    new PublicApi(apiConfig({ token, apiHost })).withMiddleware({
      post: async ({ url, init, response }) => {
        const text = await response.clone().text();
        texts.push(text);
        const result = checker.check(
          (init.method ?? 'GET').toUpperCase(),
          url,
          response.status,
          response.headers.get('content-type'),
          text,
        );
        for (const problem of result.problems)
          problems.push(
            `${result.method} ${result.path} → ${result.status}: ${problem}`,
          );
        return response;
      },
    });

  /**
   * A stable client that follows the server across restarts (a restart may change its port): each call goes to a
   * client of the server running then, records the method's name and names a refusal's status and body.
   */
  const followingClient = (token: () => string): PublicApi => {
    let built: { key: string; client: PublicApi } | undefined;
    const current = () => {
      const key = `${running().url} ${token()}`;
      if (built?.key !== key)
        built = { key, client: checkedClient(token(), running().url) };
      return built.client;
    };
    return new Proxy({} as PublicApi, {
      get(_target, name) {
        const client = current();
        const value = Reflect.get(client, name, client) as unknown;
        if (
          typeof name !== 'string' ||
          typeof value !== 'function' ||
          !(name in PublicApi.prototype)
        )
          return value;
        return (...args: unknown[]) => {
          called.add(name.replace(/Raw$/, ''));
          const result = (value as (...a: unknown[]) => unknown).apply(
            client,
            args,
          );
          return result instanceof Promise
            ? result.catch(nameTheRefusal)
            : result;
        };
      },
    });
  };

  beforeAll(async () => {
    server = await startApiProcess({ dataFile });
  }, START_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await server?.stop();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  return {
    admin: followingClient(() => running().tokens.administrator),
    developer: followingClient(() => running().tokens.developer),
    viewer: followingClient(() => running().tokens.viewer),
    clientFor: (token) => followingClient(() => token),
    get apiHost() {
      return running().url;
    },
    get tokens() {
      return running().tokens;
    },
    problems,
    texts,
    called,
    expectCalledEvery(operationsByClientName) {
      const uncalled = Object.entries(operationsByClientName)
        .filter(([, method]) => !called.has(method))
        .map(([operationId]) => operationId);
      expect(uncalled).toEqual([]);
      const notInClient = Object.values(operationsByClientName).filter(
        (method) => !(method in PublicApi.prototype),
      );
      expect(notInClient).toEqual([]);
    },
    async restart(signal: NodeJS.Signals = 'SIGTERM') {
      const old = running();
      server = undefined;
      await old.stop(signal);
      server = await startApiProcess({ dataFile });
    },
  };
}

/** Adds the status and body to a refusal's message, so a failing test says what the server answered. */
async function nameTheRefusal(error: unknown): Promise<never> {
  if (error instanceof ResponseError)
    error.message += `: ${error.response.status} ${await error.response.clone().text()}`;
  throw error;
}

/** The status and parsed JSON body of a call the client rejects (any body: a spec error, an array, a string). */
export async function rejection(
  call: Promise<unknown>,
): Promise<{ status: number; body: unknown }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResponseError);
  const response = (error as ResponseError).response;
  return { status: response.status, body: (await response.json()) as unknown };
}

/** The spec's HumanitecErrorResponse. */
export interface HumanitecError {
  error: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A call the client rejects with the spec's error body (`error` is `API-<status>`): its status, message and body. */
export async function refusal(
  call: Promise<unknown>,
): Promise<{ status: number; message: string; body: HumanitecError }> {
  const { status, body } = await rejection(call);
  expect(body).toEqual(expect.objectContaining({ error: `API-${status}` }));
  const error = body as HumanitecError;
  return { status, message: error.message ?? '', body: error };
}

/** Polls `read` until `done` holds (no fixed sleeps: a short pause between reads, a generous deadline). */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  deadlineMs = 90_000,
): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const last = await read();
    if (done(last)) return last;
    if (Date.now() > end)
      throw new Error(
        `${what}: still ${JSON.stringify(last)} after ${deadlineMs} ms`,
      );
    await new Promise((next) => setTimeout(next, 100));
  }
}
