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
  type AppHealth,
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
import { getSettledRuntime } from '../runtime';
import type { AppRecord, EnvRecord } from '../core/state';
import { bySeq } from '../core/state';
import { pageOf, type PageQuery } from '../core/paging';

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

/**
 * Environment healths computed from a settled runtime (runtime/ops.ts
 * getSettledRuntime) and no cluster issue, by environment record, with what
 * else they were computed from: while those stay, the health is the same
 * (the agent's and canary's parts, which follow the time, are added on each
 * read). Read only, like the runtimes: the organisation's health reads
 * 40,000 of them per call in the huge scenario.
 */
const settledHealth = new WeakMap<
  EnvRecord,
  {
    runtime: object;
    /** The last deployment, its status and when that changed; the running deployment; the pause. */
    inputs: unknown[];
    health: EnvironmentHealth;
  }
>();

function envHealthOf(
  ctx: OpContext,
  orgId: string,
  app: AppRecord,
  env: EnvRecord,
): EnvironmentHealth {
  const appId = app.app.id;
  const last =
    env.lastDeployId !== undefined ? app.deploys[env.lastDeployId] : undefined;
  const running = runningDeploy(app, env);
  const canary = canaryHealth(
    existingPipelines(ctx.state)?.canaries[canaryKey(orgId, appId, env.env.id)],
    app,
    env.lastDeployId,
    ctx.now,
  );
  const runtime = getSettledRuntime(ctx, orgId, appId, env.env.id);
  const clusterIssues = clusterHealthIssues(ctx, app, env);
  const inputs = [
    last,
    last?.deployment.status,
    last?.deployment.status_changed_at,
    running,
    env.paused,
  ];
  const hit = settledHealth.get(env);
  let result: EnvironmentHealth;
  if (
    clusterIssues.length === 0 &&
    hit?.runtime === runtime &&
    hit.inputs.every((value, i) => value === inputs[i])
  ) {
    result = hit.health;
  } else {
    result = environmentHealth({
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
    // A runtime that read the time is simulated again on the next read (a new object): no hit.
    if (clusterIssues.length === 0)
      settledHealth.set(env, { runtime, inputs, health: result });
    else settledHealth.delete(env);
  }
  const agent = env.lastDeployId ? agentIssue(ctx, orgId, app, env) : undefined;
  const withAgent = agent ? withFirstIssue(result, agent) : result;
  return canary ? { ...withAgent, canary } : withAgent;
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
      .map((app) => appHealthOf(ctx, orgId, app)),
  );
}

/** One page of the organisation's health: its needs-attention rows and the next page's token. */
export interface OrgHealthPage {
  health: OrgHealth;
  next?: string;
}

/** A needs-attention row's key in the list (page tokens). */
const attentionKey = (item: { app_id: string; env_id: string }) =>
  `${item.app_id}/${item.env_id}`;

/**
 * One page of what needs attention in the organisation (`query`: the spec's
 * per_page, default 50, at most 100, and page token; core/paging.ts), with
 * the rows over all pages, the summaries of the page's apps only and the
 * legend: a 10,000-app organisation's whole health is megabytes.
 */
export function getOrgHealthPage(
  ctx: OpContext,
  orgId: string,
  readable: (appId: string) => boolean,
  query: PageQuery,
): OrgHealthPage {
  const whole = getOrgHealth(ctx, orgId, readable);
  const { items, next } = pageOf(whole.needs_attention, attentionKey, query);
  const onPage = new Set(items.map((item) => item.app_id));
  const health: OrgHealth = {
    ...whole,
    needs_attention: items,
    total_needs_attention: whole.needs_attention.length,
    apps: whole.apps.filter((app) => onPage.has(app.app_id)),
  };
  return next === undefined ? { health } : { health, next };
}
