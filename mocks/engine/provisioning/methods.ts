/**
 * The engine methods of provisioning: whoever reads an app reads its active
 * resources, its sets' resource inputs and its dependency graphs; deleting or
 * pinning an active resource, or computing a graph, needs the right to deploy
 * to its environment (`env.deploy`: the app's owners, and its developers where
 * they deploy to the environment's type).
 */
import type { Actor, Runners } from '../core/context';
import type {
  DependencyGraphRecord,
  ResolvedPlaceholderRecord,
} from '../core/model/provisioning';
import type { ActiveResourceRecord } from '../core/model/resourcedefs';
import type { JsonObject } from '../core/model/spec';
import { authorizeEnv, guards } from '../access';
import * as provisioning from './ops';

/** Active resources, resource inputs and dependency graphs. */
export interface ProvisioningEngine {
  listActiveResources(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    scheduledDeletion?: boolean,
  ): ActiveResourceRecord[];
  deleteActiveResource(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    type: string,
    resId: string,
  ): void;
  pinActiveResource(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    type: string,
    resId: string,
    body: unknown,
  ): ActiveResourceRecord;
  getSetResourceInputs(
    actor: Actor,
    orgId: string,
    appId: string,
    setId: string,
  ): JsonObject[];
  /** Computes (and with `store`, keeps) the dependency graph of some resources, as a deployment would match them. */
  computeDependencyGraph(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    body: unknown,
    store: boolean,
  ): DependencyGraphRecord;
  getDependencyGraph(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    graphId: string,
  ): DependencyGraphRecord;
  /** The workload fields whose placeholders a deployment filled (console extension). */
  getDeployPlaceholders(
    actor: Actor,
    orgId: string,
    appId: string,
    envId: string,
    deployId: string,
  ): ResolvedPlaceholderRecord[];
}

/** The provisioning methods over the engine's runners. */
export function provisioningMethods(runners: Runners): ProvisioningEngine {
  const { readApp, write } = guards(runners);
  return {
    listActiveResources: (actor, orgId, appId, envId, scheduledDeletion) =>
      readApp(actor, orgId, appId, (ctx) =>
        provisioning.listActiveResources(
          ctx.state,
          orgId,
          appId,
          envId,
          scheduledDeletion,
        ),
      ),
    deleteActiveResource: (actor, orgId, appId, envId, type, resId) =>
      write(actor, (ctx) => {
        authorizeEnv(
          ctx,
          orgId,
          appId,
          envId,
          `Deleting active resources of ${appId}/${envId}`,
        );
        provisioning.deleteActiveResource(
          ctx,
          orgId,
          appId,
          envId,
          type,
          resId,
        );
      }),
    pinActiveResource: (actor, orgId, appId, envId, type, resId, body) =>
      write(actor, (ctx) => {
        authorizeEnv(
          ctx,
          orgId,
          appId,
          envId,
          `Pinning active resources of ${appId}/${envId}`,
        );
        return provisioning.pinActiveResource(
          ctx,
          orgId,
          appId,
          envId,
          type,
          resId,
          body,
        );
      }),
    getSetResourceInputs: (actor, orgId, appId, setId) =>
      readApp(actor, orgId, appId, (ctx) =>
        provisioning.setResourceInputs(ctx.state, orgId, appId, setId),
      ),
    computeDependencyGraph: (actor, orgId, appId, envId, body, store) =>
      write(actor, (ctx) => {
        authorizeEnv(
          ctx,
          orgId,
          appId,
          envId,
          `Computing dependency graphs in ${appId}/${envId}`,
        );
        return provisioning.dependencyGraphFor(
          ctx,
          orgId,
          appId,
          envId,
          body,
          store,
        );
      }),
    getDependencyGraph: (actor, orgId, appId, envId, graphId) =>
      readApp(actor, orgId, appId, (ctx) =>
        provisioning.requireGraph(ctx.state, orgId, appId, envId, graphId),
      ),
    getDeployPlaceholders: (actor, orgId, appId, envId, deployId) =>
      readApp(actor, orgId, appId, (ctx) =>
        provisioning.deployPlaceholders(
          ctx.state,
          orgId,
          appId,
          envId,
          deployId,
        ),
      ),
  };
}
