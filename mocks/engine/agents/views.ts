/**
 * Agents and keys as the API returns them (the spec's Agent, Key, PublicKey
 * and HumanitecPublicKey).
 */
import type { AgentRecord, PublicKeyRecord } from '../core/model/agents';

/** The spec's Agent. */
export interface Agent {
  id: string;
  description: string;
  created_at: string;
  created_by: string;
}

/** The spec's Key (of an agent). */
export interface AgentKey {
  fingerprint: string;
  public_key: string;
  created_at: string;
  created_by: string;
  expired_at: string;
  is_authorized: boolean;
}

/** The spec's PublicKey (of the organisation). */
export interface OrgPublicKey {
  id: string;
  key: string;
  fingerprint: string;
  created_at: string;
  created_by: string;
  expired_at: string;
}

/** The spec's HumanitecPublicKey. */
export interface HumanitecPublicKey {
  pub_key: string;
  active: boolean;
  created_at: string;
}

export function toAgent(record: AgentRecord): Agent {
  return {
    id: record.id,
    description: record.description,
    created_at: record.created_at,
    created_by: record.created_by,
  };
}

export function toAgentKey(record: PublicKeyRecord): AgentKey {
  return {
    fingerprint: record.fingerprint,
    public_key: record.pem,
    created_at: record.created_at,
    created_by: record.created_by,
    expired_at: record.expired_at,
    // Every registered key is accepted from the agent (no separate approval step in the simulation).
    is_authorized: true,
  };
}

export function toOrgPublicKey(
  record: PublicKeyRecord & { id: string },
): OrgPublicKey {
  return {
    id: record.id,
    key: record.pem,
    fingerprint: record.fingerprint,
    created_at: record.created_at,
    created_by: record.created_by,
    expired_at: record.expired_at,
  };
}
