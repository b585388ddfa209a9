/**
 * Atomic file replacement for the store of the mock API server
 * (journal-store.ts): temporary file in the same directory, fsync, rename,
 * fsync of the directory, so a crash leaves either the old or the new file,
 * never half of one. A killed write can leave its temporary file
 * (`.<name>.<pid>.<n>.tmp`); the store removes those at start.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

/** Writes `data` to `file` atomically: temp file in the same directory, fsync, rename, fsync dir. */
export function writeFileAtomic(file: string, data: string): void {
  const dir = dirname(file);
  const temp = join(
    dir,
    `.${basename(file)}.${process.pid}.${++tempCounter}.tmp`,
  );
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
