import { useState } from 'react';
import { shortId } from '@/lib/format';

/** A shortened id in monospace with the full value on hover and a copy button. */
export function ShortId({ id, label = 'id', length }: { id: string; label?: string; length?: number }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <span className="short-id">
      <code title={id}>{shortId(id, length)}</code>
      <button
        type="button"
        className="icon-button"
        onClick={copy}
        aria-label={copied ? `Copied ${label}` : `Copy ${label} ${id}`}
        title={copied ? 'Copied' : 'Copy'}
      >
        <svg viewBox="0 0 20 20" width="13" height="13" aria-hidden="true" focusable="false">
          <path
            d={copied ? 'M5 10.5l3.2 3.2L15 7' : 'M7 7h9v9H7zM4 13V4h9'}
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
          />
        </svg>
      </button>
    </span>
  );
}
