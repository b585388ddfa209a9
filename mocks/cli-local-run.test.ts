// The CLI's run-local end to end (issue 23 §1): `npm run api` on a free port with a temporary data file, the CLI as
// a child process writing shop/development's `api` bundle into a folder, as the console's "Run locally" downloads it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cliHarness } from './testing/cli-harness';

const cli = cliHarness('cli-local-run-test');
const developer = { HUMANITEC_TOKEN: 'hum_demo_developer_token' };
const viewer = { HUMANITEC_TOKEN: 'hum_demo_viewer_token' };
const target = ['--app', 'shop', '--env', 'development', '--workload', 'api'];

type Compose = {
  services: Record<
    string,
    { image: string; environment?: Record<string, string> }
  >;
};

describe('CLI: run-local', () => {
  it(
    'writes compose.yaml, .env (owner-only, secrets left out) and README.md with a local postgres',
    { timeout: 120_000 },
    async () => {
      const dir = join(cli.dir, 'bundle');
      const run = await cli.run(['run-local', ...target, '-o', dir], developer);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toContain(
        'shared.db (postgres): local, service shared-db',
      );
      expect(run.out).toContain(`Run it: cd ${dir} && docker compose up`);
      const compose = parse(
        readFileSync(join(dir, 'compose.yaml'), 'utf8'),
      ) as Compose;
      expect(compose.services['shared-db'].image).toBe('postgres:16');
      // The workload's container reads the database's host, as in the environment.
      expect(compose.services.api.environment?.DB_HOST).toEqual(
        expect.any(String),
      );
      const env = readFileSync(join(dir, '.env'), 'utf8');
      expect(statSync(join(dir, '.env')).mode & 0o777).toBe(0o600);
      expect(env).toContain("The environment's secrets are not included");
      expect(existsSync(join(dir, 'README.md'))).toBe(true);
    },
  );

  it(
    'asks for a resource remote and for the secrets; refuses a viewer the secrets (exit 3) and a missing -o (exit 2)',
    { timeout: 120_000 },
    async () => {
      const dir = join(cli.dir, 'remote');
      const run = await cli.run(
        [
          'run-local',
          ...target,
          '-o',
          dir,
          '--resource',
          'shared.db:remote',
          '--include-secrets',
        ],
        developer,
      );
      expect([run.code, run.err]).toEqual([0, '']);
      expect(run.out).toContain(
        'shared.db (postgres): remote, port forward in README.md',
      );
      expect(run.out).toMatch(
        /^Warning: `\.env` holds the environment's secrets/m,
      );
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain(
        'port-forward',
      );
      expect(readFileSync(join(dir, '.env'), 'utf8')).toContain('WARNING');

      const refused = await cli.run(
        [
          'run-local',
          ...target,
          '-o',
          join(cli.dir, 'viewer'),
          '--include-secrets',
        ],
        viewer,
      );
      expect(refused.code).toBe(3);
      expect(refused.err).toMatch(/^Error 403/);
      expect(existsSync(join(cli.dir, 'viewer'))).toBe(false);

      const missing = await cli.run(['run-local', ...target], developer);
      expect([missing.code, missing.err.split('\n')[0]]).toEqual([
        2,
        'Missing -o <dir>.',
      ]);
    },
  );
});
