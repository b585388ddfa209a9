import { useState } from 'react';

/** Copies text to the clipboard; `copied` is true for a moment after a copy succeeded (then `onCopied` is called). */
export function useCopy(text: string, onCopied?: () => void) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      onCopied?.();
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return { copied, copy };
}
