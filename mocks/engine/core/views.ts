/**
 * Spec-shaped views of state records. Every view is a fresh copy: callers may
 * change what they get without touching the engine's state. (Copied with
 * `deepCopy`: the records are plain JSON, and structuredClone's serialisation
 * cost more than the rest of a read that lists a few dozen of them.)
 */
import type { Application, Delta, Deployment, Environment } from './model/spec';
import type { AppRecord, DeployRecord, EnvRecord } from './state';
import { bySeq } from './state';
import { deepCopy } from './state-changes';

/** A deployment (the spec's DeploymentResponse). */
export function toDeployment(record: DeployRecord): Deployment {
  return deepCopy(record.deployment);
}

/** An environment with its `last_deploy` and `from_deploy` resolved. */
export function toEnvironment(app: AppRecord, env: EnvRecord): Environment {
  const view: Environment = deepCopy(env.env);
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
    ...deepCopy(app.app),
    envs: bySeq(app.envs).map(({ env }) => ({
      id: env.id,
      name: env.name,
      type: env.type,
    })),
  };
}

/** A delta (the spec's DeltaResponse). */
export function toDelta(delta: Delta): Delta {
  return deepCopy(delta);
}
