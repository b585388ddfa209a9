import { Link } from 'react-router';
import type { Deployment } from '@/api/types';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { paths } from '@/config/paths';
import { shortId } from '@/lib/format';
import { deploymentStatus } from '@/lib/status';
import { useDiffDelta, useDiffDeployment, useDiffSet } from '../queries';
import type { ViewOptions } from '@/lib/diff/view-options';
import type { DeploymentRef } from '../utils/diff-params';
import { DiffDetails } from '@/components/diff/diff-details';

interface DiffResultProps {
  orgId: string;
  appId: string;
  from: DeploymentRef;
  to: DeploymentRef;
  view: ViewOptions;
  onViewChange: (view: ViewOptions) => void;
}

/** The comparison of two deployments: which ones, then the engine's delta between their sets, rendered. */
export function DiffResult({
  orgId,
  appId,
  from,
  to,
  view,
  onViewChange,
}: DiffResultProps) {
  const { data: a } = useDiffDeployment(
    orgId,
    appId,
    from.envId,
    from.deployId,
  );
  const { data: b } = useDiffDeployment(orgId, appId, to.envId, to.deployId);
  const { data: delta } = useDiffDelta(orgId, appId, b.set_id, a.set_id);
  const fromSet = useDiffSet(orgId, appId, a.set_id);
  const toSet = useDiffSet(orgId, appId, b.set_id);
  return (
    <>
      <p className="row" aria-label="Compared deployments">
        <DeploymentLabel orgId={orgId} appId={appId} deployment={a} />
        <span aria-hidden="true">→</span>
        <span className="visually-hidden">to</span>
        <DeploymentLabel orgId={orgId} appId={appId} deployment={b} />
      </p>
      <DiffDetails
        delta={delta}
        from={fromSet.data}
        to={toSet.data}
        setsError={fromSet.error ?? toSet.error ?? undefined}
        onRetrySets={() => {
          void fromSet.refetch();
          void toSet.refetch();
        }}
        view={view}
        onViewChange={onViewChange}
      />
    </>
  );
}

function DeploymentLabel({
  orgId,
  appId,
  deployment: d,
}: {
  orgId: string;
  appId: string;
  deployment: Deployment;
}) {
  return (
    <span className="chip chip--wrap">
      <strong>{d.env_id}</strong>
      <Link to={paths.deployment(orgId, appId, d.env_id, d.id)}>
        <code>{shortId(d.id)}</code> {d.comment || 'No comment'}
      </Link>
      <StatusBadge status={deploymentStatus(d.status)} />
      <RelativeTime iso={d.created_at} />
    </span>
  );
}
