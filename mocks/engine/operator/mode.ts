/**
 * Which mode an environment deploys in: its matched `k8s-cluster` resource
 * definition's `driver_inputs.values.deployment_mode` (`direct` when absent
 * or when no definition matches), the Operator version the cluster runs
 * (`operator_version`, default {@link DEFAULT_OPERATOR_VERSION}) and the
 * GitOps controller's sync delay (`gitops_sync_delay_seconds`, default
 * {@link DEFAULT_SYNC_DELAY_SECONDS}).
 */
import type { DeploymentModeName } from '../core/model/operator';
import type { StateV1 } from '../core/state';
import { requireEnv } from '../core/lookup';
import { activeVersion, matchResource, requireDef } from '../resourcedefs';

export const DEFAULT_OPERATOR_VERSION = '0.9.0';
export const DEFAULT_SYNC_DELAY_SECONDS = 20;

/** The mode of an environment and where it comes from. */
export interface ClusterMode {
  mode: DeploymentModeName;
  operatorVersion: string | null;
  cluster: { def_id: string; driver_type: string } | null;
  syncDelayMs: number;
}

const MODES: readonly string[] = ['direct', 'operator', 'gitops'];

/** The environment's mode, from the k8s-cluster definition that matches it now. */
export function clusterModeOf(
  state: StateV1,
  orgId: string,
  appId: string,
  envId: string,
): ClusterMode {
  const { env } = requireEnv(state, orgId, appId, envId);
  const { winner } = matchResource(state, orgId, {
    type: 'k8s-cluster',
    res_id: 'k8s-cluster',
    app_id: appId,
    env_id: envId,
    env_type: env.env.type,
  });
  if (!winner)
    return {
      mode: 'direct',
      operatorVersion: null,
      cluster: null,
      syncDelayMs: 0,
    };
  const values = activeVersion(requireDef(state, orgId, winner.def_id)).values;
  const mode =
    typeof values.deployment_mode === 'string' &&
    MODES.includes(values.deployment_mode)
      ? (values.deployment_mode as DeploymentModeName)
      : 'direct';
  const delay =
    typeof values.gitops_sync_delay_seconds === 'number'
      ? values.gitops_sync_delay_seconds
      : DEFAULT_SYNC_DELAY_SECONDS;
  return {
    mode,
    operatorVersion:
      mode === 'direct'
        ? null
        : typeof values.operator_version === 'string'
          ? values.operator_version
          : DEFAULT_OPERATOR_VERSION,
    cluster: { def_id: winner.def_id, driver_type: winner.driver_type },
    syncDelayMs: mode === 'gitops' ? delay * 1000 : 0,
  };
}

/** Compares two dotted versions (`0.9.0` < `0.10.0`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
