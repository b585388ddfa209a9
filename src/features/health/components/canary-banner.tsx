import { Link } from 'react-router';
import { ApiText } from '@/components/ui/api-text';
import { Banner } from '@/components/ui/banner';
import { paths } from '@/config/paths';
import type { StatusView } from '@/lib/status';
import { useEnvironmentHealth } from '../queries';

const STATUS: Record<string, StatusView> = {
  deploying: { tone: 'progress', label: 'Canary deploying' },
  progressing: { tone: 'progress', label: 'Canary in progress' },
  promoted: { tone: 'success', label: 'Canary promoted' },
  aborted: { tone: 'failure', label: 'Canary aborted' },
};

/** The environment's canary release, from its health: the abort reason first, else the traffic split. */
export function CanaryBanner({
  orgId,
  appId,
  envId,
}: {
  orgId: string;
  appId: string;
  envId: string;
}) {
  const health = useEnvironmentHealth(orgId, appId, envId);
  const canary = health.data?.canary;
  if (!canary) return null;
  const summary =
    canary.status === 'aborted'
      ? (canary.abort_reason ??
        'The canary was aborted; traffic is back on the stable version.')
      : canary.status === 'promoted'
        ? 'All traffic runs the new version.'
        : `${canary.set_weight} % of traffic set to the canary, ${canary.actual_weight} % actual; stable ${canary.stable_deploy_id ?? 'none'}, canary ${canary.canary_deploy_id}.`;
  return (
    <Banner
      label="Canary release"
      status={
        STATUS[canary.status] ?? { tone: 'unknown', label: canary.status }
      }
      summary={<ApiText text={summary} />}
    >
      <Link to={paths.canary(orgId, appId, envId)}>Open the canary</Link>
    </Banner>
  );
}
