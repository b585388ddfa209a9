import { deploymentStatus, type StatusView } from '@/lib/status';

/** The fields the health dot needs (an environment row of the index or of the API). */
export interface HealthInput {
  last_deploy?: { status: string } | null;
}

/**
 * The health dot of an environment in the sidebar, palette and switchers.
 * For now it is the status of the environment's last deployment in the
 * shared status vocabulary; this is the one place to swap in the environment
 * health model (issue 4) when it exists.
 */
export function environmentHealth(env: HealthInput): StatusView {
  return deploymentStatus(env.last_deploy?.status);
}
