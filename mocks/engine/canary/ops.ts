/**
 * Canary releases: a pipeline `canary` step deploys the new set to the
 * environment, then shifts traffic to it by weights (10, 25, 50, 100 by
 * default), one weight per interval. At the end of each interval the
 * simulated metric analysis takes a sample (error rate, p95 latency) and
 * compares it with the thresholds: a breach aborts the canary and the stable
 * set is redeployed (rollback). Everything is a pure function of the record
 * and the clock; decisions (automatic or manual) are written once.
 *
 * Simulated metrics (documented rules): the canary set's containers may set
 * `CANARY_ERROR_RATE` (percent) and `CANARY_LATENCY_MS`; the largest value
 * wins; without them a healthy 0.3 % and 140 ms. Samples wobble slightly
 * and deterministically (+0.05 % per step modulo 3, +7 ms per step modulo 4).
 * The actual weight follows the set weight after {@link ACTUAL_WEIGHT_LAG_MS}.
 */
import { statusAt } from '../deploys';
import { containerVariables, isObject, objectAt } from '../faults';
import type { DeploymentSet } from '../core/model/spec';
import type { AppRecord } from '../core/state';
import { isoAt } from '../core/state';

/** Default traffic weights (percent). */
export const DEFAULT_CANARY_WEIGHTS = [10, 25, 50, 100];
/** Default time at each weight. */
export const DEFAULT_CANARY_INTERVAL_MS = 5000;
/** How long traffic takes to follow a new set weight. */
export const ACTUAL_WEIGHT_LAG_MS = 1000;
/** Default analysis thresholds. */
export const DEFAULT_THRESHOLDS = {
  error_rate_percent: 1,
  latency_p95_ms: 500,
};

/** A canary's lifecycle: deploying the canary set, shifting traffic, then promoted or aborted. */
export type CanaryStatus = 'deploying' | 'progressing' | 'promoted' | 'aborted';

export type { CanaryRecord } from '../core/model/canary';
import type { CanaryRecord } from '../core/model/canary';

/** One analysis sample. */
export interface CanarySample {
  at: string;
  step_index: number;
  weight: number;
  error_rate_percent: number;
  latency_p95_ms: number;
  passed: boolean;
}

/** The canary as the API shows it (console extension). */
export interface CanaryView {
  org_id: string;
  app_id: string;
  env_id: string;
  status: CanaryStatus;
  stable: { deploy_id?: string; set_id?: string };
  canary: { deploy_id: string; set_id: string };
  weights: number[];
  step_index: number;
  set_weight: number;
  actual_weight: number;
  thresholds: { error_rate_percent: number; latency_p95_ms: number };
  samples: CanarySample[];
  started_at: string;
  decided_at?: string;
  decided_by?: string;
  abort_reason?: string;
  rollback_deploy_id?: string;
  pipeline: {
    pipeline_id: string;
    run_id: string;
    job_id: string;
    step_index: number;
  };
}

/** The largest numeric value of a variable across the set's containers. */
function maxVariable(set: DeploymentSet, name: string): number | undefined {
  let max: number | undefined;
  for (const module of Object.values(set.modules)) {
    const containers = objectAt(module.spec, 'containers');
    for (const container of Object.values(containers)) {
      if (!isObject(container)) continue;
      const raw = containerVariables(container)[name];
      const value = raw === undefined ? NaN : Number(raw);
      if (Number.isFinite(value)) max = Math.max(max ?? value, value);
    }
  }
  return max;
}

/** The simulated base metrics of a canary set (see the module comment). */
export function baseMetrics(set: DeploymentSet): {
  errorRate: number;
  latencyMs: number;
} {
  return {
    errorRate: maxVariable(set, 'CANARY_ERROR_RATE') ?? 0.3,
    latencyMs: maxVariable(set, 'CANARY_LATENCY_MS') ?? 140,
  };
}

/** When the canary deployment finished and whether it succeeded (undefined while it runs). */
function deployEnd(record: CanaryRecord, app: AppRecord, now: number) {
  const deploy = app.deploys[record.canaryDeployId];
  if (!deploy)
    return {
      atMs: record.startedMs,
      ok: false,
      message: 'the canary deployment no longer exists',
    };
  const { status, sinceMs } = statusAt(deploy, now);
  if (status !== 'succeeded' && status !== 'failed') return undefined;
  return {
    atMs: sinceMs,
    ok: status === 'succeeded',
    message: deploy.plan.errors[0]?.message ?? 'the deployment failed',
  };
}

function sample(
  record: CanaryRecord,
  index: number,
  atMs: number,
): CanarySample {
  const error =
    Math.round((record.baseErrorRate + 0.05 * (index % 3)) * 100) / 100;
  const latency = Math.round(record.baseLatencyMs + 7 * (index % 4));
  return {
    at: isoAt(atMs),
    step_index: index,
    weight: record.weights[index],
    error_rate_percent: error,
    latency_p95_ms: latency,
    passed:
      error <= record.thresholds.error_rate_percent &&
      latency <= record.thresholds.latency_p95_ms,
  };
}

function breachReason(record: CanaryRecord, s: CanarySample): string {
  const parts: string[] = [];
  if (s.error_rate_percent > record.thresholds.error_rate_percent) {
    parts.push(
      `error rate ${s.error_rate_percent}% exceeded the ${record.thresholds.error_rate_percent}% threshold`,
    );
  }
  if (s.latency_p95_ms > record.thresholds.latency_p95_ms) {
    parts.push(
      `p95 latency ${s.latency_p95_ms} ms exceeded the ${record.thresholds.latency_p95_ms} ms threshold`,
    );
  }
  return `Analysis failed at ${s.weight}% traffic: ${parts.join(' and ')}.`;
}

/** What the canary is at `now`: samples so far and the outcome the clock has reached (if any). */
export interface CanaryTimeline {
  status: CanaryStatus;
  stepIndex: number;
  stepStartMs?: number;
  samples: CanarySample[];
  outcome?: { status: 'promoted' | 'aborted'; atMs: number; reason?: string };
}

/** Computes the canary's timeline at `now` (a recorded decision ends it). */
export function canaryTimeline(
  record: CanaryRecord,
  app: AppRecord,
  now: number,
): CanaryTimeline {
  const until = record.decided ? Math.min(now, record.decided.atMs) : now;
  const end = deployEnd(record, app, until);
  if (!end) {
    return record.decided
      ? {
          status: record.decided.status,
          stepIndex: 0,
          samples: [],
          outcome: record.decided,
        }
      : { status: 'deploying', stepIndex: 0, samples: [] };
  }
  if (!end.ok) {
    return {
      status: 'aborted',
      stepIndex: 0,
      samples: [],
      outcome: {
        status: 'aborted',
        atMs: end.atMs,
        reason: `The canary deployment failed: ${end.message}`,
      },
    };
  }
  const samples: CanarySample[] = [];
  for (let i = 0; i < record.weights.length; i += 1) {
    const at = end.atMs + (i + 1) * record.intervalMs;
    if (at > until) {
      const status = record.decided?.status ?? 'progressing';
      return {
        status,
        stepIndex: i,
        stepStartMs: at - record.intervalMs,
        samples,
        outcome: record.decided,
      };
    }
    const s = sample(record, i, at);
    samples.push(s);
    if (!s.passed) {
      return {
        status: 'aborted',
        stepIndex: i,
        samples,
        outcome: {
          status: 'aborted',
          atMs: at,
          reason: breachReason(record, s),
        },
      };
    }
  }
  const last = record.weights.length - 1;
  const atMs = end.atMs + record.weights.length * record.intervalMs;
  return {
    status: 'promoted',
    stepIndex: last,
    samples,
    outcome: record.decided ?? { status: 'promoted', atMs },
  };
}

/** The canary as the API shows it at `now`. */
export function toCanaryView(
  record: CanaryRecord,
  app: AppRecord,
  now: number,
): CanaryView {
  const t = canaryTimeline(record, app, now);
  const decided =
    record.decided ??
    (t.status === 'promoted' || t.status === 'aborted' ? t.outcome : undefined);
  const setWeight =
    t.status === 'promoted'
      ? 100
      : t.status === 'progressing'
        ? record.weights[t.stepIndex]
        : 0;
  const previous = t.stepIndex > 0 ? record.weights[t.stepIndex - 1] : 0;
  const lagging =
    t.status === 'progressing' &&
    t.stepStartMs !== undefined &&
    now - t.stepStartMs < ACTUAL_WEIGHT_LAG_MS;
  return {
    org_id: record.orgId,
    app_id: record.appId,
    env_id: record.envId,
    status: t.status,
    stable: { deploy_id: record.stableDeployId, set_id: record.stableSetId },
    canary: { deploy_id: record.canaryDeployId, set_id: record.canarySetId },
    weights: [...record.weights],
    step_index: t.stepIndex,
    set_weight: setWeight,
    actual_weight: lagging ? previous : setWeight,
    thresholds: { ...record.thresholds },
    samples: t.samples,
    started_at: isoAt(record.startedMs),
    ...(decided ? { decided_at: isoAt(decided.atMs) } : {}),
    ...(record.decided?.by ? { decided_by: record.decided.by } : {}),
    ...(t.status === 'aborted' && decided?.reason
      ? { abort_reason: decided.reason }
      : {}),
    ...(record.rollbackDeployId
      ? { rollback_deploy_id: record.rollbackDeployId }
      : {}),
    pipeline: {
      pipeline_id: record.pipelineId,
      run_id: record.runId,
      job_id: record.jobId,
      step_index: record.stepIndex,
    },
  };
}

/** The canary part of an environment's health (health/compute.ts). */
export interface CanaryHealth {
  status: CanaryStatus;
  stable_deploy_id?: string;
  canary_deploy_id: string;
  set_weight: number;
  actual_weight: number;
  abort_reason?: string;
  pipeline_id: string;
  run_id: string;
}

/**
 * The environment's canary as its health shows it: the last canary while it
 * is the environment's current story (its deployment or its rollback is the
 * last deployment there), else undefined.
 */
export function canaryHealth(
  record: CanaryRecord | undefined,
  app: AppRecord,
  lastDeployId: string | undefined,
  now: number,
): CanaryHealth | undefined {
  if (
    !record ||
    (lastDeployId !== record.canaryDeployId &&
      lastDeployId !== record.rollbackDeployId)
  )
    return undefined;
  const view = toCanaryView(record, app, now);
  return {
    status: view.status,
    ...(view.stable.deploy_id
      ? { stable_deploy_id: view.stable.deploy_id }
      : {}),
    canary_deploy_id: view.canary.deploy_id,
    set_weight: view.set_weight,
    actual_weight: view.actual_weight,
    ...(view.abort_reason ? { abort_reason: view.abort_reason } : {}),
    pipeline_id: view.pipeline.pipeline_id,
    run_id: view.pipeline.run_id,
  };
}
