/**
 * The fleet overview: every organisation the caller belongs to, with its
 * health (the one model of health/compute.ts, through health-ops), a needs-attention
 * inbox across organisations, and the drift of each organisation's base
 * configuration (its own workload profiles' versions, environment types,
 * the pipelines of its apps) from a baseline organisation. Health, inbox and
 * pipeline drift cover only the apps the caller may read in each
 * organisation (the methods pass that filter, access/authorize.ts).
 */
import { can } from '../access';
import { agentStatuses } from '../agents';
import type {
  FleetAttentionItem,
  FleetOrg,
  FleetOverview,
  DriftItem,
} from './model';
import { listRollouts } from './rollout';
import {
  HEALTH_STATES,
  NEEDS_ATTENTION,
  worstState,
  type HealthState,
} from '../health';
import { getOrgHealth } from '../health';
import type { OpContext } from '../core/lookup';
import { requireOrg } from '../core/lookup';
import { parsePipeline } from '../pipelines';
import { existingPipelines } from '../core/pipelines-store';
import { orgProfiles } from '../profiles';
import type { OrgRecord, StateV1 } from '../core/state';
import { bySeq } from '../core/state';
import { sha256Base64url } from '../core/canonical';

/**
 * Compares dotted versions numerically (`1.10.0` > `1.9.2`); non-numeric
 * parts compare as text. Negative when `a` is older.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const d =
      Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** The organisation's own profiles (built-ins excluded) by bare id → current version. */
export function ownProfileVersions(
  state: StateV1,
  orgId: string,
): Map<string, string> {
  const result = new Map<string, string>();
  for (const record of Object.values(orgProfiles(state, orgId))) {
    if (record.orgId !== orgId) continue;
    result.set(record.id, record.versions[record.versions.length - 1].version);
  }
  return result;
}

/** A pipeline of an organisation as drift compares it: its revision and its parsed definition. */
export interface OrgPipeline {
  /** How many versions it has (`revision 3`: the third). */
  revision: number;
  /** The current version's parsed definition, as canonical JSON (comments and layout do not count). */
  definition: string;
}

/**
 * The pipelines an organisation really has: those of its apps that
 * `readable` keeps in the pipelines domain (what `GET /orgs/{orgId}/pipelines`
 * lists to the caller), by pipeline id. When two apps have a pipeline of the
 * same id, the newest one counts.
 */
export function orgPipelines(
  state: StateV1,
  orgId: string,
  readable: (appId: string) => boolean,
): Map<string, OrgPipeline> {
  const store = existingPipelines(state);
  const org = state.orgs[orgId];
  const found = new Map<string, OrgPipeline & { updated: number }>();
  if (!store || !org) return new Map();
  for (const app of bySeq(org.apps)) {
    if (!readable(app.app.id)) continue;
    const pipelines = store.apps[`${orgId}/${app.app.id}`]?.pipelines ?? {};
    for (const record of bySeq(pipelines)) {
      const current = record.versions.at(-1)!;
      const known = found.get(record.id);
      if (known && known.updated > current.createdMs) continue;
      found.set(record.id, {
        revision: record.versions.length,
        definition: JSON.stringify(parsePipeline(current.yaml)),
        updated: current.createdMs,
      });
    }
  }
  return new Map(
    [...found].map(([id, { revision, definition }]) => [
      id,
      { revision, definition },
    ]),
  );
}

/** Pipelines present in one organisation only, or defined differently (revisions are each organisation's own). */
function pipelineDrift(
  baseline: Map<string, OrgPipeline>,
  actual: Map<string, OrgPipeline>,
): DriftItem[] {
  const rev = (p: OrgPipeline) => `revision ${p.revision}`;
  // Revisions are each organisation's own: two different definitions can both be "revision 1".
  const revAndDefinition = (p: OrgPipeline) =>
    `${rev(p)}, definition ${sha256Base64url(p.definition).slice(0, 7)}`;
  const items: DriftItem[] = [];
  for (const [id, base] of baseline) {
    const own = actual.get(id);
    if (!own)
      items.push({
        kind: 'pipeline',
        id,
        status: 'missing',
        baseline: rev(base),
        actual: null,
      });
    else if (own.definition !== base.definition) {
      items.push({
        kind: 'pipeline',
        id,
        status: 'different',
        baseline: revAndDefinition(base),
        actual: revAndDefinition(own),
      });
    }
  }
  for (const [id, own] of actual) {
    if (!baseline.has(id))
      items.push({
        kind: 'pipeline',
        id,
        status: 'extra',
        baseline: null,
        actual: rev(own),
      });
  }
  return items;
}

function versionDrift(
  kind: DriftItem['kind'],
  baseline: Map<string, string>,
  actual: Map<string, string>,
): DriftItem[] {
  const items: DriftItem[] = [];
  for (const [id, version] of baseline) {
    const own = actual.get(id);
    if (own === undefined)
      items.push({
        kind,
        id,
        status: 'missing',
        baseline: version,
        actual: null,
      });
    else if (own !== version) {
      const d = compareVersions(own, version);
      items.push({
        kind,
        id,
        status: d < 0 ? 'behind' : d > 0 ? 'ahead' : 'different',
        baseline: version,
        actual: own,
      });
    }
  }
  for (const [id, version] of actual) {
    if (!baseline.has(id))
      items.push({
        kind,
        id,
        status: 'extra',
        baseline: null,
        actual: version,
      });
  }
  return items;
}

/**
 * How `org` differs from `baseline`: profiles by version, environment types
 * by presence (and description), pipelines (of the pipelines domain, of the
 * apps `readableIn` keeps in each organisation) by presence and definition.
 * Empty when equal.
 */
export function driftFrom(
  state: StateV1,
  baseline: OrgRecord,
  org: OrgRecord,
  readableIn: AppsReadable,
): DriftItem[] {
  const b = baseline.org.id;
  const o = org.org.id;
  const envTypes = (record: OrgRecord) =>
    new Map(record.envTypes.map((t) => [t.id, t.description ?? '']));
  const envDrift = versionDrift(
    'env-type',
    envTypes(baseline),
    envTypes(org),
  ).map((item) =>
    item.status === 'missing' || item.status === 'extra'
      ? {
          ...item,
          baseline: item.baseline === null ? null : item.id,
          actual: item.actual === null ? null : item.id,
        }
      : { ...item, status: 'different' as const },
  );
  return [
    ...versionDrift(
      'profile',
      ownProfileVersions(state, b),
      ownProfileVersions(state, o),
    ),
    ...envDrift,
    ...pipelineDrift(
      orgPipelines(state, b, readableIn(b)),
      orgPipelines(state, o, readableIn(o)),
    ),
  ];
}

/** Organisations the caller is a member of, in creation order. */
export function memberOrgs(ctx: OpContext): OrgRecord[] {
  return bySeq(ctx.state.orgs).filter((org) =>
    can(ctx, { action: 'org.read', orgId: org.org.id }),
  );
}

/** Which apps of an organisation the caller may read (access/authorize.ts appReadFilter, given by the methods). */
export type AppsReadable = (orgId: string) => (appId: string) => boolean;

/**
 * The fleet overview with `baselineOrgId` as the baseline of drift. The
 * caller must be a member of the baseline; organisations they are not a
 * member of are left out, and so are the apps `readableIn` does not keep
 * (their health, their attention items, their pipelines in drift).
 */
export function getFleetOverview(
  ctx: OpContext,
  baselineOrgId: string,
  readableIn: AppsReadable,
): FleetOverview {
  const baseline = requireOrg(ctx.state, baselineOrgId);
  const orgs: FleetOrg[] = [];
  const inbox: FleetAttentionItem[] = [];
  for (const org of memberOrgs(ctx)) {
    const id = org.org.id;
    const health = getOrgHealth(ctx, id, readableIn(id));
    const envStates = health.apps.flatMap((app) =>
      app.envs.map((env) => env.state),
    );
    const counts = new Map<HealthState, number>();
    for (const state of envStates)
      counts.set(state, (counts.get(state) ?? 0) + 1);
    // Agents are administrators' (agents/): listed for the organisations the caller administers.
    const agents = can(ctx, { action: 'org.manage', orgId: id })
      ? agentStatuses(ctx.state, id, ctx.now)
      : [];
    orgs.push({
      ...(agents.length > 0 ? { agents } : {}),
      org_id: id,
      org_name: org.org.name,
      state: worstState(envStates),
      apps: health.apps.length,
      envs: envStates.length,
      env_states: HEALTH_STATES.filter((s) => counts.has(s)).map((state) => ({
        state,
        count: counts.get(state)!,
      })),
      needs_attention: envStates.filter((s) => NEEDS_ATTENTION.includes(s))
        .length,
      drift:
        id === baselineOrgId
          ? []
          : driftFrom(ctx.state, baseline, org, readableIn),
    });
    for (const item of health.needs_attention)
      inbox.push({ ...item, org_id: id, org_name: org.org.name });
  }
  const rank = (s: HealthState) => HEALTH_STATES.indexOf(s);
  inbox.sort((a, b) => rank(a.state) - rank(b.state));
  return {
    baseline_org_id: baselineOrgId,
    orgs,
    needs_attention: inbox,
    profiles: [...ownProfileVersions(ctx.state, baselineOrgId)].map(
      ([profile_id, version]) => ({ profile_id, version }),
    ),
    rollouts: listRollouts(ctx, baselineOrgId),
  };
}
