import { Link } from 'react-router';
import type { PipelineJob } from '@/api/pipelines';
import { StatusBadge } from '@/components/ui/status-badge';
import { columnsByDepth } from '../utils/graph';
import { pipelineStatus } from '../utils/status';

interface RunGraphProps {
  jobs: PipelineJob[];
  needs: Record<string, string[]>;
  selected?: { job: string; index: number };
  stepLink: (jobId: string, index: number) => string;
}

/** The run as a graph: jobs in columns by dependency depth, each with its steps and their live status. */
export function RunGraph({ jobs, needs, selected, stepLink }: RunGraphProps) {
  const columns = columnsByDepth(jobs, needs);
  return (
    <div
      className="run-graph"
      role="list"
      aria-label="Jobs of the run, in order"
    >
      {columns.map((column, depth) => (
        <div
          className="run-graph__column"
          role="listitem"
          key={depth}
          aria-label={`Stage ${depth + 1}`}
        >
          {column.map((job) => (
            <section
              className="run-graph__job"
              key={job.id}
              aria-labelledby={`job-${job.id}`}
            >
              <header className="run-graph__job-header">
                <h3 id={`job-${job.id}`}>{job.id}</h3>
                <StatusBadge status={pipelineStatus(job.status)} />
              </header>
              {(needs[job.id] ?? []).length > 0 && (
                <p className="muted">After {needs[job.id].join(', ')}</p>
              )}
              <ol className="run-graph__steps">
                {job.steps.map((step) => {
                  const current =
                    selected?.job === job.id && selected.index === step.index;
                  return (
                    <li
                      key={step.index}
                      className={
                        current
                          ? 'run-graph__step run-graph__step--current'
                          : 'run-graph__step'
                      }
                    >
                      <Link
                        to={stepLink(job.id, step.index)}
                        aria-current={current ? 'step' : undefined}
                      >
                        {step.name}
                      </Link>
                      <StatusBadge status={pipelineStatus(step.status)} />
                      {step.status_message && (
                        <span className="run-graph__message">
                          {step.status_message}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
        </div>
      ))}
    </div>
  );
}
