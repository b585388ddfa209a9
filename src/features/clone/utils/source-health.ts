import type { ClonePreview } from '@/api/clone';
import type { EnvironmentHealth } from '@/api/health';

/** States of a workload that a reviewer should see before copying it on. */
const UNHEALTHY = new Set(['Failed', 'Degraded', 'Unknown']);

/**
 * The source's workloads that are not healthy where they run, when the source's health speaks for what the clone
 * copies (the deployment it runs is the one cloned); none otherwise (an older deployment's health is not known).
 */
export function unhealthyInSource(
  source: ClonePreview['source'] | undefined,
  health: EnvironmentHealth | null | undefined,
): EnvironmentHealth['workloads'] {
  if (!source || !health) return [];
  const runs =
    (health.running_deploy_id ?? health.last_deploy?.id) === source.deploy_id;
  return runs ? health.workloads.filter((w) => UNHEALTHY.has(w.state)) : [];
}
