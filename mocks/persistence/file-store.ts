/**
 * Node persistence of the mock API server: the engine state as one JSON file,
 * written atomically (temporary file in the same directory, fsync, rename,
 * fsync of the directory) so a crash leaves either the old or the new state,
 * never half of one. A file that cannot be used is moved aside as
 * `<file>.corrupt-<timestamp>` and the server starts from the seed.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { EngineState } from '../engine';
import { isUsableState } from './usable-state';

/** What loading found. */
export interface LoadResult {
  /** The stored state, if the file held a usable one. */
  state?: EngineState;
  /** Where an unusable file was moved to. */
  backup?: string;
  /** Why the file was unusable. */
  reason?: string;
}

/** A JSON file holding the engine state. */
export interface FileStore {
  readonly file: string;
  /** Reads the state; an unusable file is moved aside (see {@link LoadResult.backup}). */
  load(): LoadResult;
  /** Writes the state atomically and durably before returning. */
  save(state: EngineState): void;
  /** Moves the current file aside as `<file>.corrupt-<timestamp>`; returns the new path. */
  quarantine(): string | undefined;
}

let tempCounter = 0;

/** Writes `data` to `file` atomically: temp file in the same directory, fsync, rename, fsync dir. */
export function writeFileAtomic(file: string, data: string): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${++tempCounter}.tmp`);
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  try {
    // Makes the rename itself durable; not supported on every platform.
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // best effort
  }
}

/** A file store at `file` (resolved against the working directory). */
export function createFileStore(file: string, now: () => Date = () => new Date()): FileStore {
  const path = resolve(file);
  const store: FileStore = {
    file: path,
    load() {
      if (!existsSync(path)) return {};
      let reason: string;
      try {
        const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
        if (isUsableState(value)) return { state: value };
        reason = 'it does not hold an engine state of this schema version';
      } catch (error) {
        reason = `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
      }
      return { backup: store.quarantine(), reason };
    },
    save(state) {
      writeFileAtomic(path, `${JSON.stringify(state)}\n`);
    },
    quarantine() {
      if (!existsSync(path)) return undefined;
      const backup = `${path}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(path, backup);
      return backup;
    },
  };
  return store;
}
