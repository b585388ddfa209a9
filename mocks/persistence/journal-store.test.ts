import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineState } from '../engine';
import { resetTestEngine } from '../runtime';
import { openStore, type JournalStore } from './journal-store';

let dir: string;
let file: string;
const open: JournalStore[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-store-'));
  file = join(dir, 'data.json');
});
afterEach(() => {
  open.splice(0).forEach((s) => s.close());
  rmSync(dir, { recursive: true, force: true });
});

function start(options: Parameters<typeof openStore>[1] = {}) {
  const notes: string[] = [];
  const store = openStore(file, {
    ...options,
    log: (line) => notes.push(line),
  });
  open.push(store);
  return { store, notes };
}
const stop = (store: JournalStore) => {
  store.close();
  open.splice(open.indexOf(store), 1);
};
const seed = (): EngineState => resetTestEngine().engine.snapshot();
const apps = (state: EngineState | undefined) =>
  Object.keys(
    (state as unknown as { orgs: { acme: { apps: object } } }).orgs.acme.apps,
  );
const addApp = (id: string) =>
  [
    [
      ['orgs', 'acme', 'apps', id],
      { seq: 1, app: { id }, envs: {}, deploys: {}, sets: {}, deltas: {} },
    ],
  ] as [string[], unknown][];

/** A store with a snapshot and three journaled apps (one, two, three); closed. */
function withJournal() {
  const { store } = start();
  store.writeSnapshot(seed());
  for (const id of ['one', 'two', 'three']) store.append(addApp(id));
  stop(store);
  return readFileSync(`${file}.journal`, 'utf8');
}

describe('openStore', () => {
  it('replays the journal after the snapshot', () => {
    withJournal();
    const { store } = start();
    expect(store.replayed).toBe(3);
    expect(apps(store.state)).toEqual(
      expect.arrayContaining(['shop', 'one', 'two', 'three']),
    );
  });

  it('drops a last record torn mid-record (never acknowledged) and cuts the journal back', () => {
    const journal = withJournal();
    const lines = journal.split('\n');
    const third = lines[3];
    // A crash in the middle of writing the third record: half of it, no newline.
    const torn = [...lines.slice(0, 3), third.slice(0, third.length / 2)].join(
      '\n',
    );
    writeFileSync(`${file}.journal`, torn);
    const { store, notes } = start();
    expect(store.replayed).toBe(2);
    expect(apps(store.state)).toContain('two');
    expect(apps(store.state)).not.toContain('three');
    expect(notes.join('\n')).toMatch(
      /Dropped a last record without its end .*never acknowledged/,
    );
    expect(readFileSync(`${file}.journal`, 'utf8')).toBe(
      `${lines.slice(0, 3).join('\n')}\n`,
    );
    // New records follow the whole ones.
    store.append(addApp('four'));
    stop(store);
    expect(apps(start().store.state)).toEqual(
      expect.arrayContaining(['one', 'two', 'four']),
    );
  });

  it('drops a last record whose checksum does not match', () => {
    const journal = withJournal();
    writeFileSync(`${file}.journal`, journal.replace(/"three"/g, '"thr3e"'));
    const { store, notes } = start();
    expect(store.replayed).toBe(2);
    expect(notes.join('\n')).toMatch(/checksum does not match/);
  });

  it('refuses a journal damaged in the middle', () => {
    const journal = withJournal();
    writeFileSync(`${file}.journal`, journal.replace(/"two"/g, '"tw0"'));
    expect(() => start()).toThrow(
      /is damaged: record 2 of 3 does not match its checksum, and records follow it.*--reset/,
    );
  });

  it('refuses a journal that belongs to another snapshot', () => {
    withJournal();
    const state = JSON.parse(readFileSync(file, 'utf8')) as { seq: number };
    writeFileSync(file, JSON.stringify({ ...state, seq: state.seq + 1 }));
    expect(() => start()).toThrow(
      /does not belong to the data file .*follows another snapshot/,
    );
  });

  it('refuses data a live process holds, naming it, and takes over the lock of a process that is gone', () => {
    withJournal();
    writeFileSync(
      `${file}.lock`,
      JSON.stringify({ pid: process.pid, started: '2026-01-15T09:00:00.000Z' }),
    );
    expect(() => start()).toThrow(
      `is in use by process ${process.pid} (started 2026-01-15T09:00:00.000Z)`,
    );

    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(`${file}.lock`, JSON.stringify({ pid: gone }));
    const { store, notes } = start();
    expect(notes.join('\n')).toMatch(
      new RegExp(
        `Took over the lock .* of process ${gone}, which is no longer running`,
      ),
    );
    expect(JSON.parse(readFileSync(`${file}.lock`, 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    stop(store);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('removes temporary files a killed write left behind', () => {
    withJournal();
    writeFileSync(join(dir, '.data.json.4242.7.tmp'), '{"half":');
    writeFileSync(join(dir, '.data.json.journal.next.4242.8.tmp'), 'x');
    writeFileSync(join(dir, 'unrelated.tmp'), 'keep');
    const { notes } = start();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([
      'unrelated.tmp',
    ]);
    expect(notes.join('\n')).toMatch(/Removed 2 temporary file\(s\)/);
  });

  it('compacts into a new snapshot with an empty journal once the journal outgrows the snapshot', () => {
    withJournal();
    const { store } = start({ compactBytes: 10 });
    expect(store.shouldCompact()).toBe(false);
    store.append([
      [['orgs', 'acme', 'org', 'note'], 'x'.repeat(readFileSync(file).length)],
    ]);
    expect(store.shouldCompact()).toBe(true);
    store.writeSnapshot(store.state!);
    expect(readFileSync(`${file}.journal`, 'utf8').split('\n')).toEqual([
      expect.stringContaining('"journal"'),
      '',
    ]);
    expect(store.shouldCompact()).toBe(false);
    store.append(addApp('five'));
    stop(store);
    expect(apps(start().store.state)).toEqual(
      expect.arrayContaining(['one', 'three', 'five']),
    );
  });

  it('finishes a compaction killed after the new snapshot was in place', () => {
    withJournal();
    const { store } = start();
    const compacted = store.state!;
    stop(store);
    // The new snapshot and its journal, as a compaction writes them (made in another directory).
    const other = mkdtempSync(join(tmpdir(), 'journal-other-'));
    const made = openStore(join(other, 'data.json'));
    made.writeSnapshot(compacted);
    made.close();
    writeFileSync(file, readFileSync(made.file));
    writeFileSync(`${file}.journal.next`, readFileSync(made.journalFile));
    rmSync(other, { recursive: true, force: true });
    appendFileSync(`${file}.journal`, ''); // the old journal (of the old snapshot) is still in place
    const { store: after, notes } = start();
    expect(notes.join('\n')).toMatch(/Finished an interrupted compaction/);
    expect(after.replayed).toBe(0);
    expect(apps(after.state)).toEqual(
      expect.arrayContaining(['one', 'two', 'three']),
    );
    expect(existsSync(`${file}.journal.next`)).toBe(false);
  });
});
