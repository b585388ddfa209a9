// The CLI's resource commands end to end (issue 20 §4): `npm run api` on a free port with a temporary data file,
// and `get resource-definitions`, `get active-resources` and `explain-match` run as child processes.
import { describe, expect, it } from 'vitest';
import { cliHarness } from './testing/cli-harness';

const { run: cli } = cliHarness('cli-resources-test');
const token = { HUMANITEC_TOKEN: 'hum_demo_developer_token' };

describe('CLI: resource definitions, active resources and matching', () => {
  it('lists the definitions with their criteria, and what shop/development provisioned', async () => {
    const defs = await cli(['get', 'resource-definitions'], token);
    expect(defs.err).toBe('');
    expect(defs.code).toBe(0);
    const lines = defs.out.split('\n');
    expect(lines[0]).toMatch(/^ID\s+TYPE\s+DRIVER\s+CRITERIA$/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^postgres-dev\s+postgres\s+humanitec\/postgres\s+env_type=development$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^postgres-default\s+postgres\s+\S+\s+\(any\)$/),
    );

    const active = await cli(
      ['get', 'active-resources', '--app', 'shop', '--env', 'development'],
      token,
    );
    expect(active.code).toBe(0);
    expect(active.out).toMatch(
      /^shared\.db\s+postgres\s+default\s+postgres-dev\s+humanitec\/postgres\s+active\s+\S+$/m,
    );
    const missing = await cli(
      ['get', 'active-resources', '--app', 'shop'],
      token,
    );
    expect([missing.code, missing.err.split('\n')[0]]).toEqual([
      2,
      'Missing --env.',
    ]);
  });

  it('explains which definition a resource matches, and says so when none does', async () => {
    const explained = await cli(
      [
        'explain-match',
        '--app',
        'shop',
        '--env',
        'production',
        '--type',
        'postgres',
        '--res',
        'shared.db',
      ],
      token,
    );
    expect(explained.code).toBe(0);
    const [head, , header, first] = explained.out.split('\n');
    expect(head).toBe(
      'shared.db (postgres, class default) in shop/production: definition postgres-prod (driver humanitec/postgres).',
    );
    expect(header).toMatch(/^RANK\s+DEFINITION\s+OUTCOME\s+WHY$/);
    expect(first).toMatch(/^1\s+postgres-prod\s+won\s+/);
    expect(explained.out).toMatch(/postgres-dev\s+not-matched/);

    const none = await cli(
      [
        'explain-match',
        '--app',
        'shop',
        '--env',
        'production',
        '--type',
        'postgres',
        '--class',
        'large',
        '--res',
        'shared.db',
      ],
      token,
    );
    expect(none.code).toBe(0);
    expect(none.out.split('\n')[0]).toBe(
      'shared.db (postgres, class large) in shop/production: no definition matches; a deployment would fail with RES-MATCH-001.',
    );
    const json = await cli(
      [
        'explain-match',
        '--app',
        'shop',
        '--env',
        'production',
        '--type',
        'postgres',
        '--res',
        'shared.db',
        '-o',
        'json',
      ],
      token,
    );
    expect(
      (JSON.parse(json.out) as { winner: { def_id: string } }).winner.def_id,
    ).toBe('postgres-prod');
    const noType = await cli(
      ['explain-match', '--app', 'shop', '--env', 'production', '--res', 'x'],
      token,
    );
    expect([noType.code, noType.err.split('\n')[0]]).toEqual([
      2,
      'Missing --type.',
    ]);
  });
});
