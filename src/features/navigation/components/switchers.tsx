import { useMemo, useState } from 'react';
import { SwitcherPopover } from '@/components/layout/switcher-popover';
import type { LinkRow } from '@/components/layout/virtual-link-list';
import { paths } from '@/config/paths';
import { describeError } from '@/lib/errors';
import { useAppEnvironments, useNavIndex } from '../queries';
import { useAppHealthStates } from '../hooks/use-health-states';
import { environmentHealth } from '../utils/environment-health';

const byName = new Intl.Collator('en');
export const errorText = (error: unknown) =>
  error ? `Could not load: ${describeError(error).message}` : undefined;

export interface Where {
  orgId: string;
  appId: string;
  envId?: string;
  deployId?: string;
  workloadId?: string;
}

/** Sibling apps; keeps the environment when the other app has one of that id. */
export function AppSwitcher({ orgId, appId, envId }: Where) {
  const [open, setOpen] = useState(false);
  const index = useNavIndex(orgId);
  const rows = useMemo<LinkRow[] | undefined>(() => {
    if (!open || !index.data) return undefined;
    return [...index.data.apps]
      .sort((a, b) => byName.compare(a.name, b.name))
      .map((app) => ({
        key: app.id,
        label: app.name,
        detail: app.name.toLowerCase() !== app.id ? app.id : undefined,
        current: app.id === appId,
        to:
          envId && app.envs.some((e) => e.id === envId)
            ? paths.env(orgId, app.id, envId)
            : paths.app(orgId, app.id),
      }));
  }, [open, index.data, orgId, appId, envId]);
  return (
    <SwitcherPopover
      noun="application"
      plural="applications"
      open={open}
      onOpenChange={setOpen}
      rows={rows}
      error={errorText(index.error)}
      onRetry={() => void index.refetch()}
    />
  );
}

/** Sibling environments with their health; keeps the workload when the other environment runs it. */
export function EnvSwitcher({ orgId, appId, envId, workloadId }: Where) {
  const [open, setOpen] = useState(false);
  const envs = useAppEnvironments(orgId, appId, open);
  const healthState = useAppHealthStates(orgId, appId);
  const index = useNavIndex(orgId);
  const rows = envs.data?.map((env) => {
    const workloads = index.data?.apps
      .find((a) => a.id === appId)
      ?.envs.find((e) => e.id === env.id)?.workloads;
    const keep = workloadId && workloads?.includes(workloadId);
    return {
      key: env.id,
      label: env.name,
      detail: env.type,
      status: environmentHealth(env, healthState(env.id)),
      current: env.id === envId,
      to: keep
        ? paths.workload(orgId, appId, env.id, workloadId)
        : paths.env(orgId, appId, env.id),
    };
  });
  return (
    <SwitcherPopover
      noun="environment"
      plural="environments"
      open={open}
      onOpenChange={setOpen}
      rows={rows}
      error={errorText(envs.error)}
      onRetry={() => void envs.refetch()}
    />
  );
}
