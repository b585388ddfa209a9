import { useEffect, useState } from 'react';

/**
 * The editor's text, kept in localStorage while it differs from the saved
 * version, so unsaved edits survive a failed request and a reload.
 */
export function useYamlDraft(key: string, saved: string, initial = saved) {
  const [text, setText] = useState(() => {
    try {
      return localStorage.getItem(key) ?? initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      if (text === saved) localStorage.removeItem(key);
      else localStorage.setItem(key, text);
    } catch {
      // storage full or blocked: the draft lives in memory only
    }
  }, [key, text, saved]);
  const discard = () => setText(saved);
  return { text, setText, dirty: text !== saved, discard };
}
