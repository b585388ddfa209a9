/**
 * The engine methods of agents and public keys: administrators only, for
 * reading and changing (the `org.manage` permission: an agent is a way into
 * the organisation's private clusters).
 */
import type { Actor, Runners } from '../core/context';
import type { OpContext } from '../core/lookup';
import { authorize } from '../access';
import {
  connectivityOf,
  setConnected,
  type AgentConnectivity,
} from './connectivity';
import { listHumanitecKeys } from './humanitec-keys';
import * as agents from './ops';
import { agentDependants, type AgentDependants } from './reach';
import type {
  Agent,
  AgentKey,
  HumanitecPublicKey,
  OrgPublicKey,
} from './views';

/** An agent as the console's Agents page shows it (extension). */
export interface AgentOverview
  extends Agent, AgentConnectivity, AgentDependants {
  keys: { fingerprint: string; created_at: string; expired_at: string }[];
}

/** Agents and public keys of an organisation. */
export interface AgentsEngine {
  listAgents(actor: Actor, orgId: string, fingerprint?: string): Agent[];
  createAgent(actor: Actor, orgId: string, input: unknown): Agent;
  patchAgent(
    actor: Actor,
    orgId: string,
    agentId: string,
    input: unknown,
  ): Agent;
  deleteAgent(actor: Actor, orgId: string, agentId: string): void;
  listAgentKeys(actor: Actor, orgId: string, agentId: string): AgentKey[];
  createAgentKey(
    actor: Actor,
    orgId: string,
    agentId: string,
    input: unknown,
  ): AgentKey;
  deleteAgentKey(
    actor: Actor,
    orgId: string,
    agentId: string,
    fingerprint: string,
  ): void;
  listPublicKeys(
    actor: Actor,
    orgId: string,
    fingerprint?: string,
  ): OrgPublicKey[];
  getPublicKey(actor: Actor, orgId: string, keyId: string): OrgPublicKey;
  createPublicKey(actor: Actor, orgId: string, input: unknown): OrgPublicKey;
  deletePublicKey(actor: Actor, orgId: string, keyId: string): void;
  listHumanitecPublicKeys(
    actor: Actor,
    orgId: string,
    active?: boolean,
  ): HumanitecPublicKey[];
  /** Extension: every agent with its connectivity, keys and dependants. */
  listAgentOverview(actor: Actor, orgId: string): AgentOverview[];
  /** Extension (demo): cut an agent off or let it reconnect. */
  setAgentConnectivity(
    actor: Actor,
    orgId: string,
    agentId: string,
    input: unknown,
  ): AgentConnectivity;
}

function mayManage(ctx: OpContext, orgId: string, doing: string): void {
  authorize(ctx, { action: 'org.manage', orgId, doing });
}

/** Every agent with what the console shows of it. */
function overview(ctx: OpContext, orgId: string): AgentOverview[] {
  const dependants = agentDependants(ctx.state, orgId);
  return agents.sortedAgents(ctx.state, orgId).map((record) => ({
    ...agents.listAgents(ctx.state, orgId).find((a) => a.id === record.id)!,
    ...connectivityOf(record, ctx.now),
    ...(dependants[record.id] ?? { clusters: [], environments: [] }),
    keys: record.keys.map((key) => ({
      fingerprint: key.fingerprint,
      created_at: key.created_at,
      expired_at: key.expired_at,
    })),
  }));
}

/** The agent methods over the engine's runners. */
export function agentMethods({ read, write }: Runners): AgentsEngine {
  const reading = <T>(
    actor: Actor,
    orgId: string,
    doing: string,
    op: (ctx: OpContext) => T,
  ): T =>
    read(actor, (ctx) => {
      mayManage(ctx, orgId, doing);
      return op(ctx);
    });
  const writing = <T>(
    actor: Actor,
    orgId: string,
    doing: string,
    op: (ctx: OpContext) => T,
  ): T =>
    write(actor, (ctx) => {
      mayManage(ctx, orgId, doing);
      return op(ctx);
    });
  return {
    listAgents: (actor, orgId, fingerprint) =>
      reading(actor, orgId, 'Reading agents', (ctx) =>
        agents.listAgents(ctx.state, orgId, fingerprint),
      ),
    createAgent: (actor, orgId, input) =>
      writing(actor, orgId, 'Registering agents', (ctx) =>
        agents.createAgent(ctx, orgId, input),
      ),
    patchAgent: (actor, orgId, agentId, input) =>
      writing(actor, orgId, `Changing agent ${agentId}`, (ctx) =>
        agents.patchAgent(ctx, orgId, agentId, input),
      ),
    deleteAgent: (actor, orgId, agentId) =>
      writing(actor, orgId, `Deleting agent ${agentId}`, (ctx) =>
        agents.deleteAgent(ctx, orgId, agentId),
      ),
    listAgentKeys: (actor, orgId, agentId) =>
      reading(actor, orgId, 'Reading agent keys', (ctx) =>
        agents.listAgentKeys(ctx.state, orgId, agentId),
      ),
    createAgentKey: (actor, orgId, agentId, input) =>
      writing(actor, orgId, `Adding a key to agent ${agentId}`, (ctx) =>
        agents.addAgentKey(ctx, orgId, agentId, input),
      ),
    deleteAgentKey: (actor, orgId, agentId, fingerprint) =>
      writing(actor, orgId, `Deleting a key of agent ${agentId}`, (ctx) =>
        agents.deleteAgentKey(ctx, orgId, agentId, fingerprint),
      ),
    listPublicKeys: (actor, orgId, fingerprint) =>
      reading(actor, orgId, 'Reading public keys', (ctx) =>
        agents.listOrgKeys(ctx.state, orgId, fingerprint),
      ),
    getPublicKey: (actor, orgId, keyId) =>
      reading(actor, orgId, 'Reading public keys', (ctx) =>
        agents.requireOrgKey(ctx.state, orgId, keyId),
      ),
    createPublicKey: (actor, orgId, input) =>
      writing(actor, orgId, 'Registering public keys', (ctx) =>
        agents.createOrgKey(ctx, orgId, input),
      ),
    deletePublicKey: (actor, orgId, keyId) =>
      writing(actor, orgId, `Deleting public key ${keyId}`, (ctx) =>
        agents.deleteOrgKey(ctx, orgId, keyId),
      ),
    listHumanitecPublicKeys: (actor, orgId, active) =>
      reading(actor, orgId, "Reading Humanitec's public keys", (ctx) =>
        listHumanitecKeys(ctx.state, orgId, active),
      ),
    listAgentOverview: (actor, orgId) =>
      reading(actor, orgId, 'Reading agents', (ctx) => overview(ctx, orgId)),
    setAgentConnectivity: (actor, orgId, agentId, input) =>
      writing(
        actor,
        orgId,
        `Cutting off or reconnecting agent ${agentId}`,
        (ctx) => setConnected(ctx, orgId, agentId, input),
      ),
  };
}
