import type { StatusView, Tone } from '@/lib/status';
import './status-badge.css';

const ICONS: Record<Tone, string> = {
  success: 'M5 10.5l3.2 3.2L15 7',
  warning: 'M10 4l7 12H3zM10 9v3.5M10 14.6v.1',
  failure: 'M6 6l8 8M14 6l-8 8',
  progress: 'M10 3a7 7 0 1 1-7 7',
  pending: 'M10 3a7 7 0 1 0 0 14a7 7 0 1 0 0-14zM10 6.5V10l2.5 1.8',
  skipped: 'M4.5 6l4 4-4 4M10.5 6l4 4-4 4',
  info: 'M10 16V5M5.5 9.5L10 5l4.5 4.5',
  stopped: 'M7 6v8M13 6v8',
  unknown: 'M7.5 7.5a2.5 2.5 0 1 1 3.3 2.4c-.6.2-.8.7-.8 1.3v.5M10 14.6v.1',
};

/** The status icon alone (decorative: always paired with a word). */
export function StatusIcon({ tone }: { tone: Tone }) {
  return (
    <svg
      className={`status-icon status-icon--${tone}`}
      viewBox="0 0 20 20"
      width="14"
      height="14"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ICONS[tone]} />
    </svg>
  );
}

/** Icon + word + colour, never colour alone. */
export function StatusBadge({ status }: { status: StatusView }) {
  return (
    <span className={`status-badge status-badge--${status.tone}`}>
      <StatusIcon tone={status.tone} />
      {status.label}
    </span>
  );
}
