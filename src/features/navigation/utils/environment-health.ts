import { deploymentStatus, healthStatus, type StatusView } from '@/lib/status';

/** The fields the health dot needs (an environment row of the index or of the API). */
export interface HealthInput {
  last_deploy?: { status: string } | null;
}

/**
 * The health dot of an environment in the sidebar, palette and switchers:
 * the engine's health state (issue 4's model) when the API offers it, else
 * the status of the environment's last deployment.
 */
export function environmentHealth(
  env: HealthInput,
  state?: string,
): StatusView {
  return state
    ? healthStatus(state)
    : deploymentStatus(env.last_deploy?.status);
}
