/**
 * Spec-shaped views of state records. Every view is a fresh copy: callers may
 * change what they get without touching the engine's state.
 */
import type { Application, Delta, Deployment, Environment } from './model/spec';
import type { AppRecord, DeployRecord, EnvRecord } from './state';
import { bySeq } from './state';

/** A deployment (the spec's DeploymentResponse). */
export function toDeployment(record: DeployRecord): Deployment {
  return structuredClone(record.deployment);
}

/** An environment with its `last_deploy` and `from_deploy` resolved. */
export function toEnvironment(app: AppRecord, env: EnvRecord): Environment {
  const view: Environment = structuredClone(env.env);
  const last =
    env.lastDeployId !== undefined ? app.deploys[env.lastDeployId] : undefined;
  const from =
    env.fromDeployId !== undefined ? app.deploys[env.fromDeployId] : undefined;
  if (last) view.last_deploy = toDeployment(last);
  if (from) view.from_deploy = toDeployment(from);
  return view;
}

/** An application with its environment list (creation order). */
export function toApplication(app: AppRecord): Application {
  return {
    ...structuredClone(app.app),
    envs: bySeq(app.envs).map(({ env }) => ({
      id: env.id,
      name: env.name,
      type: env.type,
    })),
  };
}

/** A delta (the spec's DeltaResponse). */
export function toDelta(delta: Delta): Delta {
  return structuredClone(delta);
}
