/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import { requireEnv, requireEnvDeploy } from '../core/lookup';
import type { Deployment, DeploymentError } from '../core/model/spec';
import { toDeployment } from '../core/views';
import { authorizeEnv, guards } from '../access';
import { createDeploy } from './ops';

/** Deployments of an environment. */
export interface DeploysEngine {
  /** Newest first. */
  listDeploys(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
  ): Deployment[];
  getDeploy(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ): Deployment;
  /** Applies the delta (or forces the set) onto `from_deploy`; 409 while another deploy runs. */
  createDeploy(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    input: {
      delta_id?: string;
      set_id?: string;
      comment?: string;
      /** The value-set version whose values `${values.KEY}` resolves to (default: the environment's current one). */
      value_set_version_id?: string | null;
    },
  ): Deployment;
  getDeployErrors(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ): DeploymentError[];
}

/** The deploys methods over the engine's runners. */
export function deployMethods(runners: Runners): DeploysEngine {
  const { write, readApp } = guards(runners);
  return {
    listDeploys: (actor, orgId, appId, envId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        return [...env.deployIds]
          .reverse()
          .map((id) => toDeployment(app.deploys[id]));
      }),
    getDeploy: (actor, orgId, appId, envId, deployId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        return toDeployment(requireEnvDeploy(app, env, deployId));
      }),
    createDeploy: (actor, orgId, appId, envId, input) =>
      write(actor, (ctx) => {
        authorizeEnv(ctx, orgId, appId, envId);
        return createDeploy(ctx, orgId, appId, envId, input);
      }),
    getDeployErrors: (actor, orgId, appId, envId, deployId) =>
      readApp(actor, orgId, appId, (ctx) => {
        const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
        const record = requireEnvDeploy(app, env, deployId);
        return record.deployment.status === 'failed'
          ? structuredClone(record.plan.errors)
          : [];
      }),
  };
}
