import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useFleetOverview } from '../queries';
import { FleetDrift } from './fleet-drift';
import { FleetInbox } from './fleet-inbox';
import { FleetOrgs } from './fleet-orgs';
import { FleetRollout } from './fleet-rollout';
import './fleet.css';

/** The fleet: organisations and their health, the inbox across them, drift from the baseline, profile rollouts. */
export function FleetPage({
  orgId,
  baseline,
  onBaselineChange,
}: {
  orgId: string;
  baseline: string;
  onBaselineChange: (orgId: string) => void;
}) {
  const fleet = useFleetOverview(orgId, baseline);
  if (fleet.isPending) return <Skeleton rows={6} label="Loading the fleet" />;
  if (fleet.isError)
    return (
      <ErrorPanel
        error={fleet.error}
        action="load the fleet"
        onRetry={() => fleet.refetch()}
      />
    );
  if (fleet.data === null) {
    return (
      <p className="muted">
        The fleet view is unavailable from this API: it needs the console&apos;s
        fleet extension. Switch organisations with the organisation switcher
        instead.
      </p>
    );
  }
  const overview = fleet.data;
  return (
    <>
      <FleetOrgs orgs={overview.orgs} baseline={overview.baseline_org_id} />
      <div className="fleet-grid">
        <FleetInbox items={overview.needs_attention} />
        <FleetRollout
          key={overview.baseline_org_id}
          orgId={orgId}
          overview={overview}
        />
      </div>
      <FleetDrift
        orgs={overview.orgs}
        baseline={overview.baseline_org_id}
        onBaselineChange={onBaselineChange}
      />
    </>
  );
}
