import { useId, type FormEvent } from 'react';
import type { WorkloadProfile } from '@/api/types';
import { EmptyState } from '@/components/ui/empty-state';
import { Panel, PanelBody } from '@/components/ui/panel';
import { qidOf } from '../utils/profile-ids';
import './profiles.css';

interface WorkloadProfilePickerProps {
  /** Every profile of the organisation, deprecated ones included. */
  profiles: WorkloadProfile[];
  /** The workloads the environment has: a new one needs another name. */
  existing: string[];
  name: string;
  profileQid: string;
  onChange: (next: { name: string; profileQid: string }) => void;
  onContinue: () => void;
  /** An existing workload changing profile: its name is given, and its current profile cannot be chosen. */
  current?: { profileQid: string };
}

/** A workload id as Humanitec's API accepts it (lowercase, digits, dashes). */
const WORKLOAD_ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Why a workload name cannot be used, or undefined. */
export function workloadNameProblem(
  name: string,
  existing: string[],
): string | undefined {
  if (name === '') return 'Give the workload a name.';
  if (name.length > 50) return 'A name has at most 50 characters.';
  if (!WORKLOAD_ID.test(name))
    return 'Use lowercase letters, digits and dashes, starting and ending with a letter or digit, e.g. api or worker-1.';
  if (existing.includes(name))
    return `The environment already has a workload named ${name}: choose another name, or edit that one.`;
  return undefined;
}

/**
 * The first step of "Add workload": a name, and a profile from the
 * organisation's gallery (title, description, version, deprecation; current
 * profiles first). Both live in the URL, so the step can be linked and
 * survives a reload.
 */
export function WorkloadProfilePicker(props: WorkloadProfilePickerProps) {
  const {
    profiles,
    existing,
    name,
    profileQid,
    onChange,
    onContinue,
    current,
  } = props;
  const nameId = useId();
  const hintId = useId();
  const errorId = useId();
  const problem = current ? undefined : workloadNameProblem(name, existing);
  const showProblem = name !== '' && problem !== undefined;
  const sorted = [...profiles].sort(
    (a, b) =>
      Number(Boolean(a.deprecation_message)) -
        Number(Boolean(b.deprecation_message)) ||
      qidOf(a).localeCompare(qidOf(b)),
  );
  const chosen = profiles.find((p) => qidOf(p) === profileQid);
  const ready =
    problem === undefined &&
    chosen !== undefined &&
    qidOf(chosen) !== current?.profileQid;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) return onContinue();
    // Not ready: to what is missing (the name, else the first profile to choose), not left on the button.
    const form = event.currentTarget as HTMLFormElement;
    const target =
      problem !== undefined
        ? document.getElementById(nameId)
        : (form.querySelector<HTMLInputElement>(
            '.profile-picker input[type="radio"]:checked:not(:disabled)',
          ) ??
          form.querySelector<HTMLInputElement>(
            '.profile-picker input[type="radio"]:not(:disabled)',
          ));
    target?.focus();
  };
  return (
    <form
      className="stack"
      onSubmit={submit}
      aria-label={current ? `New profile for ${name}` : 'New workload'}
    >
      {!current && (
        <Panel title="Name">
          <PanelBody>
            <div className="field">
              <label htmlFor={nameId}>Workload name</label>
              <input
                id={nameId}
                className="input mono"
                value={name}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={showProblem}
                aria-describedby={showProblem ? `${hintId} ${errorId}` : hintId}
                onChange={(e) => onChange({ name: e.target.value, profileQid })}
              />
              <span id={hintId} className="field__hint">
                Lowercase letters, digits and dashes, e.g. <code>api</code> or{' '}
                <code>worker-1</code>.
              </span>
              {showProblem && (
                <span id={errorId} className="field__error" role="alert">
                  {problem}
                </span>
              )}
            </div>
          </PanelBody>
        </Panel>
      )}
      <Panel title={current ? 'New profile' : 'Profile'}>
        <PanelBody>
          {sorted.length === 0 ? (
            <EmptyState title="The organisation has no workload profiles">
              A platform engineer creates them under Workload profiles.
            </EmptyState>
          ) : (
            <fieldset className="profile-picker">
              <legend className="visually-hidden">Workload profile</legend>
              <ul className="gallery">
                {sorted.map((p) => {
                  const qid = qidOf(p);
                  const id = `profile-${qid}`;
                  const isCurrent = qid === current?.profileQid;
                  return (
                    <li
                      key={qid}
                      className="gallery__item profile-picker__item"
                      data-chosen={qid === profileQid || undefined}
                    >
                      <label htmlFor={id} className="profile-picker__label">
                        <input
                          id={id}
                          type="radio"
                          name="profile"
                          value={qid}
                          checked={qid === profileQid}
                          disabled={isCurrent}
                          aria-describedby={
                            isCurrent ? `${id}-current` : undefined
                          }
                          onChange={() => onChange({ name, profileQid: qid })}
                        />
                        <span className="mono">{qid}</span>
                      </label>
                      {isCurrent && (
                        <p id={`${id}-current`} className="muted">
                          The profile {name} has now.
                        </p>
                      )}
                      <p className="muted">
                        Version {p.version}
                        {p.description ? ` · ${p.description}` : ''}
                      </p>
                      {p.deprecation_message && (
                        <p className="profile-picker__deprecated">
                          <strong>Deprecated:</strong> {p.deprecation_message}
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          )}
        </PanelBody>
      </Panel>
      <div className="row">
        <button
          type="submit"
          className="button button--primary"
          aria-disabled={!ready}
        >
          Continue to the form
        </button>
        <span className="muted" aria-live="polite">
          {ready
            ? `${name} with ${profileQid}`
            : problem !== undefined
              ? name === ''
                ? 'Name the workload to continue.'
                : 'Correct the workload name to continue.'
              : 'Choose a profile to continue.'}
        </span>
      </div>
    </form>
  );
}
