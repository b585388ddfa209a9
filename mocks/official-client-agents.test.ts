// Humanitec's official TypeScript client (`@humanitec/autogen`) drives agents and keys (issue 22) against a real
// `npm run api` (mocks/server.ts on a free port, a temporary data file): register an agent with a 4,096-bit key
// made here (its fingerprint is the SHA-256 of the key's DER, as `openssl pkey -pubin -outform DER | sha256sum`
// prints it), list it (by fingerprint too), describe it, rotate its key (add the new one, delete the old one; the
// last key is refused with 409), refuse weak keys with 400, keep the organisation's public keys (the body is the
// PEM as a JSON string) and list Humanitec's; administrators only. Every response body is checked against the spec
// (contract-rules.ts) as it arrives. The engine is spawned, never imported.
import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AGENT_OPERATIONS_BY_CLIENT_NAME } from './official-client-areas';
import {
  refusal,
  officialClientHarness,
} from './testing/official-client-harness';
import { rsaPublicKey } from './testing/agent-keys';

const api = officialClientHarness('official-client-agents');
const { admin, viewer } = api;
const orgId = 'acme';
const agentId = `oc-agent-${Date.now().toString(36)}`;

const FLOW_TIMEOUT_MS = 240_000;

function fingerprintOf(pem: string): string {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex');
}

describe('the official client drives agents and keys', () => {
  it(
    'registers an agent with a 4,096-bit key, rotates its key and refuses weak ones',
    async () => {
      const first = rsaPublicKey();
      const second = rsaPublicKey();
      const agent = await admin.createAgent({
        orgId,
        AgentCreateBody: {
          id: agentId,
          public_key: first,
          description: 'Official client',
        },
      });
      expect(agent).toMatchObject({
        id: agentId,
        description: 'Official client',
      });
      const [key] = await admin.listKeysInAgent({ orgId, agentId });
      expect(key.fingerprint).toBe(fingerprintOf(first));
      // Two years to the day (the client, of API 0.26.6, has no is_authorized).
      const expiry = new Date(key.created_at);
      expiry.setUTCFullYear(expiry.getUTCFullYear() + 2);
      expect(key.expired_at).toEqual(expiry);
      expect(
        (await admin.listAgents({ orgId, fingerprint: key.fingerprint })).map(
          (a) => a.id,
        ),
      ).toEqual([agentId]);
      expect(
        (
          await admin.patchAgent({
            orgId,
            agentId,
            AgentPatchBody: { description: 'Rotated' },
          })
        ).description,
      ).toBe('Rotated');

      const last = await refusal(
        admin.deleteKeyInAgent({
          orgId,
          agentId,
          fingerprint: key.fingerprint,
        }),
      );
      expect(last.status).toBe(409);
      expect(last.message).toMatch(/an agent keeps at least one/);
      const added = await admin.createKey({
        orgId,
        agentId,
        KeyCreateBody: { public_key: second },
      });
      expect(added.fingerprint).toBe(fingerprintOf(second));
      await admin.deleteKeyInAgent({
        orgId,
        agentId,
        fingerprint: key.fingerprint,
      });
      expect(
        (await admin.listKeysInAgent({ orgId, agentId })).map(
          (k) => k.fingerprint,
        ),
      ).toEqual([added.fingerprint]);

      const weak = await refusal(
        admin.createAgent({
          orgId,
          AgentCreateBody: { id: 'oc-weak', public_key: rsaPublicKey(2048) },
        }),
      );
      expect(weak.status).toBe(400);
      expect(weak.message).toMatch(
        /2048-bit RSA key; agents need at least 4096/,
      );
      const forbidden = await refusal(viewer.listAgents({ orgId }));
      expect(forbidden.status).toBe(403);

      await admin.deleteAgent({ orgId, agentId });
      expect(
        (await admin.listAgents({ orgId })).map((a) => a.id),
      ).not.toContain(agentId);
      expect(api.problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it(
    "keeps the organisation's public keys and lists Humanitec's",
    async () => {
      const pem = rsaPublicKey();
      const created = await admin.createPublicKey({ orgId, body: pem });
      expect(created.fingerprint).toBe(fingerprintOf(pem));
      expect(await admin.getPublicKey({ orgId, keyId: created.id })).toEqual(
        created,
      );
      expect(
        (
          await admin.listPublicKeys({
            orgId,
            fingerprint: created.fingerprint,
          })
        ).length,
      ).toBe(1);
      await admin.deletePublicKey({ orgId, keyId: created.id });
      const humanitec = await admin.listHumanitecPublicKeys({
        orgId,
        active: true,
      });
      expect(humanitec.map((k) => k.active)).toEqual([true]);
      expect(humanitec[0].pub_key).toMatch(/^-----BEGIN PUBLIC KEY-----/);
      expect(api.problems).toEqual([]);
    },
    FLOW_TIMEOUT_MS,
  );

  it('called every operation of the area', () => {
    api.expectCalledEvery(AGENT_OPERATIONS_BY_CLIENT_NAME);
  });
});
