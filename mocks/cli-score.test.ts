// The CLI's `score deploy` end to end (issue 20 §2): `npm run api` on a free port with a temporary data file, the
// CLI as a child process converting the console's Score samples and deploying them to shop/development.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliHarness } from './testing/cli-harness';

const cli = cliHarness('cli-score-test');
const token = { HUMANITEC_TOKEN: 'hum_demo_developer_token' };
const SAMPLES = fileURLToPath(
  new URL('../src/lib/score/samples/', import.meta.url),
);

/** A sample copied into the test's folder; its path there. */
function copy(name: string): string {
  const to = join(cli.dir, name);
  copyFileSync(join(SAMPLES, name), to);
  return to;
}

const deployTo = [
  'score',
  'deploy',
  '--app',
  'shop',
  '--env',
  'development',
  '--wait',
];

describe('CLI: score deploy', () => {
  it(
    'deploys a sample and reports the deployment',
    { timeout: 120_000 },
    async () => {
      const file = copy('score-deprecated-files-and-volumes.yaml');
      const run = await cli.run([...deployTo, '-f', file], token);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      const [first, header, row] = run.out.split('\n');
      expect(first).toBe(
        `Converted ${file}: workload deprecated-files-example with no resources.`,
      );
      expect(header).toMatch(/^DEPLOYMENT\s+ENV\s+STATUS\s+COMMENT$/);
      expect(row).toMatch(
        /^\S+\s+development\s+succeeded\s+Score: deprecated-files-example from /,
      );

      const json = await cli.run(
        [...deployTo, '-f', file, '-o', 'json'],
        token,
      );
      expect(json.code).toBe(0);
      expect(JSON.parse(json.out)).toMatchObject({
        workload: 'deprecated-files-example',
        deployment: { status: 'succeeded' },
        errors: [],
      });
    },
  );

  it(
    'deploys the dependencies sample where its backend runs (identity/staging) and fails with WL-RES-002 where none does',
    { timeout: 120_000 },
    async () => {
      const files = [
        '-f',
        copy('score-humanitec-03-dependencies.score.yaml'),
        '--extensions',
        copy('score-humanitec-03-dependencies.humanitec.yaml'),
      ];
      const run = await cli.run(
        [
          'score',
          'deploy',
          '--app',
          'identity',
          '--env',
          'staging',
          '--wait',
          ...files,
        ],
        token,
      );
      expect(run.err).toBe('');
      expect(run.out).toContain(
        'workload service-a with resources externals.db (postgres, class sensitive), shared.dns (dns).',
      );
      expect(run.out).toMatch(/\s+staging\s+succeeded\s+Score: service-a/);
      expect(run.code).toBe(0);

      // shop/development has no `backend` workload for ${resources.backend.name} to name.
      const missing = await cli.run([...deployTo, ...files], token);
      expect(missing.code).toBe(1);
      expect(missing.out).toMatch(/\s+failed\s+/);
      expect(missing.out).toMatch(/^WL-RES-002 .*modules\.backend/m);
    },
  );

  it(
    'reads local files next to the Score file and sends --image for "." containers',
    { timeout: 120_000 },
    async () => {
      const file = copy('score-full.yaml');
      writeFileSync(join(cli.dir, 'file.txt'), 'from file.txt');
      const without = await cli.run([...deployTo, '-f', file], token);
      expect([without.code, without.err]).toEqual([
        3,
        expect.stringContaining(
          '`spec.containers.container-two2.image` is "."',
        ),
      ]);
      const run = await cli.run(
        [
          ...deployTo,
          '-f',
          file,
          '--image',
          'registry.acme.dev/two:1.0.0',
          '-o',
          'json',
        ],
        token,
      );
      const answer = JSON.parse(run.out) as {
        errors: { code: string }[];
        set: {
          modules: Record<
            string,
            {
              spec: {
                containers: Record<string, { files?: object; image: string }>;
              };
            }
          >;
        };
      };
      const containers =
        answer.set.modules['example-workload-name123'].spec.containers;
      expect(containers['container-one1'].files).toMatchObject({
        '/my/file': { value: 'from file.txt', mode: '0600' },
      });
      expect(containers['container-two2'].image).toBe(
        'registry.acme.dev/two:1.0.0',
      );
      // Its resource types (Resource-One, ...) are the spec's placeholders: no definition matches them.
      expect(run.code).toBe(1);
      expect(answer.errors[0]).toMatchObject({ code: 'RES-MATCH-001' });
    },
  );

  it('names the field of a bad Score file (exit 3) and a missing option or file (exit 2)', async () => {
    const bad = join(cli.dir, 'bad.yaml');
    writeFileSync(
      bad,
      'apiVersion: score.dev/v1b1\nmetadata:\n  name: web\ncontainers:\n  web: {}\n',
    );
    const refused = await cli.run([...deployTo, '-f', bad], token);
    expect([refused.code, refused.out]).toEqual([3, '']);
    expect(refused.err).toContain('`spec.containers.web.image` is required');
    const noEnv = await cli.run(
      ['score', 'deploy', '--app', 'shop', '-f', bad],
      token,
    );
    expect([noEnv.code, noEnv.err.split('\n')[0]]).toEqual([
      2,
      'Missing --env.',
    ]);
    const noFile = await cli.run(
      [...deployTo, '-f', join(cli.dir, 'nope.yaml')],
      token,
    );
    expect([noFile.code, noFile.err]).toEqual([
      2,
      expect.stringContaining('Cannot read'),
    ]);
  });
});
