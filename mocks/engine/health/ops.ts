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
import { getRuntime } from '../runtime';
import type { AppRecord, EnvRecord } from '../core/state';
import { bySeq } from '../core/state';
import { toEnvironment } from '../core/views';

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

function envHealthOf(
  ctx: OpContext,
  orgId: string,
  app: AppRecord,
  env: EnvRecord,
): EnvironmentHealth {
  const appId = app.app.id;
  const view = toEnvironment(app, env);
  const last =
    env.lastDeployId !== undefined ? app.deploys[env.lastDeployId] : undefined;
  const running = runningDeploy(app, env);
  const canary = canaryHealth(
    existingPipelines(ctx.state)?.canaries[canaryKey(orgId, appId, env.env.id)],
    app,
    env.lastDeployId,
    ctx.now,
  );
  const result = environmentHealth({
    appId,
    env: view,
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
    runtime: getRuntime(ctx, orgId, appId, env.env.id),
    clusterIssues: clusterHealthIssues(ctx, app, env),
  });
  return canary ? { ...result, canary } : result;
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
