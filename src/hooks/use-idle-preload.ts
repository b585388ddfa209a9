import { useEffect } from 'react';

/**
 * Loads a lazy module (e.g. the route a page links to most) once the browser
 * is idle, so following the link does not wait for its code: the diff page
 * from an environment's history, for example. Loading twice is free (the
 * module is cached); a failure is ignored (the navigation loads it again).
 */
export function useIdlePreload(
  load: () => Promise<unknown>,
  /** What the load is for: when it changes (another environment's newest deployment), it runs again. */
  key?: string,
): void {
  useEffect(() => {
    const run = () => void load().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(run, 200);
    return () => clearTimeout(id);
    // The load is a module import (and what it prefetches for `key`): the first one per key is the one that counts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
