// The CLI's artefact commands end to end: `npm run api` on a free port with a temporary data file, and
// `push artefact-version` / `get artefacts` run as child processes (output and exit codes).
import { describe, expect, it } from 'vitest';
import { cliHarness } from './testing/cli-harness';

const { run: cli } = cliHarness('cli-artefacts-test');

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
