/**
 * The engine methods of this domain: each authorizes its caller, then runs
 * the domain's operations (the only place this domain authorizes).
 */
import type { Actor, Runners } from '../core/context';
import type {
  EnvironmentRuntimeSummary,
  RuntimeInfo,
  RuntimeInfoV1,
} from '../core/model/spec';
import { authorizeEnv, guards } from '../access';
import type { DeploymentSteps } from '../deploys';
import type { ContainerLogs } from '../simulation';
import * as diagnostics from './diagnostics';
import type { LogOptions } from './diagnostics';
import * as runtime from './ops';

/** The runtime of environments (pause, replicas) and diagnostics (deployment steps, container logs). */
export interface RuntimeEngine {
  /** V2 runtime of the environment's current deployment, simulated from the set and the clock. */
  getRuntime(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
  ): RuntimeInfo;
  /** The same runtime in the spec's V1 shape (workloads as deployed, controllers beside their fields). */
  getRuntimeV1(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
  ): RuntimeInfoV1;
  /** One summary row per environment id (at most 5, as the spec says). */
  listRuntime(
    actor: Actor,
    orgId: string,
    appId: string,
    envIds: string[],
  ): EnvironmentRuntimeSummary[];
  setPaused(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    paused: boolean,
  ): void;
  setReplicas(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    replicas: Record<string, number>,
  ): void;
  /** A deployment's step timeline (deploy-steps.ts; console extension). */
  getDeploySteps(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ): DeploymentSteps;
  /** A page of a running container's logs, by cursor (logs.ts; console extension). */
  getContainerLogs(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    workloadId: string,
    containerId: string,
    options?: LogOptions,
  ): ContainerLogs;
}

/** The runtime methods over the engine's runners. */
export function runtimeMethods(runners: Runners): RuntimeEngine {
  const { write, readApp } = guards(runners);
  return {
    getRuntime: (actor, orgId, appId, envId) =>
      readApp(actor, orgId, appId, (ctx) =>
        runtime.getRuntime(ctx, orgId, appId, envId),
      ),
    getRuntimeV1: (actor, orgId, appId, envId) =>
      readApp(actor, orgId, appId, (ctx) =>
        runtime.getRuntimeV1(ctx, orgId, appId, envId),
      ),
    listRuntime: (actor, orgId, appId, envIds) =>
      readApp(actor, orgId, appId, (ctx) =>
        runtime.listRuntime(ctx, orgId, appId, envIds),
      ),
    setPaused: (actor, orgId, appId, envId, paused) =>
      write(actor, (ctx) => {
        authorizeEnv(
          ctx,
          orgId,
          appId,
          envId,
          `${paused ? 'Pausing' : 'Resuming'} ${appId}/${envId}`,
        );
        runtime.setPaused(ctx, orgId, appId, envId, paused);
      }),
    setReplicas: (actor, orgId, appId, envId, replicas) =>
      write(actor, (ctx) => {
        authorizeEnv(
          ctx,
          orgId,
          appId,
          envId,
          `Scaling workloads of ${appId}/${envId}`,
        );
        runtime.setReplicas(ctx, orgId, appId, envId, replicas);
      }),
    getDeploySteps: (actor, orgId, appId, envId, deployId) =>
      readApp(actor, orgId, appId, (ctx) =>
        diagnostics.getDeploySteps(ctx, orgId, appId, envId, deployId),
      ),
    getContainerLogs: (
      actor,
      orgId,
      appId,
      envId,
      workloadId,
      containerId,
      options,
    ) =>
      readApp(actor, orgId, appId, (ctx) =>
        diagnostics.getContainerLogs(
          ctx,
          orgId,
          appId,
          envId,
          workloadId,
          containerId,
          options,
        ),
      ),
  };
}
