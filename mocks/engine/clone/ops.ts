/**
 * Clone between environments as engine operations (console extension): a
 * preview of what a full or partial clone changes in the target, applying
 * it (a delta deployed onto the target, or a rebase onto the source and a
 * redeploy), and the clone history. A preview carries a fingerprint of the
 * target; applying with a stale one is a `conflict`, so nobody deploys a
 * change they have not seen.
 */
import {
  planClone,
  type CloneItem,
  type CloneMode,
  type PrivateResource,
} from './plan';
import * as apps from '../apps';
import * as deltas from '../deltas';
import { createDeploy, deploySet } from '../deploys';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import {
  requireApp,
  requireAppDeploy,
  requireEnv,
  requireEnvDeploy,
} from '../core/lookup';
import type { DeploymentSet, PlainDelta } from '../core/model/spec';
import { emptySet } from '../sets';
import type { AppRecord, DeployRecord, EnvRecord } from '../core/state';
import { invalid, show } from '../core/validate';

export type { CloneOrigin } from '../core/model/clone';
import type { CloneOrigin } from '../core/model/clone';

/** One clone, as the history lists it (the deployment it made in the target and its origin). */
export interface CloneRecord extends CloneOrigin {
  deploy_id: string;
  target_env_id: string;
  comment: string;
  created_at: string;
  created_by: string;
  status: string;
}

/** The input of a preview: the source and the selection. */
export interface ClonePreviewInput {
  source_env_id: string;
  source_deploy_id?: string;
  mode: CloneMode;
  modules: string[];
  shared: string[];
}

/** What a clone would do to the target (the ClonePreview schema). */
export interface ClonePreview {
  mode: CloneMode;
  source: { env_id: string; deploy_id: string; set_id: string };
  target: {
    env_id: string;
    env_type: string;
    deploy_id: string;
    set_id: string;
    deploying: boolean;
  };
  /** Changes when the target gets a new deployment or base; applying with an older one is refused (409). */
  fingerprint: string;
  selection: { modules: string[]; shared: string[] };
  items: CloneItem[];
  delta: PlainDelta;
  target_set: DeploymentSet;
  result_set: DeploymentSet;
  losses: { modules: string[]; shared: string[] };
  private_resources: PrivateResource[];
}

function stringList(value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    invalid(`\`${key}\` must be a list of ids; got ${show(value)}.`, {
      field: key,
    });
  }
  return [...new Set(value as string[])];
}

/** Checks a preview (or apply) body. */
export function parseCloneInput(
  raw: unknown,
): ClonePreviewInput & { comment?: string; fingerprint?: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    invalid(
      `A clone request must be an object like {"source_env_id": "development", "mode": "partial", "modules": ["api"]}; got ${show(raw)}.`,
    );
  }
  const body = raw as Record<string, unknown>;
  if (typeof body.source_env_id !== 'string' || body.source_env_id === '') {
    invalid('`source_env_id` is required: the environment to clone from.', {
      field: 'source_env_id',
    });
  }
  if (body.mode !== 'full' && body.mode !== 'partial') {
    invalid(`\`mode\` must be "full" or "partial"; got ${show(body.mode)}.`, {
      field: 'mode',
    });
  }
  for (const key of ['source_deploy_id', 'comment', 'fingerprint'] as const) {
    if (body[key] !== undefined && typeof body[key] !== 'string')
      invalid(`\`${key}\` must be a string; got ${show(body[key])}.`, {
        field: key,
      });
  }
  if (typeof body.comment === 'string' && body.comment.length > 1000)
    invalid('`comment` must be at most 1000 characters.', { field: 'comment' });
  return {
    source_env_id: body.source_env_id as string,
    source_deploy_id:
      (body.source_deploy_id as string | undefined) || undefined,
    mode: body.mode,
    modules: stringList(body.modules, 'modules'),
    shared: stringList(body.shared, 'shared'),
    comment: body.comment as string | undefined,
    fingerprint: body.fingerprint as string | undefined,
  };
}

/** The deployment a clone from an environment takes: its newest succeeded one, else its base. */
function sourceDeploy(
  app: AppRecord,
  env: EnvRecord,
  deployId?: string,
): DeployRecord {
  if (deployId !== undefined) return requireEnvDeploy(app, env, deployId);
  for (let i = env.deployIds.length - 1; i >= 0; i -= 1) {
    const record = app.deploys[env.deployIds[i]];
    if (record?.deployment.status === 'succeeded') return record;
  }
  if (env.fromDeployId !== undefined)
    return requireAppDeploy(app, env.fromDeployId);
  invalid(
    `Environment \`${env.env.id}\` has no deployment to clone from; deploy it first.`,
    { env_id: env.env.id },
  );
}

/**
 * What the target's next deployment applies onto: the running deployment
 * (it becomes the base when it finishes), else the base.
 */
function baseDeployId(env: EnvRecord): string | undefined {
  return env.activeDeployId ?? env.fromDeployId;
}

/** The target's fingerprint: its newest deployment and the base its next one applies onto. */
function fingerprintOf(env: EnvRecord): string {
  return `${env.lastDeployId ?? '-'}:${baseDeployId(env) ?? '-'}`;
}

/** Computes a preview; also used by apply, on the draft state. */
export function previewClone(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  raw: unknown,
): ClonePreview {
  const { app, env: target } = requireEnv(ctx.state, orgId, appId, envId);
  const input = parseCloneInput(raw);
  const { env: sourceEnv } = requireEnv(
    ctx.state,
    orgId,
    appId,
    input.source_env_id,
  );
  const source = sourceDeploy(app, sourceEnv, input.source_deploy_id);
  const sourceSet = deploySet(app, source);
  const baseId = baseDeployId(target);
  const base = baseId !== undefined ? app.deploys[baseId] : undefined;
  const targetSet = base ? deploySet(app, base) : emptySet();
  if (input.mode === 'partial') {
    const unknownModules = input.modules.filter(
      (id) => !sourceSet.modules[id] && !targetSet.modules[id],
    );
    const unknownShared = input.shared.filter(
      (id) =>
        !Object.hasOwn(sourceSet.shared, id) &&
        !Object.hasOwn(targetSet.shared, id),
    );
    if (unknownModules.length > 0 || unknownShared.length > 0) {
      const names = [
        ...unknownModules.map((id) => `workload \`${id}\``),
        ...unknownShared.map((id) => `shared resource \`${id}\``),
      ];
      invalid(
        `Neither \`${input.source_env_id}\` nor \`${envId}\` has ${names.join(', ')}; pick items of either environment.`,
        {
          modules: unknownModules,
          shared: unknownShared,
        },
      );
    }
  }
  const plan = planClone(sourceSet, targetSet, input);
  return {
    mode: input.mode,
    source: {
      env_id: sourceEnv.env.id,
      deploy_id: source.deployment.id,
      set_id: sourceSet.id,
    },
    target: {
      env_id: envId,
      env_type: target.env.type,
      deploy_id: base?.deployment.id ?? '',
      set_id: targetSet.id,
      deploying: target.activeDeployId !== undefined,
    },
    fingerprint: fingerprintOf(target),
    selection: plan.selected,
    items: plan.items,
    delta: plan.delta,
    target_set: structuredClone(targetSet),
    result_set: structuredClone(plan.result),
    losses: plan.losses,
    private_resources: plan.privateResources,
  };
}

const isEmpty = (d: PlainDelta) =>
  Object.keys(d.modules.add).length === 0 &&
  d.modules.remove.length === 0 &&
  Object.keys(d.modules.update).length === 0 &&
  d.shared.length === 0;

/**
 * Applies a clone: `conflict` when the fingerprint is not the target's
 * current one (or a deployment runs there), `invalid` when nothing would
 * change (except a first deployment of a new environment). A partial clone saves the filtered diff as a delta for the target
 * and deploys it; a full clone rebases the target onto the source
 * deployment and redeploys that set. The deployment records its origin.
 */
export function applyClone(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  raw: unknown,
): CloneRecord {
  const input = parseCloneInput(raw);
  const { env } = requireEnv(ctx.state, orgId, appId, envId);
  if (input.fingerprint === undefined)
    invalid('`fingerprint` is required: apply the clone from a preview.', {
      field: 'fingerprint',
    });
  const current = fingerprintOf(env);
  if (input.fingerprint !== current) {
    throw new EngineError(
      'conflict',
      `Environment \`${envId}\` changed since the preview (its latest deployment is now \`${env.lastDeployId ?? 'none'}\`); review the new preview and apply again.`,
      { env_id: envId, fingerprint: current },
    );
  }
  const preview = previewClone(ctx, orgId, appId, envId, input);
  // A new environment (never deployed) may be started with the set it was created from.
  if (isEmpty(preview.delta) && env.lastDeployId !== undefined) {
    invalid(
      `Nothing to clone: \`${envId}\` already has what was selected from \`${preview.source.env_id}\`.`,
      { env_id: envId },
    );
  }
  const names = [...preview.selection.modules, ...preview.selection.shared];
  const comment =
    input.comment?.trim() ||
    `${input.mode === 'full' ? 'Full clone' : 'Clone'} from ${preview.source.env_id}${input.mode === 'partial' ? `: ${names.join(', ')}` : ''}`.slice(
      0,
      1000,
    );
  let deployment;
  if (input.mode === 'full') {
    apps.rebaseEnv(ctx, orgId, appId, envId, preview.source.deploy_id);
    deployment = createDeploy(ctx, orgId, appId, envId, { comment });
  } else {
    const d = preview.delta;
    const delta = deltas.createDelta(ctx, orgId, appId, {
      metadata: { env_id: envId, name: comment.slice(0, 200) },
      modules: {
        add: d.modules.add,
        remove: d.modules.remove,
        update: d.modules.update,
      },
      shared: d.shared,
    });
    deployment = createDeploy(ctx, orgId, appId, envId, {
      delta_id: delta.id,
      comment,
    });
  }
  const origin: CloneOrigin = {
    source_env_id: preview.source.env_id,
    source_deploy_id: preview.source.deploy_id,
    mode: input.mode,
    modules: preview.selection.modules,
    shared: preview.selection.shared,
  };
  const app = requireApp(ctx.state, orgId, appId);
  app.deploys[deployment.id].clone = origin;
  return toCloneRecord(app.deploys[deployment.id], origin);
}

function toCloneRecord(record: DeployRecord, origin: CloneOrigin): CloneRecord {
  const d = record.deployment;
  return {
    ...structuredClone(origin),
    deploy_id: d.id,
    target_env_id: d.env_id,
    comment: d.comment,
    created_at: d.created_at,
    created_by: d.created_by,
    status: d.status,
  };
}

/** Clones into or out of an environment (or of the whole app), newest first. */
export function listClones(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId?: string,
): CloneRecord[] {
  const app = requireApp(ctx.state, orgId, appId);
  if (envId) requireEnv(ctx.state, orgId, appId, envId);
  return Object.values(app.deploys)
    .filter(
      (r): r is DeployRecord & { clone: CloneOrigin } => r.clone !== undefined,
    )
    .filter(
      (r) =>
        !envId ||
        r.deployment.env_id === envId ||
        r.clone.source_env_id === envId,
    )
    .sort((a, b) => b.seq - a.seq)
    .map((r) => toCloneRecord(r, r.clone));
}
