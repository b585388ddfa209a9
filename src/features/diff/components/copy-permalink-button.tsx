import { useState } from 'react';
import { toast } from 'sonner';

/** Copies the page's address (both deployments and the view options) to the clipboard. */
export function CopyPermalinkButton() {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      toast.success('Permalink copied');
      window.setTimeout(() => setCopied(false), 2000);
    } catch {
      toast.error('Could not copy: the address bar holds the permalink.');
    }
  };
  return (
    <button type="button" className="button" onClick={copy}>
      <span aria-live="polite">{copied ? 'Copied' : 'Copy permalink'}</span>
    </button>
  );
}
