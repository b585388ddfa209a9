/**
 * The simulated connection of an agent, on the engine's clock. A newly
 * registered agent has not connected: nothing runs in a cluster until someone
 * installs it, and the simulation has no cluster to install into, so it waits
 * for the console's demo "connect" (below), which stands in for the install.
 * A connected agent sends a heartbeat every AGENT_HEARTBEAT_MS from when it
 * connected (`connection.since`), reporting its version and the clusters it reaches;
 * nothing is written per heartbeat: the last one is computed from the clock.
 * An agent is `connected` while heartbeats come; it is `disconnected` when it
 * was cut off (its tunnel closed: seen at once) or after AGENT_SILENCE_MS
 * without a heartbeat. The console's "cut off" action stops the heartbeats,
 * "reconnect" starts them again.
 */
import {
  AGENT_HEARTBEAT_MS,
  AGENT_SILENCE_MS,
  type AgentRecord,
  type AgentStatus,
} from '../core/model/agents';
import type { OpContext } from '../core/lookup';
import { isoAt } from '../core/state';
import { invalid, show } from '../core/validate';
import { requireAgent, sortedAgents } from './ops';
import type { StateV1 } from '../core/state';

/** What the agent's heartbeats say, as of a clock reading. */
export interface AgentConnectivity {
  status: AgentStatus;
  version: string;
  /** The last heartbeat (ISO), or null before the first. */
  last_seen_at: string | null;
  /** When it was cut off (ISO), if it was. */
  cut_off_at?: string;
}

/** The last heartbeat's time (ms) at `now`, or undefined before the first. */
export function lastHeartbeat(
  agent: AgentRecord,
  now: number,
): number | undefined {
  const { since, cut_off_at } = agent.connection;
  if (since === undefined) return undefined;
  const until = Math.min(now, cut_off_at ?? now);
  if (until < since) return undefined;
  return (
    since +
    Math.floor((until - since) / AGENT_HEARTBEAT_MS) * AGENT_HEARTBEAT_MS
  );
}

/** The agent's connectivity at `now`. */
export function connectivityOf(
  agent: AgentRecord,
  now: number,
): AgentConnectivity {
  const seen = lastHeartbeat(agent, now);
  const cut =
    agent.connection.cut_off_at !== undefined &&
    agent.connection.cut_off_at <= now;
  const silent = seen === undefined || now - seen > AGENT_SILENCE_MS;
  return {
    status: cut || silent ? 'disconnected' : 'connected',
    // The agent reports its version in its heartbeats: none before the first.
    version:
      seen === undefined && agent.connection.since === undefined
        ? ''
        : agent.connection.version,
    last_seen_at: seen === undefined ? null : isoAt(seen),
    ...(cut ? { cut_off_at: isoAt(agent.connection.cut_off_at!) } : {}),
  };
}

/**
 * The console's demo action: cut the agent off (`connected: false`) or let it connect (`true`: its first
 * connection, as if installed, or a reconnection). Cutting off an agent that never connected changes nothing.
 */
export function setConnected(
  ctx: OpContext,
  orgId: string,
  agentId: string,
  input: unknown,
): AgentConnectivity {
  const connected =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>).connected
      : undefined;
  if (typeof connected !== 'boolean')
    invalid(
      `The body must be {"connected": false} to cut the agent off or {"connected": true} to reconnect it; got ${show(input)}.`,
      { field: 'connected' },
    );
  requireAgent(ctx.state, orgId, agentId);
  const agent = ctx.state.orgs[orgId].agents!.agents[agentId];
  const now = connectivityOf(agent, ctx.now);
  if (
    !connected &&
    agent.connection.since !== undefined &&
    agent.connection.cut_off_at === undefined
  )
    agent.connection = { ...agent.connection, cut_off_at: ctx.now };
  else if (connected && now.status === 'disconnected')
    agent.connection = { version: agent.connection.version, since: ctx.now };
  return connectivityOf(agent, ctx.now);
}

/** Every agent of the organisation with its status and last heartbeat (the fleet view's line per agent). */
export function agentStatuses(
  state: StateV1,
  orgId: string,
  now: number,
): { id: string; status: AgentStatus; last_seen_at: string | null }[] {
  return sortedAgents(state, orgId).map((agent) => {
    const seen = connectivityOf(agent, now);
    return {
      id: agent.id,
      status: seen.status,
      last_seen_at: seen.last_seen_at,
    };
  });
}
