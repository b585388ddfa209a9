import {
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { Link } from 'react-router';
import { StatusIcon } from '@/components/ui/status-badge';
import { useListVirtualizer } from '@/hooks/use-list-virtualizer';
import type { StatusView } from '@/lib/status';

/** One link of a {@link VirtualLinkList}. */
export interface LinkRow {
  key: string;
  to: string;
  label: string;
  detail?: string;
  /** More text a filter matches (not shown), e.g. an id. */
  keywords?: string;
  status?: StatusView;
  current?: boolean;
}

export interface VirtualLinkListHandle {
  focusFirst(): void;
}

interface VirtualLinkListProps {
  rows: readonly LinkRow[];
  /** Accessible name of the list. */
  label: string;
  className?: string;
  rowHeight?: number;
  fallbackHeight?: number;
  onNavigate?: () => void;
  handleRef?: Ref<VirtualLinkListHandle>;
}

/**
 * A long list of real links (middle-click opens a tab), virtualized. One
 * link is in the tab order; arrow keys, Home and End move between links.
 */
export function VirtualLinkList({
  rows,
  label,
  className,
  rowHeight = 30,
  fallbackHeight,
  onNavigate,
  handleRef,
}: VirtualLinkListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [focusRequest, setFocusRequest] = useState<{ index: number } | null>(
    null,
  );
  const current = Math.min(active, Math.max(rows.length - 1, 0));
  const virtualizer = useListVirtualizer({
    count: rows.length,
    scrollRef,
    rowHeight,
    fallbackHeight,
    keep: current,
  });

  const move = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // A new object each time, so moving to the same index again still focuses.
    setFocusRequest({ index: next });
  };
  useImperativeHandle(handleRef, () => ({
    focusFirst: () => rows.length > 0 && move(0),
  }));
  useEffect(() => {
    if (focusRequest === null) return;
    // The row may render only after the scroll it asked for: try for a few frames.
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const link = scrollRef.current?.querySelector<HTMLElement>(
        `[data-index="${focusRequest.index}"] a`,
      );
      if (link) link.focus();
      else if ((tries += 1) < 10) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [focusRequest]);

  const onKeyDown = (event: KeyboardEvent) => {
    const step: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: rows.length - 1,
    };
    if (!(event.key in step)) return;
    event.preventDefault();
    move(step[event.key]);
  };

  return (
    <div ref={scrollRef} className={`vlist ${className ?? ''}`}>
      <ul
        aria-label={label}
        className="vlist__inner"
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          return (
            <li
              key={row.key}
              data-index={v.index}
              aria-setsize={rows.length}
              aria-posinset={v.index + 1}
              className="vlist__row"
              style={{ height: v.size, transform: `translateY(${v.start}px)` }}
            >
              <Link
                to={row.to}
                tabIndex={v.index === current ? 0 : -1}
                aria-current={row.current ? 'page' : undefined}
                onFocus={() => setActive(v.index)}
                onClick={onNavigate}
                className="vlist__link"
              >
                {row.status && <StatusIcon tone={row.status.tone} />}
                <span className="vlist__label">{row.label}</span>
                {row.status && (
                  <span className="visually-hidden">, {row.status.label}</span>
                )}
                {row.detail && (
                  <span className="vlist__detail">{row.detail}</span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
