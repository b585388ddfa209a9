import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { PipelineRun } from '@/api/pipelines';
import { ErrorPanel } from '@/components/ui/error-panel';
import { focusIsLost } from '@/lib/focus';
import { paths } from '@/config/paths';
import { useRunAction } from '../mutations';
import { isRunActive } from '../utils/status';

/** Cancel a running run, or run a finished one again. */
export function RunActions({
  run,
  canRun,
}: {
  run: PipelineRun;
  canRun: boolean;
}) {
  const p = {
    orgId: run.org_id,
    appId: run.app_id,
    pipelineId: run.pipeline_id,
    runId: run.id,
  };
  const action = useRunAction(p);
  const navigate = useNavigate();
  const active = isRunActive(run.status);
  // Cancelled, the button goes with the run's activity: focus moves to "Run again", which takes its place.
  const cancelling = useRef(false);
  const runAgain = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (active || !cancelling.current) return;
    cancelling.current = false;
    if (focusIsLost()) runAgain.current?.focus();
  }, [active]);
  return (
    <div className="row">
      {active ? (
        <button
          type="button"
          className="button button--danger"
          disabled={!canRun || action.isPending}
          onClick={() => {
            cancelling.current = true;
            action.mutate('cancel', {
              onError: () => (cancelling.current = false),
            });
          }}
        >
          Cancel run
        </button>
      ) : (
        <button
          ref={runAgain}
          type="button"
          className="button"
          disabled={!canRun || action.isPending}
          onClick={() =>
            action.mutate('restart', {
              onSuccess: (next) => {
                if (next)
                  navigate(
                    paths.pipelineRun(p.orgId, p.appId, p.pipelineId, next.id),
                  );
              },
            })
          }
        >
          Run again
        </button>
      )}
      {action.isError && (
        <ErrorPanel
          error={action.error}
          action={active ? 'cancel the run' : 'run it again'}
        />
      )}
    </div>
  );
}
