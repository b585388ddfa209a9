import { queryOptions } from '@tanstack/react-query';
import {
  getDeploymentExport,
  getDeploymentGitops,
  getEnvironmentGitops,
  type DeploymentGitops,
  type ExportView,
  type GitopsStatus,
} from '../gitops';
import { keys } from './keys';

/**
 * Refetch policy of the Operator and GitOps status (extension; `null` data
 * means the API does not offer it, and then it is never polled): every second
 * while something will change by itself (a commit waits for the controller's
 * sync, the Operator reconciles a Pending resource, an export is pending),
 * every 10 s otherwise (someone may cause drift or break a secret elsewhere).
 * An export's text never changes once written: it is fetched once.
 */
export const GITOPS_LIVE_MS = 1000;
export const GITOPS_IDLE_MS = 10_000;

/** Whether an environment's GitOps status will change without anyone acting. */
export function isGitopsSettling(status: GitopsStatus) {
  return (
    status.sync.status === 'Progressing' ||
    status.sync.next_sync_at != null ||
    status.resources.some((r) => r.status === 'Pending')
  );
}

/** Whether a deployment's export or reconciliation will change without anyone acting. */
export function isDeploymentGitopsSettling(gitops: DeploymentGitops) {
  return (
    gitops.export_status === 'pending' ||
    gitops.resources.some((r) => r.status === 'Pending')
  );
}

export const gitopsQueries = {
  env: (orgId: string, appId: string, envId: string) =>
    queryOptions({
      queryKey: keys.envGitops(orgId, appId, envId),
      queryFn: () => getEnvironmentGitops({ orgId, appId, envId }),
      refetchInterval: (query) => {
        const data = query.state.data;
        if (data === null) return false;
        return data && isGitopsSettling(data) ? GITOPS_LIVE_MS : GITOPS_IDLE_MS;
      },
    }),
  deploy: (orgId: string, appId: string, envId: string, deployId: string) =>
    queryOptions({
      queryKey: keys.deployGitops(orgId, appId, envId, deployId),
      queryFn: () => getDeploymentGitops({ orgId, appId, envId, deployId }),
      refetchInterval: (query) => {
        const data = query.state.data;
        if (data === null || data?.mode === 'direct') return false;
        return data && isDeploymentGitopsSettling(data)
          ? GITOPS_LIVE_MS
          : GITOPS_IDLE_MS;
      },
    }),
  /** A written export (ask only once its status is `succeeded`): immutable, kept while the page lives. */
  export: (
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
    view: ExportView,
  ) =>
    queryOptions({
      queryKey: keys.deployExport(orgId, appId, envId, deployId, view),
      queryFn: () =>
        getDeploymentExport({ orgId, appId, envId, deployId }, view),
      staleTime: Infinity,
    }),
};
