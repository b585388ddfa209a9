// The CLI's Operator and GitOps commands end to end (issue 21 §5): `npm run api` on a free port with a temporary
// data file, and `export` and `status` run as child processes against the demo's shop/preview (GitOps) and
// shop/development (direct).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitopsLines } from '../src/cli/gitops';
import { cliHarness } from './testing/cli-harness';

const cli = cliHarness('cli-gitops-test');
const token = { HUMANITEC_TOKEN: 'hum_demo_developer_token' };

describe('CLI: export and status of GitOps environments', () => {
  it('writes the export file and one file per Operator object', async () => {
    const out = join(cli.dir, 'export');
    const run = await cli.run(
      ['export', '--app', 'shop', '--env', 'preview', '-o', out],
      token,
    );
    expect([run.code, run.err]).toEqual([0, '']);
    expect(run.out).toMatch(
      /^Wrote the export of deployment \S+ \(shop\/preview, gitops\)/,
    );
    const files = readdirSync(out).sort();
    const exportFile = files.find((f) => f.startsWith('humanitec-export-'));
    expect(exportFile).toBeDefined();
    expect(readFileSync(join(out, exportFile!), 'utf8')).toMatch(
      /^---\napiVersion: v1\nkind: Namespace\n/,
    );
    expect(files).toContain('namespace-shop-preview.yaml');
    expect(
      files.filter((f) => f.startsWith('workload-')).length,
    ).toBeGreaterThan(0);
    expect(
      readFileSync(join(out, 'namespace-shop-preview.yaml'), 'utf8'),
    ).toContain('humanitec.io/env: preview');
  });

  it("refuses the export of a direct environment with the API's reason (exit 3), and needs -o", async () => {
    const direct = await cli.run(
      [
        'export',
        '--app',
        'shop',
        '--env',
        'development',
        '-o',
        join(cli.dir, 'none'),
      ],
      token,
    );
    expect(direct.code).toBe(3);
    expect(direct.err).toContain('deployed it directly');
    expect(existsSync(join(cli.dir, 'none'))).toBe(false);
    const usage = await cli.run(
      ['export', '--app', 'shop', '--env', 'preview'],
      token,
    );
    expect(usage.code).toBe(2);
  });

  it('status reports the mode, repository and sync of a GitOps environment', async () => {
    const run = await cli.run(['status', 'acme/shop/preview'], token);
    expect(run.err).toBe('');
    expect(run.out).toContain('Mode: gitops (Operator 0.9.0)');
    expect(run.out).toMatch(
      /^Repository: .+ branch main, folder acme\/shop\/preview$/m,
    );
    // The server runs without --gitops-dir: the export is synced, but no commit can be named.
    expect(run.out).toMatch(/^Sync: Synced$/m);
    const json = await cli.run(
      ['status', 'acme/shop/preview', '-o', 'json'],
      token,
    );
    expect(JSON.parse(json.out)).toMatchObject({
      gitops: { mode: 'gitops', sync: { status: 'Synced' }, drift: [] },
    });
    const direct = await cli.run(['status', 'acme/shop/development'], token);
    expect(direct.out).not.toContain('Mode:');
  });
});

describe('gitopsLines', () => {
  it('names each drifted field with the git and the live value, and the objects not Ready', () => {
    expect(
      gitopsLines({
        env_id: 'preview',
        mode: 'gitops',
        operator_version: '0.9.0',
        cluster: null,
        repository: {
          url: 'file:///repo',
          branch: 'main',
          path: 'acme/shop/preview',
        },
        last_commit: null,
        sync: {
          status: 'OutOfSync',
          revision: 'abcdef0123456789',
          synced_at: null,
          next_sync_at: null,
        },
        drift: [
          {
            kind: 'Workload',
            name: 'api',
            field: 'spec.replicas',
            git_value: 1,
            live_value: 3,
          },
        ],
        resources: [
          {
            kind: 'Resource',
            name: 'postgres.shared.db',
            api_version: 'humanitec.io/v1alpha1',
            status: 'Failed',
            conditions: [],
            deploy_id: 'd1',
          },
        ],
        secret_fault: true,
      }),
    ).toEqual([
      'Mode: gitops (Operator 0.9.0)',
      'Repository: file:///repo branch main, folder acme/shop/preview',
      'Sync: OutOfSync at abcdef012345',
      '  drift: Workload api spec.replicas: git 1, live 3',
      '  Resource postgres.shared.db: Failed',
    ]);
    expect(gitopsLines(null)).toEqual([]);
  });
});
