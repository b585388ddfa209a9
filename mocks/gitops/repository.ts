/**
 * The GitOps repository port (issue 21 §3): the engine stays pure and only
 * lists the exports no commit was recorded for (`pendingGitopsCommits`); this
 * module writes them into a real (bare) git repository with isomorphic-git,
 * one commit per exported deployment on the branch `main`, the environment's
 * folder `<org>/<app>/<env>/` holding one YAML file per object (files of
 * objects the deployment no longer has are deleted), authored by the
 * deploying user at the deployment's time, message = the comment and a
 * `Deployment: <id>` trailer. It then records the commit in the engine
 * (`recordGitopsCommit`), which the server journals.
 *
 * Atomic with the deployment record: the export is in the journal before the
 * commit is made; a crash before the commit leaves it pending (committed at the
 * next start), a crash after the commit but before it was recorded is found
 * by its trailer and recorded instead of committed twice ({@link syncGitops}
 * runs at every start). The file system is injected: Node's `fs` for the
 * server, any isomorphic-git compatible one (e.g. lightning-fs) elsewhere.
 */
import git, { type PromiseFsClient } from 'isomorphic-git';
import type { Engine, GitopsCommitRecord, PendingCommit } from '../engine';
import { GITOPS_BRANCH } from '../engine';

/** The branch's full ref: isomorphic-git's commit writes a short `ref` as given (<gitdir>/main), not under refs/heads. */
const BRANCH_REF = `refs/heads/${GITOPS_BRANCH}`;
import { writeBlobPack } from './pack';

/** What isomorphic-git needs of a file system (Node's `fs` or lightning-fs). */
export type GitFs = PromiseFsClient;

/** A repository the GitOps exports are committed to. */
export interface GitopsRepository {
  /** Where a GitOps controller reads it (a file:// URL for a directory). */
  readonly url: string;
  /** The commit of an export made earlier (found by its trailer), if any. */
  findCommit(deployId: string): Promise<GitopsCommitRecord | undefined>;
  /** Commits an export: the environment's folder becomes exactly its files. */
  commit(pending: PendingCommit): Promise<GitopsCommitRecord>;
}

const TRAILER = 'Deployment: ';

/** The `Deployment: <id>` trailer of a commit message. */
function deployIdOf(message: string): string | undefined {
  for (const line of message.split('\n'))
    if (line.startsWith(TRAILER)) return line.slice(TRAILER.length).trim();
  return undefined;
}

async function exists(fs: GitFs, path: string): Promise<boolean> {
  try {
    await fs.promises.stat(path);
    return true;
  } catch {
    return false;
  }
}

async function mkdirs(fs: GitFs, dir: string, path: string): Promise<void> {
  let at = dir;
  for (const part of path.split('/')) {
    at = `${at}/${part}`;
    if (!(await exists(fs, at))) await fs.promises.mkdir(at);
  }
}

type TreeEntry = {
  mode: string;
  path: string;
  oid: string;
  type: 'blob' | 'tree' | 'commit';
};

/** The entries of the tree at `path` (a/b/c) under the root tree `root`; empty when it does not exist. */
async function treeAt(
  fs: GitFs,
  gitdir: string,
  root: string | undefined,
  path: string[],
): Promise<TreeEntry[]> {
  let oid = root;
  for (const part of path) {
    if (!oid) return [];
    const { tree } = await git.readTree({ fs, gitdir, oid });
    oid = tree.find((e) => e.path === part && e.type === 'tree')?.oid;
  }
  if (!oid) return [];
  return (await git.readTree({ fs, gitdir, oid })).tree as TreeEntry[];
}

/** Writes `entries` as the tree at `path` under `root` and every tree above it; the new root's oid. */
async function replaceTree(
  fs: GitFs,
  gitdir: string,
  root: string | undefined,
  path: string[],
  entries: TreeEntry[],
): Promise<string> {
  let oid = await git.writeTree({ fs, gitdir, tree: entries });
  for (let depth = path.length - 1; depth >= 0; depth -= 1) {
    const siblings = (
      await treeAt(fs, gitdir, root, path.slice(0, depth))
    ).filter((e) => e.path !== path[depth]);
    const tree = [...siblings];
    if (entries.length > 0 || depth < path.length - 1)
      tree.push({ mode: '040000', path: path[depth], oid, type: 'tree' });
    oid = await git.writeTree({ fs, gitdir, tree });
  }
  return oid;
}

/**
 * A bare repository in directory `dir` of file system `fs` (created on first
 * use, branch `main`): what a GitOps controller clones. Blobs and trees are
 * written directly (no working tree, no index), so a commit costs the files it
 * writes and the trees above their folder.
 */
export function gitopsRepository(
  fs: GitFs,
  dir: string,
  url: string,
): GitopsRepository {
  const gitdir = dir;
  let ready: Promise<void> | undefined;
  const init = () =>
    (ready ??= (async () => {
      if (await exists(fs, `${gitdir}/HEAD`)) return;
      await mkdirs(fs, '', gitdir.replace(/^\//, ''));
      await git.init({ fs, gitdir, bare: true, defaultBranch: GITOPS_BRANCH });
    })());
  const commits = async () => {
    try {
      return await git.log({ fs, gitdir, ref: BRANCH_REF });
    } catch {
      return []; // no commit yet
    }
  };
  const head = async () => {
    try {
      return await git.resolveRef({ fs, gitdir, ref: BRANCH_REF });
    } catch {
      return undefined;
    }
  };
  return {
    url,
    async findCommit(deployId) {
      await init();
      const found = (await commits()).find(
        (c) => deployIdOf(c.commit.message) === deployId,
      );
      if (!found) return undefined;
      const { author, message } = found.commit;
      return {
        sha: found.oid,
        message,
        author_name: author.name,
        author_email: author.email,
        committed_at: new Date(author.timestamp * 1000).toISOString(),
        files: await changedFiles(
          fs,
          gitdir,
          found.oid,
          found.commit.parent[0],
        ),
      };
    },
    async commit(pending) {
      await init();
      const folder = pending.folder.split('/');
      const parent = await head();
      const root = parent
        ? (await git.readCommit({ fs, gitdir, oid: parent })).commit.tree
        : undefined;
      const before = new Map(
        (await treeAt(fs, gitdir, root, folder)).map((e) => [e.path, e.oid]),
      );
      const names = Object.keys(pending.files).sort();
      // One pack for the export's files (pack.ts), not a loose object file each.
      const oids = await writeBlobPack(
        fs,
        gitdir,
        names.map((name) => new TextEncoder().encode(pending.files[name])),
      );
      const files: GitopsCommitRecord['files'] = [];
      const entries: TreeEntry[] = names.map((name, i) => {
        const old = before.get(name);
        if (old !== oids[i])
          files.push({
            path: `${pending.folder}/${name}`,
            change: old === undefined ? 'added' : 'modified',
          });
        return { mode: '100644', path: name, oid: oids[i], type: 'blob' };
      });
      for (const name of before.keys())
        if (!(name in pending.files))
          files.push({ path: `${pending.folder}/${name}`, change: 'deleted' });
      const tree = await replaceTree(fs, gitdir, root, folder, entries);
      const when = Math.floor(pending.atMs / 1000);
      const author = {
        name: pending.authorName,
        email: pending.authorEmail,
        timestamp: when,
        timezoneOffset: 0,
      };
      const sha = await git.commit({
        fs,
        gitdir,
        ref: BRANCH_REF,
        message: pending.message,
        author,
        committer: author,
        tree,
        parent: parent ? [parent] : [],
      });
      return {
        sha,
        message: pending.message,
        author_name: pending.authorName,
        author_email: pending.authorEmail,
        committed_at: new Date(when * 1000).toISOString(),
        files: files.sort((x, y) => (x.path < y.path ? -1 : 1)),
      };
    },
  };
}

/** The files a commit changed against its parent (within `folder` when given), sorted. */
async function changedFiles(
  fs: GitFs,
  gitdir: string,
  sha: string,
  parent: string | undefined,
  folder?: string,
): Promise<GitopsCommitRecord['files']> {
  const trees = parent
    ? [git.TREE({ ref: parent }), git.TREE({ ref: sha })]
    : [git.TREE({ ref: sha })];
  const files: GitopsCommitRecord['files'] = [];
  await git.walk({
    fs,
    gitdir,
    trees,
    map: async (path, entries) => {
      if (path === '.') return true;
      if (folder && !(folder.startsWith(path) || path.startsWith(folder)))
        return null;
      const [before, after] = parent ? entries : [null, entries[0]];
      const type = (await after?.type()) ?? (await before?.type());
      if (type === 'tree') return true;
      const a = await before?.oid();
      const b = await after?.oid();
      if (a === b) return null;
      files.push({
        path,
        change: !a ? 'added' : !b ? 'deleted' : 'modified',
      });
      return true;
    },
  });
  return files.sort((x, y) => (x.path < y.path ? -1 : 1));
}

/**
 * Commits every pending export in order and records each commit in the
 * engine; an export whose commit exists already (a crash after committing) is
 * recorded, not committed again. Returns how many were recorded.
 */
export async function syncGitops(
  engine: Engine,
  repository: GitopsRepository,
): Promise<number> {
  let recorded = 0;
  for (const pending of engine.pendingGitopsCommits()) {
    const commit =
      (await repository.findCommit(pending.deployId)) ??
      (await repository.commit(pending));
    if (engine.recordGitopsCommit(pending, commit)) recorded += 1;
  }
  return recorded;
}

/**
 * Runs {@link syncGitops} one at a time: a call while one runs asks for one
 * more run after it (changes that arrive meanwhile are not missed).
 */
export function gitopsSyncer(
  engine: () => Engine,
  repository: GitopsRepository,
  onRecorded: () => void,
  onError: (error: unknown) => void,
): { sync(): Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        if ((await syncGitops(engine(), repository)) > 0) onRecorded();
      } catch (error) {
        onError(error);
      }
    } while (again);
    running = undefined;
  };
  return {
    sync() {
      if (running) {
        again = true;
        return running;
      }
      running = run();
      return running;
    },
  };
}
