/**
 * Reading an RSA public key as agents and organisations send it: a PEM
 * `PUBLIC KEY` block (an X.509 SubjectPublicKeyInfo, what `openssl pkey
 * -pubout` writes). The DER is parsed with PeculiarVentures' ASN.1 schemas
 * (the same code in Node and in the browser worker, synchronously: engine
 * calls are synchronous, WebCrypto's importKey is not), the fingerprint is
 * the hex SHA-256 of that DER, as `openssl pkey -pubin -outform DER |
 * sha256sum` prints it. Everything else is refused with what was sent and
 * how to make the right thing; a private key pasted by mistake is named as
 * one and never echoed.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { RSAPublicKey } from '@peculiar/asn1-rsa';
import { AsnConvert } from '@peculiar/asn1-schema';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { MIN_RSA_BITS } from '../core/model/agents';
import { invalid } from '../core/validate';

/** A key that was read: its normalised PEM, fingerprint and modulus length. */
export interface ParsedPublicKey {
  pem: string;
  fingerprint: string;
  bits: number;
}

/** A PEM of a 4,096-bit RSA public key is about 800 characters; anything this long is not one. */
export const MAX_PUBLIC_KEY_CHARS = 16 * 1024;

const MAKE_KEY =
  'make one with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out agent.pem` and send its public half, `openssl pkey -in agent.pem -pubout`';

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
/** Algorithms people send instead of RSA, by OID, for the message. */
const OTHER_ALGORITHMS: Record<string, string> = {
  '1.2.840.10045.2.1': 'an EC (elliptic curve) key',
  '1.3.101.112': 'an Ed25519 key',
  '1.3.101.113': 'an Ed448 key',
  '1.2.840.10040.4.1': 'a DSA key',
  '1.2.840.113549.1.1.10': 'an RSA-PSS key',
};

const PEM_BLOCK =
  /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/;

/**
 * Reads `value` as an RSA public key of at least {@link MIN_RSA_BITS} bits;
 * throws `invalid` (400) saying what was wrong. `field` names it (`public_key`).
 */
export function parsePublicKey(value: unknown, field: string): ParsedPublicKey {
  if (typeof value !== 'string' || value.trim() === '')
    invalid(
      `\`${field}\` must be an RSA public key in PEM form (-----BEGIN PUBLIC KEY----- …); ${MAKE_KEY}.`,
      { field },
    );
  if (value.length > MAX_PUBLIC_KEY_CHARS)
    invalid(
      `\`${field}\` is ${value.length} characters; a PEM of a 4,096-bit RSA public key is about 800, so this is not one: ${MAKE_KEY}.`,
      { field },
    );
  // The spec's examples send the PEM as one line with `\n` escapes (awk -v ORS='\\n').
  const text = value.replace(/\\n/g, '\n');
  const block = PEM_BLOCK.exec(text);
  if (!block)
    invalid(
      `\`${field}\` is not a PEM block: expected -----BEGIN PUBLIC KEY----- … -----END PUBLIC KEY-----; ${MAKE_KEY}.`,
      { field },
    );
  const [, label, body, endLabel] = block;
  if (label !== endLabel)
    invalid(
      `\`${field}\` begins a ${label} block but ends a ${endLabel} block; send the whole output of \`openssl pkey -pubout\`.`,
      { field },
    );
  refuseOtherBlocks(label, field);
  const der = decodeBase64(body, field);
  const spki = readSpki(der, field);
  const bits = rsaModulusBits(spki, field);
  return { pem: toPem(der), fingerprint: fingerprintOf(der), bits };
}

/** The hex SHA-256 of DER bytes: a key's fingerprint. */
export function fingerprintOf(der: Uint8Array): string {
  return bytesToHex(sha256(der));
}

function refuseOtherBlocks(label: string, field: string): void {
  if (label === 'PUBLIC KEY') return;
  if (label === 'CERTIFICATE' || label === 'TRUSTED CERTIFICATE')
    invalid(
      `\`${field}\` is a certificate, not a public key; send the key it holds: \`openssl x509 -in cert.pem -pubkey -noout\`.`,
      { field },
    );
  if (label.includes('PRIVATE KEY'))
    invalid(
      `\`${field}\` is a private key (${label}): never send it anywhere, and make a new one since it left your machine; send only the public half, \`openssl pkey -in agent.pem -pubout\`.`,
      { field },
    );
  if (label === 'RSA PUBLIC KEY')
    invalid(
      `\`${field}\` is a PKCS#1 RSA PUBLIC KEY block; send it as a SubjectPublicKeyInfo (PUBLIC KEY): \`openssl rsa -RSAPublicKey_in -in key.pem -pubout\`.`,
      { field },
    );
  invalid(
    `\`${field}\` is a PEM ${label} block, not a PUBLIC KEY; ${MAKE_KEY}.`,
    { field },
  );
}

function decodeBase64(body: string, field: string): Uint8Array {
  const compact = body.replace(/\s+/g, '');
  if (
    compact === '' ||
    !/^[A-Za-z0-9+/]+={0,2}$/.test(compact) ||
    compact.length % 4 !== 0
  )
    invalid(
      `The body of the PEM block in \`${field}\` is not base64; copy the whole output of \`openssl pkey -pubout\` unchanged.`,
      { field },
    );
  const binary = atob(compact);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function readSpki(der: Uint8Array, field: string): SubjectPublicKeyInfo {
  let spki: SubjectPublicKeyInfo;
  try {
    spki = AsnConvert.parse(der, SubjectPublicKeyInfo);
  } catch {
    return invalid(
      `The PEM block in \`${field}\` does not hold a DER SubjectPublicKeyInfo; ${MAKE_KEY}.`,
      { field },
    );
  }
  // Bytes after the structure, or a non-canonical encoding, are not the key openssl writes.
  const again = new Uint8Array(AsnConvert.serialize(spki));
  if (!sameBytes(again, der))
    invalid(
      `The PEM block in \`${field}\` holds more than one DER SubjectPublicKeyInfo or a non-canonical encoding; send the output of \`openssl pkey -pubout\` unchanged.`,
      { field },
    );
  return spki;
}

function rsaModulusBits(spki: SubjectPublicKeyInfo, field: string): number {
  const oid = spki.algorithm.algorithm;
  if (oid !== RSA_ENCRYPTION)
    invalid(
      `\`${field}\` is ${OTHER_ALGORITHMS[oid] ?? `a key of algorithm ${oid}`}; agents need an RSA key of at least ${MIN_RSA_BITS} bits: ${MAKE_KEY}.`,
      { field },
    );
  let rsa: RSAPublicKey;
  try {
    rsa = AsnConvert.parse(spki.subjectPublicKey, RSAPublicKey);
  } catch {
    return invalid(
      `\`${field}\` says it is an RSA key but does not hold an RSA modulus and exponent; ${MAKE_KEY}.`,
      { field },
    );
  }
  const bits = bitLength(new Uint8Array(rsa.modulus));
  if (bits < MIN_RSA_BITS)
    invalid(
      `\`${field}\` is a ${bits}-bit RSA key; agents need at least ${MIN_RSA_BITS} bits: ${MAKE_KEY}.`,
      { field, bits },
    );
  return bits;
}

/** The length in bits of a big-endian unsigned integer (leading zero bytes ignored). */
function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i += 1;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** DER as a PEM PUBLIC KEY block, base64 wrapped at 64 characters (as openssl writes it). */
export function toPem(der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}
