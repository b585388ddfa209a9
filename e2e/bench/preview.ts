import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1, for a `vite preview` of a benchmark. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Waits until `url` answers 2xx, failing early when the preview process `child` exits. */
export async function waitForHttp(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `vite preview did not answer on ${url} within ${timeoutMs} ms`,
  );
}

/** A running `vite preview` of a build. */
export interface Preview {
  /** Its base URL, with a trailing slash. */
  url: string;
  stop(): void;
}

/**
 * Starts `command` (detached, so that `stop` ends its whole process group) and
 * resolves once `url` answers; its stderr is in the error if it does not.
 */
async function spawnServer(
  command: string,
  args: string[],
  url: string,
  {
    cwd,
    env = {},
    timeoutMs,
  }: { cwd: string; env?: Record<string, string>; timeoutMs: number },
): Promise<Preview> {
  const { spawn } = await import('node:child_process');
  const child = spawn(command, args, {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid);
    } catch {
      // already gone
    }
  };
  try {
    await waitForHttp(url, child, timeoutMs);
  } catch (error) {
    stop();
    throw new Error(`${String(error)}\n${stderr}`, { cause: error });
  }
  return { url, stop };
}

/** Serves the build in `dist` with `vite preview` on a free port, once it answers. */
export async function startPreview(
  root: string,
  dist: string,
  timeoutMs = 20_000,
  env: Record<string, string> = {},
): Promise<Preview> {
  const path = await import('node:path');
  const port = await freePort();
  return spawnServer(
    path.join(root, 'node_modules/.bin/vite'),
    [
      'preview',
      '--outDir',
      path.relative(root, dist),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    `http://127.0.0.1:${port}/`,
    { cwd: root, env, timeoutMs },
  );
}

/**
 * The console as it runs against a real API: `npm run api` on a free port
 * (fresh data file, seeded with `scenario`), and a build without the embedded
 * engine (token and organisation from VITE_ variables) whose `vite preview`
 * proxies /api to it.
 */
export async function startProduction(
  root: string,
  { scenario = 'demo', orgId = 'acme', startupMs = 60_000 } = {},
): Promise<Preview> {
  const { spawn, spawnSync } = await import('node:child_process');
  const { rmSync } = await import('node:fs');
  const path = await import('node:path');
  const apiPort = await freePort();
  const data = path.join(root, `e2e/.output/bench-api-${scenario}.json`);
  // A fresh store: the data file and its journal (a journal without its data file is refused).
  for (const file of [data, `${data}.journal`]) rmSync(file, { force: true });
  // `npm run api`, as one process.
  const api = spawn(
    process.execPath,
    [
      'mocks/api.mjs',
      '--port',
      String(apiPort),
      '--data',
      data,
      '--scenario',
      scenario,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    },
  );
  // Its last words, for the error when it exits before answering.
  let stderr = '';
  api.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const stopApi = () => {
    try {
      if (api.pid) process.kill(-api.pid);
    } catch {
      // already gone
    }
  };
  try {
    // Any answer (401 without a token) means it listens.
    // The 10,000-app scenario seeds and writes its store for a minute or more.
    const deadline = Date.now() + startupMs;
    for (;;) {
      if (api.exitCode !== null)
        throw new Error(
          `npm run api exited with code ${api.exitCode}: ${stderr.trim() || 'no output on stderr'}`,
        );
      const up = await fetch(`http://127.0.0.1:${apiPort}/orgs`).then(
        () => true,
        () => false,
      );
      if (up) break;
      if (Date.now() > deadline)
        throw new Error(
          `npm run api did not start within ${startupMs / 1000} s`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
    // A benchmark build on this machine only: the demo token may be compiled in.
    const env = {
      VITE_API_URL: `http://127.0.0.1:${apiPort}`,
      VITE_ENABLE_MOCKS: 'false',
      VITE_API_TOKEN: 'hum_demo_admin_token',
      ALLOW_TOKEN_IN_BUILD: '1',
      VITE_ORG_ID: orgId,
    };
    const dist = 'e2e/.output/bench-dist-production';
    const build = spawnSync(
      path.join(root, 'node_modules/.bin/vite'),
      ['build', '--outDir', dist],
      { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' },
    );
    if (build.status !== 0)
      throw new Error(`the production build failed:\n${build.stderr}`);
    const preview = await startPreview(
      root,
      path.join(root, dist),
      20_000,
      env,
    );
    return { url: preview.url, stop: () => (preview.stop(), stopApi()) };
  } catch (error) {
    stopApi();
    throw error;
  }
}

/**
 * Exactly what a newcomer runs: `npm start` (the Vite dev server on the
 * embedded engine), on a free port, once it answers.
 */
export async function startDevServer(
  root: string,
  timeoutMs = 60_000,
): Promise<Preview> {
  const port = await freePort();
  return spawnServer(
    'npm',
    ['start', '--', '--port', String(port), '--strictPort'],
    `http://127.0.0.1:${port}/`,
    {
      cwd: root,
      env: { VITE_API_URL: '' },
      timeoutMs,
    },
  );
}
