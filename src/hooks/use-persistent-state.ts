import { useCallback, useState } from 'react';

/**
 * State kept in localStorage under `key`, so unsaved edits survive a failed
 * request and a reload. `clear()` forgets it (after a successful save).
 */
export function usePersistentState<T>(key: string, initial: T) {
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
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the edit stays in memory.
      }
    },
    [key],
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
