import { useCallback, useState } from 'react';

/**
 * State kept in localStorage under `key`, so unsaved edits survive a failed
 * request and a reload. `clear()` forgets it (after a successful save).
 * `stored` gives what to keep of a value (e.g. without the secrets typed into
 * it; the state itself keeps them until it is cleared or the page goes); keep
 * it stable (useCallback).
 */
export function usePersistentState<T>(
  key: string,
  initial: T,
  options: { stored?: (value: T) => T } = {},
) {
  const { stored } = options;
  const [state, setState] = useState(() => ({
    key,
    value: read<T>(key) ?? initial,
  }));
  let current = state;
  if (state.key !== key) {
    // The key changed (another item): show that item's stored draft.
    current = { key, value: read<T>(key) ?? initial };
    setState(current);
  }

  const update = useCallback(
    (next: T) => {
      setState({ key, value: next });
      try {
        const keep = stored ? stored(next) : next;
        localStorage.setItem(key, JSON.stringify(keep));
      } catch {
        // Storage full or disabled: the edit stays in memory.
      }
    },
    [key, stored],
  );

  const clear = useCallback(() => {
    localStorage.removeItem(key);
    setState({ key, value: initial });
    // `initial` is a default value, not an input that should re-create clear().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return [current.value, update, clear] as const;
}

function read<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}
