/**
 * Operations on stored deltas: create, merge (PATCH), replace (PUT) and the
 * metadata setters. Archived deltas are read-only except for un-archiving.
 * Whoever changes a delta they did not create is appended to `contributers`.
 */
import { emptyPlainDelta, mergeDeltas } from './content';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import {
  freshId,
  nextSeq,
  requireApp,
  requireDelta,
  requireEnv,
} from '../core/lookup';
import type { Delta, DeltaInput, PlainDelta } from '../core/model/spec';
import type { AppRecord } from '../core/state';
import { isoAt } from '../core/state';
import {
  assertBoolean,
  assertId,
  assertName,
  invalid,
  show,
} from '../core/validate';
import { toDelta } from '../core/views';
import { profilesInApp, sealDelta } from '../secrets';

interface MetadataInput {
  name?: string;
  env_id?: string;
  shared?: boolean;
}

function parseMetadata(
  ctx: OpContext,
  orgId: string,
  appId: string,
  input: unknown,
): MetadataInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    invalid(
      `A delta must be a JSON object with \`modules\`, \`shared\` and \`metadata\`; got ${show(input)}.`,
    );
  }
  const metadata: unknown = (input as DeltaInput).metadata;
  if (metadata === undefined || metadata === null) return {};
  if (typeof metadata !== 'object' || Array.isArray(metadata))
    invalid(`\`metadata\` must be an object; got ${show(metadata)}.`);
  const { name, env_id, shared } = metadata as Record<string, unknown>;
  const out: MetadataInput = {};
  if (name !== undefined) {
    if (typeof name !== 'string' || name.length > 100)
      invalid(
        `\`metadata.name\` must be a string of at most 100 characters; got ${show(name)}.`,
      );
    out.name = name as string;
  }
  if (env_id !== undefined && env_id !== '') {
    out.env_id = assertId('`metadata.env_id`', env_id, 2);
    requireEnv(ctx.state, orgId, appId, out.env_id);
  }
  if (shared !== undefined)
    out.shared = assertBoolean('`metadata.shared`', shared);
  return out;
}

function content(delta: PlainDelta): PlainDelta {
  return { modules: delta.modules, shared: delta.shared };
}

/** The content with its secret values moved into the app's store (secrets/): a stored delta holds references only. */
function sealed(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string | undefined,
  delta: PlainDelta,
): PlainDelta {
  return sealDelta(
    ctx,
    orgId,
    appId,
    delta,
    profilesInApp(ctx, orgId, appId, envId),
  );
}

function touch(ctx: OpContext, delta: Delta): void {
  delta.metadata.last_modified_at = isoAt(ctx.now);
  if (
    ctx.userId !== delta.metadata.created_by &&
    !delta.metadata.contributers.includes(ctx.userId)
  ) {
    delta.metadata.contributers.push(ctx.userId);
  }
}

function editable(app: AppRecord, deltaId: string): Delta {
  const delta = requireDelta(app, deltaId);
  if (delta.metadata.archived) {
    throw new EngineError(
      'conflict',
      `Delta \`${deltaId}\` is archived and therefore read-only; un-archive it (PUT …/metadata/archived false) to change it.`,
      { delta_id: deltaId },
    );
  }
  return delta;
}

/** Lists the app's deltas in creation order: non-archived ones unless `archived` is true; `env` filters by `metadata.env_id`. */
export function listDeltas(
  ctx: OpContext,
  orgId: string,
  appId: string,
  filter: { archived?: boolean; env?: string } = {},
): Delta[] {
  const app = requireApp(ctx.state, orgId, appId);
  const archived = filter.archived === true;
  return Object.values(app.deltas)
    .sort((a, b) => a.seq - b.seq)
    .map((entry) => entry.delta)
    .filter((delta) => delta.metadata.archived === archived)
    .filter(
      (delta) =>
        filter.env === undefined || delta.metadata.env_id === filter.env,
    )
    .map(toDelta);
}

/** One delta of the app. */
export function getDelta(
  ctx: OpContext,
  orgId: string,
  appId: string,
  deltaId: string,
): Delta {
  return toDelta(requireDelta(requireApp(ctx.state, orgId, appId), deltaId));
}

/** Creates a delta (the client's `id` is ignored; a 40-hex id is assigned). */
export function createDelta(
  ctx: OpContext,
  orgId: string,
  appId: string,
  input: unknown,
): Delta {
  const app = requireApp(ctx.state, orgId, appId);
  const metadata = parseMetadata(ctx, orgId, appId, input);
  const merged = sealed(
    ctx,
    orgId,
    appId,
    metadata.env_id,
    mergeDeltas(emptyPlainDelta(), [input as DeltaInput]),
  );
  const id = freshId(ctx.ids, 'delta', (candidate) =>
    Object.hasOwn(app.deltas, candidate),
  );
  const at = isoAt(ctx.now);
  const delta: Delta = {
    id,
    metadata: {
      ...(metadata.name !== undefined ? { name: metadata.name } : {}),
      ...(metadata.env_id !== undefined ? { env_id: metadata.env_id } : {}),
      created_by: ctx.userId,
      created_at: at,
      last_modified_at: at,
      archived: false,
      shared: metadata.shared ?? false,
      contributers: [],
    },
    ...content(merged),
  };
  app.deltas[id] = { seq: nextSeq(ctx.state), delta };
  return toDelta(delta);
}

function applyMetadata(delta: Delta, metadata: MetadataInput): void {
  if (metadata.name !== undefined) delta.metadata.name = metadata.name;
  if (metadata.env_id !== undefined) delta.metadata.env_id = metadata.env_id;
  if (metadata.shared !== undefined) delta.metadata.shared = metadata.shared;
}

/** Merges `inputs` into the stored delta, in order (the spec's PATCH); their metadata name/env_id are applied too. */
export function patchDelta(
  ctx: OpContext,
  orgId: string,
  appId: string,
  deltaId: string,
  inputs: unknown,
): Delta {
  const app = requireApp(ctx.state, orgId, appId);
  const delta = editable(app, deltaId);
  if (!Array.isArray(inputs))
    invalid(
      `The body must be a list of deltas to merge, e.g. [{"modules": {…}}]; got ${show(inputs)}.`,
    );
  const list = inputs as unknown[];
  const metadata = list.map((input) => parseMetadata(ctx, orgId, appId, input));
  const envId = metadata.reduce<string | undefined>(
    (env, m) => m.env_id ?? env,
    delta.metadata.env_id,
  );
  Object.assign(
    delta,
    sealed(
      ctx,
      orgId,
      appId,
      envId,
      mergeDeltas(content(delta), list as DeltaInput[]),
    ),
  );
  metadata.forEach((m) => applyMetadata(delta, m));
  touch(ctx, delta);
  return toDelta(delta);
}

/** Replaces the stored delta's content (the spec's PUT); metadata name/env_id are applied if given. */
export function replaceDelta(
  ctx: OpContext,
  orgId: string,
  appId: string,
  deltaId: string,
  input: unknown,
): void {
  const app = requireApp(ctx.state, orgId, appId);
  const delta = editable(app, deltaId);
  const metadata = parseMetadata(ctx, orgId, appId, input);
  Object.assign(
    delta,
    sealed(
      ctx,
      orgId,
      appId,
      metadata.env_id ?? delta.metadata.env_id,
      mergeDeltas(emptyPlainDelta(), [input as DeltaInput]),
    ),
  );
  applyMetadata(delta, metadata);
  touch(ctx, delta);
}

/** Archives or un-archives a delta. */
export function setDeltaArchived(
  ctx: OpContext,
  orgId: string,
  appId: string,
  deltaId: string,
  archived: unknown,
): void {
  const delta = requireDelta(requireApp(ctx.state, orgId, appId), deltaId);
  delta.metadata.archived = assertBoolean('The body (archived)', archived);
  touch(ctx, delta);
}

/** Moves a (non-archived) delta to another environment of the app. */
export function setDeltaEnv(
  ctx: OpContext,
  orgId: string,
  appId: string,
  deltaId: string,
  envId: unknown,
): void {
  const app = requireApp(ctx.state, orgId, appId);
  const delta = editable(app, deltaId);
  const id = assertId('The body (environment id)', envId, 2);
  requireEnv(ctx.state, orgId, appId, id);
  delta.metadata.env_id = id;
  touch(ctx, delta);
}

/** Renames a (non-archived) delta. */
export function setDeltaName(
  ctx: OpContext,
  orgId: string,
  appId: string,
  deltaId: string,
  name: unknown,
): void {
  const app = requireApp(ctx.state, orgId, appId);
  const delta = editable(app, deltaId);
  delta.metadata.name = assertName('The body (delta name)', name);
  touch(ctx, delta);
}
