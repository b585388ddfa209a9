import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors';
import { AGENT_SILENCE_MS } from '../core/model/agents';
import { rsaPublicKey } from '../../testing/agent-keys';
import { bench, ORG, T0 } from '../../fixtures/test-engine';

function refusal(run: () => unknown): {
  code: string;
  message: string;
  field?: unknown;
} {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError)
      return error.details?.field === undefined
        ? { code: error.code, message: error.message }
        : {
            code: error.code,
            message: error.message,
            field: error.details.field,
          };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('agents', () => {
  const first = rsaPublicKey();
  const second = rsaPublicKey();

  it('registers an agent with its key (expiring in two years) and lists it by fingerprint', () => {
    const { engine, admin } = bench();
    const agent = engine.createAgent(admin, ORG, {
      id: 'edge-1',
      public_key: first,
      description: 'Private cluster in Frankfurt',
    });
    expect(agent).toEqual({
      id: 'edge-1',
      description: 'Private cluster in Frankfurt',
      created_at: new Date(T0).toISOString(),
      created_by: 'alex-admin',
    });
    const [key] = engine.listAgentKeys(admin, ORG, 'edge-1');
    expect(key).toMatchObject({
      public_key: first,
      created_at: '2025-06-01T00:00:00.000Z',
      expired_at: '2027-06-01T00:00:00.000Z',
      is_authorized: true,
    });
    expect(engine.listAgents(admin, ORG, key.fingerprint)).toEqual([agent]);
    expect(engine.listAgents(admin, ORG, 'f'.repeat(64))).toEqual([]);
    expect(
      engine.patchAgent(admin, ORG, 'edge-1', { description: '' }).description,
    ).toBe('');
  });

  it('refuses an id as the spec does (2 or more characters) and says the same rule for one too long', () => {
    const { engine, admin } = bench();
    for (const id of ['e', 'e'.repeat(51)])
      expect(
        refusal(() => engine.createAgent(admin, ORG, { id, public_key: first }))
          .message,
      ).toMatch(/^Agent id "e+" is not valid: use 2 to 50 lowercase letters/);
    expect(
      engine.createAgent(admin, ORG, { id: 'e'.repeat(50), public_key: first })
        .id,
    ).toHaveLength(50);
  });

  it('refuses a taken id, a key another agent holds, and deleting the last key (409 saying so)', () => {
    const { engine, admin } = bench();
    engine.createAgent(admin, ORG, { id: 'edge-1', public_key: first });
    expect(
      refusal(() =>
        engine.createAgent(admin, ORG, { id: 'edge-1', public_key: second }),
      ),
    ).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('already registered'),
      // The console focuses the field a refusal names.
      field: 'id',
    });
    expect(
      refusal(() =>
        engine.createAgent(admin, ORG, { id: 'edge-2', public_key: first }),
      ),
    ).toMatchObject({
      message: expect.stringMatching(/already registered for agent `edge-1`/),
      field: 'public_key',
    });
    const [only] = engine.listAgentKeys(admin, ORG, 'edge-1');
    expect(
      refusal(() =>
        engine.deleteAgentKey(admin, ORG, 'edge-1', only.fingerprint),
      ),
    ).toEqual({
      code: 'conflict',
      message: expect.stringMatching(
        /only key of agent `edge-1`, and an agent keeps at least one: add its new key first/,
      ),
    });
  });

  it('rotates a key: add the new one, then delete the old one', () => {
    const { engine, admin } = bench();
    engine.createAgent(admin, ORG, { id: 'edge-1', public_key: first });
    const [old] = engine.listAgentKeys(admin, ORG, 'edge-1');
    const added = engine.createAgentKey(admin, ORG, 'edge-1', {
      public_key: second,
    });
    engine.deleteAgentKey(admin, ORG, 'edge-1', old.fingerprint);
    expect(
      engine.listAgentKeys(admin, ORG, 'edge-1').map((k) => k.fingerprint),
    ).toEqual([added.fingerprint]);
    expect(
      refusal(() => engine.deleteAgentKey(admin, ORG, 'edge-1', 'nope')).code,
    ).toBe('not_found');
  });

  it('is for administrators only, reading included', () => {
    const { engine, admin, viewer } = bench();
    engine.createAgent(admin, ORG, { id: 'edge-1', public_key: first });
    expect(refusal(() => engine.listAgents(viewer, ORG)).code).toBe(
      'forbidden',
    );
    expect(
      refusal(() =>
        engine.createAgent(viewer, ORG, { id: 'edge-2', public_key: second }),
      ).code,
    ).toBe('forbidden');
  });

  it('is not connected until installed (the demo connect); then connected while heartbeats come; cut off, it is disconnected at once and last seen at its last heartbeat', () => {
    const { engine, admin, clock } = bench();
    engine.createAgent(admin, ORG, { id: 'edge-1', public_key: first });
    clock.advance(60_000);
    // Registered, never installed: no heartbeat, no version reported, nothing to cut off.
    const waiting = {
      id: 'edge-1',
      status: 'disconnected',
      version: '',
      last_seen_at: null,
    };
    expect(engine.listAgentOverview(admin, ORG)[0]).toMatchObject(waiting);
    expect(
      engine.setAgentConnectivity(admin, ORG, 'edge-1', { connected: false }),
    ).toEqual({ status: 'disconnected', version: '', last_seen_at: null });
    // Connected "as if installed": heartbeats from now on.
    expect(
      engine.setAgentConnectivity(admin, ORG, 'edge-1', { connected: true }),
    ).toMatchObject({
      status: 'connected',
      version: '1.6.0',
      last_seen_at: new Date(T0 + 60_000).toISOString(),
    });
    clock.advance(45_000);
    const [live] = engine.listAgentOverview(admin, ORG);
    expect(live).toMatchObject({
      id: 'edge-1',
      status: 'connected',
      version: '1.6.0',
      last_seen_at: new Date(T0 + 90_000).toISOString(),
      clusters: [],
      environments: [],
    });
    expect(
      engine.setAgentConnectivity(admin, ORG, 'edge-1', { connected: false }),
    ).toMatchObject({
      status: 'disconnected',
      last_seen_at: new Date(T0 + 90_000).toISOString(),
      cut_off_at: new Date(T0 + 105_000).toISOString(),
    });
    clock.advance(AGENT_SILENCE_MS * 10);
    expect(engine.listAgentOverview(admin, ORG)[0].last_seen_at).toBe(
      new Date(T0 + 90_000).toISOString(),
    );
    const back = engine.setAgentConnectivity(admin, ORG, 'edge-1', {
      connected: true,
    });
    expect(back.status).toBe('connected');
    expect(
      refusal(() => engine.setAgentConnectivity(admin, ORG, 'edge-1', {})).code,
    ).toBe('invalid');
  });

  it("keeps the organisation's public keys (the body is the PEM itself)", () => {
    const { engine, admin } = bench();
    const key = engine.createPublicKey(admin, ORG, first);
    expect(key.key).toBe(first);
    expect(engine.getPublicKey(admin, ORG, key.id)).toEqual(key);
    expect(engine.listPublicKeys(admin, ORG, key.fingerprint)).toEqual([key]);
    expect(refusal(() => engine.createPublicKey(admin, ORG, first)).code).toBe(
      'conflict',
    );
    engine.deletePublicKey(admin, ORG, key.id);
    expect(refusal(() => engine.getPublicKey(admin, ORG, key.id)).code).toBe(
      'not_found',
    );
  });

  it('are listed per organisation in the fleet, with their status, for its administrators only', () => {
    const { engine, admin, viewer } = bench();
    engine.createAgent(admin, ORG, { id: 'edge-1', public_key: first });
    engine.setAgentConnectivity(admin, ORG, 'edge-1', { connected: true });
    engine.setAgentConnectivity(admin, ORG, 'edge-1', { connected: false });
    const [org] = engine
      .getFleetOverview(admin, ORG)
      .orgs.filter((o) => o.org_id === ORG);
    expect(org.agents).toEqual([
      {
        id: 'edge-1',
        status: 'disconnected',
        last_seen_at: new Date(T0).toISOString(),
      },
    ]);
    const seen = engine
      .getFleetOverview(viewer, ORG)
      .orgs.find((o) => o.org_id === ORG);
    expect(seen?.agents).toBeUndefined();
  });
});
