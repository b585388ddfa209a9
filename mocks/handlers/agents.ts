import { json, noContent, route, type Dto } from './kit';
import { booleanQuery, textQuery } from './query';

/**
 * Agents, their keys, the organisation's public keys and Humanitec's keys
 * (agents/ in the engine), and the console's agent overview and cut-off
 * action. Administrators only.
 */
export const agentRoutes = [
  route('listAgents', ({ engine, actor, params: p, query }) =>
    json(
      engine.listAgents(
        actor,
        p.orgId,
        textQuery(query, 'fingerprint'),
      ) satisfies Dto['Agent'][],
    ),
  ),
  route('createAgent', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createAgent(actor, p.orgId, await body()) satisfies Dto['Agent'],
    ),
  ),
  route('patchAgent', async ({ engine, actor, params: p, body }) =>
    json(
      engine.patchAgent(
        actor,
        p.orgId,
        p.agentId,
        await body(),
      ) satisfies Dto['Agent'],
    ),
  ),
  route('deleteAgent', ({ engine, actor, params: p }) => {
    engine.deleteAgent(actor, p.orgId, p.agentId);
    return noContent();
  }),
  route('listKeysInAgent', ({ engine, actor, params: p }) =>
    json(
      engine.listAgentKeys(actor, p.orgId, p.agentId) satisfies Dto['Key'][],
    ),
  ),
  route('createKey', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createAgentKey(
        actor,
        p.orgId,
        p.agentId,
        await body(),
      ) satisfies Dto['Key'],
    ),
  ),
  route('deleteKeyInAgent', ({ engine, actor, params: p }) => {
    engine.deleteAgentKey(actor, p.orgId, p.agentId, p.fingerprint);
    return noContent();
  }),
  route('listPublicKeys', ({ engine, actor, params: p, query }) =>
    json(
      engine.listPublicKeys(
        actor,
        p.orgId,
        textQuery(query, 'fingerprint'),
      ) satisfies Dto['PublicKey'][],
    ),
  ),
  route('createPublicKey', async ({ engine, actor, params: p, body }) =>
    json(
      engine.createPublicKey(
        actor,
        p.orgId,
        await body(),
      ) satisfies Dto['PublicKey'],
    ),
  ),
  route('getPublicKey', ({ engine, actor, params: p }) =>
    json(
      engine.getPublicKey(actor, p.orgId, p.keyId) satisfies Dto['PublicKey'],
    ),
  ),
  route('deletePublicKey', ({ engine, actor, params: p }) => {
    engine.deletePublicKey(actor, p.orgId, p.keyId);
    return noContent();
  }),
  route('listHumanitecPublicKeys', ({ engine, actor, params: p, query }) =>
    json(
      engine.listHumanitecPublicKeys(
        actor,
        p.orgId,
        booleanQuery(query, 'active'),
      ) satisfies Dto['HumanitecPublicKey'][],
    ),
  ),
  route('listAgentOverview', ({ engine, actor, params: p }) =>
    json(
      engine.listAgentOverview(actor, p.orgId) satisfies Dto['AgentOverview'][],
    ),
  ),
  route('setAgentConnectivity', async ({ engine, actor, params: p, body }) =>
    json(
      engine.setAgentConnectivity(
        actor,
        p.orgId,
        p.agentId,
        await body(),
      ) satisfies Dto['AgentConnectivity'],
    ),
  ),
];
