/**
 * What the state keeps of an organisation's Humanitec Agents (agents/): the
 * agents registered to reach private clusters, their RSA public keys, the
 * simulated connection each keeps, and the organisation's own public keys
 * (`/orgs/{orgId}/keys`). A key is kept as the normalised PEM of its DER
 * SubjectPublicKeyInfo with the hex SHA-256 of that DER (its fingerprint).
 */

/** A key is to be replaced this long after it was registered (the spec's `expired_at`). */
export const KEY_LIFETIME_YEARS = 2;
/** A connected agent sends a heartbeat this often (simulated on the engine's clock). */
export const AGENT_HEARTBEAT_MS = 30_000;
/**
 * After this much silence an agent whose heartbeats stopped counts as
 * disconnected (three missed heartbeats). An agent that was cut off (its
 * tunnel closed) is disconnected at once.
 */
export const AGENT_SILENCE_MS = 90_000;
/** The smallest RSA modulus an agent's or organisation's key may have, in bits. */
export const MIN_RSA_BITS = 4096;

/** One registered key of an agent or of the organisation. */
export interface PublicKeyRecord {
  /** Hex SHA-256 of the DER SubjectPublicKeyInfo (`openssl pkey -pubin -outform DER | sha256sum`). */
  fingerprint: string;
  /** The key as a PEM `PUBLIC KEY` block, base64 wrapped at 64 characters. */
  pem: string;
  /** RSA modulus length in bits. */
  bits: number;
  created_at: string;
  created_by: string;
  expired_at: string;
}

/** How the simulated agent is connected. */
export interface AgentConnectionRecord {
  /** The agent's version, as its heartbeats report it. */
  version: string;
  /**
   * When its first heartbeat came (clock ms); heartbeats follow every AGENT_HEARTBEAT_MS. Absent: it has
   * never connected (registered, not installed yet: the console's demo "connect" stands in for the install).
   */
  since?: number;
  /** When it was cut off (clock ms): no heartbeat comes after it. */
  cut_off_at?: number;
}

/** One registered agent. */
export interface AgentRecord {
  /** Creation order. */
  seq: number;
  id: string;
  description: string;
  created_at: string;
  created_by: string;
  /** Its keys, oldest first; never empty. */
  keys: PublicKeyRecord[];
  connection: AgentConnectionRecord;
}

/** The organisation's agents and public keys (OrgRecord.agents). */
export interface OrgAgentsRecord {
  agents: Record<string, AgentRecord>;
  /** The organisation's public keys (`/orgs/{orgId}/keys`) by id. */
  publicKeys: Record<string, PublicKeyRecord & { id: string; seq: number }>;
}

/** An agent's connectivity as the console shows it. */
export type AgentStatus = 'connected' | 'disconnected';
