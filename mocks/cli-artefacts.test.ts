// The CLI's artefact commands end to end: `npm run api` on a free port with a temporary data file, and
// `push artefact-version` / `get artefacts` run as child processes (output and exit codes).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'cli-artefacts-test-'));
let server: ChildProcess;
let apiUrl = '';

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI (`npm run cli` is `tsx src/cli/main.ts`) with a private config dir and no token in the environment. */
function cli(
  args: string[],
  env: Record<string, string> = {},
  entry = 'src/cli/main.ts',
): Promise<Run> {
  return new Promise((done) => {
    execFile(
      entry.endsWith('.mjs') ? process.execPath : TSX,
      [entry, ...args],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          XDG_CONFIG_HOME: join(dir, 'config'),
          HUMANITEC_API_URL: apiUrl,
          ...env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) =>
        done({
          code: error ? Number(error.code ?? 1) : 0,
          out: stdout.trim(),
          err: stderr.trim(),
        }),
    );
  });
}

beforeAll(async () => {
  server = spawn(
    TSX,
    ['mocks/server.ts', '--port', '0', '--data', join(dir, 'api-data.json')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  apiUrl = await new Promise<string>((found, fail) => {
    let text = '';
    const timer = setTimeout(
      () => fail(new Error(`The API did not start: ${text}`)),
      60_000,
    );
    server.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(text);
      if (match) {
        clearTimeout(timer);
        found(match[1]);
      }
    });
  });
}, 90_000);

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('CLI: artefacts', () => {
  it('pushes an artefact version as CI does and lists it first; refuses a push without commit or tag', async () => {
    const token = { HUMANITEC_TOKEN: 'hum_demo_admin_token' };
    const pushed = await cli(
      [
        'push',
        'artefact-version',
        'registry.acme.dev/shop/api:9.1.0',
        '--commit',
        'abcdef1234',
        '--ref',
        'refs/tags/v9.1.0',
        '--digest',
        `sha256:${'9a'.repeat(32)}`,
      ],
      token,
    );
    expect(pushed.err).toBe('');
    expect(pushed.code).toBe(0);
    expect(pushed.out).toMatch(
      /^Pushed registry\.acme\.dev\/shop\/api:9\.1\.0 \(commit abcdef1234, refs\/tags\/v9\.1\.0\) as artefact version [0-9a-f-]{36}\.$/,
    );
    const listed = await cli(['get', 'artefacts'], token);
    expect(listed.code).toBe(0);
    const [header, first] = listed.out.split('\n');
    expect(header).toMatch(/^IMAGE\s+VERSION\s+COMMIT\s+REF\s+PUSHED\s+BY$/);
    expect(first).toMatch(
      /^registry\.acme\.dev\/shop\/api\s+9\.1\.0\s+abcdef1234\s+refs\/tags\/v9\.1\.0\s+\S+\s+alex-admin$/,
    );
    const json = await cli(['get', 'artefacts', '-o', 'json'], token);
    expect((JSON.parse(json.out) as { version: string }[])[0].version).toBe(
      '9.1.0',
    );
    const noCommit = await cli(
      [
        'push',
        'artefact-version',
        'registry.acme.dev/shop/api:9.2.0',
        '--ref',
        'main',
      ],
      token,
    );
    expect([noCommit.code, noCommit.err.split('\n')[0]]).toEqual([
      2,
      'Missing --commit <sha>.',
    ]);
    const noTag = await cli(
      [
        'push',
        'artefact-version',
        'registry.acme.dev/shop/api',
        '--commit',
        'abcdef1',
        '--ref',
        'main',
      ],
      token,
    );
    expect(noTag.code).toBe(2);
    expect(noTag.err).toMatch(/needs <image:tag>/);
    // The developer is not allowed to push: the API's 403 and exit code 3.
    const refused = await cli(
      [
        'push',
        'artefact-version',
        'registry.acme.dev/shop/api:9.3.0',
        '--commit',
        'abcdef1',
        '--ref',
        'main',
      ],
      { HUMANITEC_TOKEN: 'hum_demo_developer_token' },
    );
    expect(refused.code).toBe(3);
    expect(refused.err).toMatch(
      /^Error 403 \(API-403\): Pushing artefact versions needs/,
    );
  });
});
