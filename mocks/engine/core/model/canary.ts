/** A canary as the state keeps it (analysis and decisions: canary/). */

/** A canary release in an environment (the last one is kept). */
export interface CanaryRecord {
  orgId: string;
  appId: string;
  envId: string;
  pipelineId: string;
  runId: string;
  jobId: string;
  stepIndex: number;
  startedMs: number;
  weights: number[];
  intervalMs: number;
  thresholds: { error_rate_percent: number; latency_p95_ms: number };
  stableDeployId?: string;
  stableSetId?: string;
  canaryDeployId: string;
  canarySetId: string;
  baseErrorRate: number;
  baseLatencyMs: number;
  /** Set once decided (automatically or by a person). */
  decided?: {
    status: 'promoted' | 'aborted';
    atMs: number;
    reason?: string;
    by?: string;
  };
  rollbackDeployId?: string;
}
