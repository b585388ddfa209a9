/**
 * The harness of the CLI's end-to-end tests (mocks/cli*.test.ts): `npm run api` (api-process.ts) on a temporary
 * data file, and the CLI run as a child process against it with a private home and config dir and no token in the
 * environment unless the test passes one.
 *
 *   const cli = cliHarness('cli-artefacts'); // registers beforeAll (start) and afterAll (stop, remove the files)
 *   it('lists the apps', async () => {
 *     const run = await cli.run(['get', 'apps'], { HUMANITEC_TOKEN: 'hum_demo_admin_token' });
 *     expect([run.code, run.out, run.err]).toEqual([0, expect.stringContaining('shop'), '']);
 *   });
 *
 * `cli.dir` is the test's temporary folder (its home: the CLI's config is under `config/`); files a test writes
 * there go when the file's tests end.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT, startApiProcess, TSX, type ApiProcess } from './api-process';

/** What a CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliHarness {
  /** The test's temporary folder: the CLI's HOME (its config under `config/`). */
  dir: string;
  /**
   * Runs the CLI as `npm run cli` does (`node src/cli/bin.mjs`, the `platform-console` bin: one process, the
   * CLI's cached bundle inside) or another entry (a `.ts` one under the tsx binary), with `env` added to a bare
   * environment that points it at the server.
   */
  run(
    args: string[],
    env?: Record<string, string>,
    entry?: string,
  ): Promise<CliRun>;
}

/** How long one CLI run may take on a busy machine. */
const RUN_TIMEOUT_MS = 60_000;

/** Starts `npm run api` for this test file (beforeAll) and stops it afterwards (afterAll). */
export function cliHarness(name: string): CliHarness {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  let server: ApiProcess | undefined;

  beforeAll(async () => {
    server = await startApiProcess({ dataFile: join(dir, 'api-data.json') });
  }, 150_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (
    args: string[],
    env: Record<string, string> = {},
    entry = 'src/cli/bin.mjs',
  ): Promise<CliRun> =>
    new Promise((done) => {
      if (!server) throw new Error(`${name}: npm run api is not running`);
      execFile(
        entry.endsWith('.mjs') ? process.execPath : TSX,
        [entry, ...args],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: dir,
            XDG_CONFIG_HOME: join(dir, 'config'),
            HUMANITEC_API_URL: server.url,
            ...env,
          },
          timeout: RUN_TIMEOUT_MS,
        },
        (error, stdout, stderr) =>
          done({
            code: error ? Number(error.code ?? 1) : 0,
            out: stdout.trim(),
            err: stderr.trim(),
          }),
      );
    });

  return { dir, run };
}
