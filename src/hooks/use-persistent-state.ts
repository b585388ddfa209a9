import { useCallback, useEffect, useState } from 'react';

/**
 * State kept in localStorage under `key`, so unsaved edits survive a failed
 * request and a reload. `clear()` forgets it (after a successful save).
 */
export function usePersistentState<T>(key: string, initial: T) {
  const [value, setValue] = useState<T>(() => read(key) ?? initial);

  useEffect(() => {
    setValue(read<T>(key) ?? initial);
    // Re-read only when the key changes; `initial` is a default, not a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const update = useCallback(
    (next: T) => {
      setValue(next);
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
    setValue(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return [value, update, clear] as const;
}

function read<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}
