import type { ReactNode } from 'react';
import type { StatusView } from '@/lib/status';
import { StatusBadge } from './status-badge';
import './banner.css';

interface BannerProps {
  /** The region's accessible name, e.g. "Health". */
  label: string;
  status: StatusView;
  /** The verdict: one sentence, shown first and large. */
  summary: ReactNode;
  children?: ReactNode;
}

/** A verdict banner: status (icon + word + colour edge), the one-sentence answer, then details. */
export function Banner({ label, status, summary, children }: BannerProps) {
  return (
    <section className={`banner banner--${status.tone}`} aria-label={label}>
      <div className="banner__verdict" aria-live="polite">
        <StatusBadge status={status} />
        <p className="banner__summary">{summary}</p>
      </div>
      {children && <div className="banner__body">{children}</div>}
    </section>
  );
}

/** A row of link-buttons under a banner. */
export function BannerLinks({ children }: { children: ReactNode }) {
  return <div className="banner__links">{children}</div>;
}
