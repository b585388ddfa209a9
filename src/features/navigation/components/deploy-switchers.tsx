import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { deploymentQueries } from '@/api/queries/deployments';
import { envQueries } from '@/api/queries/environments';
import { setQueries } from '@/api/queries/sets';
import { SwitcherPopover } from '@/components/layout/switcher-popover';
import { paths } from '@/config/paths';
import { shortId } from '@/lib/format';
import { deploymentStatus } from '@/lib/status';
import { errorText, type Where } from './switchers';

/** The environment's deployments, newest first. */
export function DeploymentSwitcher({
  orgId,
  appId,
  envId = '',
  deployId,
}: Where) {
  const [open, setOpen] = useState(false);
  const deploys = useQuery({
    ...deploymentQueries.list(orgId, appId, envId),
    enabled: open,
  });
  const rows = deploys.data?.map((d) => ({
    key: d.id,
    label: `${shortId(d.id)} ${d.comment || ''}`.trim(),
    status: deploymentStatus(d.status),
    current: d.id === deployId,
    to: paths.deployment(orgId, appId, envId, d.id),
  }));
  return (
    <SwitcherPopover
      noun="deployment"
      plural="deployments"
      open={open}
      onOpenChange={setOpen}
      rows={rows}
      error={errorText(deploys.error)}
      onRetry={() => void deploys.refetch()}
    />
  );
}

/** The workloads of the environment's last deployment. */
export function WorkloadSwitcher({
  orgId,
  appId,
  envId = '',
  workloadId,
}: Where) {
  const [open, setOpen] = useState(false);
  const env = useQuery({
    ...envQueries.detail(orgId, appId, envId),
    enabled: open,
  });
  const setId = env.data?.last_deploy?.set_id;
  const set = useQuery({
    ...setQueries.set(orgId, appId, setId ?? ''),
    enabled: open && !!setId,
  });
  const rows =
    env.data && !setId
      ? []
      : set.data &&
        Object.keys(set.data.modules)
          .sort()
          .map((id) => ({
            key: id,
            label: id,
            current: id === workloadId,
            to: paths.workload(orgId, appId, envId, id),
          }));
  const error = env.error ?? set.error;
  return (
    <SwitcherPopover
      noun="workload"
      plural="workloads"
      open={open}
      onOpenChange={setOpen}
      rows={rows || undefined}
      error={errorText(error)}
      onRetry={() => void (env.error ? env.refetch() : set.refetch())}
    />
  );
}
