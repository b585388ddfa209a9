/**
 * What the state keeps of the Operator and GitOps modes (operator/): per
 * environment, the exports of its deployments (status, file, the commit a
 * GitOps repository recorded for it, what the Operator will make of each
 * object) and the live cluster's departures from git (drift, a broken
 * in-cluster secret store, the last resync). The exported YAML itself is not
 * kept: it is rendered again, deterministically, from the deployment's set
 * and dependency graph.
 */

/** How an environment deploys (its matched k8s-cluster definition decides). */
export type DeploymentModeName = 'direct' | 'operator' | 'gitops';

/** A condition of a reconciled object, as a Kubernetes controller writes it. */
export interface ConditionRecord {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}

/** What the Operator makes of one exported object once it has it. */
export interface ReconcilePlanRecord {
  kind: string;
  name: string;
  api_version: string;
  res_id?: string;
  workload_id?: string;
  /** Final outcome after {@link readyAfterMs}. */
  outcome: 'Ready' | 'Failed';
  /** Catalogued code of a failure (OP-SECRET-001, OP-CRD-001, OP-DRV-001). */
  code?: string;
  conditions: ConditionRecord[];
  /** Time from delivery to the outcome (Pending before). */
  readyAfterMs: number;
  /** Whether the object reads secrets from the in-cluster store. */
  needsSecrets: boolean;
  /** Which: `<store>:<ref>` of each secret reference, or `${secrets.KEY}` of a workload (never a value). */
  secretRefs?: string[];
}

/** A commit a GitOps repository recorded for an export. */
export interface GitopsCommitRecord {
  sha: string;
  message: string;
  author_name: string;
  author_email: string;
  committed_at: string;
  files: { path: string; change: 'added' | 'modified' | 'deleted' }[];
}

/** One deployment's export. */
export interface ExportRecord {
  deploy_id: string;
  mode: DeploymentModeName;
  /** full | incremental (the deployment request's `mode`). */
  export_mode: 'full' | 'incremental';
  outcome: 'succeeded' | 'failed';
  file: string;
  /** The catalogued error of a failed rendering. */
  error?: string;
  /** The previous deployment of the environment with a succeeded export. */
  previous_deploy_id?: string;
  operator_version: string;
  /** When the cluster gets it: the end of `pending` (operator) plus the controller's sync delay (gitops). */
  delivered_ms: number;
  reconcile: ReconcilePlanRecord[];
  /** GitOps only, once the repository port committed it. */
  commit?: GitopsCommitRecord;
}

/** A field someone changed in the live cluster. */
export interface DriftRecord {
  kind: string;
  name: string;
  field: string;
  git_value: unknown;
  live_value: unknown;
  at_ms: number;
}

/** The Operator / GitOps state of one environment. */
export interface EnvOperatorRecord {
  exports: Record<string, ExportRecord>;
  /** Export deployment ids, oldest first. */
  order: string[];
  drift: DriftRecord[];
  /** Since when the in-cluster secret store lacks the environment's secrets; absent when it has them. */
  secret_fault_ms?: number;
  /** When the in-cluster secrets were last restored. */
  secret_restored_ms?: number;
  /** When the cluster was last resynced by hand. */
  resynced_ms?: number;
}
