import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorPanel } from '@/components/ui/error-panel';
import { paths } from '@/config/paths';
import { useFocusOutcome } from '@/hooks/use-focus-outcome';
import { envChoiceLabel } from '@/lib/format';
import { useRequestDeployment } from '../mutations';
import { usePipelineCriteria, usePipelineEnvironments } from '../queries';
import { routeRequest } from '../utils/criteria';

/**
 * A deployment request (redeploy of an environment's current set) through the
 * pipelines: the API picks the pipeline whose criteria match. Each
 * environment says which pipeline its request goes to (as the API routes it);
 * one no criteria match cannot be chosen. On a pipeline's page
 * (`pipelineId`), only environments whose requests come to that pipeline can.
 */
export function RequestDeployment({
  orgId,
  appId,
  pipelineId,
  canRun,
}: {
  orgId: string;
  appId: string;
  pipelineId?: string;
  canRun: boolean;
}) {
  const envs = usePipelineEnvironments(orgId, appId);
  const criteria = usePipelineCriteria(orgId, appId);
  const choices = (envs.data ?? []).map((env) => {
    const route = criteria.data
      ? routeRequest(
          criteria.data,
          { appId, envId: env.id, envType: env.type },
          'redeploy',
        )
      : undefined;
    const allowed = pipelineId
      ? route?.pipeline_id === pipelineId
      : route !== undefined;
    const to = !criteria.data
      ? ''
      : !route
        ? ' — no pipeline’s criteria match'
        : pipelineId
          ? route.pipeline_id === pipelineId
            ? ''
            : ` — goes to ${route.pipeline_name}`
          : ` → ${route.pipeline_name}`;
    return {
      env,
      allowed,
      label: `${envChoiceLabel(env, { withType: true })}${to}`,
    };
  });
  const [envId, setEnvId] = useState('');
  const [comment, setComment] = useState('');
  const request = useRequestDeployment(orgId, appId);
  // The button, disabled while the request runs, drops focus to the page's body: it goes to the result
  // (the run started, or the refusal) unless the user has moved it meanwhile.
  const runLink = useRef<HTMLAnchorElement>(null);
  const form = useRef<HTMLFormElement>(null);
  useFocusOutcome({
    form: () => form.current,
    succeeded: request.data?.id,
    refused: request.isError,
    onSucceeded: () => runLink.current,
    errorHeadingId: 'request-error-heading',
  });
  const ready = !!envs.data && !!criteria.data;
  const target =
    choices.find((c) => c.env.id === envId && c.allowed)?.env.id ??
    choices.find((c) => c.allowed)?.env.id ??
    '';
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
      <p className="muted" id="request-help">
        {pipelineId
          ? 'Redeploys the environment’s current set through this pipeline. Only environments whose requests its criteria route here can be chosen.'
          : 'Redeploys the environment’s current set through the pipeline whose criteria match it (the most specific one).'}
      </p>
      {ready && !target && (
        <p role="status">
          {pipelineId
            ? 'No environment’s deployment request comes to this pipeline: add criteria that match one.'
            : 'No pipeline’s criteria match any environment of this app: add criteria to a pipeline.'}
        </p>
      )}
      <div className="row">
        <div className="field">
          <label htmlFor="request-env">Environment</label>
          <select
            className="select"
            id="request-env"
            value={target}
            onChange={(e) => setEnvId(e.target.value)}
            disabled={!ready || !target}
            aria-describedby="request-help"
          >
            {!target && <option value="">No environment</option>}
            {choices.map(({ env, allowed, label }) => (
              <option key={env.id} value={env.id} disabled={!allowed}>
                {label}
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
      {criteria.isError && (
        <ErrorPanel
          error={criteria.error}
          action="load the pipelines’ criteria"
          onRetry={() => criteria.refetch()}
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
