import { useEffect, useRef, useState } from 'react';
import type { ContainerRef } from '@/api/health';
import { ApiText } from '@/components/ui/api-text';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useContainerLogs } from '../queries';
import './runtime.css';

/** A container's logs as plain text, followed live by cursor while "Follow" is on; polling stops when this closes. */
export function ContainerLogs({
  containerRef,
  onClose,
}: {
  containerRef: ContainerRef;
  onClose: () => void;
}) {
  const [follow, setFollow] = useState(true);
  const logs = useContainerLogs(containerRef, follow);
  const body = useRef<HTMLPreElement>(null);
  const pinned = useRef(true);
  const count = logs.data?.lines.length ?? 0;
  useEffect(() => {
    const el = body.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [count]);
  const title = `Logs of ${containerRef.containerId}`;
  return (
    <section className="logs" aria-labelledby="logs-heading">
      <div className="logs__header">
        <h3 id="logs-heading">{title}</h3>
        {logs.data?.podName && (
          <code className="muted">{logs.data.podName}</code>
        )}
        <span className="muted">times in UTC</span>
        <label className="logs__follow">
          <input
            type="checkbox"
            checked={follow}
            onChange={(e) => setFollow(e.target.checked)}
          />{' '}
          Follow
        </label>
        <button
          type="button"
          className="button button--small"
          onClick={onClose}
        >
          Close logs
        </button>
      </div>
      {logs.isPending ? (
        <div className="logs__body">
          <Skeleton rows={6} label="Loading logs" />
        </div>
      ) : logs.isError ? (
        <div className="logs__notice">
          <ErrorPanel
            error={logs.error}
            action="load the logs"
            onRetry={() => logs.refetch()}
          />
        </div>
      ) : logs.data === null ? (
        <p className="logs__notice muted">
          This API does not serve container logs.
        </p>
      ) : logs.data.lines.length === 0 ? (
        <p className="logs__notice muted">
          <ApiText text={logs.data.notice ?? 'No log lines yet.'} />
        </p>
      ) : (
        <pre
          ref={body}
          className="logs__body"
          role="log"
          aria-label={title}
          tabIndex={0}
          onScroll={(e) => {
            const el = e.currentTarget;
            pinned.current =
              el.scrollHeight - el.scrollTop - el.clientHeight < 24;
          }}
        >
          {logs.data.skipped > 0 && (
            <span className="logs__line muted">
              … {logs.data.skipped} earlier lines not shown
            </span>
          )}
          {logs.data.lines.map((line) => (
            <span
              key={line.cursor}
              className={`logs__line logs__line--${line.stream}`}
            >
              <span className="logs__time">{line.at.slice(11, 23)}</span>
              {line.text}
            </span>
          ))}
        </pre>
      )}
    </section>
  );
}
