import { useCopy } from '@/hooks/use-copy';

/** A small icon button that copies `text`; its name says what it copies, and "Copied" for a moment after. */
export function CopyIconButton({
  text,
  label,
}: {
  text: string;
  label: string;
}) {
  const { copied, copy } = useCopy(text);
  return (
    <button
      type="button"
      className="icon-button"
      onClick={copy}
      aria-label={copied ? `Copied ${label}` : `Copy ${label} ${text}`}
      title={copied ? 'Copied' : 'Copy'}
    >
      <svg
        viewBox="0 0 20 20"
        width="13"
        height="13"
        aria-hidden="true"
        focusable="false"
      >
        <path
          d={copied ? 'M5 10.5l3.2 3.2L15 7' : 'M7 7h9v9H7zM4 13V4h9'}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        />
      </svg>
    </button>
  );
}
