import { useEffect, useRef } from 'react';
import { focusField } from '@/components/editors/schema-form-focus';
import { labelledMessage } from '@/lib/json-schema/labels';
import {
  fieldDomId as fieldId,
  fieldLabel,
  type FieldProblem,
} from '../utils/field-errors';

/** The engine's field-level refusals, each linking to its field (the messages are also shown in place). */
export function ErrorSummary({
  problems,
  idPrefix,
  schema,
  heading = 'The engine refused the change',
  focusKey,
}: {
  problems: FieldProblem[];
  idPrefix: string;
  schema?: unknown;
  /** What the problems are about; the count of fields follows. */
  heading?: string;
  /**
   * Set (to a new value) on each refused submit: the summary takes the focus
   * and scrolls into view, so the user pressing Review at the end of a long form
   * lands on what to fix instead of nothing visible happening.
   */
  focusKey?: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey !== undefined) ref.current?.focus();
  }, [focusKey]);
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="error-panel error-summary"
    >
      <h2>
        {heading}: {problems.length} field
        {problems.length === 1 ? ' needs' : 's need'} attention
      </h2>
      <ul>
        {problems.map((problem, i) => (
          <li key={i}>
            <a
              href={`#${fieldId(idPrefix, problem.path)}`}
              onClick={(event) => {
                // Expands the collapsed section holding the field (large forms) before focusing it.
                if (focusField(fieldId(idPrefix, problem.path)))
                  event.preventDefault();
              }}
            >
              {fieldLabel(problem.path, schema)}
            </a>
            :{' '}
            {labelledMessage(
              fieldLabel(problem.path, schema).split(' › ').at(-1) ?? '',
              problem.message,
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
