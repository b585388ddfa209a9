import { useCallback, useEffect, useRef, useState } from 'react';

interface StoredDraft {
  text: string;
  savedAt: string;
}

function read(key: string): StoredDraft | undefined {
  try {
    const raw = localStorage.getItem(key);
    const parsed = raw ? (JSON.parse(raw) as StoredDraft) : undefined;
    return typeof parsed?.text === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Text being designed, autosaved to localStorage (debounced) so it survives a
 * reload; `restoredAt` says when a restored draft was saved. `discard()`
 * forgets the draft and returns to `published`.
 */
export function useDraft(key: string, published: string) {
  const initial = () => {
    const stored = read(key);
    const differs = stored !== undefined && stored.text !== published;
    return {
      key,
      base: published,
      text: differs ? stored.text : published,
      restoredAt: differs ? stored.savedAt : undefined,
      savedAt: undefined as string | undefined,
    };
  };
  const [state, setState] = useState(initial);
  let current = state;
  if (state.key !== key) {
    current = initial();
    setState(current);
  } else if (state.base !== published) {
    // A new published version: follow it unless the user has unpublished edits.
    current = {
      ...state,
      base: published,
      text: state.text === state.base ? published : state.text,
    };
    setState(current);
  }
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<(() => void) | undefined>(undefined);

  const setText = useCallback(
    (text: string) => {
      setState((s) => ({ ...s, text }));
      window.clearTimeout(timer.current);
      pending.current = () => {
        pending.current = undefined;
        const savedAt = new Date().toISOString();
        try {
          if (text === published) localStorage.removeItem(key);
          else
            localStorage.setItem(
              key,
              JSON.stringify({ text, savedAt } satisfies StoredDraft),
            );
          setState((s) =>
            s.key === key
              ? { ...s, savedAt: text === published ? undefined : savedAt }
              : s,
          );
        } catch {
          // Storage full or disabled: the draft stays in memory.
        }
      };
      timer.current = window.setTimeout(() => pending.current?.(), 400);
    },
    [key, published],
  );

  // Leaving the page (or the tab) within the debounce still saves the draft.
  useEffect(() => {
    const flush = () => pending.current?.();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.clearTimeout(timer.current);
      flush();
    };
  }, []);

  const discard = useCallback(() => {
    window.clearTimeout(timer.current);
    pending.current = undefined;
    localStorage.removeItem(key);
    setState({
      key,
      base: published,
      text: published,
      restoredAt: undefined,
      savedAt: undefined,
    });
  }, [key, published]);

  return {
    text: current.text,
    setText,
    discard,
    restoredAt: current.restoredAt,
    savedAt: current.savedAt,
    dirty: current.text !== published,
  };
}
