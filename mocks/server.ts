/**
 * The mock API over HTTP, for `npm run api`, curl or a console pointed at it
 * (VITE_API_URL). Serves the very same routes as the MSW handlers on node:http
 * (handlers/index.ts `createRouter`: msw's matching rules, each path compiled
 * once) and answers CORS preflights. The state is kept
 * in a snapshot plus an append-only journal (persistence/journal-store.ts):
 * a change is appended and fsynced before it is acknowledged; a request that
 * changes nothing (a GET, a refused call) writes nothing.
 *
 *   npm run api -- [--port 4010] [--data .api-data.json] [--host 127.0.0.1] [--scenario demo|large|big-diff] [--reset]
 *                  [--faults rate:0.2,kinds:500|503|timeout|network,delay:300,seed:7]   (README, "Fault injection")
 *                  [--cors-origin https://console.example.com,...] [--tokens administrator=SECRET,...]   (server-access.ts)
 *                  [--app-visibility roles|organisation]   (README, "Access control")
 *                  [--gitops-dir DIR]   (a real git repository of the GitOps environments' exports, gitops/repository.ts)
 */
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  APP_VISIBILITIES,
  type AppVisibility,
  type Clock,
  type Engine,
  type IdSource,
} from './engine';
import { DEMO_ORG_ID, DEMO_TOKENS, SCENARIOS } from './fixtures';
import {
  createRouter,
  MAX_BODY_BYTES,
  toWire,
  type ApiRequest,
} from './handlers/routes';
import { parseFaultConfig, type FaultConfig } from './handlers/faults';
import {
  DataFileError,
  openStore,
  type JournalStore,
} from './persistence/journal-store';
import { createDemoEngine } from './runtime';
import * as nodeFs from 'node:fs';
import { gitopsRepository, gitopsSyncer } from './gitops/repository';
import {
  corsHeaders,
  DEFAULT_CORS_ORIGINS,
  parseOrigins,
  parseTokens,
  tokenMapper,
  type DemoTokenRole,
} from './server-access';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The data file (snapshot; its journal is `<file>.journal`, its lock `<file>.lock`); `null` keeps the state in memory only. */
  dataFile?: string | null;
  /** Moves the data file and its journal aside and starts from the seed (`--reset`). */
  reset?: boolean;
  clock?: Clock;
  ids?: IdSource;
  /** The scenario a new state is seeded with (default `demo`); a resumed data file keeps its own. */
  scenario?: string;
  /** Where start-up notes go (default: nowhere). */
  log?: (line: string) => void;
  /** Fault injection (handlers/faults.ts): a share of calls fails or slows down. */
  faults?: FaultConfig;
  /** Origins whose pages may call the API (CORS); default: the console's dev and preview servers. */
  corsOrigins?: readonly string[];
  /** Secrets that replace the seeded users' public tokens, which are then refused. */
  tokens?: Partial<Record<DemoTokenRole, string>>;
  /** Which apps members read (EngineOptions.appVisibility): `roles` (default) or `organisation`. */
  appVisibility?: AppVisibility;
  /** A directory for the GitOps repository: every GitOps export is committed there (created on first use). */
  gitopsDir?: string;
}

/** A running server. */
export interface RunningServer {
  url: string;
  engine: Engine;
  /** Stops accepting requests, saves pending changes and closes connections. */
  close(): Promise<void>;
}

const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The methods the API serves; anything else (TRACE, CONNECT, ...) is a 405. */
const METHODS = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
]);

/** Why the request line cannot be routed (a 400), or undefined: a path that does not percent-decode. */
function badPath(url: string): string | undefined {
  try {
    decodeURIComponent(new URL(url, 'http://x').pathname);
    return undefined;
  } catch {
    return `The path ${JSON.stringify(url.slice(0, 80))} is not valid: a % must start an escape of UTF-8 bytes such as %20.`;
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    ...extra,
  });
  res.end(JSON.stringify(body));
}

/** Reads the request body; undefined when it exceeds the limit (the rest is drained). */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  }
  return tooLarge ? undefined : Buffer.concat(chunks);
}

/**
 * The request as the routes read it (handlers/answer.ts `ApiRequest`): what a
 * fetch `Request` of it would give (URL, method, headers, a body decoded as
 * UTF-8 by `text()`, none for GET and HEAD), without constructing one.
 */
function toApiRequest(
  req: IncomingMessage,
  baseUrl: string,
  body: Buffer,
  authorization: string | undefined,
  asMethod?: string,
): ApiRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'authorization') continue;
    for (const v of Array.isArray(value) ? value : [value])
      headers.append(name, v);
  }
  if (authorization !== undefined) headers.set('authorization', authorization);
  const method = asMethod ?? req.method ?? 'GET';
  const bytes =
    method === 'GET' || method === 'HEAD' ? new Uint8Array(0) : body;
  return {
    method,
    url: new URL(req.url ?? '/', baseUrl).href,
    headers,
    text: () => Promise.resolve(new TextDecoder().decode(bytes)),
    arrayBuffer: () =>
      Promise.resolve(
        bytes.buffer.slice(
          bytes.byteOffset,
          bytes.byteOffset + bytes.byteLength,
        ) as ArrayBuffer,
      ),
  };
}

/**
 * The engine resumed from the store, or a seeded one (`resumed: false`). Data
 * that cannot be used refuses to start (DataFileError), never a silent reset.
 */
function loadEngine(
  store: JournalStore | undefined,
  options: ServerOptions,
): { engine: Engine; resumed: boolean } {
  const scenario = SCENARIOS[options.scenario ?? 'demo'];
  if (!scenario)
    throw new Error(
      `unknown scenario "${options.scenario}" (known: ${Object.keys(SCENARIOS).join(', ')})`,
    );
  const base = {
    clock: options.clock,
    ids: options.ids,
    scenario: scenario.build,
    trackChanges: Boolean(store),
    ...(options.appVisibility ? { appVisibility: options.appVisibility } : {}),
    ...(options.gitopsDir
      ? { gitopsRepositoryUrl: pathToFileURL(resolve(options.gitopsDir)).href }
      : {}),
  };
  if (!store?.state) return { engine: createDemoEngine(base), resumed: false };
  try {
    // The store's state is ours: adopted as it is, without a deep copy.
    return {
      engine: createDemoEngine({
        ...base,
        state: store.state,
        adoptState: true,
      }),
      resumed: true,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataFileError(
      `The state in ${store.file} could not be resumed (${reason}). Move it away, or start over with \`npm run api -- --data ${store.file} --reset\`.`,
    );
  }
}

/** Starts the mock API server. */
export async function startServer(
  options: ServerOptions = {},
): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const store = options.dataFile
    ? openStore(options.dataFile, { reset: options.reset, log })
    : undefined;
  let engine: Engine;
  try {
    const loaded = loadEngine(store, options);
    engine = loaded.engine;
    if (store && !loaded.resumed) store.writeSnapshotText(engine.serialize());
    else if (store && store.replayed > 0)
      log(`Replayed ${store.replayed} change(s) from ${store.journalFile}.`);
  } catch (error) {
    store?.close();
    throw error;
  }
  /** Appends what changed (if anything) to the journal, durably; compacts a journal grown past the snapshot. */
  const save = () => {
    if (!store) return;
    const changes = engine.takeChanges();
    if (changes.full) store.writeSnapshotText(engine.serialize());
    else if (changes.ops.length > 0) {
      store.append(changes.ops);
      if (store.shouldCompact()) store.writeSnapshotText(engine.serialize());
    }
  };

  // The GitOps repository: every export not committed yet is committed now (the repair of a crash between a
  // deployment and its commit, gitops/repository.ts), then after every change.
  const gitops = options.gitopsDir
    ? gitopsSyncer(
        () => engine,
        gitopsRepository(
          nodeFs,
          resolve(options.gitopsDir),
          pathToFileURL(resolve(options.gitopsDir)).href,
        ),
        save,
        (error) => log(`GitOps repository: ${String(error)}`),
      )
    : undefined;
  if (gitops) {
    await gitops.sync();
    log(
      `GitOps repository: ${resolve(options.gitopsDir!)} (branch main, a folder <org>/<app>/<env> per environment)`,
    );
    engine.subscribe((change) => {
      if (change === 'state') void gitops.sync();
    });
  }

  const route = createRouter(() => engine, {
    ...(options.faults ? { faults: options.faults } : {}),
  });
  let baseUrl = '';
  const allowedOrigins = options.corsOrigins ?? DEFAULT_CORS_ORIGINS;
  const mapAuthorization = tokenMapper(options.tokens);

  const server = createServer(async (req, res) => {
    const cors = corsHeaders(req.headers.origin, allowedOrigins);
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        res.end();
        return;
      }
      if (!METHODS.has(req.method ?? '')) {
        sendJson(
          res,
          405,
          {
            error: 'API-405',
            message: `The method ${req.method} is not served; use ${[...METHODS].join(', ')}.`,
          },
          { ...cors, Allow: [...METHODS].join(', ') },
        );
        return;
      }
      const pathProblem = badPath(req.url ?? '/');
      if (pathProblem) {
        sendJson(res, 400, { error: 'API-400', message: pathProblem }, cors);
        return;
      }
      const body = await readBody(req);
      if (!body) {
        sendJson(
          res,
          413,
          {
            error: 'API-413',
            message: `The request body is larger than the limit of ${MAX_BODY_BYTES} bytes (1 MiB).`,
          },
          { ...cors, Connection: 'close' },
        );
        return;
      }
      // HEAD is answered as GET, without the body.
      const head = req.method === 'HEAD';
      const request = toApiRequest(
        req,
        baseUrl,
        body,
        mapAuthorization(req.headers.authorization),
        head ? 'GET' : undefined,
      );
      const answer = await route(request, baseUrl);
      if (!answer) {
        sendJson(
          res,
          404,
          {
            error: 'API-404',
            message: `No endpoint ${req.method} ${req.url}.`,
          },
          cors,
        );
        return;
      }
      const response = toWire(answer, Buffer.byteLength);
      // An injected network fault: drop the connection without an answer.
      if (!response) {
        res.destroy();
        return;
      }
      // An acknowledged change must be on disk before the answer leaves; so must the audit log's
      // entry of a refused call (a refused call changes nothing else). A read writes nothing (what it
      // moved, e.g. a token's last use, goes with the next change).
      if (!READ_ONLY.has(req.method ?? 'GET')) save();
      res.writeHead(response.status, { ...cors, ...response.headers });
      res.end(head || response.body === null ? undefined : response.body);
    } catch (error) {
      console.error('[mock api] request failed', error);
      if (!res.headersSent) {
        sendJson(
          res,
          500,
          {
            error: 'API-500',
            message: 'The mock API server failed; see its log.',
          },
          cors,
        );
      } else {
        res.destroy();
      }
    }
  });

  // A request node cannot parse (431 headers too large, 400 bad request line) still gets the spec's error body.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      error: `API-${status}`,
      message: tooLarge
        ? 'The request headers are too large (16 KiB at most).'
        : 'The request could not be parsed as HTTP.',
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });

  await new Promise<void>((done, fail) => {
    server.once('error', (error) => {
      store?.close();
      fail(error);
    });
    server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () =>
      done(),
    );
  });
  const address = server.address() as AddressInfo;
  const host =
    address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    url: baseUrl,
    engine,
    async close() {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await gitops?.sync();
      try {
        save();
      } finally {
        store?.close();
      }
    },
  };
}

/** `--port 4010 --data file --scenario large` (or `--port=4010`). */
/** What the command line (and `API_CORS_ORIGINS`, `API_TOKENS`, `API_APP_VISIBILITY`) asks of the server. */
export interface ServerArgs {
  port: number;
  dataFile: string;
  host: string;
  scenario: string;
  faults?: FaultConfig;
  reset?: boolean;
  corsOrigins?: string[];
  tokens?: Partial<Record<DemoTokenRole, string>>;
  appVisibility?: AppVisibility;
  gitopsDir?: string;
}

/** `roles` or `organisation`; throws a sentence naming the values otherwise. */
export function parseAppVisibility(text: string | undefined): AppVisibility {
  const found = APP_VISIBILITIES.find((value) => value === text);
  if (!found)
    throw new Error(
      `--app-visibility must be ${APP_VISIBILITIES.join(' or ')} (roles: members read the apps they have a role on, as Humanitec; organisation: every app); got "${text ?? ''}"`,
    );
  return found;
}

export function parseArgs(
  argv: string[],
  env: Record<string, string | undefined> = {},
): ServerArgs {
  const out: ServerArgs = {
    port: 4010,
    dataFile: '.api-data.json',
    host: '127.0.0.1',
    scenario: 'demo',
    ...(env.API_CORS_ORIGINS
      ? { corsOrigins: parseOrigins(env.API_CORS_ORIGINS) }
      : {}),
    ...(env.API_TOKENS ? { tokens: parseTokens(env.API_TOKENS) } : {}),
    ...(env.API_APP_VISIBILITY
      ? { appVisibility: parseAppVisibility(env.API_APP_VISIBILITY) }
      : {}),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2) as [
      string,
      string | undefined,
    ];
    const value = () => inline ?? argv[++i];
    if (flag === '--port') out.port = Number(value());
    else if (flag === '--data') out.dataFile = value();
    else if (flag === '--host') out.host = value();
    else if (flag === '--scenario') out.scenario = value();
    else if (flag === '--faults') out.faults = parseFaultConfig(value());
    else if (flag === '--reset') out.reset = true;
    else if (flag === '--cors-origin') out.corsOrigins = parseOrigins(value());
    else if (flag === '--tokens') out.tokens = parseTokens(value());
    else if (flag === '--app-visibility')
      out.appVisibility = parseAppVisibility(value());
    else if (flag === '--gitops-dir') out.gitopsDir = value();
    else
      throw new Error(
        `unknown option ${argv[i]} (use --port N, --data FILE, --host ADDRESS, --scenario NAME, --faults SPEC, --reset, --cors-origin ORIGIN,..., --tokens ROLE=SECRET,..., --app-visibility roles|organisation, --gitops-dir DIR)`,
      );
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535)
    throw new Error('--port must be 0-65535');
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2), process.env);
  const running = await startServer({
    ...args,
    log: (line) => console.log(line),
  });
  console.log(
    `Mock Humanitec API: ${running.url}  (organisation "${DEMO_ORG_ID}", data ${resolve(args.dataFile)})`,
  );
  if (args.tokens) {
    console.log(
      `Tokens: the secrets given for ${Object.keys(args.tokens).join(', ')}; the public demo tokens are refused.`,
    );
  } else {
    console.log(
      `Demo token: ${DEMO_TOKENS.administrator}  (developer: ${DEMO_TOKENS.developer}, viewer: ${DEMO_TOKENS.viewer})  (public: for this machine only; --tokens replaces them)`,
    );
    console.log(
      `Try: curl -H "Authorization: Bearer ${DEMO_TOKENS.administrator}" ${running.url}/orgs/${DEMO_ORG_ID}/apps`,
    );
  }
  console.log(
    `Browsers may call it from: ${(args.corsOrigins ?? DEFAULT_CORS_ORIGINS).join(', ')} (--cors-origin changes this)`,
  );
  console.log(
    args.appVisibility === 'organisation'
      ? 'Apps: every organisation member reads every app (--app-visibility organisation).'
      : 'Apps: members read the apps they have a role on (--app-visibility organisation lets them read every app).',
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: saving and stopping…`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * `npm run api`: the server of the command line's flags, until SIGINT or SIGTERM. mocks/api.mjs runs it from a
 * cached bundle; `node --import tsx mocks/server.ts` runs it from the TypeScript.
 */
export function runFromCommandLine(): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
)
  runFromCommandLine();
