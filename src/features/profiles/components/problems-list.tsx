import { StatusBadge } from '@/components/ui/status-badge';
import { validationStatus } from '@/lib/status';
import type { PlacedProblem } from '../hooks/use-designer-analysis';

/** The schema's problems as a list (Monaco's squiggles are not read by screen readers); each jumps to its line. */
export function ProblemsList({
  problems,
  onSelect,
}: {
  problems: PlacedProblem[];
  onSelect: (problem: PlacedProblem) => void;
}) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <div className="row">
        <h3 id="problems-heading">Problems</h3>
        <StatusBadge status={validationStatus(errors)} />
        {problems.length > errors && (
          <span className="muted">
            {problems.length - errors} warning
            {problems.length - errors === 1 ? '' : 's'}
          </span>
        )}
      </div>
      {problems.length === 0 ? (
        <p className="muted">
          No problems: the schema and its annotations are sound.
        </p>
      ) : (
        <ul className="problems__list">
          {problems.map((problem, i) => (
            <li key={i}>
              <button
                type="button"
                className="problems__item"
                onClick={() => onSelect(problem)}
              >
                <span
                  className={
                    problem.severity === 'error'
                      ? 'problems__severity problems__severity--error'
                      : 'problems__severity'
                  }
                >
                  {problem.severity === 'error' ? 'Error' : 'Warning'}
                </span>
                <span className="mono">Line {problem.startLine}</span>
                <span>{problem.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
