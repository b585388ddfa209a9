/**
 * The GitOps repository of the browser demo (issue 21 §3): the same port as
 * `npm run api -- --gitops-dir` (repository.ts) over an in-memory file system
 * (memory-fs.ts; lightning-fs does not load in a worker: its text encoder
 * reads `window`), so the embedded engine's GitOps deployments become commits
 * (sha, files changed) the console shows. The repository's files are a part of
 * the engine's IndexedDB store ({@link gitopsRepositoryPart}), written in the
 * same transaction as the state that records its commits: a reload resumes
 * both, and an export saved before its commit was recorded is committed (or
 * found by its trailer) at start, as on the server. isomorphic-git's browser
 * build uses the global `Buffer`; the worker has none, so the `buffer`
 * package provides it.
 */
import { Buffer } from 'buffer';
import type { Engine } from '../engine';
import type { PersistedPart } from '../persistence/indexed-db';
import { createMemoryFs } from './memory-fs';
import { gitopsRepository, gitopsSyncer, type GitFs } from './repository';

/** Where the browser demo's repository is (shown by the GitOps status). */
export const BROWSER_GITOPS_URL =
  'memory://platform-console-gitops (in the browser demo)';

/** The file system the browser demo's repository lives in. */
export type BrowserGitopsFs = ReturnType<typeof createMemoryFs>;

/** A new, empty file system for the repository (filled by the store's load when a state is saved). */
export function createBrowserGitopsFs(): BrowserGitopsFs {
  return createMemoryFs();
}

/** The repository's files as a part of the engine's IndexedDB store (saved with the state). */
export function gitopsRepositoryPart(fs: BrowserGitopsFs): PersistedPart {
  return {
    name: 'gitops-repository',
    get version() {
      return fs.version;
    },
    snapshot: () => fs.snapshot(),
    restore: (value) => fs.restore(value),
  };
}

/**
 * Commits the engine's GitOps exports into the repository in `memoryFs`, now
 * and after every change; resolves when the exports pending at start (the
 * seed's, or one saved before its commit) are committed, so that the first
 * answer already names their commits.
 */
export function attachBrowserGitops(
  engine: Engine,
  memoryFs: BrowserGitopsFs = createBrowserGitopsFs(),
): Promise<void> {
  const scope = globalThis as { Buffer?: unknown };
  scope.Buffer ??= Buffer;
  const fs = memoryFs as unknown as GitFs;
  const syncer = gitopsSyncer(
    () => engine,
    gitopsRepository(fs, '/gitops', BROWSER_GITOPS_URL),
    () => {},
    (error) => console.warn('[mock api] GitOps repository', error),
  );
  engine.subscribe((change) => {
    if (change === 'state') void syncer.sync();
  });
  return syncer.sync();
}
