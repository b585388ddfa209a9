import type { PipelineJob } from '@/api/pipelines';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { formatTime } from '@/lib/format';
import { useStepLogs } from '../queries';

type RunPath = {
  orgId: string;
  appId: string;
  pipelineId: string;
  runId: string;
};

/** A step's log lines, followed while the step runs. */
export function StepLogs({
  run,
  job,
  index,
}: {
  run: RunPath;
  job: PipelineJob;
  index: number;
}) {
  const step = job.steps[index];
  const active = step?.status === 'executing' || step?.status === 'waiting';
  const logs = useStepLogs({ ...run, jobId: job.id, stepIndex: index }, active);
  if (!step)
    return (
      <p>
        Job {job.id} has no step {index + 1}.
      </p>
    );
  return (
    <Panel
      titleId="step-logs-heading"
      title={
        <>
          Logs of {job.id} › {step.name}
        </>
      }
      actions={<code className="muted">{step.uses}</code>}
    >
      <PanelBody>
        {logs.isPending && <Skeleton rows={3} label="Loading the logs" />}
        {logs.isError && (
          <ErrorPanel
            error={logs.error}
            action="load the step's logs"
            onRetry={() => logs.refetch()}
          />
        )}
        {logs.data?.length === 0 && (
          <p className="muted">No log lines yet: the step has not started.</p>
        )}
        {logs.data && logs.data.length > 0 && (
          <pre
            className="step-logs"
            tabIndex={0}
            aria-label={`Log lines of ${step.name}`}
          >
            {logs.data.map((line, i) => (
              <div
                key={i}
                className={
                  line.level === 'ERROR' ? 'step-logs__line--error' : undefined
                }
              >
                {formatTime(line.at)} {line.level.padEnd(5)} {line.message}
              </div>
            ))}
          </pre>
        )}
      </PanelBody>
    </Panel>
  );
}
