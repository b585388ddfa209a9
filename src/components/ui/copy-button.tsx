import { useCopy } from '@/hooks/use-copy';

/** Copies `text` to the clipboard; says "Copied" for a moment. */
export function CopyButton({
  text,
  label,
  id,
  onCopied,
}: {
  text: string;
  label: string;
  /** For a page that moves focus to it (e.g. the next step of a guide). */
  id?: string;
  /** Called once the text is on the clipboard. */
  onCopied?: () => void;
}) {
  const { copied, copy } = useCopy(text, onCopied);
  return (
    <button
      id={id}
      type="button"
      className="button button--small"
      onClick={copy}
      aria-label={copied ? `Copied ${label}` : `Copy ${label}`}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}
