import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/**
 * The console against a real HTTP API, for the specs that need one:
 * `npm run api` (the engine over node:http) on a fresh store, and a
 * production build WITHOUT the embedded engine, pointed at it with
 * VITE_API_URL, served by `vite preview` (which proxies /api, as the dev
 * server does). Each spec takes its own ports (`offset` from E2E_PORT) and
 * output folder (`name`), so specs and checkouts never share a server.
 */
export interface RealApiStack {
  apiPort: number;
  consoleUrl: string;
  /** The store's and build's path prefix, relative to the repository (e.g. for a repository beside them). */
  out: string;
  /** The repository's root, with a trailing slash. */
  root: string;
  /** Builds the console, starts both servers and waits until they answer (beforeAll). */
  start(): Promise<void>;
  /** Stops both servers (afterAll). */
  stop(): void;
}

export function realApiStack(options: {
  name: string;
  offset: number;
  /** More arguments of mocks/server.ts (e.g. --gitops-dir). */
  serverArgs?: string[];
  /** Paths (relative to the repository) to remove before the start, besides the store. */
  clean?: string[];
  /** How long the servers may take to answer, in ms. */
  upWithinMs?: number;
}): RealApiStack {
  const base = Number(process.env.E2E_PORT ?? 4173);
  const apiPort = base + options.offset;
  const consolePort = base + options.offset + 100;
  const root = new URL('..', import.meta.url).pathname;
  const out = `e2e/.output/${options.name}-${base}`;
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const env = {
    ...process.env,
    VITE_API_URL: `http://127.0.0.1:${apiPort}`,
    VITE_ENABLE_MOCKS: 'false',
  };
  const children: ChildProcess[] = [];
  const spawnDetached = (command: string, args: string[]) =>
    children.push(
      spawn(command, args, { cwd: root, env, stdio: 'ignore', detached: true }),
    );
  const upWithinMs = options.upWithinMs ?? 60_000;

  async function waitFor(url: string) {
    const until = Date.now() + upWithinMs;
    while (Date.now() < until) {
      try {
        if ((await fetch(url)).status < 500) return;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${url} did not come up within ${upWithinMs} ms`);
  }

  return {
    apiPort,
    consoleUrl,
    out,
    root,
    async start() {
      // A fresh store: the snapshot, its journal and its lock (a journal left by an earlier run would not
      // match a new snapshot, and the server rightly refuses to start on it).
      for (const path of [
        `${out}-data.json`,
        `${out}-data.json.journal`,
        `${out}-data.json.lock`,
        ...(options.clean ?? []),
      ])
        rmSync(`${root}${path}`, { recursive: true, force: true });
      const build = spawnSync(
        'npx',
        ['vite', 'build', '--outDir', `${out}-dist`],
        { cwd: root, env, encoding: 'utf8' },
      );
      if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
      // `npm run api`, as one process (node mocks/api.mjs) so that stopping its group stops the server.
      spawnDetached(process.execPath, [
        'mocks/api.mjs',
        '--port',
        String(apiPort),
        '--data',
        `${out}-data.json`,
        ...(options.serverArgs ?? []),
      ]);
      spawnDetached('npx', [
        'vite',
        'preview',
        '--outDir',
        `${out}-dist`,
        '--host',
        '127.0.0.1',
        '--strictPort',
        '--port',
        String(consolePort),
      ]);
      await Promise.all([
        waitFor(`http://127.0.0.1:${apiPort}/orgs`),
        waitFor(consoleUrl),
      ]);
    },
    stop() {
      for (const child of children) {
        if (!child.pid || child.exitCode !== null) continue;
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
    },
  };
}
