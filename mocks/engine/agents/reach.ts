/**
 * Which agent an environment's cluster is reached through: the
 * `k8s-cluster` definition that matches the environment references an
 * `agent` resource (`${resources['agent.default#agent'].outputs.url}`), and
 * the `agent` definition that matches that resource names the agent
 * (`driver_inputs.values.id`, driver `humanitec/agent`). Matching is the
 * resource definitions' own, so this says what a deployment would do.
 */
import { resourceReferences } from '../core/resource-refs';
import type { DeploymentError } from '../core/model/spec';
import type { StateV1 } from '../core/state';
import {
  activeVersion,
  indexDefinitions,
  matchWith,
  requireDef,
  type DefinitionIndex,
} from '../resourcedefs';
import { connectivityOf } from './connectivity';
import { agentsOf } from './ops';

/** The driver of `agent` resources. */
export const AGENT_DRIVER = 'humanitec/agent';
/** The catalogued code of a deployment that needs a disconnected (or unknown) agent. */
export const AGENT_DISCONNECTED_CODE = 'RES-AGENT-001';

/** Where an environment's cluster goes through an agent. */
export interface AgentRoute {
  agentId: string;
  clusterDefId: string;
  agentDefId: string;
}

/** Where a resource is (the fields matching needs). */
interface Place {
  appId: string;
  envId: string;
  envType: string;
}

/** The agent the environment's cluster goes through, if its cluster definition references one. */
export function agentRouteOf(
  state: StateV1,
  orgId: string,
  place: Place,
  index: DefinitionIndex = indexDefinitions(state, orgId),
): AgentRoute | undefined {
  const where = {
    app_id: place.appId,
    env_id: place.envId,
    env_type: place.envType,
  };
  const cluster = matchWith(
    index,
    { type: 'k8s-cluster', class: 'default', res_id: 'k8s-cluster', ...where },
    false,
  ).winner;
  if (!cluster) return undefined;
  const version = activeVersion(requireDef(state, orgId, cluster.def_id));
  const ref = resourceReferences(version.values).find(
    (r) => r.type === 'agent',
  );
  if (!ref) return undefined;
  const agentDef = matchWith(
    index,
    {
      type: 'agent',
      class: ref.class,
      res_id: ref.id ?? 'k8s-cluster',
      ...where,
    },
    false,
  ).winner;
  if (!agentDef) return undefined;
  const id = activeVersion(requireDef(state, orgId, agentDef.def_id)).values.id;
  if (typeof id !== 'string') return undefined;
  return {
    agentId: id,
    clusterDefId: cluster.def_id,
    agentDefId: agentDef.def_id,
  };
}

/** What depends on an agent: the cluster definitions routed through it and the environments using them. */
export interface AgentDependants {
  clusters: string[];
  environments: { app_id: string; env_id: string }[];
}

/** Each agent's dependants, found by routing every environment of the organisation. */
export function agentDependants(
  state: StateV1,
  orgId: string,
): Record<string, AgentDependants> {
  const out: Record<string, AgentDependants> = {};
  for (const id of Object.keys(agentsOf(state, orgId).agents))
    out[id] = { clusters: [], environments: [] };
  const index = indexDefinitions(state, orgId);
  const apps = state.orgs[orgId].apps;
  for (const appId of Object.keys(apps).sort()) {
    for (const env of Object.values(apps[appId].envs).sort(
      (a, b) => a.seq - b.seq,
    )) {
      const route = agentRouteOf(
        state,
        orgId,
        { appId, envId: env.env.id, envType: env.env.type },
        index,
      );
      if (!route) continue;
      out[route.agentId] ??= { clusters: [], environments: [] };
      const entry = out[route.agentId];
      if (!entry.clusters.includes(route.clusterDefId))
        entry.clusters.push(route.clusterDefId);
      entry.environments.push({ app_id: appId, env_id: env.env.id });
    }
  }
  return out;
}

/**
 * Why a deployment cannot go through agent `agentId` at `now` (the catalogued
 * RES-AGENT-001 naming it, when it was last seen and what to check), or
 * undefined when it is connected.
 */
export function agentUnreachable(
  state: StateV1,
  orgId: string,
  agentId: string,
  now: number,
  objectId: string,
): DeploymentError | undefined {
  const agents = agentsOf(state, orgId).agents;
  const fail = (message: string): DeploymentError => ({
    scope: 'resource',
    object_id: objectId,
    code: AGENT_DISCONNECTED_CODE,
    summary: `Agent ${agentId} is not connected`,
    message,
    error_type: 'AgentDisconnectedError',
  });
  if (!Object.hasOwn(agents, agentId))
    return fail(
      `The cluster is reached through agent \`${agentId}\`, which is not registered in organisation \`${orgId}\`: register it (Agents page, or POST /orgs/${orgId}/agents) or correct the \`id\` input of the agent resource definition, then deploy again.`,
    );
  const seen = connectivityOf(agents[agentId], now);
  if (seen.status === 'connected') return undefined;
  const last = seen.last_seen_at
    ? `it was last seen at ${seen.last_seen_at}${seen.cut_off_at ? ` and its connection was cut at ${seen.cut_off_at}` : ''}`
    : 'it has never connected';
  return fail(
    `The cluster is reached through agent \`${agentId}\`, which is disconnected: ${last}. Check that the agent's pod is running in the private cluster (\`kubectl -n humanitec-agent get pods\`), that it can reach Humanitec over outbound HTTPS, and that its private key matches a key registered for it that has not expired; then deploy again.`,
  );
}
