/**
 * Controlled rollout of a workload profile version from a source
 * organisation to chosen target organisations, one organisation at a time.
 * Each step takes `step_ms`; progress follows the injected clock and is
 * materialised by `advanceRollouts` (called by the engine before every
 * operation, like deployment progress): when a step's time is over, the
 * target organisation gets the source's current version of the profile as
 * a new version (or as a new profile). No timers.
 */
import { EngineError } from '../core/errors';
import type { ProfileRollout, RolloutInput, RolloutRecord } from './model';
import type { OpContext } from '../core/lookup';
import { freshId, nextSeq, requireOrg } from '../core/lookup';
import { orgProfiles, writableProfiles } from '../profiles';
import type { StateV1 } from '../core/state';
import { bySeq, isoAt } from '../core/state';
import { invalid, show } from '../core/validate';

/** How long one organisation's step of a rollout takes. */
export const ROLLOUT_STEP_MS = 10_000;

const endOf = (r: RolloutRecord, i: number) =>
  Date.parse(r.created_at) + (i + 1) * r.step_ms;

function parseInput(raw: unknown): RolloutInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    invalid(
      `A rollout must be an object like {"profile_id": "web-service", "target_org_ids": ["globex"]}; got ${show(raw)}.`,
    );
  }
  const { profile_id, target_org_ids } = raw as Record<string, unknown>;
  if (typeof profile_id !== 'string' || profile_id === '')
    invalid('`profile_id` must be a non-empty string.');
  if (
    !Array.isArray(target_org_ids) ||
    target_org_ids.length === 0 ||
    target_org_ids.some((id) => typeof id !== 'string')
  ) {
    invalid('`target_org_ids` must list at least one organisation id.');
  }
  return { profile_id, target_org_ids: target_org_ids as string[] };
}

/** The rollout as the API shows it at `now`. */
export function toRollout(record: RolloutRecord, now: number): ProfileRollout {
  const start = Date.parse(record.created_at);
  const steps = record.steps.map((step, i) => {
    const started = start + i * record.step_ms;
    const finished = endOf(record, i);
    const status =
      step.applied_at !== undefined || now >= finished
        ? 'done'
        : now >= started
          ? 'in progress'
          : 'waiting';
    return {
      org_id: step.org_id,
      from_version: step.from_version,
      status,
      ...(status !== 'waiting' ? { started_at: isoAt(started) } : {}),
      ...(status === 'done'
        ? { finished_at: step.applied_at ?? isoAt(finished) }
        : {}),
    } as ProfileRollout['steps'][number];
  });
  const done = steps.filter((s) => s.status === 'done').length;
  return {
    id: record.id,
    source_org_id: record.source_org_id,
    profile_id: record.profile_id,
    version: record.version,
    created_at: record.created_at,
    created_by: record.created_by,
    status: done === steps.length ? 'done' : 'in progress',
    done,
    total: steps.length,
    steps,
  };
}

/** Rollouts from or to `orgId`, newest first. */
export function listRollouts(ctx: OpContext, orgId: string): ProfileRollout[] {
  const rollouts = ctx.state.fleet ? bySeq(ctx.state.fleet.rollouts) : [];
  return rollouts
    .filter(
      (r) =>
        r.source_org_id === orgId || r.steps.some((s) => s.org_id === orgId),
    )
    .reverse()
    .map((r) => toRollout(r, ctx.now));
}

/**
 * Starts rolling out the source organisation's current version of
 * `profile_id` to the targets, in the order given. Refuses unknown
 * organisations or profiles, the source as a target, duplicates, and a
 * second rollout of the same profile while one runs (`conflict`).
 */
export function createRollout(
  ctx: OpContext,
  sourceOrgId: string,
  raw: unknown,
): ProfileRollout {
  requireOrg(ctx.state, sourceOrgId);
  const input = parseInput(raw);
  const source = orgProfiles(ctx.state, sourceOrgId)[
    `${sourceOrgId}/${input.profile_id}`
  ];
  if (!source) {
    throw new EngineError(
      'not_found',
      `Workload profile \`${input.profile_id}\` does not exist in organisation \`${sourceOrgId}\`.`,
      {
        kind: 'workload-profile',
        id: input.profile_id,
      },
    );
  }
  const seen = new Set<string>();
  for (const target of input.target_org_ids) {
    requireOrg(ctx.state, target);
    if (target === sourceOrgId)
      invalid(
        `\`${target}\` is the source organisation; choose other organisations as targets.`,
      );
    if (seen.has(target))
      invalid(`\`${target}\` is listed twice in \`target_org_ids\`.`);
    seen.add(target);
  }
  ctx.state.fleet ??= { rollouts: {} };
  const running = Object.values(ctx.state.fleet.rollouts).find(
    (r) =>
      r.profile_id === input.profile_id &&
      toRollout(r, ctx.now).status !== 'done',
  );
  if (running) {
    throw new EngineError(
      'conflict',
      `Rollout \`${running.id}\` of profile \`${input.profile_id}\` is still in progress: wait for it to finish.`,
      {
        rollout_id: running.id,
      },
    );
  }
  const current = source.versions[source.versions.length - 1];
  const id = freshId(ctx.ids, 'deployment', (candidate) =>
    Object.hasOwn(ctx.state.fleet!.rollouts, candidate),
  );
  const record: RolloutRecord = {
    seq: nextSeq(ctx.state),
    id,
    source_org_id: sourceOrgId,
    profile_id: input.profile_id,
    version: current.version,
    created_at: isoAt(ctx.now),
    created_by: ctx.userId,
    step_ms: ROLLOUT_STEP_MS,
    steps: input.target_org_ids.map((org_id) => {
      const own = orgProfiles(ctx.state, org_id)[
        `${org_id}/${input.profile_id}`
      ];
      return {
        org_id,
        from_version: own
          ? own.versions[own.versions.length - 1].version
          : null,
      };
    }),
  };
  ctx.state.fleet.rollouts[id] = record;
  return toRollout(record, ctx.now);
}

/**
 * Applies every rollout step whose time is over at `now`: the target gets the
 * source's version (spec, chart, description) of the profile, dated at the
 * step's end. Returns whether anything changed.
 */
export function advanceRollouts(state: StateV1, now: number): boolean {
  if (!state.fleet) return false;
  let changed = false;
  for (const record of Object.values(state.fleet.rollouts)) {
    record.steps.forEach((step, i) => {
      if (step.applied_at !== undefined || now < endOf(record, i)) return;
      const at = isoAt(endOf(record, i));
      const source =
        state.orgs[record.source_org_id]?.profiles?.[
          `${record.source_org_id}/${record.profile_id}`
        ] ??
        orgProfiles(state, record.source_org_id)[
          `${record.source_org_id}/${record.profile_id}`
        ];
      const version = source?.versions.find(
        (v) => v.version === record.version,
      );
      const org = state.orgs[step.org_id];
      step.applied_at = at;
      changed = true;
      if (!version || !org) return;
      // Profiles of its own (the seeded ones that reads share must not change).
      const profiles = writableProfiles(state, step.org_id);
      const key = `${step.org_id}/${record.profile_id}`;
      const copy = {
        ...structuredClone(version),
        created_at: at,
        created_by: record.created_by,
      };
      const existing = profiles[key];
      if (existing) existing.versions.push(copy);
      else {
        profiles[key] = {
          seq: (state.seq += 1),
          orgId: step.org_id,
          id: record.profile_id,
          created_at: at,
          created_by: record.created_by,
          versions: [copy],
        };
      }
    });
  }
  return changed;
}
