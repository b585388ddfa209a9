import { useNavigate } from 'react-router';
import type { PipelineRun } from '@/api/pipelines';
import { ErrorPanel } from '@/components/ui/error-panel';
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
  return (
    <div className="row">
      {active ? (
        <button
          type="button"
          className="button button--danger"
          disabled={!canRun || action.isPending}
          onClick={() => action.mutate('cancel')}
        >
          Cancel run
        </button>
      ) : (
        <button
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
