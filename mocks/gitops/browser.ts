/**
 * The GitOps repository of the browser demo (issue 21 §3): the same port as
 * `npm run api -- --gitops-dir` (repository.ts) over an in-memory file system
 * (memory-fs.ts; lightning-fs does not load in a worker: its text encoder
 * reads `window`), so the embedded engine's GitOps deployments become commits
 * (sha, files changed) the console shows; the commits stay recorded in the
 * engine's saved state, the repository lives as long as the worker. isomorphic-git's browser build uses the
 * global `Buffer`; the worker has none, so the `buffer` package provides it.
 */
import { Buffer } from 'buffer';
import type { Engine } from '../engine';
import { createMemoryFs } from './memory-fs';
import { gitopsRepository, gitopsSyncer, type GitFs } from './repository';

/** Where the browser demo's repository is (shown by the GitOps status). */
export const BROWSER_GITOPS_URL =
  'memory://platform-console-gitops (in the browser demo)';

/** Commits the engine's GitOps exports into the IndexedDB repository, now and after every change. */
export function attachBrowserGitops(engine: Engine): void {
  const scope = globalThis as { Buffer?: unknown };
  scope.Buffer ??= Buffer;
  const fs = createMemoryFs() as unknown as GitFs;
  const syncer = gitopsSyncer(
    () => engine,
    gitopsRepository(fs, '/gitops', BROWSER_GITOPS_URL),
    () => {},
    (error) => console.warn('[mock api] GitOps repository', error),
  );
  engine.subscribe((change) => {
    if (change === 'state') void syncer.sync();
  });
  void syncer.sync();
}
