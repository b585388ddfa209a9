/**
 * The DORA report of an organisation (or one app): gathers deployment facts
 * from the state (finish time, commit time from the deploy record's commit
 * metadata, environment type, owning team) and applies dora/metrics.ts per app, per
 * team and overall.
 */
import { commitTimeOfSet } from '../artefacts';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { requireApp, requireOrg } from '../core/lookup';
import {
  DORA_BANDS,
  dailySeries,
  doraFigures,
  type DeployFact,
  type DoraFigures,
} from './metrics';
import type { AppRecord, OrgRecord } from '../core/state';
import { bySeq } from '../core/state';

const DAY_MS = 86_400_000;

/** Report windows the API accepts. */
export const DORA_WINDOWS = { '30d': 30, '90d': 90 } as const;
export type DoraWindow = keyof typeof DORA_WINDOWS;

/** The team of apps that have none in the team map. */
export const NO_TEAM = 'Unassigned';

/** The DORA report (console extension `getDoraMetrics`). */
export interface DoraReport {
  org_id: string;
  app_id?: string;
  window: DoraWindow;
  from: string;
  to: string;
  overall: DoraFigures;
  series: { date: string; succeeded: number; failed: number }[];
  apps: {
    app_id: string;
    app_name: string;
    team: string;
    figures: DoraFigures;
  }[];
  teams: { team: string; app_ids: string[]; figures: DoraFigures }[];
  bands: typeof DORA_BANDS;
}

function factsOf(org: OrgRecord, app: AppRecord): DeployFact[] {
  const facts: DeployFact[] = [];
  for (const env of Object.values(app.envs)) {
    for (const id of env.deployIds) {
      const record = app.deploys[id];
      if (!record) continue;
      const d = record.deployment;
      const terminal = d.status === 'succeeded' || d.status === 'failed';
      // Without commit metadata: the push time of the newest artefact version the set runs (artefacts/usage.ts).
      const committed = record.commit
        ? Date.parse(record.commit.committed_at)
        : (shippedAt(org, app, record.deployment.set_id, record.createdMs) ??
          NaN);
      facts.push({
        app_id: app.app.id,
        env_id: env.env.id,
        env_type: env.env.type,
        status: d.status,
        created_ms: record.createdMs,
        finished_ms: terminal ? Date.parse(d.status_changed_at) : null,
        ...(Number.isFinite(committed) ? { committed_ms: committed } : {}),
      });
    }
  }
  return facts;
}

/** The commit time of a set from its images' artefact versions, if any. */
function shippedAt(
  org: OrgRecord,
  app: AppRecord,
  setId: string,
  atMs: number,
): number | undefined {
  if (!Object.hasOwn(app.sets, setId)) return undefined;
  return commitTimeOfSet(org, app.sets[setId].set, atMs);
}

/** Whether the app has an environment of type `production` (else its DORA figures are N/A). */
function hasProduction(app: AppRecord): boolean {
  return Object.values(app.envs).some((env) => env.env.type === 'production');
}

/**
 * The DORA report of `orgId` (the apps `readable` keeps, the caller's:
 * access/authorize.ts appReadFilter; or `appId` only) over the last 30 or 90
 * days. Teams count only those apps.
 */
export function getDoraReport(
  ctx: OpContext,
  orgId: string,
  readable: (appId: string) => boolean,
  options: { window?: string | null; appId?: string | null } = {},
): DoraReport {
  const org = requireOrg(ctx.state, orgId);
  const window = (options.window ?? '30d') as DoraWindow;
  if (!Object.hasOwn(DORA_WINDOWS, window)) {
    throw new EngineError(
      'invalid',
      `\`window\` must be \`30d\` or \`90d\`; got \`${String(options.window)}\`.`,
      {
        field: 'window',
      },
    );
  }
  const days = DORA_WINDOWS[window];
  const apps = (
    options.appId
      ? [requireApp(ctx.state, orgId, options.appId)]
      : bySeq(org.apps)
  ).filter((app) => readable(app.app.id));
  const orgTeams =
    ctx.state.teams && Object.hasOwn(ctx.state.teams, orgId)
      ? ctx.state.teams[orgId]
      : undefined;
  // Own keys only: an app id like `constructor` is not a team.
  const teamOf = (appId: string) =>
    orgTeams && Object.hasOwn(orgTeams, appId) ? orgTeams[appId] : NO_TEAM;
  const to = ctx.now;
  const from = to - days * DAY_MS;
  const perApp = apps.map((app) => ({
    app,
    facts: factsOf(org, app),
    production: hasProduction(app),
  }));
  const all = perApp.flatMap((a) => a.facts);

  const teams = new Map<
    string,
    { app_ids: string[]; facts: DeployFact[]; production: boolean }
  >();
  for (const { app, facts, production } of perApp) {
    const team = teamOf(app.app.id);
    const entry = teams.get(team) ?? {
      app_ids: [],
      facts: [],
      production: false,
    };
    entry.app_ids.push(app.app.id);
    entry.facts.push(...facts);
    entry.production ||= production;
    teams.set(team, entry);
  }

  return {
    org_id: orgId,
    ...(options.appId ? { app_id: options.appId } : {}),
    window,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    overall: doraFigures(
      all,
      from,
      to,
      days,
      perApp.some((a) => a.production),
    ),
    series: dailySeries(all, to, days),
    apps: perApp.map(({ app, facts, production }) => ({
      app_id: app.app.id,
      app_name: app.app.name,
      team: teamOf(app.app.id),
      figures: doraFigures(facts, from, to, days, production),
    })),
    teams: [...teams.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([team, entry]) => ({
        team,
        app_ids: entry.app_ids,
        figures: doraFigures(entry.facts, from, to, days, entry.production),
      })),
    bands: structuredClone(DORA_BANDS),
  };
}
