import './pipelines.css';
import { useRef, useState, type FormEvent } from 'react';
import type { CriteriaFields } from '@/api/pipelines';
import { ConfirmDelete } from '@/components/ui/confirm-delete';
import { ErrorPanel } from '@/components/ui/error-panel';
import { GuardedButton } from '@/components/ui/guarded-button';
import type { CanResult } from '@/hooks/use-can';
import { envChoiceLabel } from '@/lib/format';
import { useCriteriaMutations } from '../mutations';
import {
  useEnvTypes,
  usePipelineCriteria,
  usePipelineEnvironments,
} from '../queries';
import { describeCriteria } from '../utils/criteria';

const ANY = '';

/**
 * The deployment requests a pipeline takes: its criteria in words, each
 * removable, and a form to add one (an environment type, an environment, a
 * kind of deployment; each "any" when left so). Without criteria, no request
 * reaches the pipeline, and the panel says so.
 */
export function CriteriaPanel({
  orgId,
  appId,
  pipelineId,
  can,
}: {
  orgId: string;
  appId: string;
  pipelineId: string;
  can: CanResult;
}) {
  const criteria = usePipelineCriteria(orgId, appId);
  const envs = usePipelineEnvironments(orgId, appId);
  const envTypes = useEnvTypes(orgId);
  const { add, remove } = useCriteriaMutations(orgId, appId, pipelineId);
  const [envType, setEnvType] = useState(ANY);
  const [envId, setEnvId] = useState(ANY);
  const [kind, setKind] = useState<'' | 'deploy' | 'redeploy'>(ANY);
  const first = useRef<HTMLSelectElement>(null);
  const own = criteria.data?.filter((c) => c.pipeline_id === pipelineId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: CriteriaFields = {
      ...(envType ? { env_type: envType } : {}),
      ...(envId ? { env_id: envId } : {}),
      ...(kind ? { deployment_type: kind } : {}),
    };
    add.mutate(fields, {
      onSuccess: () => {
        setEnvType(ANY);
        setEnvId(ANY);
        setKind(ANY);
        first.current?.focus();
      },
    });
  };

  return (
    <div className="stack">
      <h2 id="criteria-heading">Deployment requests that run it</h2>
      {criteria.isError ? (
        <ErrorPanel
          error={criteria.error}
          action="load the pipeline’s criteria"
          onRetry={() => void criteria.refetch()}
        />
      ) : !own ? (
        <p className="muted" role="status">
          Loading the criteria…
        </p>
      ) : own.length === 0 ? (
        <p role="status">
          No criteria yet: no deployment request reaches this pipeline. Add one
          below.
        </p>
      ) : (
        <ul className="criteria-list" aria-labelledby="criteria-heading">
          {own.map((c) => (
            <li key={c.id} className="criteria-list__item">
              <span>{describeCriteria(c)}</span>
              <ConfirmDelete
                can={can}
                label={`Remove criteria: ${describeCriteria(c)}`}
                text="Remove"
                title="Remove these criteria?"
                confirmLabel="Remove criteria"
                remove={remove}
                variables={c.id}
              >
                <p>
                  {describeCriteria(c)} will no longer come to this pipeline
                  (another pipeline’s matching criteria take them, if any).
                </p>
              </ConfirmDelete>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={submit}
        aria-labelledby="criteria-add-heading"
        className="stack"
      >
        <h3 id="criteria-add-heading">Add criteria</h3>
        <div className="row">
          <div className="field">
            <label htmlFor="criteria-env-type">Environment type</label>
            <select
              ref={first}
              className="select"
              id="criteria-env-type"
              value={envType}
              onChange={(e) => setEnvType(e.target.value)}
            >
              <option value={ANY}>Any type</option>
              {envTypes.data?.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.id}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="criteria-env">Environment</label>
            <select
              className="select"
              id="criteria-env"
              value={envId}
              onChange={(e) => setEnvId(e.target.value)}
            >
              <option value={ANY}>Any environment</option>
              {envs.data?.map((env) => (
                <option key={env.id} value={env.id}>
                  {envChoiceLabel(env, { withType: true })}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="criteria-kind">Deployment</label>
            <select
              className="select"
              id="criteria-kind"
              value={kind}
              onChange={(e) => setKind(e.target.value as typeof kind)}
            >
              <option value={ANY}>Any</option>
              <option value="deploy">A delta or set (deploy)</option>
              <option value="redeploy">The current set again (redeploy)</option>
            </select>
          </div>
          <GuardedButton
            can={can}
            type="submit"
            className="button"
            disabled={add.isPending}
          >
            Add criteria
          </GuardedButton>
        </div>
        {(envTypes.isError || envs.isError) && (
          <ErrorPanel
            error={envTypes.error ?? envs.error}
            action="load the environments and their types"
            onRetry={() => {
              void envTypes.refetch();
              void envs.refetch();
            }}
          />
        )}
        {add.isError && (
          <ErrorPanel error={add.error} action="add the criteria" />
        )}
      </form>
    </div>
  );
}
