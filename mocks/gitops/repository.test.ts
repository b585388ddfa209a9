// The GitOps repository (issue 21 §3): one commit per exported deployment, read back with the git CLI, and the
// repair at start of a crash between a commit and its record.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDelta,
  imageDelta,
  ORG,
  shopBench,
  workload,
  type Bench,
} from '../fixtures/test-engine';
import type { DeltaInput } from '../engine';
import { gitopsRepository, syncGitops } from './repository';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0))
    rmSync(dir, { recursive: true, force: true });
});

function repoDir() {
  const dir = mkdtempSync(join(tmpdir(), 'gitops-'));
  dirs.push(dir);
  return dir;
}

const gitCli = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });

/** shop/development on a GitOps cluster. */
function gitopsBench(): Bench {
  const b = shopBench();
  b.engine.createResourceDefinition(b.admin, ORG, {
    id: 'cluster-gitops',
    name: 'GitOps cluster',
    type: 'k8s-cluster',
    driver_type: 'humanitec/k8s-cluster',
    driver_inputs: {
      values: {
        name: 'test',
        loadbalancer: '10.0.0.9',
        deployment_mode: 'gitops',
      },
    },
    criteria: [{ app_id: 'shop', env_id: 'development' }],
  });
  return b;
}

function deploy(b: Bench, delta: DeltaInput, comment: string) {
  const d = b.engine.createDelta(b.admin, ORG, 'shop', delta);
  const made = b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
    delta_id: d.id,
    comment,
  });
  b.clock.advance(60_000);
  return made.id;
}

describe('the GitOps repository', () => {
  it('makes one commit per exported deployment, by the deploying user, with the comment and the deployment id, in <org>/<app>/<env>/', async () => {
    const b = gitopsBench();
    const dir = repoDir();
    const repo = gitopsRepository(fs, dir, `file://${dir}`);
    const first = deploy(
      b,
      addDelta({ api: workload('reg/api:1'), web: workload('reg/web:1') }),
      'First release',
    );
    expect(await syncGitops(b.engine, repo)).toBe(1);
    const second = deploy(b, imageDelta('api', 'reg/api:2'), 'Bump api');
    expect(await syncGitops(b.engine, repo)).toBe(1);
    expect(await syncGitops(b.engine, repo)).toBe(0);

    const log = gitCli(
      dir,
      'log',
      '--format=%an <%ae>|%s|%(trailers:key=Deployment,valueonly)',
      'main',
    )
      .trim()
      .split('\n')
      .filter(Boolean);
    expect(log).toEqual([
      `Alex Admin <alex.admin@acme.example>|Bump api|${second}`,
      `Alex Admin <alex.admin@acme.example>|First release|${first}`,
    ]);
    expect(
      gitCli(dir, 'ls-tree', '-r', '--name-only', 'main').trim().split('\n'),
    ).toEqual([
      `${ORG}/shop/development/namespace-shop-development.yaml`,
      `${ORG}/shop/development/workload-api.yaml`,
      `${ORG}/shop/development/workload-web.yaml`,
    ]);
    const commit = b.engine.getDeploymentGitops(
      b.admin,
      ORG,
      'shop',
      'development',
      second,
    ).commit;
    expect(commit?.sha).toBe(gitCli(dir, 'rev-parse', 'main').trim());
    // No object names the deployment (the commit's trailer does): only the api's file, whose image changed.
    expect(
      commit?.files.map((f) => [f.path.split('/').at(-1), f.change]),
    ).toEqual([['workload-api.yaml', 'modified']]);
    expect(
      gitCli(dir, 'show', `main:${ORG}/shop/development/workload-api.yaml`),
    ).toContain('image: reg/api:2');
    expect(
      b.engine.getEnvironmentGitops(b.admin, ORG, 'shop', 'development')
        .last_commit?.sha,
    ).toBe(commit?.sha);
    // The branch is refs/heads/main, the bare repository's HEAD: what a controller clones.
    expect(gitCli(dir, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/main');
    expect(gitCli(dir, 'rev-parse', 'refs/heads/main').trim()).toBe(
      commit?.sha,
    );
    expect(gitCli(dir, 'for-each-ref', '--format=%(refname)').trim()).toBe(
      'refs/heads/main',
    );
    // The packs and objects written without git are what git itself would accept.
    expect(() =>
      gitCli(dir, 'fsck', '--strict', '--no-dangling'),
    ).not.toThrow();
  });

  it('deletes the files of objects a deployment no longer has', async () => {
    const b = gitopsBench();
    const dir = repoDir();
    const repo = gitopsRepository(fs, dir, `file://${dir}`);
    deploy(
      b,
      addDelta({ api: workload('reg/api:1'), web: workload('reg/web:1') }),
      'Two',
    );
    await syncGitops(b.engine, repo);
    const removed = deploy(b, { modules: { remove: ['web'] } }, 'Remove web');
    await syncGitops(b.engine, repo);
    const files = b.engine.getDeploymentGitops(
      b.admin,
      ORG,
      'shop',
      'development',
      removed,
    ).commit?.files;
    expect(files).toContainEqual({
      path: `${ORG}/shop/development/workload-web.yaml`,
      change: 'deleted',
    });
    expect(gitCli(dir, 'ls-tree', '-r', '--name-only', 'main')).not.toContain(
      'workload-web.yaml',
    );
  });

  it('repairs a crash at start: an export committed but not recorded is recorded (not committed twice); one not committed is committed', async () => {
    const b = gitopsBench();
    const dir = repoDir();
    const repo = gitopsRepository(fs, dir, `file://${dir}`);
    const first = deploy(b, addDelta({ api: workload('reg/api:1') }), 'First');
    // The crash: the commit was written, the process died before the engine recorded it.
    const [pending] = b.engine.pendingGitopsCommits();
    const made = await repo.commit(pending);
    const second = deploy(b, imageDelta('api', 'reg/api:2'), 'Second');
    expect(b.engine.pendingGitopsCommits().map((p) => p.deployId)).toEqual([
      first,
      second,
    ]);

    // The restart runs the sync: one commit found and recorded, one made.
    expect(
      await syncGitops(b.engine, gitopsRepository(fs, dir, `file://${dir}`)),
    ).toBe(2);
    expect(b.engine.pendingGitopsCommits()).toEqual([]);
    expect(gitCli(dir, 'rev-list', '--count', 'main').trim()).toBe('2');
    expect(
      b.engine.getDeploymentGitops(b.admin, ORG, 'shop', 'development', first)
        .commit?.sha,
    ).toBe(made.sha);
  });
});
