/**
 * What each step action does (simulated; documented rules):
 * - `deploy`: deploys `delta_id`, `set_id` or `deployment_id` (that
 *   deployment's set) to `env_id` (nothing given: redeploys the base set);
 *   done when the deployment ends, failed when it fails.
 * - `clone`: deploys the set running in `from_env_id` to `env_id` (a full
 *   clone: promotion to the next environment).
 * - `rollback`: redeploys, in `env_id`, the set of the newest deployment that
 *   succeeded there before the run started.
 * - `wait-for-ready`: waits until the environment's health (health/compute.ts) is
 *   Healthy; fails when it is Failed or after `timeout_seconds` (120).
 * - `run-tests`: takes {@link TEST_RUN_MS}; fails when `fail: true`, when
 *   nothing runs in `env_id`, or when a container of the running set has the
 *   variable `TESTS_FAIL=true`; passes otherwise.
 * - `approve`: raises an approval request for `env_id` (message `message`);
 *   done when approved, failed when denied.
 * - `http`: takes {@link HTTP_CALL_MS}; the answer's status is the number
 *   after `/status/` in `url` (e.g. `https://httpbin.org/status/503`), else
 *   200; fails at 400 or above (or when it differs from `expect_status`).
 * - `log`: writes `message` to the step's log.
 * - `canary`: see canary/ops.ts.
 */
import {
  baseMetrics,
  canaryTimeline,
  DEFAULT_CANARY_INTERVAL_MS,
  DEFAULT_CANARY_WEIGHTS,
  DEFAULT_THRESHOLDS,
  type CanaryRecord,
} from '../canary';
import {
  createDeploy,
  deploySet,
  runningDeploy,
  statusAt,
  type DeployInput,
} from '../deploys';
import { EngineError } from '../core/errors';
import { containerVariables, isObject, objectAt } from '../faults';
import { getEnvHealth } from '../health';
import type { OpContext } from '../core/lookup';
import { freshId, nextSeq, requireEnv } from '../core/lookup';
import type {
  AppPipelines,
  JobRecord,
  RunRecord,
  StepRecord,
} from '../core/model/pipelines';
import { canaryKey, pipelinesOf } from '../core/pipelines-store';
import type { AppRecord } from '../core/state';

/** How long `run-tests` takes. */
export const TEST_RUN_MS = 3000;
/** How long an `http` call takes. */
export const HTTP_CALL_MS = 1000;
/** Default `timeout_seconds` of `wait-for-ready`. */
export const WAIT_READY_TIMEOUT_MS = 120_000;

/** Everything a step works with; `ctx.now` is the engine's current time. */
export interface StepScope {
  ctx: OpContext;
  app: AppRecord;
  store: AppPipelines;
  run: RunRecord;
  job: JobRecord;
  step: StepRecord;
}

/** How a step ended. */
export interface StepEnd {
  atMs: number;
  ok: boolean;
  message: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** Appends a log line to a step. */
export function log(
  step: StepRecord,
  atMs: number,
  message: string,
  level: 'INFO' | 'WARN' | 'ERROR' = 'INFO',
): void {
  step.logs.push({ atMs, level, message });
}

/** The values of a container variable across a set's workloads. */
export function variableValues(
  set: AppRecord['sets'][string]['set'],
  name: string,
): string[] {
  const values: string[] = [];
  for (const module of Object.values(set.modules)) {
    for (const container of Object.values(
      objectAt(module.spec, 'containers'),
    )) {
      if (
        isObject(container) &&
        containerVariables(container)[name] !== undefined
      ) {
        values.push(containerVariables(container)[name]);
      }
    }
  }
  return values;
}

/** Starts a deployment for a step at `atMs`; returns a failure when the engine refuses it. */
function startDeploy(
  scope: StepScope,
  atMs: number,
  envId: string,
  input: DeployInput,
): StepEnd | undefined {
  const { ctx, app, run, step } = scope;
  try {
    const at: OpContext = { ...ctx, now: atMs, userId: run.createdBy };
    const deployment = createDeploy(
      at,
      scope.store.orgId,
      app.app.id,
      envId,
      input,
    );
    step.deployId = deployment.id;
    step.related = {
      env_id: envId,
      deployment_id: deployment.id,
      set_id: deployment.set_id,
    };
    log(
      step,
      atMs,
      `Deployment ${deployment.id} started in environment ${envId} (set ${deployment.set_id.slice(0, 12)}).`,
    );
    return undefined;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { atMs, ok: false, message: error.message };
  }
}

function deployEnd(
  scope: StepScope,
  deployId: string | undefined,
): StepEnd | undefined {
  const record = deployId ? scope.app.deploys[deployId] : undefined;
  if (!record)
    return {
      atMs: scope.step.startedMs ?? scope.ctx.now,
      ok: false,
      message: 'The deployment no longer exists.',
    };
  const { status, sinceMs } = statusAt(record, scope.ctx.now);
  if (status === 'succeeded')
    return {
      atMs: sinceMs,
      ok: true,
      message: `Deployment ${record.deployment.id} succeeded.`,
    };
  if (status === 'failed') {
    const why = record.plan.errors[0]?.message ?? 'see its errors';
    return {
      atMs: sinceMs,
      ok: false,
      message: `Deployment ${record.deployment.id} failed: ${why}`,
    };
  }
  return undefined;
}

function rollbackTarget(scope: StepScope, envId: string) {
  const { env } = requireEnv(
    scope.ctx.state,
    scope.store.orgId,
    scope.app.app.id,
    envId,
  );
  for (let i = env.deployIds.length - 1; i >= 0; i -= 1) {
    const record = scope.app.deploys[env.deployIds[i]];
    if (
      record?.deployment.status === 'succeeded' &&
      record.createdMs < scope.run.createdMs
    )
      return record;
  }
  return undefined;
}

function startCanary(
  scope: StepScope,
  atMs: number,
  envId: string,
): StepEnd | undefined {
  const { ctx, app, run, job, step } = scope;
  const w = step.with;
  const { env } = requireEnv(ctx.state, scope.store.orgId, app.app.id, envId);
  let setId = text(w.set_id);
  const from = text(w.from_env_id);
  if (!setId && from) {
    const source = requireEnv(
      ctx.state,
      scope.store.orgId,
      app.app.id,
      from,
    ).env;
    setId = runningDeploy(app, source)?.deployment.set_id;
    if (!setId)
      return {
        atMs,
        ok: false,
        message: `Nothing runs in environment ${from} to release as a canary.`,
      };
  }
  if (!setId)
    return {
      atMs,
      ok: false,
      message: 'A canary needs `set_id` or `from_env_id`.',
    };
  const stable = runningDeploy(app, env);
  const failed = startDeploy(scope, atMs, envId, {
    set_id: setId,
    comment: `Canary release${from ? ` from ${from}` : ''} (pipeline run ${run.id})`,
  });
  if (failed) return failed;
  const weights =
    Array.isArray(w.weights) &&
    w.weights.every((n) => typeof n === 'number' && n > 0 && n <= 100)
      ? (w.weights as number[])
      : DEFAULT_CANARY_WEIGHTS;
  const set = deploySet(app, app.deploys[step.deployId!]);
  const base = baseMetrics(set);
  const record: CanaryRecord = {
    orgId: scope.store.orgId,
    appId: app.app.id,
    envId,
    pipelineId: run.pipelineId,
    runId: run.id,
    jobId: job.id,
    stepIndex: step.index,
    startedMs: atMs,
    weights: weights.at(-1) === 100 ? weights : [...weights, 100],
    intervalMs:
      typeof w.interval_seconds === 'number' && w.interval_seconds > 0
        ? w.interval_seconds * 1000
        : DEFAULT_CANARY_INTERVAL_MS,
    thresholds: {
      error_rate_percent:
        typeof w.max_error_rate_percent === 'number'
          ? w.max_error_rate_percent
          : DEFAULT_THRESHOLDS.error_rate_percent,
      latency_p95_ms:
        typeof w.max_latency_p95_ms === 'number'
          ? w.max_latency_p95_ms
          : DEFAULT_THRESHOLDS.latency_p95_ms,
    },
    stableDeployId: stable?.deployment.id,
    stableSetId: stable?.deployment.set_id,
    canaryDeployId: step.deployId!,
    canarySetId: setId,
    baseErrorRate: base.errorRate,
    baseLatencyMs: base.latencyMs,
  };
  pipelinesOf(ctx.state).canaries[
    canaryKey(record.orgId, record.appId, envId)
  ] = record;
  step.related.canary = 'true';
  log(
    step,
    atMs,
    `Canary: weights ${record.weights.join(' → ')} %, ${record.intervalMs / 1000} s each; thresholds ${record.thresholds.error_rate_percent} % errors, ${record.thresholds.latency_p95_ms} ms p95.`,
  );
  return undefined;
}

/** Redeploys a canary's stable set (after an abort); records the rollback deployment. */
export function rollbackCanary(
  ctx: OpContext,
  app: AppRecord,
  record: CanaryRecord,
  atMs: number,
): string {
  if (record.rollbackDeployId || !record.stableSetId) {
    return record.stableSetId
      ? 'Rolled back.'
      : 'Nothing ran before the canary: no rollback.';
  }
  try {
    const deployment = createDeploy(
      { ...ctx, now: atMs },
      record.orgId,
      app.app.id,
      record.envId,
      {
        set_id: record.stableSetId,
        comment: `Rollback after canary abort (run ${record.runId})`,
      },
    );
    record.rollbackDeployId = deployment.id;
    return `Rolled back to the stable set with deployment ${deployment.id}.`;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return `The rollback could not start: ${error.message}`;
  }
}

function canaryEnd(scope: StepScope): StepEnd | undefined {
  const { ctx, app, step } = scope;
  const record = pipelinesOf(ctx.state).canaries[
    canaryKey(scope.store.orgId, app.app.id, String(step.related.env_id))
  ];
  if (!record || record.runId !== scope.run.id)
    return {
      atMs: ctx.now,
      ok: false,
      message: 'The canary was replaced by another one.',
    };
  const t = canaryTimeline(record, app, ctx.now);
  if (!t.outcome) return undefined;
  record.decided ??= t.outcome;
  for (const s of t.samples) {
    log(
      step,
      Date.parse(s.at),
      `Weight ${s.weight} %: error rate ${s.error_rate_percent} %, p95 ${s.latency_p95_ms} ms: ${s.passed ? 'passed' : 'FAILED'}.`,
      s.passed ? 'INFO' : 'ERROR',
    );
  }
  if (t.outcome.status === 'promoted')
    return {
      atMs: t.outcome.atMs,
      ok: true,
      message: 'Canary promoted: 100 % of traffic on the new version.',
    };
  const rollback = rollbackCanary(
    { ...ctx, userId: scope.run.createdBy },
    app,
    record,
    t.outcome.atMs,
  );
  return {
    atMs: t.outcome.atMs,
    ok: false,
    message: `Canary aborted. ${t.outcome.reason ?? ''} ${rollback}`
      .replace(/\s+/g, ' ')
      .trim(),
  };
}

function httpEnd(step: StepRecord, startedMs: number): StepEnd {
  const url = String(step.with.url);
  const method = text(step.with.method)?.toUpperCase() ?? 'GET';
  const status = Number(/\/status\/(\d{3})\b/.exec(url)?.[1] ?? 200);
  const expected =
    typeof step.with.expect_status === 'number'
      ? step.with.expect_status
      : undefined;
  const ok = expected !== undefined ? status === expected : status < 400;
  const atMs = startedMs + HTTP_CALL_MS;
  log(step, atMs, `${method} ${url} → ${status}`, ok ? 'INFO' : 'ERROR');
  return {
    atMs,
    ok,
    message: ok
      ? `${method} ${url} answered ${status}.`
      : `${method} ${url} answered ${status}${expected ? `, expected ${expected}` : ''}.`,
  };
}

function testsEnd(scope: StepScope, startedMs: number): StepEnd {
  const { step, app } = scope;
  const envId = String(step.with.env_id);
  const atMs = startedMs + TEST_RUN_MS;
  const suite = text(step.with.suite) ?? 'smoke';
  const { env } = requireEnv(
    scope.ctx.state,
    scope.store.orgId,
    app.app.id,
    envId,
  );
  const running = runningDeploy(app, env);
  let failure: string | undefined;
  if (step.with.fail === true) failure = 'the step sets `fail: true`';
  else if (!running) failure = `nothing runs in environment ${envId}`;
  else if (
    variableValues(deploySet(app, running), 'TESTS_FAIL').some(
      (v) => v.trim().toLowerCase() === 'true',
    )
  ) {
    failure = 'a workload sets `TESTS_FAIL=true`';
  } else {
    // Tests against an environment whose workloads fail (an image that cannot be pulled, a crash loop) fail: a green
    // suite over a broken environment would promote what does not run.
    const health = getEnvHealth(
      scope.ctx,
      scope.store.orgId,
      app.app.id,
      envId,
    );
    if (health.state === 'Failed')
      failure = `environment ${envId} is failing (${health.summary.replace(/\.$/, '')})`;
  }
  log(
    step,
    startedMs,
    `Running the ${suite} suite against environment ${envId}.`,
  );
  log(
    step,
    atMs,
    failure ? `1 test failed: ${failure}.` : '12 tests passed.',
    failure ? 'ERROR' : 'INFO',
  );
  return {
    atMs,
    ok: !failure,
    message: failure
      ? `Tests failed: ${failure}.`
      : `The ${suite} suite passed (12 tests).`,
  };
}

/** Starts a step at `atMs`; returns its end when it fails (or finishes) at once. */
export function startStep(scope: StepScope, atMs: number): StepEnd | undefined {
  const { step, ctx, store, run, job } = scope;
  step.status = 'executing';
  step.startedMs = atMs;
  const envId = text(step.with.env_id);
  if (envId) step.related = { env_id: envId };
  try {
    if (envId) requireEnv(ctx.state, store.orgId, scope.app.app.id, envId);
    switch (step.action) {
      case 'log':
        log(step, atMs, String(step.with.message));
        return { atMs, ok: true, message: 'Logged.' };
      case 'deploy': {
        const w = step.with;
        let setId = text(w.set_id);
        // A redeploy of a deployment uses its set and the value-set version it recorded.
        let valueSetVersionId = text(w.value_set_version_id);
        const deploymentId = text(w.deployment_id);
        if (deploymentId) {
          const redeployed = scope.app.deploys[deploymentId]?.deployment;
          setId = redeployed?.set_id;
          valueSetVersionId ??= redeployed?.value_set_version_id ?? undefined;
        }
        if (deploymentId && !setId)
          return {
            atMs,
            ok: false,
            message: `Deployment ${deploymentId} does not exist.`,
          };
        const comment =
          text(w.comment) ?? `Pipeline ${run.pipelineId}, run ${run.id}`;
        return startDeploy(scope, atMs, envId!, {
          delta_id: text(w.delta_id),
          set_id: setId,
          comment,
          ...(valueSetVersionId !== undefined
            ? { value_set_version_id: valueSetVersionId }
            : {}),
        });
      }
      case 'clone': {
        const from = String(step.with.from_env_id);
        const source = requireEnv(
          ctx.state,
          store.orgId,
          scope.app.app.id,
          from,
        ).env;
        const running = runningDeploy(scope.app, source);
        if (!running)
          return {
            atMs,
            ok: false,
            message: `Nothing runs in environment ${from} to promote.`,
          };
        log(
          step,
          atMs,
          `Promoting deployment ${running.deployment.id} of ${from} to ${envId}.`,
        );
        return startDeploy(scope, atMs, envId!, {
          set_id: running.deployment.set_id,
          comment:
            text(step.with.comment) ??
            `Promoted from ${from} by pipeline ${run.pipelineId}`,
        });
      }
      case 'rollback': {
        const target = rollbackTarget(scope, envId!);
        if (!target)
          return {
            atMs,
            ok: false,
            message: `No deployment of ${envId} succeeded before this run: nothing to roll back to.`,
          };
        log(
          step,
          atMs,
          `Rolling back ${envId} to the set of deployment ${target.deployment.id}.`,
        );
        return startDeploy(scope, atMs, envId!, {
          set_id: target.deployment.set_id,
          comment: `Rollback by pipeline run ${run.id}`,
        });
      }
      case 'approve': {
        const id = freshId(ctx.ids, 'deployment', (c) =>
          Object.hasOwn(store.approvals, c),
        );
        const message =
          text(step.with.message) ?? `Approve the deployment to ${envId}.`;
        store.approvals[id] = {
          seq: nextSeq(ctx.state),
          id,
          pipelineId: run.pipelineId,
          runId: run.id,
          jobId: job.id,
          envId: envId!,
          message,
          createdMs: atMs,
          status: 'waiting',
        };
        step.approvalId = id;
        step.related.approval_id = id;
        job.waitingFor = 'approval';
        log(step, atMs, `Waiting for approval: ${message}`);
        return undefined;
      }
      case 'canary':
        return startCanary(scope, atMs, envId!);
      default:
        return undefined;
    }
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { atMs, ok: false, message: error.message };
  }
}

/** The end of a running step, if the clock (or a decision) has reached it. */
export function evaluateStep(scope: StepScope): StepEnd | undefined {
  const { step, ctx } = scope;
  const startedMs = step.startedMs ?? ctx.now;
  switch (step.action) {
    case 'deploy':
    case 'clone':
    case 'rollback':
      return deployEnd(scope, step.deployId);
    case 'run-tests':
      return startedMs + TEST_RUN_MS <= ctx.now
        ? testsEnd(scope, startedMs)
        : undefined;
    case 'http':
      return startedMs + HTTP_CALL_MS <= ctx.now
        ? httpEnd(step, startedMs)
        : undefined;
    case 'canary':
      return canaryEnd(scope);
    case 'approve': {
      const approval = step.approvalId
        ? scope.store.approvals[step.approvalId]
        : undefined;
      if (!approval || approval.status === 'waiting') return undefined;
      const atMs = approval.decidedMs ?? ctx.now;
      const note = approval.comment ? `: ${approval.comment}` : '.';
      if (approval.status === 'approved')
        return {
          atMs,
          ok: true,
          message: `Approved by ${approval.decidedBy}${note}`,
        };
      return {
        atMs,
        ok: false,
        message: `${approval.status === 'denied' ? 'Denied' : 'Cancelled'} by ${approval.decidedBy ?? 'the system'}${note}`,
      };
    }
    case 'wait-for-ready': {
      const envId = String(step.with.env_id);
      const health = getEnvHealth(
        ctx,
        scope.store.orgId,
        scope.app.app.id,
        envId,
      );
      const limit =
        typeof step.with.timeout_seconds === 'number'
          ? step.with.timeout_seconds * 1000
          : WAIT_READY_TIMEOUT_MS;
      if (health.state === 'Healthy')
        return {
          atMs: ctx.now,
          ok: true,
          message: `Every workload of ${envId} is ready.`,
        };
      if (health.state === 'Failed')
        return {
          atMs: ctx.now,
          ok: false,
          message: `Environment ${envId} failed: ${health.summary}`,
        };
      if (ctx.now >= startedMs + limit) {
        return {
          atMs: startedMs + limit,
          ok: false,
          message: `Environment ${envId} was not ready within ${limit / 1000} s (${health.state}).`,
        };
      }
      return undefined;
    }
    default:
      return { atMs: startedMs, ok: true, message: 'Done.' };
  }
}
