/**
 * A small in-memory file system with the promise API isomorphic-git needs
 * (readFile, writeFile, mkdir, rmdir, unlink, readdir, stat, lstat,
 * readlink, symlink, chmod): the browser demo's repository. Its files are
 * saved into IndexedDB in the same transaction as the engine's state
 * (`snapshot`/`restore`, a part of persistence/indexed-db.ts), so a reload
 * finds the commits the state records. Errors carry Node's codes (ENOENT,
 * EEXIST, ENOTDIR), which isomorphic-git checks.
 */
type Entry =
  | { kind: 'file'; data: Uint8Array; mtimeMs: number }
  | { kind: 'dir'; mtimeMs: number };

function fsError(code: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${path}`), { code });
}

function clean(path: string): string {
  const parts = path.split('/').filter((p) => p && p !== '.');
  return `/${parts.join('/')}`;
}

function parentOf(path: string): string {
  return clean(path.slice(0, path.lastIndexOf('/')) || '/');
}

function statOf(entry: Entry) {
  const size = entry.kind === 'file' ? entry.data.length : 0;
  return {
    type: entry.kind,
    mode: entry.kind === 'file' ? 0o100644 : 0o40755,
    size,
    ino: 0,
    mtimeMs: entry.mtimeMs,
    ctimeMs: entry.mtimeMs,
    uid: 1,
    gid: 1,
    dev: 1,
    isFile: () => entry.kind === 'file',
    isDirectory: () => entry.kind === 'dir',
    isSymbolicLink: () => false,
  };
}

/** What {@link createMemoryFs}'s `snapshot` returns: every entry by path (structured-cloneable). */
export type MemoryFsSnapshot = Array<[string, Entry]>;

function isSnapshot(value: unknown): value is MemoryFsSnapshot {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        Array.isArray(item) &&
        typeof item[0] === 'string' &&
        typeof (item[1] as Partial<Entry> | undefined)?.kind === 'string',
    )
  );
}

/**
 * A new, empty in-memory file system (`{ promises }`, as isomorphic-git takes
 * it), with `snapshot()` of its entries, `restore()` of one, and `version`,
 * which every change increments (a saver can skip an unchanged file system).
 */
export function createMemoryFs() {
  const entries = new Map<string, Entry>([['/', { kind: 'dir', mtimeMs: 0 }]]);
  let version = 0;
  const get = (path: string) => {
    const entry = entries.get(clean(path));
    if (!entry) throw fsError('ENOENT', path);
    return entry;
  };
  const promises = {
    async readFile(path: string, options?: { encoding?: string } | string) {
      const entry = get(path);
      if (entry.kind !== 'file') throw fsError('EISDIR', path);
      const encoding =
        typeof options === 'string' ? options : options?.encoding;
      return encoding ? new TextDecoder().decode(entry.data) : entry.data;
    },
    async writeFile(path: string, data: Uint8Array | string) {
      const parent = entries.get(parentOf(clean(path)));
      if (!parent) throw fsError('ENOENT', path);
      if (parent.kind !== 'dir') throw fsError('ENOTDIR', path);
      version += 1;
      entries.set(clean(path), {
        kind: 'file',
        data:
          typeof data === 'string'
            ? new TextEncoder().encode(data)
            : new Uint8Array(data),
        mtimeMs: Date.now(),
      });
    },
    async mkdir(path: string) {
      const at = clean(path);
      if (entries.has(at)) throw fsError('EEXIST', path);
      const parent = entries.get(parentOf(at));
      if (!parent) throw fsError('ENOENT', path);
      version += 1;
      entries.set(at, { kind: 'dir', mtimeMs: Date.now() });
    },
    async rmdir(path: string) {
      const at = clean(path);
      if (get(at).kind !== 'dir') throw fsError('ENOTDIR', path);
      for (const key of entries.keys())
        if (key.startsWith(`${at}/`)) throw fsError('ENOTEMPTY', path);
      version += 1;
      entries.delete(at);
    },
    async unlink(path: string) {
      get(path);
      version += 1;
      entries.delete(clean(path));
    },
    async readdir(path: string) {
      const at = clean(path);
      if (get(at).kind !== 'dir') throw fsError('ENOTDIR', path);
      const prefix = at === '/' ? '/' : `${at}/`;
      return [...entries.keys()]
        .filter(
          (k) =>
            k !== at &&
            k.startsWith(prefix) &&
            !k.slice(prefix.length).includes('/'),
        )
        .map((k) => k.slice(prefix.length));
    },
    async stat(path: string) {
      return statOf(get(path));
    },
    async lstat(path: string) {
      return statOf(get(path));
    },
    async readlink(path: string): Promise<string> {
      throw fsError('EINVAL', path);
    },
    async symlink(_target: string, path: string): Promise<void> {
      throw fsError('EPERM', path);
    },
    async chmod() {},
  };
  return {
    promises,
    get version() {
      return version;
    },
    /** Every entry; file contents are shared, not copied (a write replaces an entry's bytes, never changes them). */
    snapshot(): MemoryFsSnapshot {
      return [...entries];
    },
    /** Replaces every entry by a snapshot's; false (and nothing changed) for anything else. */
    restore(value: unknown): boolean {
      if (!isSnapshot(value)) return false;
      entries.clear();
      for (const [path, entry] of value) entries.set(path, entry);
      if (!entries.has('/')) entries.set('/', { kind: 'dir', mtimeMs: 0 });
      version += 1;
      return true;
    },
  };
}
