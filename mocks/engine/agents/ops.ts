/**
 * Operations on an organisation's agents and public keys (no authorization:
 * see methods.ts). Kept in `OrgRecord.agents`, made on first use. An agent
 * keeps at least one key; a key (by fingerprint) belongs to one agent of the
 * organisation; every key expires two years after it was registered.
 */
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { nextSeq, requireOrg } from '../core/lookup';
import {
  KEY_LIFETIME_YEARS,
  type AgentRecord,
  type OrgAgentsRecord,
  type PublicKeyRecord,
} from '../core/model/agents';
import type { StateV1 } from '../core/state';
import { isoAt } from '../core/state';
import { assertId, invalid, show } from '../core/validate';
import { parsePublicKey } from './keys';
import type { Agent, AgentKey, OrgPublicKey } from './views';
import { toAgent, toAgentKey, toOrgPublicKey } from './views';

/** The version a newly registered (simulated) agent reports in its heartbeats. */
export const NEW_AGENT_VERSION = '1.6.0';
const DESCRIPTION_MAX = 500;

/** The organisation's agents and keys, read-only (empty when none was ever registered). */
export function agentsOf(state: StateV1, orgId: string): OrgAgentsRecord {
  return requireOrg(state, orgId).agents ?? { agents: {}, publicKeys: {} };
}

function writable(state: StateV1, orgId: string): OrgAgentsRecord {
  const org = requireOrg(state, orgId);
  org.agents ??= { agents: {}, publicKeys: {} };
  return org.agents;
}

/** Agents in the order they were registered. */
export function sortedAgents(state: StateV1, orgId: string): AgentRecord[] {
  return Object.values(agentsOf(state, orgId).agents).sort(
    (a, b) => a.seq - b.seq,
  );
}

/** The agent, or `not_found` naming the agents there are. */
export function requireAgent(
  state: StateV1,
  orgId: string,
  agentId: string,
): AgentRecord {
  const agents = agentsOf(state, orgId).agents;
  if (Object.hasOwn(agents, agentId)) return agents[agentId];
  const ids = Object.keys(agents);
  throw new EngineError(
    'not_found',
    `Agent \`${agentId}\` is not registered in organisation \`${orgId}\`; ${
      ids.length
        ? `its agents are ${ids.map((id) => `\`${id}\``).join(', ')}`
        : 'it has no agents yet'
    } (GET /orgs/${orgId}/agents).`,
  );
}

/** Every agent, or those holding the key `fingerprint`. */
export function listAgents(
  state: StateV1,
  orgId: string,
  fingerprint?: string,
): Agent[] {
  return sortedAgents(state, orgId)
    .filter(
      (agent) =>
        fingerprint === undefined ||
        agent.keys.some((key) => key.fingerprint === fingerprint),
    )
    .map(toAgent);
}

/** When a key registered at `now` is to be replaced. */
export function keyExpiry(now: number): string {
  const at = new Date(now);
  at.setUTCFullYear(at.getUTCFullYear() + KEY_LIFETIME_YEARS);
  return at.toISOString();
}

function objectInput(input: unknown, what: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    invalid(`The body must be a JSON object ${what}; got ${show(input)}.`);
  return input as Record<string, unknown>;
}

function description(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'string' || value.length > DESCRIPTION_MAX)
    invalid(
      `\`description\` must be a string of at most ${DESCRIPTION_MAX} characters; got ${show(value)}.`,
      { field: 'description' },
    );
  return value;
}

/** A read key as a record of `ctx`'s caller and time. */
function newKey(
  ctx: OpContext,
  value: unknown,
  field = 'public_key',
): PublicKeyRecord {
  const parsed = parsePublicKey(value, field);
  return {
    fingerprint: parsed.fingerprint,
    pem: parsed.pem,
    bits: parsed.bits,
    created_at: isoAt(ctx.now),
    created_by: ctx.userId,
    expired_at: keyExpiry(ctx.now),
  };
}

/** 409 when another agent of the organisation already holds the key. */
function refuseTakenKey(
  org: OrgAgentsRecord,
  fingerprint: string,
  orgId: string,
): void {
  for (const agent of Object.values(org.agents)) {
    if (agent.keys.some((key) => key.fingerprint === fingerprint))
      throw new EngineError(
        'conflict',
        `The key with fingerprint ${fingerprint} is already registered for agent \`${agent.id}\` in organisation \`${orgId}\`; each agent needs a key of its own: make a new one with \`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096\`.`,
        { field: 'public_key' },
      );
  }
}

/** Registers an agent with its first key; it connects once installed (connectivity.ts). */
export function createAgent(
  ctx: OpContext,
  orgId: string,
  input: unknown,
): Agent {
  const body = objectInput(input, 'with `id` and `public_key`');
  const id = assertId('Agent id', body.id, 2);
  const text = description(body.description);
  const key = newKey(ctx, body.public_key);
  const org = writable(ctx.state, orgId);
  if (Object.hasOwn(org.agents, id))
    throw new EngineError(
      'conflict',
      `Agent \`${id}\` is already registered in organisation \`${orgId}\`; pick another id, or add the key to it (POST /orgs/${orgId}/agents/${id}/keys).`,
      { field: 'id' },
    );
  refuseTakenKey(org, key.fingerprint, orgId);
  const agent: AgentRecord = {
    seq: nextSeq(ctx.state),
    id,
    description: text,
    created_at: isoAt(ctx.now),
    created_by: ctx.userId,
    keys: [key],
    // Not connected until installed (the demo's "connect" stands in for it): connectivity.ts.
    connection: { version: NEW_AGENT_VERSION },
  };
  org.agents[id] = agent;
  return toAgent(agent);
}

/** Changes an agent's description. */
export function patchAgent(
  ctx: OpContext,
  orgId: string,
  agentId: string,
  input: unknown,
): Agent {
  const body = objectInput(input, 'with `description`');
  if (!Object.hasOwn(body, 'description'))
    invalid('The body must have `description` (it can be empty).', {
      field: 'description',
    });
  const text = description(body.description);
  requireAgent(ctx.state, orgId, agentId);
  const agent = writable(ctx.state, orgId).agents[agentId];
  agent.description = text;
  return toAgent(agent);
}

/** Deletes an agent and its keys. */
export function deleteAgent(
  ctx: OpContext,
  orgId: string,
  agentId: string,
): void {
  requireAgent(ctx.state, orgId, agentId);
  delete writable(ctx.state, orgId).agents[agentId];
}

/** An agent's keys, oldest first. */
export function listAgentKeys(
  state: StateV1,
  orgId: string,
  agentId: string,
): AgentKey[] {
  return requireAgent(state, orgId, agentId).keys.map(toAgentKey);
}

/** Adds a key to an agent (the first step of a rotation). */
export function addAgentKey(
  ctx: OpContext,
  orgId: string,
  agentId: string,
  input: unknown,
): AgentKey {
  const body = objectInput(input, 'with `public_key`');
  requireAgent(ctx.state, orgId, agentId);
  const key = newKey(ctx, body.public_key);
  const org = writable(ctx.state, orgId);
  refuseTakenKey(org, key.fingerprint, orgId);
  org.agents[agentId].keys.push(key);
  return toAgentKey(key);
}

/** Deletes a key of an agent; its last key cannot go (409). */
export function deleteAgentKey(
  ctx: OpContext,
  orgId: string,
  agentId: string,
  fingerprint: string,
): void {
  const agent = requireAgent(ctx.state, orgId, agentId);
  if (!agent.keys.some((key) => key.fingerprint === fingerprint))
    throw new EngineError(
      'not_found',
      `Agent \`${agentId}\` has no key with fingerprint ${show(fingerprint)}; its keys are ${agent.keys
        .map((key) => key.fingerprint)
        .join(', ')}.`,
    );
  if (agent.keys.length === 1)
    throw new EngineError(
      'conflict',
      `Key ${fingerprint} is the only key of agent \`${agentId}\`, and an agent keeps at least one: add its new key first (POST /orgs/${orgId}/agents/${agentId}/keys), then delete this one, or delete the agent.`,
    );
  const kept = writable(ctx.state, orgId).agents[agentId];
  kept.keys = kept.keys.filter((key) => key.fingerprint !== fingerprint);
}

// --- The organisation's public keys (/orgs/{orgId}/keys) --------------------------------------------------

/** The organisation's public keys, oldest first, or the one with `fingerprint`. */
export function listOrgKeys(
  state: StateV1,
  orgId: string,
  fingerprint?: string,
): OrgPublicKey[] {
  return Object.values(agentsOf(state, orgId).publicKeys)
    .filter(
      (key) => fingerprint === undefined || key.fingerprint === fingerprint,
    )
    .sort((a, b) => a.seq - b.seq)
    .map(toOrgPublicKey);
}

/** One public key of the organisation, or `not_found`. */
export function requireOrgKey(
  state: StateV1,
  orgId: string,
  keyId: string,
): OrgPublicKey {
  const keys = agentsOf(state, orgId).publicKeys;
  if (!Object.hasOwn(keys, keyId))
    throw new EngineError(
      'not_found',
      `Public key \`${keyId}\` does not exist in organisation \`${orgId}\` (GET /orgs/${orgId}/keys lists them).`,
    );
  return toOrgPublicKey(keys[keyId]);
}

/** Registers a public key of the organisation (the body is the PEM as a JSON string). */
export function createOrgKey(
  ctx: OpContext,
  orgId: string,
  input: unknown,
): OrgPublicKey {
  const key = newKey(ctx, input, 'The body');
  const org = writable(ctx.state, orgId);
  const taken = Object.values(org.publicKeys).find(
    (other) => other.fingerprint === key.fingerprint,
  );
  if (taken)
    throw new EngineError(
      'conflict',
      `The key with fingerprint ${key.fingerprint} is already registered as \`${taken.id}\` in organisation \`${orgId}\`.`,
    );
  // The id is the fingerprint's first 32 hex digits: stable, and unique since fingerprints are.
  const id = key.fingerprint.slice(0, 32);
  org.publicKeys[id] = { ...key, id, seq: nextSeq(ctx.state) };
  return toOrgPublicKey(org.publicKeys[id]);
}

/** Deletes a public key of the organisation. */
export function deleteOrgKey(
  ctx: OpContext,
  orgId: string,
  keyId: string,
): void {
  requireOrgKey(ctx.state, orgId, keyId);
  delete writable(ctx.state, orgId).publicKeys[keyId];
}
