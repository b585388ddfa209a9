import { describe, expect, it } from 'vitest';
import { agentIdProblem, AGENT_ID_RULE } from './agent-id';
import { storedDraft } from './components/register-agent';

describe('agent id rule', () => {
  it('takes what the API takes: 2 to 50 lowercase letters, digits and single dashes', () => {
    for (const id of ['e1', 'edge-eu', 'a'.repeat(50), 'edge-1-b'])
      expect(agentIdProblem(id)).toBeUndefined();
    expect(AGENT_ID_RULE).toMatch(/^2 to 50 lowercase letters/);
  });

  it('says what breaks the rule, a bad id and a long id alike, next to the one rule', () => {
    expect(agentIdProblem('e')).toBe(
      'Too short: 1 character, the id needs at least 2.',
    );
    expect(agentIdProblem('e'.repeat(51))).toBe(
      'Too long: 51 characters, the id has at most 50.',
    );
    expect(agentIdProblem('Edge_EU')).toBe(
      'Not allowed: “E”, “_”, “U”; use lowercase letters, digits and dashes only.',
    );
    expect(agentIdProblem('edge eu')).toMatch(/^Not allowed: a space;/);
    for (const id of ['-edge', 'edge-', 'edge--eu'])
      expect(agentIdProblem(id)).toMatch(/^Dashes go between/);
  });
});

describe('the register form draft', () => {
  const PUBLIC = '-----BEGIN PUBLIC KEY-----\nMIIC…\n-----END PUBLIC KEY-----';
  it('keeps the id, description and a public key', () => {
    const draft = { id: 'edge-x', description: 'X', pem: PUBLIC };
    expect(storedDraft(draft)).toEqual(draft);
  });

  it('never keeps a private key pasted by mistake, nor text that is no public key', () => {
    for (const pem of [
      '-----BEGIN PRIVATE KEY-----\nMIIJ…\n-----END PRIVATE KEY-----',
      '-----BEGIN RSA PRIVATE KEY-----\nMIIJ…\n-----END RSA PRIVATE KEY-----',
      `${PUBLIC}\n-----BEGIN PRIVATE KEY-----\nMIIJ…`,
      'MIIJQgIBADANBgkqhkiG9w0BAQEFAASCCSww',
    ])
      expect(storedDraft({ id: 'edge-x', description: '', pem })).toEqual({
        id: 'edge-x',
        description: '',
        pem: '',
      });
  });
});
