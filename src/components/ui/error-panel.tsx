import { describeError } from '@/lib/errors';
import { ApiText } from './api-text';

interface ErrorPanelProps {
  error: unknown;
  onRetry?: () => void;
  /** What the user was doing, e.g. "load the environment". */
  action?: string;
}

/** An error with its cause and a way forward. */
export function ErrorPanel({ error, onRetry, action }: ErrorPanelProps) {
  const view = describeError(error);
  return (
    <div role="alert" className="error-panel">
      <h2>{action ? `Could not ${action}` : view.title}</h2>
      <p>
        <ApiText text={view.message} />
      </p>
      {view.status !== undefined && (
        <p className="muted">
          {view.title} ({view.code ?? view.status})
        </p>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
