import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STATE_SCHEMA_VERSION } from '../engine';
import { resetTestEngine } from '../runtime';
import { createFileStore, writeFileAtomic } from './file-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'file-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fixedNow = () => new Date('2026-01-15T09:00:00.000Z');

describe('writeFileAtomic', () => {
  it('replaces the file through a rename and leaves no temporary file', () => {
    const file = join(dir, 'state.json');
    writeFileAtomic(file, 'one');
    const inode = statSync(file).ino;
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    // A new inode: the old file was never rewritten in place.
    expect(statSync(file).ino).not.toBe(inode);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('leaves the target untouched and cleans up when the rename fails', () => {
    const target = join(dir, 'taken');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    expect(() => writeFileAtomic(target, 'data')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('x');
  });
});

describe('createFileStore', () => {
  it('loads nothing when the file does not exist', () => {
    expect(createFileStore(join(dir, 'none.json')).load()).toEqual({});
  });

  it('round-trips an engine snapshot', () => {
    const { engine } = resetTestEngine();
    const store = createFileStore(join(dir, 'state.json'));
    store.save(engine.snapshot());
    expect(store.load()).toEqual({ state: engine.snapshot() });
  });

  it.each([
    ['is not JSON', '{"schemaVersion": 1, "orgs": {', /not valid JSON/],
    ['has another schema version', JSON.stringify({ schemaVersion: STATE_SCHEMA_VERSION + 1 }), /schema version/],
    ['is not an object', '[1, 2]', /schema version/],
  ])('moves a file that %s aside and loads nothing', (_, content, reason) => {
    const file = join(dir, 'state.json');
    writeFileSync(file, content);
    const result = createFileStore(file, fixedNow).load();
    expect(result.state).toBeUndefined();
    expect(result.reason).toMatch(reason);
    expect(result.backup).toBe(`${file}.corrupt-2026-01-15T09-00-00-000Z`);
    expect(readFileSync(result.backup!, 'utf8')).toBe(content);
    expect(readdirSync(dir)).toEqual(['state.json.corrupt-2026-01-15T09-00-00-000Z']);
  });
});
