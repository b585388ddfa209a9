import { useState } from 'react';

/** Copies `text` to the clipboard; says "Copied" for a moment. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" className="button button--small" onClick={copy} aria-label={copied ? `Copied ${label}` : `Copy ${label}`}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
