import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useDeploymentErrors } from '../queries';
import { ErrorDetail } from './error-detail';

interface DeploymentErrorsProps {
  orgId: string;
  appId: string;
  envId: string;
  deployId: string;
  baseDeployId?: string;
  /** Said under the heading, e.g. that the step timeline is unavailable. */
  note?: string;
}

/** Why a deployment failed, from the standard errors endpoint: one entry per error, with hint and links. */
export function DeploymentErrors({
  orgId,
  appId,
  envId,
  deployId,
  baseDeployId,
  note,
}: DeploymentErrorsProps) {
  const errors = useDeploymentErrors(orgId, appId, envId, deployId, true);
  if (errors.isPending) return <Skeleton rows={2} label="Loading errors" />;
  if (errors.isError)
    return (
      <ErrorPanel
        error={errors.error}
        action="load the errors"
        onRetry={() => errors.refetch()}
      />
    );
  return (
    <Panel
      titleId="errors-heading"
      title="Why it failed"
      failure
      actions={<span className="muted">{errors.data.length} error(s)</span>}
    >
      <PanelBody className="stack">
        {note && <p className="muted">{note}</p>}
        {errors.data.length === 0 ? (
          <p className="muted">
            The deployment failed without a reported error.
          </p>
        ) : (
          <ul
            className="stack"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {errors.data.map((e, i) => (
              <li key={`${e.object_id}-${e.code}-${i}`}>
                <ErrorDetail
                  error={e}
                  orgId={orgId}
                  appId={appId}
                  envId={envId}
                  deployId={deployId}
                  baseDeployId={baseDeployId}
                />
              </li>
            ))}
          </ul>
        )}
      </PanelBody>
    </Panel>
  );
}
