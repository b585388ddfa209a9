/**
 * Provisioning on the draft state: a deployment's resources recorded
 * (active resources, its dependency graph), the active resources of an
 * environment listed, deleted and pinned, and graphs computed for resources
 * without deploying. No authorization here (methods.ts).
 */
import { isJsonObject } from '../core/canonical';
import { EngineError } from '../core/errors';
import {
  requireApp,
  requireEnv,
  requireEnvDeploy,
  requireSet,
  type OpContext,
} from '../core/lookup';
import type {
  DependencyGraphRecord,
  ResolvedPlaceholderRecord,
} from '../core/model/provisioning';
import type { ActiveResourceRecord } from '../core/model/resourcedefs';
import type { DeploymentSet, JsonObject } from '../core/model/spec';
import { isoAt, type AppRecord, type StateV1 } from '../core/state';
import {
  activeResourcesOf,
  recordActiveResource,
  removeActiveResource,
  requireDef,
} from '../resourcedefs';
import { graphIdOf, provisionSet, type ProvisionOutcome } from './provision';
import {
  DEFAULT_RESOURCE_CLASS,
  resourceRequests,
  type ResourceRequest,
} from './requests';

/** What a deployment keeps of its provisioning. */
export interface DeploymentProvisioning {
  outcome: ProvisionOutcome;
  graphId: string;
}

function storeGraph(
  app: AppRecord,
  envId: string,
  outcome: ProvisionOutcome,
  at: string,
): DependencyGraphRecord {
  const id = graphIdOf(outcome.nodes);
  app.graphs ??= {};
  const known = app.graphs[id];
  if (known && known.env_id === envId) {
    known.used_at = at;
    return known;
  }
  const graph: DependencyGraphRecord = {
    id,
    env_id: envId,
    hash: id,
    nodes: outcome.nodes,
    created_at: at,
    used_at: at,
  };
  app.graphs[id] = graph;
  return graph;
}

/**
 * Provisions what a deployment's set asks for and records it: the active
 * resources it made (replacing earlier ones; those the set no longer asks for
 * are deleted when nothing failed) and its dependency graph.
 */
export function provisionDeployment(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  set: DeploymentSet,
  deployId: string,
  inCluster = false,
): DeploymentProvisioning {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const at = isoAt(ctx.now);
  const outcome = provisionSet(ctx.state, {
    orgId,
    appId,
    envId,
    envType: env.env.type,
    set,
    deployId,
    at,
    inCluster,
  });
  for (const resource of outcome.active)
    recordActiveResource(ctx.state, orgId, resource);
  if (outcome.errors.length === 0) {
    const kept = new Set(
      outcome.active.map((r) => `${r.type}/${r.class}/${r.res_id}`),
    );
    for (const old of activeResourcesOf(ctx.state, orgId, { appId, envId }))
      if (!kept.has(`${old.type}/${old.class}/${old.res_id}`))
        removeActiveResource(ctx.state, orgId, old);
  }
  const graph = storeGraph(app, envId, outcome, at);
  return { outcome, graphId: graph.id };
}

/** The active resources of an environment (optionally only those scheduled for deletion or not). */
export function listActiveResources(
  state: StateV1,
  orgId: string,
  appId: string,
  envId: string,
  scheduledDeletion?: boolean,
): ActiveResourceRecord[] {
  requireEnv(state, orgId, appId, envId);
  return activeResourcesOf(state, orgId, { appId, envId }).filter(
    (r) =>
      scheduledDeletion === undefined ||
      r.scheduled_deletion === scheduledDeletion,
  );
}

/** The active resource of a type and id in an environment (any class), or 404 naming it. */
function requireActive(
  state: StateV1,
  orgId: string,
  appId: string,
  envId: string,
  type: string,
  resId: string,
): ActiveResourceRecord {
  const found = listActiveResources(state, orgId, appId, envId).find(
    (r) => r.type === type && r.res_id === resId,
  );
  if (!found)
    throw new EngineError(
      'not_found',
      `Environment \`${envId}\` of app \`${appId}\` has no active resource \`${resId}\` of type \`${type}\`; list them with GET /orgs/${orgId}/apps/${appId}/envs/${envId}/resources.`,
      { kind: 'active-resource', type, res_id: resId },
    );
  return found;
}

/** Deletes an active resource (the next deployment provisions it again if its set still asks for it). */
export function deleteActiveResource(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  type: string,
  resId: string,
): void {
  const found = requireActive(ctx.state, orgId, appId, envId, type, resId);
  removeActiveResource(ctx.state, orgId, found);
}

/**
 * Pins an active resource to a version of the definition that provisioned it
 * (`target_def_version_id`; null unpins): later deployments provision it with
 * that version while that definition matches it.
 */
export function pinActiveResource(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  type: string,
  resId: string,
  body: unknown,
): ActiveResourceRecord {
  if (!isJsonObject(body) || !('target_def_version_id' in body))
    throw new EngineError(
      'invalid',
      'The body must be {"target_def_version_id": "<version id>"} (null unpins the resource).',
    );
  const target = (body as JsonObject).target_def_version_id;
  if (target !== null && typeof target !== 'string')
    throw new EngineError(
      'invalid',
      '`target_def_version_id` must be a version id of the resource definition, or null to unpin.',
    );
  const found = requireActive(ctx.state, orgId, appId, envId, type, resId);
  const pinned: ActiveResourceRecord = { ...found };
  if (target === null || target === '') delete pinned.target_def_version_id;
  else {
    const def = requireDef(ctx.state, orgId, found.def_id, true);
    if (!def.versions.some((v) => v.id === target))
      throw new EngineError(
        'invalid',
        `Resource definition \`${def.id}\` has no version \`${target}\`; list them with GET /orgs/${orgId}/resources/defs/${def.id}/versions.`,
        { def_id: def.id, target_def_version_id: target },
      );
    pinned.target_def_version_id = target;
  }
  recordActiveResource(ctx.state, orgId, pinned);
  return pinned;
}

/** The resources a set asks for (the spec's ResourceInputsResponse). */
export function setResourceInputs(
  state: StateV1,
  orgId: string,
  appId: string,
  setId: string,
): JsonObject[] {
  const set = requireSet(requireApp(state, orgId, appId), setId);
  return resourceRequests(set).map((r) => ({
    id: r.id,
    type: r.type,
    class: r.class,
    resource: r.resource,
  }));
}

/** The resources of a request body (`[{id, type, class?, resource?}]`), or 400 naming the bad item. */
function parseRequests(body: unknown): ResourceRequest[] {
  if (!Array.isArray(body))
    throw new EngineError(
      'invalid',
      'The body must be an array of resources: [{"id": "shared.db", "type": "postgres", "class": "default"}].',
    );
  return body.map((item, index) => {
    if (
      !isJsonObject(item) ||
      typeof item.id !== 'string' ||
      item.id === '' ||
      typeof item.type !== 'string' ||
      item.type === ''
    )
      throw new EngineError(
        'invalid',
        `Resource ${index} must have a string \`id\` and \`type\` (and may have \`class\` and \`resource\`).`,
        { index },
      );
    return {
      id: item.id,
      type: item.type,
      class:
        typeof item.class === 'string' && item.class
          ? item.class
          : DEFAULT_RESOURCE_CLASS,
      resource: isJsonObject(item.resource)
        ? (item.resource as JsonObject)
        : {},
      source: 'shared' as const,
    };
  });
}

/**
 * The dependency graph of some resources in an environment, matched and
 * "provisioned" as a deployment would, without deploying or recording
 * anything but the graph (`store`). A resource no definition matches, or
 * whose driver fails, is a 400 with the deployment error's message.
 */
export function dependencyGraphFor(
  ctx: OpContext,
  orgId: string,
  appId: string,
  envId: string,
  body: unknown,
  store: boolean,
): DependencyGraphRecord {
  const { app, env } = requireEnv(ctx.state, orgId, appId, envId);
  const requests = parseRequests(body);
  const at = isoAt(ctx.now);
  const set: DeploymentSet = { id: '', version: 0, modules: {}, shared: {} };
  const outcome = provisionSet(ctx.state, {
    orgId,
    appId,
    envId,
    envType: env.env.type,
    set,
    deployId: '',
    at,
    requests,
  });
  if (outcome.errors.length > 0)
    throw new EngineError(
      'invalid',
      outcome.errors.map((e) => e.message).join(' '),
      { codes: outcome.errors.map((e) => e.code) },
    );
  if (store) return storeGraph(app, envId, outcome, at);
  return {
    id: graphIdOf(outcome.nodes),
    env_id: envId,
    hash: graphIdOf(outcome.nodes),
    nodes: outcome.nodes,
    created_at: at,
    used_at: at,
  };
}

/** A stored graph of an environment, or 404. */
export function requireGraph(
  state: StateV1,
  orgId: string,
  appId: string,
  envId: string,
  graphId: string,
): DependencyGraphRecord {
  const { app } = requireEnv(state, orgId, appId, envId);
  const graph =
    app.graphs && Object.hasOwn(app.graphs, graphId)
      ? app.graphs[graphId]
      : undefined;
  if (!graph || graph.env_id !== envId)
    throw new EngineError(
      'not_found',
      `Environment \`${envId}\` of app \`${appId}\` has no dependency graph \`${graphId}\`; a deployment's graph is its \`dependency_graph_id\`.`,
      { kind: 'dependency-graph', id: graphId },
    );
  return graph;
}

/** The workload fields whose placeholders deployment `deployId` filled. */
export function deployPlaceholders(
  state: StateV1,
  orgId: string,
  appId: string,
  envId: string,
  deployId: string,
): ResolvedPlaceholderRecord[] {
  const { app, env } = requireEnv(state, orgId, appId, envId);
  return structuredClone(
    requireEnvDeploy(app, env, deployId).plan.placeholders ?? [],
  );
}
