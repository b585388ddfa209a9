import type { ReactNode } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import { healthStatus } from '@/lib/status';
import { useEnvironmentHealth } from '../queries';

/** The environment's health state; `fallback` (e.g. the deployment status) until it is known or without the extension. */
export function EnvHealthBadge({
  orgId,
  appId,
  envId,
  fallback,
}: {
  orgId: string;
  appId: string;
  envId: string;
  fallback: ReactNode;
}) {
  const { data } = useEnvironmentHealth(orgId, appId, envId);
  return data ? (
    <StatusBadge status={healthStatus(data.state)} />
  ) : (
    <>{fallback}</>
  );
}
