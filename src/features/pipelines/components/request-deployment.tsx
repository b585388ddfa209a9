import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorPanel } from '@/components/ui/error-panel';
import { paths } from '@/config/paths';
import { focusableHeading, focusIsFormsOwn } from '@/lib/focus';
import { envChoiceLabel } from '@/lib/format';
import { useRequestDeployment } from '../mutations';
import { usePipelineEnvironments } from '../queries';

/**
 * A deployment request (redeploy of an environment's current set) through the
 * pipelines: the engine picks the pipeline whose criteria match.
 */
export function RequestDeployment({
  orgId,
  appId,
  canRun,
}: {
  orgId: string;
  appId: string;
  canRun: boolean;
}) {
  const envs = usePipelineEnvironments(orgId, appId);
  const [envId, setEnvId] = useState('');
  const [comment, setComment] = useState('');
  const request = useRequestDeployment(orgId, appId);
  // The button, disabled while the request runs, drops focus to the page's body: it goes to the result
  // (the run started, or the refusal) unless the user has moved it meanwhile.
  const runLink = useRef<HTMLAnchorElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const runId = request.data?.id;
  const refused = request.isError;
  useEffect(() => {
    if (!runId && !refused) return;
    if (!focusIsFormsOwn(form.current)) return;
    if (runId) runLink.current?.focus();
    else focusableHeading('request-error-heading')?.focus();
  }, [runId, refused]);
  const target = envId || envs.data?.[0]?.id || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (target)
      request.mutate({
        env_id: target,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
  };
  return (
    <form
      ref={form}
      onSubmit={submit}
      aria-labelledby="request-heading"
      className="stack"
    >
      <h2 id="request-heading">Request a deployment</h2>
      <p className="muted">
        Redeploys the environment’s current set through the pipeline whose
        criteria match it.
      </p>
      <div className="row">
        <div className="field">
          <label htmlFor="request-env">Environment</label>
          <select
            className="select"
            id="request-env"
            value={target}
            onChange={(e) => setEnvId(e.target.value)}
            disabled={!envs.data}
          >
            {envs.data?.map((env) => (
              <option key={env.id} value={env.id}>
                {envChoiceLabel(env, { withType: true })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="request-comment">Comment</label>
          <input
            className="input"
            id="request-comment"
            value={comment}
            maxLength={1000}
            onChange={(e) => setComment(e.target.value)}
          />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={!canRun || !target || request.isPending}
        >
          Request deployment
        </button>
      </div>
      {envs.isError && (
        <ErrorPanel
          error={envs.error}
          action="load the environments"
          onRetry={() => envs.refetch()}
        />
      )}
      {request.isError && (
        <ErrorPanel
          error={request.error}
          action="request the deployment"
          headingId="request-error-heading"
        />
      )}
      {request.isSuccess && (
        <p role="status">
          Started run{' '}
          <Link
            ref={runLink}
            to={paths.pipelineRun(
              orgId,
              appId,
              request.data.pipeline_id,
              request.data.id,
            )}
          >
            {request.data.id.slice(0, 8)} of {request.data.pipeline_id}
          </Link>
          .
        </p>
      )}
    </form>
  );
}
