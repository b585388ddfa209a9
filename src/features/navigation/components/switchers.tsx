import { useMemo, useState } from 'react';
import { SwitcherPopover } from '@/components/layout/switcher-popover';
import type { LinkRow } from '@/components/layout/virtual-link-list';
import { APPS_PER_PAGE } from '@/api/queries/apps';
import { paths } from '@/config/paths';
import { describeError } from '@/lib/errors';
import { useAppEnvironments, useNavIndex } from '../queries';
import { useAllApps } from '../hooks/use-all-apps';
import { useAppHealthStates } from '../hooks/use-health-states';
import { environmentHealth } from '../utils/environment-health';

export const errorText = (error: unknown) =>
  error ? `Could not load: ${describeError(error).message}` : undefined;

export interface Where {
  orgId: string;
  appId: string;
  envId?: string;
  deployId?: string;
  workloadId?: string;
}

/**
 * Sibling apps; keeps the environment when the other app has one of that id.
 * Past the browser's index (10,000 apps) the server finds the matches
 * (use-all-apps.ts), so every app can be switched to, not only the first 1,000.
 */
export function AppSwitcher({ orgId, appId, envId }: Where) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const all = useAllApps(orgId, open ? filter : '', open);
  const rows = useMemo<LinkRow[] | undefined>(() => {
    if (!open || !all.apps) return undefined;
    return all.apps.map((app) => ({
      key: app.id,
      label: app.name,
      detail: app.name.toLowerCase() !== app.id ? app.id : undefined,
      current: app.id === appId,
      to:
        envId && app.envs.some((e) => e.id === envId)
          ? paths.env(orgId, app.id, envId)
          : paths.app(orgId, app.id),
    }));
  }, [open, all.apps, orgId, appId, envId]);
  const left = (all.matching ?? 0) - (rows?.length ?? 0);
  return (
    <SwitcherPopover
      noun="application"
      plural="applications"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setFilter('');
      }}
      rows={rows}
      error={errorText(all.error)}
      onRetry={all.retry}
      onFilterChange={setFilter}
      filtered={all.filtered}
      footer={
        all.filtered && (
          <p className="switcher__note" role="status">
            {(all.matching ?? 0).toLocaleString('en')} of{' '}
            {(all.total ?? 0).toLocaleString('en')} applications
            {all.hasMore && left > 0 && (
              <>
                {' '}
                <button
                  type="button"
                  className="button button--small"
                  disabled={all.loadingMore}
                  onClick={all.showMore}
                >
                  Show {Math.min(APPS_PER_PAGE, left).toLocaleString('en')} more
                </button>
              </>
            )}
          </p>
        )
      }
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
