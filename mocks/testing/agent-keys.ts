/**
 * Keys for agent tests, made with Node's crypto: RSA keys of 4,096 bits
 * (made once per test file, they take a moment), a 2,048-bit one, an EC key,
 * a private key and a certificate, all as PEM. Tests only: the seed uses
 * fixed public keys (fixtures/agents-seed.ts).
 */
import { generateKeyPairSync } from 'node:crypto';

/** A public key PEM (SPKI) of an RSA key of `bits` bits. */
export function rsaPublicKey(bits = 4096): string {
  return generateKeyPairSync('rsa', { modulusLength: bits })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();
}

/** A public key PEM (SPKI) of a P-256 EC key. */
export function ecPublicKey(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();
}

/** A PKCS#8 private key PEM (what must never be sent). */
export function rsaPrivateKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 1024 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

/** A self-signed certificate (EC P-256, CN agent.example), made once with openssl req -x509. */
export const CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIBhDCCASugAwIBAgIUK3Oy06+UMdORFlYnvXJ3bp7P5J8wCgYIKoZIzj0EAwIw
GDEWMBQGA1UEAwwNYWdlbnQuZXhhbXBsZTAeFw0yNjEyMDQyMzI2MTdaFw0yNjEy
MDUyMzI2MTdaMBgxFjAUBgNVBAMMDWFnZW50LmV4YW1wbGUwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAARE7Kb2VMrUdIsVpYvoXE4x9jMruvknXl35u795hgKKygJe
3voCxzXPDGCo6ubz/vxrRCgXCSa6UMOJKSfKgziVo1MwUTAdBgNVHQ4EFgQUN2cJ
KR00gKCPZ2cBR56C2c0PQKkwHwYDVR0jBBgwFoAUN2cJKR00gKCPZ2cBR56C2c0P
QKkwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNHADBEAiBo+Xrv8OiOX7KQ
HW/bNVp+Ehq63284Q7Geb17mUBYLZAIgCDStdmPThrcwNPq4qv12AfA1/QIc4WIm
SPieMif1lIw=
-----END CERTIFICATE-----
`;
