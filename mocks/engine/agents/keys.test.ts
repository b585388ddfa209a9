import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors';
import {
  CERTIFICATE,
  ecPublicKey,
  rsaPrivateKey,
  rsaPublicKey,
} from '../../testing/agent-keys';
import { parsePublicKey } from './keys';
import { bench, ORG } from '../../fixtures/test-engine';

/** The platform key of humanitec-keys.ts, fingerprinted once with `openssl pkey -pubin -outform DER | sha256sum`. */
const PLATFORM_KEY_FINGERPRINT =
  '0d1016eb780bd979a6581eee86a6da9ed3c7c613da2b8bd1a5cc3daff939adae';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** What `openssl pkey -pubin -outform DER | sha256sum` prints for `pem`. */
function opensslFingerprint(pem: string): string {
  const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'DER'], {
    input: pem,
  });
  return createHash('sha256').update(der).digest('hex');
}

function refusal(value: unknown): string {
  try {
    parsePublicKey(value, 'public_key');
  } catch (error) {
    if (error instanceof EngineError && error.code === 'invalid')
      return error.message;
    throw error;
  }
  throw new Error('expected a 400');
}

describe('agent keys', () => {
  const key = rsaPublicKey(4096);

  it("reads a 4,096-bit RSA public key: its fingerprint is openssl's", () => {
    const parsed = parsePublicKey(key, 'public_key');
    expect(parsed.bits).toBe(4096);
    expect(parsed.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    if (hasOpenssl()) expect(parsed.fingerprint).toBe(opensslFingerprint(key));
    // The same key sent on one line with `\n` escapes (the spec's awk recipe) is the same key.
    const oneLine = key.replace(/\n/g, '\\n');
    expect(parsePublicKey(oneLine, 'public_key')).toEqual(parsed);
    expect(parsed.pem).toBe(key);
  });

  it('fingerprints the platform key as openssl does (golden value)', () => {
    const { engine, admin } = bench();
    const [platform] = engine.listHumanitecPublicKeys(admin, ORG);
    const parsed = parsePublicKey(platform.pub_key, 'pub_key');
    expect(parsed.fingerprint).toBe(PLATFORM_KEY_FINGERPRINT);
    if (hasOpenssl())
      expect(opensslFingerprint(platform.pub_key)).toBe(
        PLATFORM_KEY_FINGERPRINT,
      );
    expect(engine.listHumanitecPublicKeys(admin, ORG, false)).toEqual([]);
  });

  it('refuses a 2,048-bit RSA key, naming its size', () => {
    expect(refusal(rsaPublicKey(2048))).toMatch(
      /is a 2048-bit RSA key; agents need at least 4096 bits/,
    );
  });

  it('refuses an EC key, a certificate and a private key (without echoing it)', () => {
    expect(refusal(ecPublicKey())).toMatch(/is an EC \(elliptic curve\) key/);
    expect(refusal(CERTIFICATE)).toMatch(
      /is a certificate, not a public key.*openssl x509/,
    );
    const secret = rsaPrivateKey();
    const message = refusal(secret);
    expect(message).toMatch(/is a private key \(PRIVATE KEY\): never send it/);
    const body = secret.split('\n')[1];
    expect(message).not.toContain(body.slice(0, 20));
  });

  it('refuses malformed PEM, garbage and a megabyte of it', () => {
    expect(refusal('hello')).toMatch(/is not a PEM block/);
    expect(refusal(42)).toMatch(/must be an RSA public key in PEM form/);
    expect(
      refusal('-----BEGIN PUBLIC KEY-----\n@@@@\n-----END PUBLIC KEY-----'),
    ).toMatch(/is not base64/);
    expect(
      refusal('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----'),
    ).toMatch(/does not hold a DER SubjectPublicKeyInfo/);
    // A valid key with bytes appended inside the block.
    const der = Buffer.from(key.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    const padded = Buffer.concat([der, Buffer.from([0, 0, 0])]).toString(
      'base64',
    );
    expect(
      refusal(
        `-----BEGIN PUBLIC KEY-----\n${padded}\n-----END PUBLIC KEY-----`,
      ),
    ).toMatch(/more than one DER SubjectPublicKeyInfo|does not hold/);
    expect(refusal('x'.repeat(1024 * 1024))).toMatch(
      /is 1048576 characters; a PEM of a 4,096-bit RSA public key is about 800/,
    );
  });
});
