/**
 * Health operations: gather what the health model (health/compute.ts) needs from the
 * state (environment, last deployment and its errors, pause, runtime) and
 * apply it to one environment, one app or the whole organisation.
 */
import { canaryHealth } from '../canary';
import { deploySet, runningDeploy } from '../deploys';
import { canaryKey, existingPipelines } from '../core/pipelines-store';
import {
  appHealth,
  environmentHealth,
  orgHealth,
  withApprovals,
  type AppHealth,
  type ApprovalAttentionItem,
  type AttentionItem,
  type ConsoleOrgHealth,
  type EnvHealthRow,
  type EnvironmentHealth,
  type HealthIssue,
  type OrgHealth,
} from './compute';
import type { OpContext } from '../core/lookup';
import { requireApp, requireEnv, requireOrg } from '../core/lookup';
import { clusterIssues } from '../operator';
import {
  agentRouteOf,
  agentUnreachable,
  AGENT_DISCONNECTED_CODE,
} from '../agents';
import { worstState } from './compute';
import { simulateEnvRuntime } from '../runtime';
import type { AppRecord, EnvRecord } from '../core/state';
import { bySeq } from '../core/state';
import { pageOf, type PageQuery } from '../core/paging';
import { waitingApprovals } from './approvals';

/**
 * The Operator's and the GitOps controller's issues (operator/), less those
 * the last deployment's errors already report (the same object and code).
 */
function clusterHealthIssues(
  ctx: OpContext,
  app: AppRecord,
  env: EnvRecord,
): HealthIssue[] {
  const last =
    env.lastDeployId !== undefined ? app.deploys[env.lastDeployId] : undefined;
  const reported = new Set(
    last?.deployment.status === 'failed'
      ? last.plan.errors.map((e) => `${e.object_id}\n${e.code}`)
      : [],
  );
  return clusterIssues(ctx.state, app, env.env.id, ctx.now).filter(
    (issue) =>
      !reported.has(
        `${issue.workload_id ?? issue.resource_id ?? ''}\n${issue.code ?? ''}`,
      ),
  );
}

/**
 * The environment's cluster is reached through a Humanitec Agent that is not
 * connected (agents/reach.ts): nothing can be deployed or seen there until it
 * is, so it is the first issue, before any workload noise.
 */
function agentIssue(
  ctx: OpContext,
  orgId: string,
  app: AppRecord,
  env: EnvRecord,
): HealthIssue | undefined {
  const route = agentRouteOf(ctx.state, orgId, {
    appId: app.app.id,
    envId: env.env.id,
    envType: env.env.type,
  });
  if (!route) return undefined;
  const error = agentUnreachable(
    ctx.state,
    orgId,
    route.agentId,
    ctx.now,
    'agent',
  );
  if (!error) return undefined;
  return {
    state: 'Failed',
    scope: 'environment',
    code: AGENT_DISCONNECTED_CODE,
    message: `The cluster of environment \`${env.env.id}\` is reached through agent \`${route.agentId}\` (cluster definition \`${route.clusterDefId}\`), which is not connected: nothing can be deployed there until it is.`,
    detail: error.message,
    resource_id: 'agent',
    resource_type: 'agent',
    definition_id: route.agentDefId,
  };
}

/** The health with `first` as its root cause, replacing the same issue reported by the last deployment. */
function withFirstIssue(
  health: EnvironmentHealth,
  first: HealthIssue,
): EnvironmentHealth {
  const issues = [
    first,
    ...health.issues.filter((issue) => issue.code !== first.code),
  ];
  return {
    ...health,
    state: worstState(issues.map((issue) => issue.state)),
    summary: first.message,
    root_cause: first,
    issues,
  };
}

/** The health of an environment but its canary part (envHealthOf adds it), and whether it read the time. */
function computeEnvHealth(
  ctx: OpContext,
  app: AppRecord,
  env: EnvRecord,
  clusterIssues: HealthIssue[],
  agent: HealthIssue | undefined,
): { health: EnvironmentHealth; readsTime: boolean } {
  const appId = app.app.id;
  const last =
    env.lastDeployId !== undefined ? app.deploys[env.lastDeployId] : undefined;
  const running = runningDeploy(app, env);
  const { runtime, readsTime } = simulateEnvRuntime(ctx, appId, app, env);
  const result = environmentHealth({
    appId,
    // What the health reads of the environment (no copy: it copies what it keeps).
    env: last ? { ...env.env, last_deploy: last.deployment } : env.env,
    paused: env.paused,
    lastDeployErrors:
      last?.deployment.status === 'failed'
        ? structuredClone(last.plan.errors)
        : [],
    lastDeploySet: last ? deploySet(app, last) : undefined,
    lastDeployResources: last?.plan.resources,
    runningDeployId: running?.deployment.id,
    lastDeployFromEnvId: last?.deployment.from_id
      ? app.deploys[last.deployment.from_id]?.deployment.env_id
      : undefined,
    runtime,
    clusterIssues,
  });
  return {
    health: agent ? withFirstIssue(result, agent) : result,
    readsTime,
  };
}

function envHealthOf(
  ctx: OpContext,
  orgId: string,
  app: AppRecord,
  env: EnvRecord,
): EnvironmentHealth {
  const { health } = computeEnvHealth(
    ctx,
    app,
    env,
    clusterHealthIssues(ctx, app, env),
    env.lastDeployId ? agentIssue(ctx, orgId, app, env) : undefined,
  );
  const canary = canaryHealth(
    existingPipelines(ctx.state)?.canaries[
      canaryKey(orgId, app.app.id, env.env.id)
    ],
    app,
    env.lastDeployId,
    ctx.now,
  );
  return canary ? { ...health, canary } : health;
}

/**
 * The rows of the organisation's health of environments with no cluster or
 * agent issue whose runtime did not read the time (runtime/ops.ts
 * simulateEnvRuntime), by environment record, with what they were computed
 * from: while those stay, the row is the same. The organisation's health
 * reads 40,000 of them per call in the huge scenario instead of simulating
 * 40,000 runtimes; a row is a few pointers (the full health would be 1.5 kB).
 */
const settledRows = new WeakMap<
  EnvRecord,
  {
    /** The last and the running deployment and their statuses (progress moves them in place). */
    last: object | undefined;
    lastStatus: string | undefined;
    running: object | undefined;
    runningStatus: string | undefined;
    /** When it was computed: a later read may use it, an earlier one (a clock set back) may not. */
    at: number;
    row: EnvHealthRow;
  }
>();

function envHealthRowOf(
  ctx: OpContext,
  orgId: string,
  app: AppRecord,
  env: EnvRecord,
): EnvHealthRow {
  const last =
    env.lastDeployId !== undefined ? app.deploys[env.lastDeployId] : undefined;
  const running = runningDeploy(app, env);
  const lastStatus = last?.deployment.status;
  const runningStatus = running?.deployment.status;
  const clusterIssues = clusterHealthIssues(ctx, app, env);
  const agent = env.lastDeployId ? agentIssue(ctx, orgId, app, env) : undefined;
  const settles = clusterIssues.length === 0 && !agent;
  const hit = settles ? settledRows.get(env) : undefined;
  // The pause and the replicas change only in writes, which copy the environment's record (a new key).
  if (
    hit &&
    hit.last === last &&
    hit.lastStatus === lastStatus &&
    hit.running === running &&
    hit.runningStatus === runningStatus &&
    ctx.now >= hit.at
  )
    return hit.row;
  const { health, readsTime } = computeEnvHealth(
    ctx,
    app,
    env,
    clusterIssues,
    agent,
  );
  // Frozen: a cached row is shared by later answers, and no caller may change what they say.
  if (health.root_cause) Object.freeze(health.root_cause);
  const row: EnvHealthRow = Object.freeze({
    env_id: health.env_id,
    env_name: health.env_name,
    env_type: health.env_type,
    state: health.state,
    summary: health.summary,
    ...(health.root_cause ? { root_cause: health.root_cause } : {}),
    ...(health.last_deploy
      ? {
          last_deploy: {
            status_changed_at: health.last_deploy.status_changed_at,
          },
        }
      : {}),
  });
  if (settles && !readsTime)
    settledRows.set(env, {
      last,
      lastStatus,
      running,
      runningStatus,
      at: ctx.now,
      row,
    });
  else settledRows.delete(env);
  return row;
}

/** The health of one environment. */
export function getEnvHealth(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
): EnvironmentHealth {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  return envHealthOf(ctx, orgId, app, env);
}

function appHealthOf(ctx: OpContext, orgId: string, app: AppRecord): AppHealth {
  return appHealth(
    app.app.id,
    app.app.name,
    bySeq(app.envs).map((env) => envHealthOf(ctx, orgId, app, env)),
  );
}

/** The health of an app and each of its environments (creation order). */
export function getAppHealth(
  ctx: OpContext,
  orgId: string,
  appId: string,
): AppHealth {
  return appHealthOf(ctx, orgId, requireApp(ctx.state, orgId, appId));
}

/**
 * The organisation's health over the apps `readable` keeps (the caller's,
 * access/authorize.ts appReadFilter): those apps, the legend and what needs
 * attention among them.
 */
export function getOrgHealth(
  ctx: OpContext,
  orgId: string,
  readable: (appId: string) => boolean,
): OrgHealth {
  const org = requireOrg(ctx.state, orgId);
  return orgHealth(
    orgId,
    bySeq(org.apps)
      .filter((app) => readable(app.app.id))
      .map((app) => {
        const envs = bySeq(app.envs).map((env) =>
          envHealthRowOf(ctx, orgId, app, env),
        );
        return {
          app_id: app.app.id,
          app_name: app.app.name,
          state: worstState(envs.map((env) => env.state)),
          envs,
        };
      }),
  );
}

/** Who asks for the console's organisation health: the apps it reads and the environments it may deploy to. */
export interface AttentionViewer {
  readable: (appId: string) => boolean;
  mayDecide: (appId: string, envType: string) => boolean;
}

/**
 * The organisation's health as the console asks for it: {@link getOrgHealth}
 * over the apps the viewer reads, "needs attention" led by the approvals
 * waiting in those apps for environments the viewer may deploy to
 * (approvals.ts; compute.ts withApprovals orders them).
 */
export function getConsoleOrgHealth(
  ctx: OpContext,
  orgId: string,
  viewer: AttentionViewer,
): ConsoleOrgHealth {
  return withApprovals(
    getOrgHealth(ctx, orgId, viewer.readable),
    waitingApprovals(ctx, orgId, viewer.readable, viewer.mayDecide),
  );
}

/** One page of the organisation's health: its needs-attention rows and the next page's token. */
export interface OrgHealthPage {
  health: ConsoleOrgHealth;
  next?: string;
}

/** A needs-attention row's key in the list (page tokens); an approval's never equals an environment's (no `:` in ids). */
const attentionKey = (item: AttentionItem) =>
  isApproval(item)
    ? `approval:${item.app_id}/${item.approval.id}`
    : `${item.app_id}/${item.env_id}`;

const isApproval = (item: AttentionItem): item is ApprovalAttentionItem =>
  'approval' in item;

/**
 * One page of what needs attention in the organisation (`query`: the spec's
 * per_page, default 50, at most 100, and page token; core/paging.ts), with
 * the rows over all pages, the summaries of the page's apps only and the
 * legend: a 10,000-app organisation's whole health is megabytes.
 */
export function getOrgHealthPage(
  ctx: OpContext,
  orgId: string,
  viewer: AttentionViewer,
  query: PageQuery,
): OrgHealthPage {
  const whole = getConsoleOrgHealth(ctx, orgId, viewer);
  const { items, next } = pageOf(whole.needs_attention, attentionKey, query);
  const onPage = new Set(items.map((item) => item.app_id));
  const health: ConsoleOrgHealth = {
    ...whole,
    needs_attention: items,
    total_needs_attention: whole.needs_attention.length,
    apps: whole.apps.filter((app) => onPage.has(app.app_id)),
  };
  return next === undefined ? { health } : { health, next };
}
