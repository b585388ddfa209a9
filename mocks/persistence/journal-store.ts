/**
 * The store of `npm run api`: a snapshot plus an append-only journal.
 *
 * - `<data>` (e.g. `.api-data.json`): a snapshot of the engine state as JSON,
 *   replaced atomically (writeFileAtomic).
 * - `<data>.journal`: a header line naming the snapshot it follows (the SHA-1
 *   of the snapshot file), then one line per acknowledged change: a checksum
 *   and the JSON patch operations of the change (engine/core/state-changes.ts).
 *   A write appends one line and fdatasyncs it before the answer leaves, so it
 *   costs the size of the change, not of the state. When the journal outgrows
 *   the snapshot it is compacted: a new snapshot, a new empty journal.
 * - `<data>.lock`: the pid of the one server using the data; a second server
 *   refuses to start and names that process. A lock left by a process that is
 *   gone (SIGKILL) is taken over.
 *
 * Recovery: read the snapshot, replay the journal. A last record without its
 * newline or with a wrong checksum was torn by a crash before it was
 * acknowledged: it is dropped (the journal is cut back to the last whole
 * record). Anything else that does not read back (a snapshot that is not
 * JSON or not a state of this version, a broken record in it, a journal of
 * another snapshot, a damaged record in the middle) refuses to start with
 * what is wrong and how to proceed; `--reset` moves the files aside
 * explicitly. Temporary files of a write that was killed are removed at start.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fdatasyncSync,
  fstatSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { applyPatch, type EngineState, type PatchOp } from '../engine';
import { writeFileAtomic } from './file-store';
import { findStateProblem } from './state-check';

const JOURNAL_FORMAT = 'platform-console-api-journal';
const JOURNAL_VERSION = 1;

/** The data cannot be used as it is; the message says what is wrong and what to do. */
export class DataFileError extends Error {
  override name = 'DataFileError';
}

/** Options of {@link openStore}. */
export interface StoreOptions {
  /** Move the data file and its journal aside (`<file>.reset-<time>`) and start from the seed. */
  reset?: boolean;
  /** Start-up notes (recovery, a stale lock taken over, leftovers removed). */
  log?: (line: string) => void;
  now?: () => Date;
  /** Compact when the journal is larger than this many bytes and than the snapshot (default 8 MiB). */
  compactBytes?: number;
  /** `false` skips the fdatasync of each record (only to generate a journal quickly, e.g. in the benchmark). */
  durable?: boolean;
}

/** An open store; the caller holds its lock until {@link JournalStore.close}. */
export interface JournalStore {
  readonly file: string;
  readonly journalFile: string;
  /** The stored state (snapshot + journal); undefined for new data (seed it and `writeSnapshot`). */
  readonly state: EngineState | undefined;
  /** Records replayed from the journal at start. */
  readonly replayed: number;
  /** Appends one change durably (written and fdatasynced) before returning. */
  append(ops: PatchOp[]): void;
  /** Replaces the snapshot and starts an empty journal (compaction). */
  writeSnapshot(state: EngineState): void;
  /** {@link writeSnapshot} of a state already written as JSON (`engine.serialize()`). */
  writeSnapshotText(json: string): void;
  /** Whether the journal has grown enough to be compacted. */
  shouldCompact(): boolean;
  /** Releases the lock. */
  close(): void;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');
const checksum = (json: string) => sha1(json).slice(0, 16);
const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

function fsyncDir(dir: string) {
  try {
    const fd = openSync(dir, 'r');
    try {
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort (not supported everywhere)
  }
}

const RESET_HINT = (file: string) =>
  `To keep it, stop here and move or repair it; to start over from the seed, run \`npm run api -- --data ${file} --reset\` (moves it aside as ${basename(file)}.reset-<time>).`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<file>.lock` (pid, host, start time); throws when a live process holds it. */
function acquireLock(
  lockFile: string,
  dataFile: string,
  log: (line: string) => void,
): () => void {
  const mine = JSON.stringify({
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
  });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, `${mine}\n`);
      fdatasyncSync(fd);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (readFileSync(lockFile, 'utf8').trim() === mine)
            rmSync(lockFile, { force: true });
        } catch {
          // already gone
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: { pid?: unknown; host?: unknown; started?: unknown } = {};
    try {
      holder = JSON.parse(readFileSync(lockFile, 'utf8')) as typeof holder;
    } catch {
      // empty or torn: the holder died while taking it
    }
    const pid = typeof holder.pid === 'number' ? holder.pid : undefined;
    const otherHost =
      typeof holder.host === 'string' && holder.host !== hostname();
    if (pid !== undefined && (otherHost || alive(pid))) {
      throw new DataFileError(
        `The data file ${dataFile} is in use by process ${pid}${otherHost ? ` on ${String(holder.host)}` : ''}` +
          `${typeof holder.started === 'string' ? ` (started ${holder.started})` : ''}: only one server may write it. ` +
          `Stop that server first, or start this one with another --data file. (Lock: ${lockFile}.)`,
      );
    }
    log(
      `Took over the lock ${lockFile}${pid !== undefined ? ` of process ${pid}, which is no longer running` : ' (unreadable)'}.`,
    );
    rmSync(lockFile, { force: true });
  }
  throw new DataFileError(
    `Could not take the lock ${lockFile}; another server is starting on ${dataFile}.`,
  );
}

/** Removes temporary files a killed write left next to `file` (`.<name>.<pid>.<n>.tmp`). */
function removeLeftovers(file: string, log: (line: string) => void) {
  const prefix = `.${basename(file)}.`;
  const left = readdirSync(dirname(file)).filter(
    (name) => name.startsWith(prefix) && name.endsWith('.tmp'),
  );
  for (const name of left) rmSync(join(dirname(file), name), { force: true });
  if (left.length > 0)
    log(
      `Removed ${left.length} temporary file(s) left by an interrupted write: ${left.join(', ')}.`,
    );
}

const header = (snapshotText: string) =>
  `${JSON.stringify({ journal: JOURNAL_FORMAT, version: JOURNAL_VERSION, snapshot: sha1(snapshotText) })}\n`;

/** Opens (or creates) the store of `file`; throws {@link DataFileError} when the data cannot be used. */
export function openStore(
  file: string,
  options: StoreOptions = {},
): JournalStore {
  const log = options.log ?? (() => {});
  const now = options.now ?? (() => new Date());
  const compactBytes = options.compactBytes ?? 8 * 1024 * 1024;
  const path = resolve(file);
  const journalFile = `${path}.journal`;
  const nextJournal = `${path}.journal.next`;
  const release = acquireLock(`${path}.lock`, path, log);
  try {
    removeLeftovers(path, log);
    if (options.reset) {
      const at = stamp(now());
      for (const f of [path, journalFile]) {
        if (!existsSync(f)) continue;
        renameSync(f, `${f}.reset-${at}`);
        log(`--reset: moved ${f} to ${f}.reset-${at}.`);
      }
      rmSync(nextJournal, { force: true });
    }
    const loaded = load(path, journalFile, nextJournal, log);
    let journalFd = loaded.state ? openSync(journalFile, 'a') : undefined;
    let journalBytes = journalFd === undefined ? 0 : fstatSync(journalFd).size;
    let snapshotBytes = loaded.snapshotBytes;
    let closed = false;

    const store: JournalStore = {
      file: path,
      journalFile,
      state: loaded.state,
      replayed: loaded.replayed,
      append(ops) {
        if (journalFd === undefined)
          throw new Error('the store has no snapshot yet');
        const json = JSON.stringify({ ops });
        const line = `${checksum(json)} ${json}\n`;
        try {
          writeSync(journalFd, line);
          if (options.durable !== false) fdatasyncSync(journalFd);
        } catch (error) {
          // Cut a partial line off so the next record starts on a whole one.
          try {
            ftruncateSync(journalFd, journalBytes);
          } catch {
            // the recovery drops it as a torn record
          }
          throw error;
        }
        journalBytes += Buffer.byteLength(line);
      },
      writeSnapshot(state) {
        store.writeSnapshotText(JSON.stringify(state));
      },
      writeSnapshotText(json) {
        const text = `${json}\n`;
        // The new journal first (under another name), then the snapshot (the commit point), then the journal's rename.
        writeFileAtomic(nextJournal, header(text));
        writeFileAtomic(path, text);
        renameSync(nextJournal, journalFile);
        fsyncDir(dirname(path));
        if (journalFd !== undefined) closeSync(journalFd);
        journalFd = openSync(journalFile, 'a');
        journalBytes = fstatSync(journalFd).size;
        snapshotBytes = Buffer.byteLength(text);
      },
      shouldCompact: () => journalBytes > Math.max(compactBytes, snapshotBytes),
      close() {
        if (closed) return;
        closed = true;
        if (journalFd !== undefined) closeSync(journalFd);
        release();
      },
    };
    return store;
  } catch (error) {
    release();
    throw error;
  }
}

/** Reads snapshot and journal (see the file comment). */
function load(
  path: string,
  journalFile: string,
  nextJournal: string,
  log: (line: string) => void,
): { state?: EngineState; replayed: number; snapshotBytes: number } {
  if (!existsSync(path)) {
    if (existsSync(journalFile)) {
      throw new DataFileError(
        `The journal ${journalFile} exists but its data file ${path} does not: the changes in it cannot be replayed without it. ` +
          `Restore ${basename(path)}, or move the journal away to start from the seed.`,
      );
    }
    rmSync(nextJournal, { force: true });
    return { replayed: 0, snapshotBytes: 0 };
  }
  const text = readFileSync(path, 'utf8');
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch (error) {
    const what =
      text.trim() === ''
        ? 'it is empty'
        : `it is not valid JSON (${error instanceof Error ? error.message : String(error)}; truncated or not a data file of this server?)`;
    throw new DataFileError(
      `The data file ${path} cannot be read: ${what}. ${RESET_HINT(path)}`,
    );
  }
  // The whole walk once: here when there is nothing to replay, else after the replay (below).
  const version = findStateProblem(state, { shallow: true });
  if (version)
    throw new DataFileError(
      `The data file ${path} does not hold a usable state: ${version}. ${RESET_HINT(path)}`,
    );
  const checkSnapshot = () => {
    const problem = findStateProblem(state);
    if (problem)
      throw new DataFileError(
        `The data file ${path} does not hold a usable state: ${problem}. ${RESET_HINT(path)}`,
      );
  };

  const expected = header(text);
  // A compaction that wrote its snapshot but was killed before renaming the new journal: finish it.
  if (existsSync(nextJournal)) {
    if (readFileSync(nextJournal, 'utf8') === expected) {
      renameSync(nextJournal, journalFile);
      log(`Finished an interrupted compaction of ${journalFile}.`);
    } else rmSync(nextJournal, { force: true });
  }
  if (!existsSync(journalFile)) {
    checkSnapshot();
    writeFileAtomic(journalFile, expected);
    return {
      state: state as EngineState,
      replayed: 0,
      snapshotBytes: Buffer.byteLength(text),
    };
  }

  const journal = readFileSync(journalFile, 'utf8');
  const firstBreak = journal.indexOf('\n');
  if (firstBreak < 0 || `${journal.slice(0, firstBreak + 1)}` !== expected) {
    checkSnapshot(); // a damaged snapshot is the first thing to say
    let reason = 'its first line is not a journal header of this server';
    try {
      const head = JSON.parse(
        journal.slice(0, firstBreak < 0 ? undefined : firstBreak),
      ) as Record<string, unknown>;
      if (head.journal === JOURNAL_FORMAT)
        reason =
          head.version !== JOURNAL_VERSION
            ? `it has version ${String(head.version)}`
            : 'it follows another snapshot than the one in the data file';
    } catch {
      // not JSON: keep the reason above
    }
    throw new DataFileError(
      `The journal ${journalFile} does not belong to the data file ${path}: ${reason}. ` +
        `Put back the data file it belongs to, or start over with \`npm run api -- --data ${path} --reset\` (moves both aside).`,
    );
  }
  const lines = journal.slice(firstBreak + 1).split('\n');
  if (lines.length <= 1) checkSnapshot();
  const tail = lines.pop() ?? ''; // after the last newline: empty, or a record torn before its newline
  let goodBytes = firstBreak + 1;
  let replayed = 0;
  let dropped: string | undefined =
    tail === ''
      ? undefined
      : `a last record without its end (${Buffer.byteLength(tail)} bytes)`;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const space = line.indexOf(' ');
    const json = space < 0 ? '' : line.slice(space + 1);
    if (space !== 16 || checksum(json) !== line.slice(0, 16)) {
      if (i === lines.length - 1 && tail === '') {
        dropped = `a last record whose checksum does not match (${Buffer.byteLength(line)} bytes)`;
        break;
      }
      throw new DataFileError(
        `The journal ${journalFile} is damaged: record ${i + 1} of ${lines.length} does not match its checksum, and records follow it. ` +
          `Restore the journal from a backup, or start over with \`npm run api -- --data ${path} --reset\` (moves the data file and the journal aside).`,
      );
    }
    try {
      const record = JSON.parse(json) as { ops?: unknown };
      if (!Array.isArray(record.ops))
        throw new Error('it has no list of operations');
      applyPatch(state as Record<string, unknown>, record.ops as PatchOp[]);
    } catch (error) {
      throw new DataFileError(
        `The journal ${journalFile} cannot be replayed: record ${i + 1} does not apply to the state (${error instanceof Error ? error.message : String(error)}). ${RESET_HINT(path)}`,
      );
    }
    replayed += 1;
    goodBytes += Buffer.byteLength(line) + 1;
  }
  if (dropped) {
    const fd = openSync(journalFile, 'r+');
    try {
      ftruncateSync(fd, goodBytes);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    log(
      `Dropped ${dropped} from ${journalFile}: a write cut short by a crash, never acknowledged.`,
    );
  }
  if (lines.length > 1) {
    const after = findStateProblem(state);
    if (after) {
      throw new DataFileError(
        `The data file ${path} with the ${replayed} change(s) of its journal does not hold a usable state: ${after}. ${RESET_HINT(path)}`,
      );
    }
  }
  return {
    state: state as EngineState,
    replayed,
    snapshotBytes: Buffer.byteLength(text),
  };
}
