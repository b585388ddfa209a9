// The command-line client end to end: `npm run api` (mocks/server.ts) on a
// free port with a temporary data file, and the CLI (src/cli) run as child
// processes through its commands, checking their output and exit codes.
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHarness } from './testing/cli-harness';

const { dir, run: cli } = cliHarness('cli-test');

describe('CLI against npm run api', () => {
  it('refuses without a token, logs in and keeps the token owner-only', async () => {
    const anonymous = await cli(['get', 'apps', '--org', 'acme']);
    expect(anonymous.code).toBe(3);
    expect(anonymous.err).toMatch(/401.*login --token/s);

    const login = await cli([
      'login',
      '--token',
      'hum_demo_admin_token',
      '--org',
      'acme',
    ]);
    expect(login.code).toBe(0);
    expect(login.out).toContain('Logged in');
    expect(
      statSync(join(dir, 'config', 'platform-console', 'cli.json')).mode &
        0o777,
    ).toBe(0o600);

    const orgs = await cli(['get', 'orgs']);
    expect(orgs.out.split('\n')[0]).toMatch(/^ID\s+NAME$/);
    expect(orgs.out).toContain('acme');
    const apps = await cli(['get', 'apps', '-o', 'json']);
    expect(JSON.parse(apps.out).map((a: { id: string }) => a.id)).toContain(
      'shop',
    );
    const envs = await cli(['get', 'envs', '--app', 'shop', '-o', 'yaml']);
    expect(envs.out).toMatch(/- id: development/);
    const envTypes = await cli(['get', 'env-types']);
    expect(envTypes.out.split('\n')[0]).toMatch(/^ID\s+DESCRIPTION$/);
    expect(envTypes.out).toMatch(
      /^production\s+Environments serving real users\.$/m,
    );
    const deploys = await cli([
      'get',
      'deployments',
      '--app',
      'shop',
      '--env',
      'production',
    ]);
    expect(deploys.code).toBe(0);
    expect(deploys.out).toMatch(/succeeded/);
  }, 120_000);

  it('gives CI an exit code for environment status', async () => {
    const failing = await cli(['status', '--app', 'shop', '--env', 'staging']);
    expect([failing.code, failing.out]).toEqual([
      1,
      expect.stringContaining('shop/staging: Failed'),
    ]);
    expect(failing.out).toContain('CrashLoopBackOff');
    const healthy = await cli([
      'status',
      '--app',
      'shop',
      '--env',
      'production',
      '-o',
      'json',
    ]);
    expect(healthy.code).toBe(0);
    expect(JSON.parse(healthy.out).state).toBe('Healthy');
    const unknown = await cli(['status', '--app', 'shop', '--env', 'nope']);
    expect(unknown.code).toBe(3);
    expect(unknown.err).toContain('`nope` does not exist');
    const usage = await cli(['status', '--app', 'shop']);
    expect(usage.code).toBe(2);
    // The environment as a path, as README's feature list shows it: <org>/<app>/<env> or <app>/<env>.
    const byPath = await cli(['status', 'acme/shop/production']);
    expect([byPath.code, byPath.out.split('\n')[0]]).toEqual([
      0,
      'shop/production: Healthy',
    ]);
    const short = await cli(['status', 'shop/staging']);
    expect([short.code, short.out.split('\n')[0]]).toEqual([
      1,
      'shop/staging: Failed',
    ]);
    const notAPath = await cli(['status', 'shop']);
    expect([notAPath.code, notAPath.err]).toEqual([
      2,
      expect.stringContaining('<org>/<app>/<env>'),
    ]);
  }, 120_000);

  it('diffs two deployments as canonical YAML, deploys a delta file and clones workloads', async () => {
    const diff = await cli(['diff', '--app', 'shop', 'staging', 'production']);
    expect(diff.code).toBe(0);
    expect(diff.out).toMatch(/^--- staging\/\w+\n\+\+\+ production\/\w+/);
    expect(diff.out).toContain(
      '-          image: registry.acme.dev/shop/cart:1.1.0-rc.1',
    );

    const file = join(dir, 'delta.json');
    writeFileSync(
      file,
      JSON.stringify({
        modules: {
          update: {
            api: [
              {
                op: 'replace',
                path: '/spec/containers/api/image',
                value: 'registry.acme.dev/shop/api:9.9.9',
              },
            ],
          },
        },
      }),
    );
    const deployed = await cli([
      'deploy',
      '--app',
      'shop',
      '--env',
      'development',
      '--file',
      file,
      '--comment',
      'From the CLI',
      '--wait',
    ]);
    expect(deployed.code).toBe(0);
    expect(deployed.out).toMatch(/succeeded\s+From the CLI/);

    const partial = await cli([
      'clone',
      '--app',
      'shop',
      '--from',
      'production',
      '--to',
      'staging',
      '--workload',
      'cart',
      '--wait',
    ]);
    expect(partial.code).toBe(0);
    // The direct entry under the tsx binary (every other run is `npm run cli`'s `node src/cli/bin.mjs`).
    const fixed = await cli(
      ['status', '--app', 'shop', '--env', 'staging'],
      {},
      'src/cli/main.ts',
    );
    expect([fixed.code, fixed.out.split('\n')[0]]).toEqual([
      0,
      'shop/staging: Healthy',
    ]);

    const full = await cli([
      'clone',
      '--app',
      'shop',
      '--from',
      'production',
      '--to',
      'preview',
      '--type',
      'development',
      '--wait',
      '-o',
      'json',
    ]);
    expect(full.code).toBe(0);
    expect(JSON.parse(full.out)).toMatchObject({
      env_id: 'preview',
      status: 'succeeded',
    });
    const same = await cli(['diff', '--app', 'shop', 'production', 'preview']);
    expect(same.out).toMatch(/^No differences/);

    const bad = await cli([
      'deploy',
      '--app',
      'shop',
      '--env',
      'development',
      '--file',
      join(dir, 'missing.json'),
    ]);
    expect([bad.code, bad.err]).toEqual([
      2,
      expect.stringContaining('Cannot read'),
    ]);
  }, 180_000);

  it('sets, lists and unsets values; a secret shows as (secret), get secrets lists keys only', async () => {
    const SECRET = 'cli-planted-secret-0c7e';
    const admin = (args: string[]) =>
      cli(args, { HUMANITEC_TOKEN: 'hum_demo_admin_token' });
    const set = await admin([
      'set',
      'value',
      'acme/shop/development',
      'CLI_GREETING=hello',
    ]);
    expect([set.code, set.out]).toEqual([
      0,
      'Set CLI_GREETING in shop/development.',
    ]);
    const changed = await admin([
      'set',
      'value',
      'acme/shop/development',
      'CLI_GREETING=hi',
    ]);
    expect(changed.out).toBe('Changed CLI_GREETING in shop/development.');
    const secret = await admin([
      'set',
      'value',
      'acme/shop',
      `CLI_TOKEN=${SECRET}`,
      '--secret',
    ]);
    expect(secret.out).toMatch(
      /^Set CLI_TOKEN in shop \(secret, version \S+\)\.$/,
    );
    const values = await admin([
      'get',
      'values',
      'acme/shop/development',
      '-o',
      'json',
    ]);
    const rows = JSON.parse(values.out) as {
      key: string;
      value: string;
      source: string;
    }[];
    expect(rows.find((r) => r.key === 'CLI_GREETING')).toMatchObject({
      value: 'hi',
      source: 'env',
    });
    expect(rows.find((r) => r.key === 'CLI_TOKEN')).toMatchObject({
      value: '(secret)',
      source: 'app',
    });
    const secrets = await admin(['get', 'secrets', 'acme/shop']);
    expect(secrets.out).toMatch(/^KEY\s+FROM\s+STORE\s+VERSION$/m);
    expect(secrets.out).toContain('CLI_TOKEN');
    expect(secrets.out).not.toContain('LOG_LEVEL');
    expect(`${values.out}${secrets.out}${secret.out}`).not.toContain(SECRET);
    const unset = await admin([
      'unset',
      'value',
      'acme/shop/development',
      'CLI_GREETING',
    ]);
    expect(unset.out).toBe('Deleted CLI_GREETING from shop/development.');
    const again = await admin([
      'unset',
      'value',
      'acme/shop/development',
      'CLI_GREETING',
    ]);
    expect(again.code).toBe(3);
    const usage = await admin(['set', 'value', 'acme/shop', 'NOEQUALS']);
    expect(usage.code).toBe(2);
  }, 120_000);
});
