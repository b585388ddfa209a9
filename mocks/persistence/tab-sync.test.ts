import { describe, expect, it } from 'vitest';
import { createTabSync, type TabSyncTarget } from './tab-sync';

/** Two tabs over one saved state, with a shared channel and lock, as in a browser. */
function twoTabs() {
  let saved = 0;
  const listeners: { tab: number; fn: () => void }[] = [];
  let queue = Promise.resolve();
  const locks = {
    request: <T>(_name: string, fn: () => Promise<T>) => {
      const run = queue.then(fn);
      queue = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
  } as unknown as Pick<LockManager, 'request'>;
  const tab = (id: number) => {
    const state = { value: saved, changes: 0, reloads: 0 };
    const target: TabSyncTarget = {
      changes: () => state.changes,
      save: async () => {
        saved = state.value;
      },
      reload: async () => {
        state.reloads += 1;
        state.value = saved;
      },
    };
    const channel = {
      postMessage: () =>
        listeners.filter((l) => l.tab !== id).forEach((l) => l.fn()),
      addEventListener: (_type: string, fn: () => void) =>
        void listeners.push({ tab: id, fn }),
    } as unknown as BroadcastChannel;
    const around = createTabSync('k', target, { locks, channel });
    const write = (n: number) =>
      around(new Request('http://x/api', { method: 'POST' }), async () => {
        state.value += n;
        state.changes += 1;
        return new Response(String(state.value));
      });
    const read = () =>
      around(
        new Request('http://x/api'),
        async () => new Response(String(state.value)),
      );
    return { state, write, read };
  };
  return { a: tab(1), b: tab(2), saved: () => saved };
}

describe('createTabSync', () => {
  it("saves a tab's change before the next request, and the other tab reloads before answering", async () => {
    const { a, b, saved } = twoTabs();
    expect(await (await a.write(5)).text()).toBe('5');
    expect(saved()).toBe(5);
    // b had the old state; it reloads first, so it builds on a's change instead of overwriting it.
    expect(await (await b.write(2)).text()).toBe('7');
    expect(saved()).toBe(7);
    expect(await (await a.read()).text()).toBe('7');
    expect([a.state.reloads, b.state.reloads]).toEqual([1, 1]);
  });

  it('answers requests of both tabs one at a time, and reads tell nobody', async () => {
    const { a, b, saved } = twoTabs();
    const answers = await Promise.all(
      [a.write(1), b.write(10), a.write(100)].map(async (r) =>
        Number(await (await r).text()),
      ),
    );
    expect(answers).toEqual([1, 11, 111]);
    expect(saved()).toBe(111);
    // b heard of a's last write: it reloads once before its read; reads themselves tell nobody.
    expect(Number(await (await b.read()).text())).toBe(111);
    await a.read();
    await b.read();
    expect([a.state.reloads, b.state.reloads]).toEqual([1, 2]);
  });
});
