/**
 * Several tabs of the demo share one engine state. Each tab runs its own
 * engine (the mock API answers in the page), so without coordination two
 * tabs would overwrite each other's saves in IndexedDB and never see each
 * other's changes (one tab's deploy would not conflict with the other's).
 *
 * The rule: every request is answered under one cross-tab lock (Web Locks);
 * a tab that has heard (BroadcastChannel) that another tab changed the state
 * first reloads the saved state; a request that changed the state is saved
 * before the lock is released, and the other tabs are told. Reads that only
 * let time pass (deploy progress) need no message: every tab computes the
 * same progress from the same clock.
 */

/** What the sync needs of the page's engine and store. */
export interface TabSyncTarget {
  /** Number of changes the current engine has made (grows on every change notification). */
  changes(): number;
  /** Writes the current engine's unsaved state now. */
  save(): Promise<void>;
  /** Replaces the current engine with the saved state. */
  reload(): Promise<void>;
}

/** The primitives (the browser's by default; fakes in tests). */
export interface TabSyncEnvironment {
  locks?: Pick<LockManager, 'request'>;
  channel?: Pick<BroadcastChannel, 'postMessage' | 'addEventListener'>;
}

const READ = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The `around` hook of createHandlers for a tab whose state lives under `key`. */
export function createTabSync(
  key: string,
  target: TabSyncTarget,
  env: TabSyncEnvironment = browserEnvironment(key),
) {
  let stale = false;
  env.channel?.addEventListener('message', () => {
    stale = true;
  });
  const answerSynced = async (
    request: Request,
    answer: () => Promise<Response>,
  ) => {
    if (stale) {
      stale = false;
      await target.reload();
    }
    const before = target.changes();
    const response = await answer();
    if (target.changes() !== before && !READ.has(request.method)) {
      await target.save();
      env.channel?.postMessage('changed');
    }
    return response;
  };
  return async (
    request: Request,
    answer: () => Promise<Response>,
  ): Promise<Response> =>
    env.locks
      ? await env.locks.request(`platform-console:${key}`, () =>
          answerSynced(request, answer),
        )
      : answerSynced(request, answer);
}

function browserEnvironment(key: string): TabSyncEnvironment {
  return {
    locks:
      typeof navigator !== 'undefined' && 'locks' in navigator
        ? navigator.locks
        : undefined,
    channel:
      typeof BroadcastChannel !== 'undefined'
        ? new BroadcastChannel(`platform-console:${key}`)
        : undefined,
  };
}
