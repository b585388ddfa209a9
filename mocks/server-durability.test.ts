// Durability of `npm run api`: the server process is killed (SIGKILL, no
// chance to save) while writes are in flight, several times in a row, on the
// same data file. After every kill the snapshot must be valid JSON holding a
// usable state and the journal must replay (a torn last record is dropped),
// and every write the server acknowledged (2xx) must survive the restart.
// A second server on the same data refuses to start and names the first.
// Runs the real entry point as `npm run api` does (node mocks/api.mjs), as a child.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ORG_ID, DEMO_TOKEN } from './fixtures';
import { openStore } from './persistence/journal-store';
import { findStateProblem } from './persistence/state-check';
import { isUsableState } from './persistence/usable-state';
import { apiServerArgs } from './testing/api-process';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'mock-api-kill-'));
const dataFile = join(dir, 'data.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the server on a free port; resolves with its URL once it listens. */
function startServer(): Promise<{
  child: ChildProcess;
  url: string;
  pid: number;
}> {
  // One process (node running the server's bundle), so SIGKILL hits the server itself, not a wrapper.
  const child = spawn(
    process.execPath,
    apiServerArgs('--port', '0', '--data', dataFile),
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((done, fail) => {
    let out = '';
    const timer = setTimeout(
      () => fail(new Error(`the server did not start:\n${out}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Mock Humanitec API: (http:\/\/[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        done({ child, url: match[1], pid: child.pid! });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) =>
      fail(new Error(`the server exited (${code}) before listening:\n${out}`)),
    );
  });
}

const headers = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  'Content-Type': 'application/json',
};

describe('npm run api under SIGKILL', { timeout: 180_000 }, () => {
  it('always leaves a valid state file and never loses an acknowledged write', async () => {
    const acknowledged = new Set<string>();
    const ROUNDS = 4;
    for (let round = 0; round < ROUNDS; round += 1) {
      const { child, url } = await startServer();
      // Writes in flight: apps created one after another by 4 concurrent writers.
      let stop = false;
      const writer = async (w: number) => {
        for (let i = 0; !stop; i += 1) {
          const id = `r${round}-w${w}-${i}`;
          try {
            const res = await fetch(`${url}/orgs/${DEMO_ORG_ID}/apps`, {
              method: 'POST',
              headers,
              body: JSON.stringify({ id, name: id }),
            });
            if (res.ok) acknowledged.add(id);
          } catch {
            return; // the server is gone
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      await new Promise((r) => setTimeout(r, 300 + round * 150));
      child.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      if (child.exitCode === null && child.signalCode === null)
        await once(child, 'exit');

      const text = readFileSync(dataFile, 'utf8');
      const state: unknown = JSON.parse(text); // throws on a torn write
      expect(isUsableState(state)).toBe(true);
      // The journal replays onto it (the lock of the killed server is taken over, then released).
      const store = openStore(dataFile);
      expect(findStateProblem(store.state)).toBeUndefined();
      store.close();
    }
    expect(acknowledged.size).toBeGreaterThan(ROUNDS);

    const { child, url } = await startServer();
    try {
      const res = await fetch(`${url}/orgs/${DEMO_ORG_ID}/apps`, { headers });
      const ids = new Set(
        ((await res.json()) as { id: string }[]).map((a) => a.id),
      );
      const lost = [...acknowledged].filter((id) => !ids.has(id));
      expect(lost).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null)
        await once(child, 'exit');
    }
  });

  it('refuses a second server on the same data and names the process that holds it', async () => {
    const { child, pid } = await startServer();
    try {
      const second = spawn(
        process.execPath,
        apiServerArgs('--port', '0', '--data', dataFile),
        {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      second.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      second.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const [code] = (await once(second, 'exit')) as [number | null];
      expect(code).toBe(1);
      expect(out).toContain(`is in use by process ${pid}`);
      expect(out).not.toContain('Mock Humanitec API:');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
