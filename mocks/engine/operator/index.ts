/**
 * Operator and GitOps (issue 21): how an environment deploys, decided by its
 * matched k8s-cluster definition (mode.ts: direct, operator or gitops); the
 * export of a deployment as the Humanitec Operator's resources (render.ts,
 * validated by validate.ts against the Kubernetes and the Operator CRD
 * schemas, crds.ts); the simulated in-cluster Operator's reconciliation and
 * the GitOps controller's sync on the injected clock (reconcile.ts); drift,
 * resync and a broken in-cluster secret store (demo actions); the commits a
 * GitOps repository port records; the cluster's issues for the health model.
 * Deploys call {@link planExport}; health calls {@link clusterIssues}.
 */
export * from './methods';
export { clusterModeOf, type ClusterMode } from './mode';
export {
  clusterIssues,
  DRIFT_CODE,
  envFolder,
  GITOPS_BRANCH,
  planExport,
  type ClusterIssue,
  type ExportPlan,
  type PendingCommit,
} from './ops';
export {
  CRD_OUTDATED_CODE,
  IN_CLUSTER_DRIVER_CODE,
  SECRET_MISSING_CODE,
} from './reconcile';
export {
  manifestFile,
  manifestYaml,
  renderManifests,
  toYamlStream,
  type Manifest,
  type RenderInput,
} from './render';
export {
  EXPORT_INVALID_CODE,
  manifestProblems,
  validateManifests,
  type ManifestProblem,
} from './validate';
