/**
 * Humanitec Agents (`/orgs/{orgId}/agents`, their `/keys`), the
 * organisation's public keys (`/orgs/{orgId}/keys`) and the keys Humanitec
 * shares (`/orgs/{orgId}/humanitec-keys`). An agent runs in a private
 * network and calls out to the platform; it is registered with RSA public
 * keys of at least 4,096 bits (keys.ts: parsed, fingerprinted by the SHA-256
 * of their DER, expiring after two years) and keeps at least one. Its
 * connection is simulated on the clock (connectivity.ts: heartbeats, a
 * documented silence, a demo cut-off). A cluster definition reaches its
 * cluster through an agent (reach.ts); provisioning asks
 * {@link agentUnreachable} before a deployment goes through one, and health
 * asks {@link agentRouteOf} / {@link connectivityOf}; the fleet lists
 * {@link agentStatuses}.
 */
export * from './methods';
export {
  agentStatuses,
  connectivityOf,
  type AgentConnectivity,
} from './connectivity';
export { parsePublicKey, type ParsedPublicKey } from './keys';
export { requireAgent, NEW_AGENT_VERSION } from './ops';
export {
  AGENT_DISCONNECTED_CODE,
  AGENT_DRIVER,
  agentDependants,
  agentRouteOf,
  agentUnreachable,
  type AgentRoute,
} from './reach';
export type {
  Agent,
  AgentKey,
  HumanitecPublicKey,
  OrgPublicKey,
} from './views';
