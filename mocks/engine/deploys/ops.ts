/**
 * The deployment state machine. A deployment is `pending` for
 * {@link PENDING_MS}, then `in progress` for the time `planDeploy` chose
 * (clamped to {@link MIN_RUN_MS}–{@link MAX_RUN_MS}), then `succeeded` or
 * `failed` as planned. Status is a pure function of the clock; the engine
 * materialises it into the state whenever it is read ({@link advanceDeploys}).
 */
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import {
  freshId,
  nextSeq,
  requireDelta,
  requireEnv,
  requireSet,
  storeSet,
} from '../core/lookup';
import type {
  Deployment,
  DeploymentSet,
  DeploymentStatus,
} from '../core/model/spec';
import {
  assertSpecsMatchProfiles,
  findProfile,
  resourceIssuesOf,
  UNRESOLVED_RESOURCE_CODE,
} from '../profiles';
import { planDeploy } from '../simulation';
import { profilesInSets, sealDelta } from '../secrets';
import { applySetDelta, emptySet } from '../sets';
import { deployVersion, valueErrors } from '../values';
import type {
  AppRecord,
  DeployRecord,
  EnvRecord,
  StateV1,
} from '../core/state';
import { isoAt } from '../core/state';
import {
  provisionDeployment,
  UNFILLED_PLACEHOLDER_CODE,
} from '../provisioning';
import { invalid, show } from '../core/validate';
import { clusterModeOf, planExport } from '../operator';

/** How long a deployment stays `pending`. */
export const PENDING_MS = 1000;
/** Shortest `in progress` phase. */
export const MIN_RUN_MS = 2000;
/** Longest `in progress` phase. */
export const MAX_RUN_MS = 6000;

/** Whether a status is final. */
export function isTerminal(status: DeploymentStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}

/** The status of a deployment at `now`, and since when it holds (ms). */
export function statusAt(
  record: DeployRecord,
  now: number,
): { status: DeploymentStatus; sinceMs: number } {
  const started = record.createdMs + record.plan.pendingMs;
  const finished = started + record.plan.runMs;
  if (now >= finished)
    return { status: record.plan.outcome, sinceMs: finished };
  if (now >= started) return { status: 'in progress', sinceMs: started };
  return { status: 'pending', sinceMs: record.createdMs };
}

/**
 * Brings every running deployment's stored status up to `now`. A finished
 * deployment stops being the environment's active one and becomes its
 * `from_deploy` (the base of the next deployment). Mutates `state`; returns
 * whether anything changed. `running`: the apps that may have a running
 * deployment (every one that has one, core/running-apps.ts), looked at
 * instead of every app.
 */
export function advanceDeploys(
  state: StateV1,
  now: number,
  running?: readonly { app: AppRecord }[],
): boolean {
  let changed = false;
  if (running) {
    for (const { app } of running) changed = advanceApp(app, now) || changed;
    return changed;
  }
  const { orgs } = state;
  for (const orgId in orgs) {
    if (!Object.hasOwn(orgs, orgId)) continue;
    const { apps } = orgs[orgId];
    for (const appId in apps)
      if (Object.hasOwn(apps, appId))
        changed = advanceApp(apps[appId], now) || changed;
  }
  return changed;
}

/** {@link advanceDeploys} for one app. */
function advanceApp(app: AppRecord, now: number): boolean {
  let changed = false;
  for (const envId in app.envs) {
    if (!Object.hasOwn(app.envs, envId)) continue;
    const env = app.envs[envId];
    if (env.activeDeployId === undefined) continue;
    const record = app.deploys[env.activeDeployId];
    if (!record) {
      delete env.activeDeployId;
      changed = true;
      continue;
    }
    const { status, sinceMs } = statusAt(record, now);
    if (status === record.deployment.status) continue;
    record.deployment.status = status;
    record.deployment.status_changed_at = isoAt(sinceMs);
    // The export (operator/) is done when `pending` ends.
    if (record.plan.export && status !== 'pending')
      record.deployment.export_status = record.plan.export;
    if (isTerminal(status)) {
      delete env.activeDeployId;
      env.fromDeployId = record.deployment.id;
    }
    changed = true;
  }
  return changed;
}

/** The set a deployment deployed. */
export function deploySet(app: AppRecord, record: DeployRecord): DeploymentSet {
  return requireSet(app, record.deployment.set_id);
}

/**
 * The deployment whose set runs in the environment: the active one while a
 * deployment is pending / in progress, otherwise the newest succeeded one
 * (a failed deployment leaves the previous one running).
 */
export function runningDeploy(
  app: AppRecord,
  env: EnvRecord,
): DeployRecord | undefined {
  if (env.activeDeployId !== undefined) return app.deploys[env.activeDeployId];
  for (let i = env.deployIds.length - 1; i >= 0; i -= 1) {
    const record = app.deploys[env.deployIds[i]];
    if (record?.deployment.status === 'succeeded') return record;
  }
  return undefined;
}

/** The conflict raised while a deployment runs in an environment. */
export function runningConflict(env: EnvRecord, action: string): EngineError {
  return new EngineError(
    'conflict',
    `Cannot ${action}: deployment \`${env.activeDeployId}\` is still running in environment \`${env.env.id}\`; wait until it has finished.`,
    { deploy_id: env.activeDeployId },
  );
}

/** Input of {@link createDeploy} (the spec's DeploymentRequest subset). */
export interface DeployInput {
  delta_id?: string;
  set_id?: string;
  comment?: string;
  /** The value-set version whose values to use (a redeploy's recorded one); the environment's current one when absent. */
  value_set_version_id?: string;
  /** `full` (default) or `incremental`: what an operator or GitOps deployment exports. */
  mode?: 'full' | 'incremental';
}

function parseDeployInput(input: unknown): DeployInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    invalid(
      `A deployment request must be an object like {"delta_id": "…", "comment": "…"}; got ${show(input)}.`,
    );
  }
  const { delta_id, set_id, comment, value_set_version_id, mode } =
    input as Record<string, unknown>;
  if (mode !== undefined && mode !== 'full' && mode !== 'incremental')
    invalid(`\`mode\` must be \`full\` or \`incremental\`; got ${show(mode)}.`);
  for (const [key, value] of Object.entries({
    delta_id,
    set_id,
    comment,
    value_set_version_id,
  })) {
    if (value !== undefined && value !== null && typeof value !== 'string')
      invalid(`\`${key}\` must be a string; got ${show(value)}.`);
  }
  if (typeof comment === 'string' && comment.length > 1000)
    invalid('`comment` must be at most 1000 characters.');
  return {
    delta_id: delta_id as string | undefined,
    set_id: set_id as string | undefined,
    comment: comment as string | undefined,
    ...(typeof value_set_version_id === 'string'
      ? { value_set_version_id }
      : {}),
    ...(mode !== undefined ? { mode } : {}),
  };
}

/** The delta a deployment names; an unknown one is the spec's 400 ("the Delta is non-existent"), not a 404. */
function deltaToDeploy(app: AppRecord, appId: string, deltaId: string) {
  try {
    return requireDelta(app, deltaId);
  } catch (error) {
    if (error instanceof EngineError && error.code === 'not_found')
      throw new EngineError(
        'invalid',
        `Delta \`${deltaId}\` does not exist in app \`${appId}\`: create it first (POST …/deltas), or deploy a \`set_id\`.`,
        { delta_id: deltaId },
      );
    throw error;
  }
}

/**
 * Starts a deployment in an environment: applies the delta (or forces the
 * set, or redeploys the base set when neither is given) onto the set of the
 * environment's `from_deploy` (the empty set if none), plans it with
 * `planDeploy`, and records it as `pending`. Refuses (`conflict`) while the
 * environment is paused or another deployment runs there.
 */
export function createDeploy(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  raw: unknown,
): Deployment {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const input = parseDeployInput(raw);
  if (env.paused) {
    throw new EngineError(
      'conflict',
      `Environment \`${envId}\` is paused: resume it before deploying.`,
      { env_id: envId },
    );
  }
  if (env.activeDeployId !== undefined) throw runningConflict(env, 'deploy');
  const from =
    env.fromDeployId !== undefined ? app.deploys[env.fromDeployId] : undefined;
  const base = from ? deploySet(app, from) : emptySet();
  let set = base;
  if (input.delta_id !== undefined) {
    const delta = deltaToDeploy(app, appId, input.delta_id);
    // A secret value the delta still holds (its workload's profile was not known when it was stored) goes to the store now.
    const sealed = sealDelta(ctx, orgId, appId, delta, profilesInSets([base]));
    if (sealed !== delta)
      Object.assign(delta, { modules: sealed.modules, shared: sealed.shared });
    try {
      set = applySetDelta(base, delta);
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      throw new EngineError(
        'invalid',
        `Delta \`${delta.id}\` does not fit the current set of environment \`${envId}\`: ${error.message}`,
        { ...error.details, delta_id: delta.id },
      );
    }
    assertSpecsMatchProfiles(ctx, orgId, set, delta);
  } else if (input.set_id !== undefined) {
    set = requireSet(app, input.set_id);
  }
  // The values `${values.KEY}` resolves to: the version asked for, else the environment's current one.
  const values = deployVersion(app, envId, input.value_set_version_id);
  storeSet(ctx.state, app, set);
  const planned = planDeploy({
    set,
    previous: from ? base : undefined,
    profileExists: (ref) => findProfile(ctx.state, orgId, ref) !== undefined,
    unresolved: (id) => resourceIssuesOf(ctx, orgId, set, id),
  });
  const missingValues = valueErrors(ctx, orgId, app, envId, set, values);
  if (missingValues.length > 0) {
    planned.errors = [...planned.errors, ...missingValues];
    planned.outcome = 'failed';
  }
  const id = freshId(ctx.ids, 'deployment', (candidate) =>
    Object.hasOwn(app.deploys, candidate),
  );
  // Read, match, create: the resources the set asks for, before its workloads.
  // An operator or GitOps cluster runs the drivers inside the cluster (operator/mode.ts).
  const cluster = clusterModeOf(ctx.state, orgId, appId, envId);
  const provisioned = provisionDeployment(
    ctx,
    orgId,
    appId,
    envId,
    set,
    id,
    cluster.mode !== 'direct',
  );
  // A workload whose resource reference the profile rule already reports (WL-RES-001) is not reported again for the placeholder.
  const unresolved = new Set(
    planned.errors
      .filter((error) => error.code === UNRESOLVED_RESOURCE_CODE)
      .map((error) => error.object_id),
  );
  const provisioningErrors = provisioned.outcome.errors.filter(
    (error) =>
      error.code !== UNFILLED_PLACEHOLDER_CODE ||
      !unresolved.has(error.object_id),
  );
  if (provisioningErrors.length > 0) {
    planned.errors = [...provisioningErrors, ...planned.errors];
    planned.outcome = 'failed';
  }
  const at = isoAt(ctx.now);
  const deployment: Deployment = {
    id,
    env_id: envId,
    from_id: from?.deployment.id ?? '',
    set_id: set.id,
    comment: input.comment ?? '',
    created_at: at,
    created_by: ctx.userId,
    status: 'pending',
    status_changed_at: at,
    export_status: '',
    export_file: '',
  };
  if (input.delta_id !== undefined) deployment.delta_id = input.delta_id;
  if (values) deployment.value_set_version_id = values.id;
  deployment.dependency_graph_id = provisioned.graphId;
  let runMs = Math.min(
    MAX_RUN_MS,
    Math.max(
      MIN_RUN_MS,
      Number.isFinite(planned.durationMs) ? planned.durationMs : MIN_RUN_MS,
    ),
  );
  // Operator and GitOps: the export, then the controller's sync and the Operator's reconciliation.
  const exported = planExport(ctx, cluster, {
    orgId,
    appId,
    envId,
    deployId: id,
    set,
    resources: provisioned.outcome.records,
    graphId: provisioned.graphId,
    priorErrors: planned.errors,
    exportMode: input.mode ?? 'full',
    exportedMs: ctx.now + PENDING_MS,
  });
  if (exported) {
    deployment.export_status = 'pending';
    deployment.export_file = exported.file;
    deployment.mode = input.mode ?? 'full';
    deployment.operator_version = exported.operatorVersion;
    if (exported.errors.length > 0) {
      planned.errors = [...planned.errors, ...exported.errors];
      planned.outcome = 'failed';
    }
    runMs = Math.max(runMs, exported.runMs);
  }
  app.deploys[id] = {
    seq: nextSeq(ctx.state),
    createdMs: ctx.now,
    deployment,
    plan: {
      outcome: planned.outcome,
      errors: planned.errors,
      pendingMs: PENDING_MS,
      runMs,
      ...(exported ? { export: exported.outcome } : {}),
      resources: provisioned.outcome.records,
      ...(provisioned.outcome.placeholders.length > 0
        ? { placeholders: provisioned.outcome.placeholders }
        : {}),
    },
  };
  env.deployIds.push(id);
  env.lastDeployId = id;
  env.activeDeployId = id;
  return structuredClone(deployment);
}
