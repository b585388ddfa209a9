import { useQuery } from '@tanstack/react-query';
import { deploymentQueries } from '@/api/queries/deployments';
import { valueQueries } from '@/api/queries/values';
import { FieldChangeList } from '@/components/diff/field-change-list';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Panel, PanelBody } from '@/components/ui/panel';
import { Skeleton } from '@/components/ui/skeleton';
import { valueChanges } from '@/lib/values';

interface Ref {
  envId: string;
  deployId: string;
}

/** The values one deployment used: its deployment, then the value-set version it recorded. */
function useDeploymentValues(orgId: string, appId: string, ref: Ref) {
  const deployment = useQuery(
    deploymentQueries.detail(orgId, appId, ref.envId, ref.deployId),
  );
  const versionId = deployment.data?.value_set_version_id ?? '';
  const version = useQuery({
    ...valueQueries.envVersion(orgId, appId, ref.envId, versionId),
    enabled: versionId !== '',
  });
  return {
    pending: deployment.isPending || (versionId !== '' && version.isPending),
    error: deployment.error ?? version.error,
    retry: () => {
      void deployment.refetch();
      void version.refetch();
    },
    values: versionId === '' ? {} : version.data?.values,
    used: versionId !== '',
  };
}

/** The deployment comparison's values: what changed between the versions the two deployments used (secrets only as "changed"). */
export function DeploymentValuesDiff({
  orgId,
  appId,
  from,
  to,
}: {
  orgId: string;
  appId: string;
  from: Ref;
  to: Ref;
}) {
  const a = useDeploymentValues(orgId, appId, from);
  const b = useDeploymentValues(orgId, appId, to);
  const error = a.error ?? b.error;
  return (
    <Panel titleId="values-diff-heading" title="Values">
      <PanelBody>
        {(a.pending || b.pending) && !error && (
          <Skeleton rows={2} label="Loading the values of both deployments" />
        )}
        {error && (
          <ErrorPanel
            error={error}
            action="load the values the deployments used"
            onRetry={() => {
              a.retry();
              b.retry();
            }}
          />
        )}
        {!a.pending && !b.pending && !error && !a.used && !b.used && (
          <p className="muted">Neither deployment used shared values.</p>
        )}
        {a.values && b.values && (a.used || b.used) && (
          <FieldChangeList
            changes={valueChanges(a.values, b.values)}
            subject="the values"
          />
        )}
      </PanelBody>
    </Panel>
  );
}
