/**
 * `npm run api` (mocks/server.ts) as a child process for tests that must drive the real server over HTTP (the
 * official-client and CLI tests): on a free port, on a data file of the test's own, its URL and demo tokens read
 * from what it prints at start. The engine is spawned, never imported.
 *
 *   const api = await startApiProcess({ dataFile: join(dir, 'api.json') });
 *   // … api.url, api.tokens.viewer …
 *   await api.stop(); // or stop('SIGKILL') to kill it without a chance to save
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

/** The repository's root (tests spawn the API and the CLI from here). */
export const ROOT = resolve(import.meta.dirname, '..', '..');
/** The tsx binary (a parent process that runs node with its loader): the CLI's direct entry, `tsx src/cli/main.ts`. */
export const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** The demo tokens the server prints at start (README, "The engine as an HTTP server"). */
export interface DemoTokens {
  administrator: string;
  developer: string;
  viewer: string;
}

/** A running `npm run api`. */
export interface ApiProcess {
  /** e.g. `http://127.0.0.1:41234`. */
  url: string;
  tokens: DemoTokens;
  /**
   * Stops the server's whole process group (the server and whatever it started) and
   * resolves once none of it is left: the server holds the data file's lock, so a restart on the same file waits
   * for the whole group, not only for the server's exit event.
   */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The arguments of node that run the API server as `npm run api` does (`node mocks/api.mjs`: one process, the
 * server's cached bundle inside it), with the server's own `args` (`--port`, `--data` …). Spawn with `cwd: ROOT`.
 */
export function apiServerArgs(...args: string[]): string[] {
  return ['mocks/api.mjs', ...args];
}

/** How long the server may take to print its URL on a busy machine. */
const START_TIMEOUT_MS = 120_000;

/** Starts `node mocks/api.mjs --port 0 --data <dataFile>` (`npm run api`) and resolves when it listens. */
export function startApiProcess(options: {
  dataFile: string;
}): Promise<ApiProcess> {
  const child = spawn(
    process.execPath,
    apiServerArgs('--port', '0', '--data', options.dataFile),
    // Its own process group, so that stop() reaches whatever it starts too.
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    stopGroup(child.pid, child.exitCode !== null || child.signalCode !== null, {
      signal,
      exited: new Promise<void>((done) => child.once('exit', () => done())),
    });
  return new Promise<ApiProcess>((found, fail) => {
    let text = '';
    const timer = setTimeout(() => {
      void stop();
      fail(
        new Error(
          `npm run api did not start within ${START_TIMEOUT_MS / 1000} s: ${text}`,
        ),
      );
    }, START_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      fail(new Error(`npm run api exited with ${code}: ${text}`));
    };
    const read = (chunk: Buffer) => {
      text += chunk.toString();
      const url = /Mock Humanitec API: (http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      const demo =
        /Demo token: (\S+)\s+\(developer: (\S+), viewer: (\S+)\)/.exec(text);
      if (!url || !demo) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      found({
        url: url[1],
        tokens: {
          administrator: demo[1],
          developer: demo[2],
          viewer: demo[3],
        },
        stop,
      });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', onExit);
  });
}

/** Signals the process group led by `pid` and waits until no process of it is left. */
async function stopGroup(
  pid: number | undefined,
  alreadyExited: boolean,
  { signal, exited }: { signal: NodeJS.Signals; exited: Promise<void> },
): Promise<void> {
  if (!pid) return;
  const group = -pid;
  try {
    process.kill(group, signal);
  } catch {
    return; // the whole group is gone already
  }
  if (!alreadyExited) await exited;
  // Polling the group (signal 0) is the only way to learn that the leader's children have gone too.
  for (;;) {
    try {
      process.kill(group, 0);
    } catch {
      return;
    }
    await new Promise((next) => setTimeout(next, 20));
  }
}
