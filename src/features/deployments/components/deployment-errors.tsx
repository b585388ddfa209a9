import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useDeploymentErrors } from '../queries';

interface DeploymentErrorsProps {
  orgId: string;
  appId: string;
  envId: string;
  deployId: string;
}

/** Why a deployment failed: one entry per error, scope and object first. */
export function DeploymentErrors({ orgId, appId, envId, deployId }: DeploymentErrorsProps) {
  const errors = useDeploymentErrors(orgId, appId, envId, deployId, true);
  if (errors.isPending) return <Skeleton rows={2} label="Loading errors" />;
  if (errors.isError) return <ErrorPanel error={errors.error} action="load the errors" onRetry={() => errors.refetch()} />;
  if (errors.data.length === 0) {
    return <p className="muted">The deployment failed without a reported error.</p>;
  }
  return (
    <section className="panel panel--failure" aria-labelledby="errors-heading">
      <div className="panel__header">
        <h2 id="errors-heading">Why it failed</h2>
        <span className="muted">{errors.data.length} error(s)</span>
      </div>
      <ul className="panel__body stack" style={{ listStyle: 'none', margin: 0 }}>
        {errors.data.map((e, i) => (
          <li key={`${e.object_id}-${e.code}-${i}`}>
            <p>
              <strong>{e.summary}</strong> · {e.scope} <code>{e.object_id}</code> · <code>{e.code}</code>
            </p>
            <pre className="error-message">{e.message}</pre>
          </li>
        ))}
      </ul>
    </section>
  );
}
