// The browser demo's GitOps repository is saved into IndexedDB with the engine state, in one transaction, so a reload
// (a new worker: a new file system and engine from what was stored) finds the commits the state records.
import git from 'isomorphic-git';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_ORG_ID, type Engine } from '../engine';
import {
  createIndexedDbStore,
  type KeyValueStorage,
} from '../persistence/indexed-db';
import { createDemoEngine, resetTestEngine } from '../runtime';
import {
  attachBrowserGitops,
  createBrowserGitopsFs,
  gitopsRepositoryPart,
} from './browser';

const KEY = 'test/engine-state';
const REPO_KEY = `${KEY}/gitops-repository`;

/** A key/value storage whose setMany is one "transaction": each call's keys are recorded together. */
function memoryStorage() {
  const map = new Map<string, unknown>();
  const transactions: string[][] = [];
  const storage: KeyValueStorage = {
    get: async (key) => map.get(key),
    set: async (key, value) => {
      transactions.push([key]);
      map.set(key, structuredClone(value));
    },
    del: async (key) => {
      map.delete(key);
    },
    getMany: async (keys) => keys.map((key) => map.get(key)),
    setMany: async (entries) => {
      transactions.push(entries.map(([key]) => key));
      for (const [key, value] of entries) map.set(key, structuredClone(value));
    },
    delMany: async (keys) => {
      for (const key of keys) map.delete(key);
    },
  };
  return { map, storage, transactions };
}

/** A worker's start: a file system, a store with the repository as its part, the saved state if any. */
async function startWorker(storage: KeyValueStorage, fresh?: Engine) {
  const fs = createBrowserGitopsFs();
  const store = createIndexedDbStore({
    key: KEY,
    storage,
    events: new EventTarget(),
    parts: [gitopsRepositoryPart(fs)],
  });
  const state = await store.load();
  const engine = fresh ?? createDemoEngine({ state: state!, adoptState: true });
  store.attach(engine);
  return { fs, store, engine };
}

/** The sha and message of each commit on main, newest first. */
async function log(fs: ReturnType<typeof createBrowserGitopsFs>) {
  const commits = await git.log({
    fs: fs as never,
    gitdir: '/gitops',
    ref: 'refs/heads/main',
  });
  return commits.map((c) => ({ sha: c.oid, message: c.commit.message }));
}

/** The newest GitOps commit the engine records for shop/preview. */
function recordedCommit(engine: Engine) {
  const admin = engine.authenticate('hum_demo_admin_token');
  return engine.getEnvironmentGitops(admin, DEMO_ORG_ID, 'shop', 'preview')
    .last_commit;
}

describe("the browser demo's repository, saved with the engine state", () => {
  it('commits the seeded GitOps deployment, saves state and repository in one transaction, and a reload has both', async () => {
    const { storage, transactions } = memoryStorage();
    const first = await startWorker(storage, resetTestEngine().engine);
    await attachBrowserGitops(first.engine, first.fs);
    const commit = recordedCommit(first.engine);
    expect(commit?.sha).toMatch(/^[0-9a-f]{40}$/);
    await first.store.save();
    expect(transactions).toEqual([[KEY, REPO_KEY]]);

    const reloaded = await startWorker(storage);
    expect(recordedCommit(reloaded.engine)?.sha).toBe(commit!.sha);
    expect((await log(reloaded.fs)).map((c) => c.sha)).toEqual([commit!.sha]);
    await attachBrowserGitops(reloaded.engine, reloaded.fs);
    // Nothing was pending: the reload commits nothing again.
    expect(await log(reloaded.fs)).toHaveLength(1);
  });

  it('writes the repository again only when it changed', async () => {
    const { storage, transactions } = memoryStorage();
    const worker = await startWorker(storage, resetTestEngine().engine);
    await attachBrowserGitops(worker.engine, worker.fs);
    await worker.store.save();
    const admin = worker.engine.authenticate('hum_demo_admin_token');
    worker.engine.createApp(admin, DEMO_ORG_ID, { id: 'other', name: 'o' });
    await worker.store.save();
    expect(transactions).toEqual([[KEY, REPO_KEY], [KEY]]);
  });

  it('commits at start an export whose state was saved before its commit (a crash between them)', async () => {
    const { storage } = memoryStorage();
    const crashed = await startWorker(storage, resetTestEngine().engine);
    await crashed.store.save(); // the seeded export is pending: no commit yet
    expect(crashed.engine.pendingGitopsCommits()).toHaveLength(1);

    const restarted = await startWorker(storage);
    expect(recordedCommit(restarted.engine)).toBeNull();
    await attachBrowserGitops(restarted.engine, restarted.fs);
    const [newest] = await log(restarted.fs);
    expect(recordedCommit(restarted.engine)?.sha).toBe(newest!.sha);
    expect(restarted.engine.pendingGitopsCommits()).toEqual([]);
  });

  it('starts with an empty repository when the saved one is unusable', async () => {
    const { storage, map } = memoryStorage();
    const first = await startWorker(storage, resetTestEngine().engine);
    await first.store.save();
    map.set(REPO_KEY, 'not a file system');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reloaded = await startWorker(storage);
    expect(warn).toHaveBeenCalledWith(
      '[mock api] the saved gitops-repository is unusable',
    );
    warn.mockRestore();
    expect(await reloaded.fs.promises.readdir('/')).toEqual([]);
  });
});
