// `npm run api -- --gitops-dir DIR` (issue 21 §3): a deployment the journal holds but the repository lacks (the
// server stopped before its commit) is committed at the next start; a deployment made while it runs is committed
// and recorded; `git log` shows one commit per deployment, by its author, with its id.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createManualClock } from '../engine';
import { DEMO_ORG_ID, DEMO_TOKENS } from '../fixtures';
import { startServer } from '../server';

const dir = mkdtempSync(join(tmpdir(), 'gitops-server-'));
const dataFile = join(dir, 'data.json');
const gitopsDir = join(dir, 'repo');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const preview = `/orgs/${DEMO_ORG_ID}/apps/shop/envs/preview`;
/** The injected clock: a deployment finishes when the test moves it on. */
const clock = createManualClock(Date.now());
const gitLog = () =>
  execFileSync(
    'git',
    [
      '-C',
      gitopsDir,
      'log',
      '--format=%an|%(trailers:key=Deployment,valueonly)',
      'main',
    ],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter((line) => line.includes('|'))
    .map((line) => line.trim());

async function deployPreview(url: string, comment: string): Promise<string> {
  const headers = {
    Authorization: `Bearer ${DEMO_TOKENS.administrator}`,
    'Content-Type': 'application/json',
  };
  const env = (await (await fetch(`${url}${preview}`, { headers })).json()) as {
    last_deploy: { set_id: string };
  };
  const made = await fetch(`${url}${preview}/deploys`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ set_id: env.last_deploy.set_id, comment }),
  });
  expect(made.status).toBe(201);
  return ((await made.json()) as { id: string }).id;
}

describe('npm run api -- --gitops-dir', () => {
  it('commits at start what the journal holds but the repository lacks, then every new GitOps deployment', async () => {
    // A server without the repository: the deployment is journaled, its commit never made.
    const first = await startServer({ port: 0, dataFile, clock });
    const missed = await deployPreview(
      first.url,
      'Made while no repository was attached',
    );
    await first.close();

    const lines: string[] = [];
    const second = await startServer({
      port: 0,
      dataFile,
      gitopsDir,
      clock,
      log: (line) => lines.push(line),
    });
    try {
      expect(lines.join('\n')).toContain(`GitOps repository: ${gitopsDir}`);
      // Repaired at start: the seeded preview deployment and the missed one, oldest first.
      expect(second.engine.pendingGitopsCommits()).toEqual([]);
      expect(gitLog()[0]).toBe(`Alex Admin|${missed}`);
      clock.advance(60_000);
      const made = await deployPreview(second.url, 'Made while it runs');
      await vi.waitFor(() => expect(gitLog()[0]).toBe(`Alex Admin|${made}`), {
        timeout: 10_000,
      });
      const head = execFileSync('git', ['-C', gitopsDir, 'rev-parse', 'main'], {
        encoding: 'utf8',
      }).trim();
      await vi.waitFor(async () => {
        const answer = await fetch(
          `${second.url}${preview}/deploys/${made}/console/gitops`,
          { headers: { Authorization: `Bearer ${DEMO_TOKENS.administrator}` } },
        );
        expect(
          ((await answer.json()) as { commit: { sha: string } | null }).commit
            ?.sha,
        ).toBe(head);
      });
      const status = (await (
        await fetch(`${second.url}${preview}/console/gitops`, {
          headers: { Authorization: `Bearer ${DEMO_TOKENS.administrator}` },
        })
      ).json()) as {
        repository: { url: string; branch: string; path: string };
      };
      expect(status.repository).toEqual({
        url: `file://${gitopsDir}`,
        branch: 'main',
        path: `${DEMO_ORG_ID}/shop/preview`,
      });
    } finally {
      await second.close();
    }
    // The recorded commits were journaled: a restart has nothing to commit.
    const third = await startServer({ port: 0, dataFile, gitopsDir, clock });
    try {
      expect(third.engine.pendingGitopsCommits()).toEqual([]);
      expect(gitLog().length).toBe(3);
    } finally {
      await third.close();
    }
  });
});
