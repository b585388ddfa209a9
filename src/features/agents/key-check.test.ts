import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rsaPublicKey } from '../../../mocks/testing/agent-keys';
import {
  checkPublicKey,
  daysUntil,
  keyExpiry,
  shortFingerprint,
} from './key-check';

describe('checking a pasted key in the browser', () => {
  it('accepts a 4,096-bit RSA public key with the fingerprint the API computes', async () => {
    const pem = rsaPublicKey(4096);
    const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
    expect(await checkPublicKey(pem)).toEqual({
      ok: true,
      bits: 4096,
      fingerprint: createHash('sha256').update(der).digest('hex'),
    });
    // One line with \n escapes, as the spec's awk recipe writes it.
    expect((await checkPublicKey(pem.replace(/\n/g, '\\n'))).ok).toBe(true);
  });

  it('says what is wrong with anything else', async () => {
    const problem = async (text: string) => {
      const check = await checkPublicKey(text);
      return check.ok ? 'accepted' : check.problem;
    };
    expect(await problem(rsaPublicKey(2048))).toBe(
      'This is a 2048-bit RSA key; agents need at least 4096 bits.',
    );
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(
      await problem(
        ec.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      ),
    ).toMatch(/not an RSA public key \(an EC or other key/);
    const secret = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(await problem(secret)).toMatch(
      /This is a private key: never paste it/,
    );
    expect(
      await problem(
        '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
      ),
    ).toMatch(/certificate, not a public key/);
    expect(await problem('ssh-rsa AAAAB3Nza')).toMatch(/not a PEM block/);
    expect(
      await problem(
        '-----BEGIN PUBLIC KEY-----\n%%%\n-----END PUBLIC KEY-----',
      ),
    ).toMatch(/not base64/);
    expect(await problem('x'.repeat(20_000))).toMatch(/20000 characters/);
    expect(await problem('  ')).toBe('Paste the public key.');
  });

  it('shortens fingerprints and counts days to an expiry', () => {
    expect(
      shortFingerprint(
        'e4c0c2fee5d4813be4b80de8b2c8861717efbc5019b5970922d3c43f355115b7',
      ),
    ).toBe('e4c0c2fe…5115b7');
    expect(
      daysUntil(
        '2026-01-25T00:00:00.000Z',
        Date.parse('2026-01-15T00:00:00.000Z'),
      ),
    ).toBe(10);
    expect(
      daysUntil(
        '2026-01-14T00:00:00.000Z',
        Date.parse('2026-01-15T00:00:00.000Z'),
      ),
    ).toBe(-1);
    // Counted on the calendar: the 17th is 10 days from the 7th, late on the 7th too.
    expect(
      daysUntil(
        '2026-12-17T00:00:00.000Z',
        Date.parse('2026-12-07T23:30:00.000Z'),
      ),
    ).toBe(10);
  });

  it('says a key that expired earlier today is expired, one expiring later today expires today', () => {
    const now = Date.parse('2026-12-07T12:00:00.000Z');
    expect(keyExpiry('2026-12-07T08:00:00.000Z', 'D', now)).toEqual({
      tone: 'failure',
      label: 'Expired D',
    });
    expect(keyExpiry('2026-12-07T20:00:00.000Z', 'D', now)).toEqual({
      tone: 'warning',
      label: 'Expires today (D)',
    });
    expect(keyExpiry('2026-12-17T00:00:00.000Z', 'D', now).label).toBe(
      'Expires in 10 days (D)',
    );
    expect(keyExpiry('2027-12-17T00:00:00.000Z', 'D', now)).toEqual({
      tone: 'none',
      label: 'Expires D',
    });
  });
});
