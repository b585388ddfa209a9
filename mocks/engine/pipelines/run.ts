/**
 * The run state machine. A run starts `executing`; a job waits for the jobs
 * it `needs` and starts when they all succeeded (skipped when one did not);
 * its steps run one after another: a step whose `if` does not hold (after a
 * failure only `failure()` / `always()` steps run) is skipped. A job fails
 * when any of its steps failed, or when it exceeds `timeout-minutes`; a run
 * fails when any job failed or when it exceeds its own `timeout-minutes`.
 * Cancelling ends every unfinished job, step and approval as `cancelled`.
 *
 * Like deployments, runs follow the injected clock: every event is placed at
 * the time it happened (a step starts when the previous one ended), and
 * {@link advancePipelines} materialises everything up to `now` whenever the
 * engine is used. No timers.
 */
import { advanceDeploys } from '../deploys';
import type { OpContext } from '../core/lookup';
import { freshId, nextSeq } from '../core/lookup';
import { parsePipeline, resolveInputs } from './parse';
import {
  DEPLOYING_ACTIONS,
  isFinished,
  type AppPipelines,
  type JobRecord,
  type PipelineRecord,
  type RunRecord,
  type StepRecord,
} from '../core/model/pipelines';
import {
  canaryKey,
  existingPipelines,
  pipelinesOf,
} from '../core/pipelines-store';
import {
  evaluateStep,
  log,
  rollbackCanary,
  startStep,
  type StepEnd,
} from './steps';
import { canaryTimeline } from '../canary';

/** Creates a run of the pipeline's current version at `ctx.now`. */
export function createRun(
  ctx: OpContext,
  store: AppPipelines,
  pipeline: PipelineRecord,
  trigger: string,
  inputs: Record<string, unknown>,
): RunRecord {
  const version = pipeline.versions.at(-1)!;
  const definition = parsePipeline(version.yaml);
  const id = freshId(ctx.ids, 'deployment', (c) =>
    Object.hasOwn(store.runs, c),
  );
  const run: RunRecord = {
    seq: nextSeq(ctx.state),
    id,
    pipelineId: pipeline.id,
    pipelineVersion: version.id,
    createdMs: ctx.now,
    createdBy: ctx.userId,
    trigger,
    inputs: structuredClone(inputs),
    status: 'executing',
    statusMessage: 'The run is executing.',
    timeoutMs: definition.timeoutMinutes * 60_000,
    jobs: definition.jobs.map((job) => ({
      id: job.id,
      needs: [...job.needs],
      status: 'waiting',
      statusMessage: job.needs.length
        ? `Waiting for ${job.needs.join(', ')}.`
        : 'Queued.',
      timeoutMs: job.timeoutMinutes * 60_000,
      updatedMs: ctx.now,
      steps: job.steps.map((step, index): StepRecord => ({
        index,
        name: step.name,
        uses: step.uses,
        action: step.action,
        with: resolveInputs(step.with, inputs) as Record<string, unknown>,
        if: step.if,
        status: 'waiting',
        statusMessage: '',
        related: {},
        logs: [],
        // A run records who wrote each step that deploys: the requester is not always the author.
        ...(DEPLOYING_ACTIONS.has(step.action)
          ? { definedBy: version.createdBy }
          : {}),
      })),
    })),
  };
  store.runs[id] = run;
  return run;
}

/** The environments a run works on (the steps' `env_id`s). */
export function runEnvIds(run: RunRecord): string[] {
  const ids = run.jobs
    .flatMap((j) => j.steps.map((s) => s.with.env_id))
    .filter((v): v is string => typeof v === 'string' && v !== '');
  return [...new Set(ids)];
}

function finishStep(step: StepRecord, end: StepEnd, job: JobRecord): void {
  step.status = end.ok ? 'succeeded' : 'failed';
  step.statusMessage = end.message;
  step.completedMs = end.atMs;
  job.updatedMs = end.atMs;
  if (job.waitingFor && step.action === 'approve') delete job.waitingFor;
  log(step, end.atMs, end.message, end.ok ? 'INFO' : 'ERROR');
}

/** Ends every unfinished job and step of a run with `status` (cancel, timeout). */
function endRun(
  ctx: OpContext,
  store: AppPipelines,
  run: RunRecord,
  atMs: number,
  status: 'cancelled' | 'failed',
  message: string,
): void {
  for (const job of run.jobs) {
    if (isFinished(job.status)) continue;
    for (const step of job.steps) {
      if (isFinished(step.status)) continue;
      const started = step.status === 'executing';
      step.status = started ? status : 'cancelled';
      step.statusMessage = started ? message : 'Not started: the run ended.';
      step.completedMs = atMs;
      if (started) log(step, atMs, message, 'WARN');
      if (
        step.approvalId &&
        store.approvals[step.approvalId]?.status === 'waiting'
      ) {
        Object.assign(store.approvals[step.approvalId], {
          status: 'cancelled',
          decidedMs: atMs,
        });
      }
      const canary = pipelinesOf(ctx.state).canaries[
        canaryKey(store.orgId, store.appId, String(step.related.env_id))
      ];
      if (
        started &&
        step.action === 'canary' &&
        canary?.runId === run.id &&
        !canary.decided
      ) {
        const app = ctx.state.orgs[store.orgId]?.apps[store.appId];
        if (app && !canaryTimeline(canary, app, atMs).outcome) {
          canary.decided = { status: 'aborted', atMs, reason: message };
          log(
            step,
            atMs,
            rollbackCanary(
              { ...ctx, userId: run.createdBy },
              app,
              canary,
              atMs,
            ),
            'WARN',
          );
        }
      }
    }
    job.status = status;
    job.statusMessage = message;
    job.completedMs = atMs;
    job.updatedMs = atMs;
    delete job.waitingFor;
  }
  run.status = status;
  run.statusMessage = message;
  run.completedMs = atMs;
}

function advanceJob(
  ctx: OpContext,
  store: AppPipelines,
  run: RunRecord,
  job: JobRecord,
): boolean {
  const app = ctx.state.orgs[store.orgId]?.apps[store.appId];
  if (!app) return false;
  const current = job.steps.find((s) => s.status === 'executing');
  if (current) {
    const end = evaluateStep({ ctx, app, store, run, job, step: current });
    if (!end) return false;
    finishStep(current, end, job);
    return true;
  }
  const next = job.steps.find((s) => s.status === 'waiting');
  const failed = job.steps.some((s) => s.status === 'failed');
  const previous = [...job.steps]
    .reverse()
    .find((s) => s.completedMs !== undefined);
  const from = previous?.completedMs ?? job.startedMs ?? ctx.now;
  if (next) {
    const runs =
      next.if === 'always' || (next.if === 'failure' ? failed : !failed);
    if (!runs) {
      next.status = 'skipped';
      next.statusMessage =
        next.if === 'failure'
          ? 'Skipped: nothing failed.'
          : 'Skipped: an earlier step failed.';
      next.completedMs = from;
      return true;
    }
    const end = startStep({ ctx, app, store, run, job, step: next }, from);
    if (end) finishStep(next, end, job);
    job.statusMessage = `Running step ${next.index + 1} of ${job.steps.length}: ${next.name}.`;
    return true;
  }
  job.status = failed ? 'failed' : 'succeeded';
  const why = job.steps.find((s) => s.status === 'failed')?.statusMessage;
  job.statusMessage = failed ? `Failed: ${why}` : 'Every step succeeded.';
  job.completedMs = from;
  job.updatedMs = from;
  return true;
}

function timeOutJob(
  store: AppPipelines,
  job: JobRecord,
  deadline: number,
): void {
  const message = `Timed out: job ${job.id} exceeded its ${job.timeoutMs / 60_000} min limit.`;
  const step = job.steps.find((s) => s.status === 'executing');
  if (step) {
    finishStep(step, { atMs: deadline, ok: false, message }, job);
    if (
      step.approvalId &&
      store.approvals[step.approvalId]?.status === 'waiting'
    ) {
      Object.assign(store.approvals[step.approvalId], {
        status: 'cancelled',
        decidedMs: deadline,
      });
    }
  }
  for (const s of job.steps.filter((s) => s.status === 'waiting')) {
    Object.assign(s, {
      status: 'skipped',
      statusMessage: 'Skipped: the job timed out.',
    });
  }
  Object.assign(job, {
    status: 'failed',
    statusMessage: message,
    completedMs: deadline,
    updatedMs: deadline,
  });
}

function startOrSkip(run: RunRecord, job: JobRecord): boolean {
  const needs = job.needs.map((id) => run.jobs.find((j) => j.id === id)!);
  const blocked = needs.find(
    (j) => isFinished(j.status) && j.status !== 'succeeded',
  );
  const at = Math.max(
    run.createdMs,
    ...needs.map((j) => j.completedMs ?? run.createdMs),
  );
  if (blocked) {
    Object.assign(job, {
      status: 'skipped',
      statusMessage: `Skipped: job ${blocked.id} did not succeed.`,
      completedMs: at,
      updatedMs: at,
    });
    for (const step of job.steps)
      Object.assign(step, {
        status: 'skipped',
        statusMessage: 'The job was skipped.',
      });
    return true;
  }
  if (!needs.every((j) => j.status === 'succeeded')) return false;
  Object.assign(job, {
    status: 'executing',
    startedMs: at,
    updatedMs: at,
    statusMessage: 'Started.',
  });
  return true;
}

function advanceRun(
  ctx: OpContext,
  store: AppPipelines,
  run: RunRecord,
): boolean {
  if (run.cancellationRequestedMs !== undefined) {
    endRun(
      ctx,
      store,
      run,
      run.cancellationRequestedMs,
      'cancelled',
      'Cancelled on request.',
    );
    return true;
  }
  // Events are evaluated no later than the deadlines, so a clock that jumps
  // far ahead still lets steps that ended in time finish first.
  const deadline = run.createdMs + run.timeoutMs;
  const capped: OpContext = { ...ctx, now: Math.min(ctx.now, deadline) };
  let moved = false;
  for (const job of run.jobs) {
    if (job.status === 'waiting') moved = startOrSkip(run, job) || moved;
    if (job.status !== 'executing') continue;
    const jobDeadline = job.startedMs! + job.timeoutMs;
    const jobCtx: OpContext = {
      ...capped,
      now: Math.min(capped.now, jobDeadline),
    };
    if (advanceJob(jobCtx, store, run, job)) moved = true;
    else if (capped.now >= jobDeadline) {
      timeOutJob(store, job, jobDeadline);
      moved = true;
    }
  }
  if (run.jobs.every((j) => isFinished(j.status))) {
    const failed = run.jobs.find((j) => j.status === 'failed');
    run.status = failed ? 'failed' : 'succeeded';
    run.statusMessage = failed
      ? `Job ${failed.id} failed: ${failed.statusMessage.replace(/^Failed: /, '')}`
      : 'Every job succeeded.';
    run.completedMs = Math.max(
      run.createdMs,
      ...run.jobs.map((j) => j.completedMs ?? run.createdMs),
    );
    return true;
  }
  if (!moved && ctx.now >= deadline) {
    endRun(
      ctx,
      store,
      run,
      deadline,
      'failed',
      `Timed out: the run exceeded its ${run.timeoutMs / 60_000} min limit.`,
    );
    return true;
  }
  return moved;
}

/**
 * Brings every executing run up to `ctx.now` (steps start and end at the
 * times they would have; deployments they start are placed at those times).
 * Mutates the state; returns whether anything changed.
 */
export function advancePipelines(ctx: OpContext): boolean {
  const store = existingPipelines(ctx.state);
  if (!store) return false;
  let changed = false;
  for (let round = 0; round < 500; round += 1) {
    advanceDeploys(ctx.state, ctx.now);
    let moved = false;
    for (const app of Object.values(store.apps)) {
      for (const run of Object.values(app.runs)) {
        if (run.status === 'executing')
          moved = advanceRun(ctx, app, run) || moved;
      }
    }
    if (!moved) break;
    changed = true;
  }
  return changed;
}
