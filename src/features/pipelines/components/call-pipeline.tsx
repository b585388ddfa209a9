import { useMemo, useRef, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import { paths } from '@/config/paths';
import type { CanResult } from '@/hooks/use-can';
import { usePersistentState } from '@/hooks/use-persistent-state';
import { useFocusOutcome } from '@/hooks/use-focus-outcome';
import { useCallPipeline } from '../mutations';
import './pipelines.css';
import { declaredInputs, type DeclaredInput } from '../utils/inputs';

type Values = Record<string, string | boolean>;

/** The form's starting value of an input: its default, else empty (unchecked). */
const initialOf = (input: DeclaredInput): string | boolean =>
  input.type === 'boolean'
    ? input.default === true
    : input.default === undefined
      ? ''
      : String(input.default);

/**
 * Runs a pipeline through its `pipeline_call` trigger: a field per input its
 * YAML declares (text, number or a checkbox; defaults filled in, required
 * ones marked), or just the button when it declares none. The values typed
 * are kept (per pipeline) until the run starts, so a refusal or a reload
 * loses nothing; the API's refusal names the input.
 */
export function CallPipeline({
  orgId,
  appId,
  pipelineId,
  yaml,
  can,
}: {
  orgId: string;
  appId: string;
  pipelineId: string;
  yaml: string;
  can: CanResult;
}) {
  const inputs = useMemo(() => declaredInputs(yaml), [yaml]);
  const [draft, setDraft, clearDraft] = usePersistentState<Values>(
    `pipeline-call:${orgId}/${appId}/${pipelineId}`,
    {},
  );
  const call = useCallPipeline(orgId, appId, pipelineId);
  const form = useRef<HTMLFormElement>(null);
  const runLink = useRef<HTMLAnchorElement>(null);
  useFocusOutcome({
    form: () => form.current,
    succeeded: call.data?.id,
    refused: call.isError,
    onSucceeded: () => runLink.current,
    errorHeadingId: 'call-error-heading',
  });

  const valueOf = (input: DeclaredInput) =>
    Object.hasOwn(draft, input.name) ? draft[input.name] : initialOf(input);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, string | number | boolean> = {};
    for (const input of inputs) {
      const value = valueOf(input);
      if (input.type === 'boolean') body[input.name] = value === true;
      else if (value !== '')
        body[input.name] =
          input.type === 'number' ? Number(value) : String(value);
    }
    call.mutate(body, { onSuccess: () => clearDraft() });
  };

  return (
    <form
      ref={form}
      onSubmit={submit}
      aria-labelledby="call-heading"
      className="stack"
    >
      <h2 id="call-heading">Run this pipeline</h2>
      <p className="muted">
        {inputs.length === 0
          ? 'Starts a run through the pipeline_call trigger. The pipeline declares no inputs.'
          : 'Starts a run through the pipeline_call trigger with these inputs (its steps read them as ${{ inputs.<name> }}).'}
      </p>
      {inputs.length > 0 && (
        <div className="row call-inputs">
          {inputs.map((input) => {
            const id = `call-input-${input.name}`;
            const value = valueOf(input);
            const help = input.description ? `${id}-help` : undefined;
            if (input.type === 'boolean')
              return (
                <div className="field" key={input.name}>
                  <label htmlFor={id}>
                    <input
                      type="checkbox"
                      id={id}
                      checked={value === true}
                      aria-describedby={help}
                      onChange={(e) =>
                        setDraft({ ...draft, [input.name]: e.target.checked })
                      }
                    />{' '}
                    {input.name}
                  </label>
                  {help && (
                    <p className="field__hint" id={help}>
                      {input.description}
                    </p>
                  )}
                </div>
              );
            return (
              <div className="field" key={input.name}>
                <label htmlFor={id}>
                  {input.name}
                  {input.required && input.default === undefined && (
                    <span aria-hidden="true"> *</span>
                  )}
                </label>
                <input
                  className="input"
                  id={id}
                  type={input.type === 'number' ? 'number' : 'text'}
                  inputMode={input.type === 'number' ? 'decimal' : undefined}
                  required={input.required && input.default === undefined}
                  value={String(value)}
                  aria-describedby={help}
                  onChange={(e) =>
                    setDraft({ ...draft, [input.name]: e.target.value })
                  }
                />
                {help && (
                  <p className="field__hint" id={help}>
                    {input.description}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      )}
      <div className="row">
        <GuardedButton
          can={can}
          type="submit"
          className="button button--primary"
          disabled={call.isPending}
        >
          Run pipeline
        </GuardedButton>
      </div>
      {call.isError && (
        <ErrorPanel
          error={call.error}
          action="run the pipeline"
          headingId="call-error-heading"
        />
      )}
      {call.isSuccess && (
        <p role="status">
          Started run{' '}
          <Link
            ref={runLink}
            to={paths.pipelineRun(orgId, appId, pipelineId, call.data.id)}
          >
            {call.data.id.slice(0, 8)}
          </Link>
          .
        </p>
      )}
    </form>
  );
}
