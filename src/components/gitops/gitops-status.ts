/**
 * Status words of the Operator and GitOps extension as the console's status
 * vocabulary (see lib/status): a mode, a sync status, a resource's
 * reconciliation and an export. Shared by the environment and deployment pages.
 */
import type {
  DeploymentMode,
  GitopsCondition,
  GitopsResourceStatus,
  GitopsSync,
} from '@/api/gitops';
import type { StatusView } from '@/lib/status';

export const MODE_LABELS: Record<DeploymentMode, string> = {
  direct: 'Direct',
  operator: 'Operator',
  gitops: 'GitOps',
};

/** What each mode means, for the badge's description. */
export const MODE_DESCRIPTIONS: Record<DeploymentMode, string> = {
  direct: 'The Orchestrator provisions resources and applies workloads itself.',
  operator:
    'The Humanitec Operator in the cluster reconciles the exported resources.',
  gitops:
    'Deployments are committed to a git repository; a GitOps controller syncs it into the cluster, where the Operator reconciles them.',
};

const SYNC: Record<GitopsSync['status'], StatusView> = {
  Synced: { tone: 'success', label: 'Synced' },
  OutOfSync: { tone: 'warning', label: 'Out of sync' },
  Progressing: { tone: 'progress', label: 'Progressing' },
  Unknown: { tone: 'unknown', label: 'Unknown' },
};

/** The controller's sync status. */
export function syncStatus(status: GitopsSync['status']): StatusView {
  return SYNC[status] ?? { tone: 'unknown', label: status };
}

const RECONCILE: Record<GitopsResourceStatus['status'], StatusView> = {
  Pending: { tone: 'pending', label: 'Pending' },
  Ready: { tone: 'success', label: 'Ready' },
  Failed: { tone: 'failure', label: 'Failed' },
};

/** A resource's reconciliation by the Operator. */
export function reconcileStatus(
  status: GitopsResourceStatus['status'],
): StatusView {
  return RECONCILE[status] ?? { tone: 'unknown', label: status };
}

const EXPORT: Record<string, StatusView> = {
  pending: { tone: 'progress', label: 'Exporting' },
  succeeded: { tone: 'success', label: 'Exported' },
  failed: { tone: 'failure', label: 'Export failed' },
};

/** A deployment's export status (`''` for a direct deployment). */
export function exportStatus(status: string): StatusView {
  return EXPORT[status] ?? { tone: 'unknown', label: status || 'No export' };
}

/**
 * The conditions worth reading first: those not `True` (why it is not Ready),
 * else the Ready condition itself.
 */
export function telling(conditions: readonly GitopsCondition[]) {
  const failing = conditions.filter((c) => c.status !== 'True');
  if (failing.length > 0) return failing;
  return conditions.filter((c) => c.type === 'Ready').slice(0, 1);
}

/** Failed first, then Pending, then Ready; by kind and name within each. */
export function sortResources(resources: readonly GitopsResourceStatus[]) {
  const rank = { Failed: 0, Pending: 1, Ready: 2 } as const;
  return [...resources].sort(
    (a, b) =>
      (rank[a.status] ?? 3) - (rank[b.status] ?? 3) ||
      a.kind.localeCompare(b.kind) ||
      a.name.localeCompare(b.name),
  );
}

/** Counts per reconciliation status, for a one-line summary ("12 Ready, 1 Failed"). */
export function reconcileSummary(resources: readonly GitopsResourceStatus[]) {
  const counts = { Ready: 0, Pending: 0, Failed: 0 };
  for (const r of resources) counts[r.status] += 1;
  const parts = (['Failed', 'Pending', 'Ready'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}`);
  return { counts, text: parts.join(', ') || 'No resources' };
}
