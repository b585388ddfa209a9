/**
 * Humanitec Agents and their keys (the spec's /agents paths), and the
 * console's overview of them and demo cut-off (extensions); query options in
 * queries/agents.ts.
 */
import { api, unwrap } from './client';
import { optionalExtension } from './health';
import type { components } from './schema';
import type { components as extensions } from './schema-extensions';

/** An agent as the Agents page shows it: status, version, last heartbeat, keys and dependants. */
export type AgentOverview = extensions['schemas']['AgentOverview'];
/** An agent's connectivity. */
export type AgentConnectivity = extensions['schemas']['AgentConnectivity'];
/** An agent's registered key (the spec's Key). */
export type AgentKey = components['schemas']['Key'];

/** Every agent with what the page shows; null when the API lacks the console extension. */
export function listAgentOverview(orgId: string) {
  return optionalExtension(
    unwrap(
      api.GET('/orgs/{orgId}/console/agents', {
        params: { path: { orgId } },
      }),
    ),
  );
}

/** Registers an agent with its first public key (PEM). */
export function createAgent(
  orgId: string,
  body: { id: string; public_key: string; description?: string },
) {
  return unwrap(
    api.POST('/orgs/{orgId}/agents', { params: { path: { orgId } }, body }),
  );
}

/** Deletes an agent and its keys. */
export function deleteAgent(orgId: string, agentId: string) {
  return unwrap(
    api.DELETE('/orgs/{orgId}/agents/{agentId}', {
      params: { path: { orgId, agentId } },
    }),
  );
}

/** Adds a key to an agent (the first step of a rotation). */
export function addAgentKey(orgId: string, agentId: string, pem: string) {
  return unwrap(
    api.POST('/orgs/{orgId}/agents/{agentId}/keys', {
      params: { path: { orgId, agentId } },
      body: { public_key: pem },
    }),
  );
}

/** Deletes a key of an agent (refused for its last key: 409). */
export function deleteAgentKey(
  orgId: string,
  agentId: string,
  fingerprint: string,
) {
  return unwrap(
    api.DELETE('/orgs/{orgId}/agents/{agentId}/keys/{fingerprint}', {
      params: { path: { orgId, agentId, fingerprint } },
    }),
  );
}

/** The demo action: cut the agent off (`false`) or let it reconnect (`true`). */
export function setAgentConnectivity(
  orgId: string,
  agentId: string,
  connected: boolean,
) {
  return unwrap(
    api.PUT('/orgs/{orgId}/console/agents/{agentId}/connectivity', {
      params: { path: { orgId, agentId } },
      body: { connected },
    }),
  );
}
