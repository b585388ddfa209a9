import type { ReactNode } from 'react';
import { describeError } from '@/lib/errors';
import { ApiText } from './api-text';

interface ErrorPanelProps {
  error: unknown;
  onRetry?: () => void;
  /** What the user was doing, e.g. "load the environment". */
  action?: string;
  /** Further ways forward, shown beside Retry (e.g. "Deploy onto the latest version"). */
  children?: ReactNode;
  /** An id for the heading, for a page that moves focus to the error (see `focusHeadingSoon`). */
  headingId?: string;
  /** More about the cause, under the message (e.g. where in a file each problem is). */
  details?: ReactNode;
  /**
   * The error is of a read, so nothing the user typed is at stake (the hint does not promise to keep it). By
   * default, when `action` says "load …", or when there is no action (a page that failed to load).
   */
  reading?: boolean;
}

/** An error with its cause and a way forward. */
export function ErrorPanel({
  error,
  onRetry,
  action,
  children,
  headingId,
  details,
  reading = action === undefined || action.startsWith('load '),
}: ErrorPanelProps) {
  const view = describeError(error, { reading });
  return (
    <div role="alert" className="error-panel">
      <h2 id={headingId}>{action ? `Could not ${action}` : view.title}</h2>
      <p>
        <ApiText text={view.message} />
      </p>
      {details}
      {view.status !== undefined && (
        <p className="muted">
          {view.title} ({view.code ?? view.status})
        </p>
      )}
      {view.hint && <p>{view.hint}</p>}
      {(onRetry || children) && (
        <div className="row">
          {onRetry && (
            <button type="button" className="button" onClick={onRetry}>
              Retry
            </button>
          )}
          {children}
        </div>
      )}
    </div>
  );
}
