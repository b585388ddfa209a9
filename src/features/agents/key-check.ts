/**
 * Checks a pasted public key in the browser before it is sent, with
 * WebCrypto: a PEM `PUBLIC KEY` block (SubjectPublicKeyInfo) that imports as
 * RSA with a modulus of at least 4,096 bits; its fingerprint is the SHA-256
 * of the DER, as the API computes it. The API checks again (this only saves a
 * round trip and says what is wrong as the user types).
 */
import { daysUntil } from '@/lib/format';

/** The smallest modulus the API accepts. */
export const MIN_RSA_BITS = 4096;

/** The verdict on a pasted key. */
export type KeyCheck =
  | { ok: true; bits: number; fingerprint: string }
  | { ok: false; problem: string };

const MAKE_KEY =
  'make one with the commands above and paste the contents of agent.pub.pem';

/** The DER bytes of a PEM block labelled `PUBLIC KEY`, or why the text is not one. */
function derOf(text: string): Uint8Array<ArrayBuffer> | string {
  const block =
    /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/.exec(
      text.replace(/\\n/g, '\n'),
    );
  if (!block)
    return `This is not a PEM block (-----BEGIN PUBLIC KEY----- …); ${MAKE_KEY}.`;
  const label = block[1];
  if (label.includes('PRIVATE KEY'))
    return 'This is a private key: never paste it anywhere. Paste only the public half (agent.pub.pem), and make a new key since this one was exposed.';
  if (label === 'CERTIFICATE')
    return 'This is a certificate, not a public key: extract its key with openssl x509 -pubkey -noout.';
  if (label !== 'PUBLIC KEY')
    return `This is a ${label} block, not a PUBLIC KEY; ${MAKE_KEY}.`;
  try {
    const binary = atob(block[2].replace(/\s+/g, ''));
    const bytes = new Uint8Array(new ArrayBuffer(binary.length));
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return 'The body of the PEM block is not base64: paste the whole file unchanged.';
  }
}

/** Checks `text` (as pasted); never throws. */
export async function checkPublicKey(text: string): Promise<KeyCheck> {
  if (text.trim() === '')
    return { ok: false, problem: 'Paste the public key.' };
  if (text.length > 16 * 1024)
    return {
      ok: false,
      problem: `This is ${text.length} characters; a 4,096-bit RSA public key is about 800.`,
    };
  const der = derOf(text);
  if (typeof der === 'string') return { ok: false, problem: der };
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey(
      'spki',
      der,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      true,
      ['verify'],
    );
  } catch {
    return {
      ok: false,
      problem: `This is not an RSA public key (an EC or other key, or a damaged one); agents need RSA of at least ${MIN_RSA_BITS} bits.`,
    };
  }
  const bits = (key.algorithm as RsaHashedKeyAlgorithm).modulusLength;
  if (bits < MIN_RSA_BITS)
    return {
      ok: false,
      problem: `This is a ${bits}-bit RSA key; agents need at least ${MIN_RSA_BITS} bits.`,
    };
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', der));
  const fingerprint = [...digest]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  return { ok: true, bits, fingerprint };
}

/** `e4c0c2fe…5115b7`: a fingerprint shortened for a table (the whole one is copied). */
export function shortFingerprint(fingerprint: string): string {
  return `${fingerprint.slice(0, 8)}…${fingerprint.slice(-6)}`;
}

export { daysUntil };

/** A key expiring within this many days is flagged. */
export const EXPIRY_WARNING_DAYS = 30;

/**
 * What a key's expiry says: expired by the time itself (a key that expired earlier today is expired), else the
 * days until it by the calendar, a warning from {@link EXPIRY_WARNING_DAYS} ahead. `date` is the day as shown.
 */
export function keyExpiry(
  iso: string,
  date: string,
  now = Date.now(),
): { tone: 'failure' | 'warning' | 'none'; label: string } {
  if (Date.parse(iso) <= now)
    return { tone: 'failure', label: `Expired ${date}` };
  const days = daysUntil(iso, now);
  if (days > EXPIRY_WARNING_DAYS)
    return { tone: 'none', label: `Expires ${date}` };
  return {
    tone: 'warning',
    label:
      days === 0
        ? `Expires today (${date})`
        : `Expires in ${days} day${days === 1 ? '' : 's'} (${date})`,
  };
}
