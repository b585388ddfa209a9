/**
 * Who may reach `npm run api` from a browser, and with which tokens.
 *
 * - CORS: only the console's own origins get `Access-Control-Allow-Origin`
 *   (the dev and preview servers by default; `--cors-origin` or
 *   `API_CORS_ORIGINS` replaces the list). Any other page in the user's
 *   browser cannot read the answers, nor send the preflighted writes.
 * - Tokens: the seeded users' tokens are public (README names them), fine on
 *   one's own machine only. `--tokens` or `API_TOKENS`
 *   (`administrator=SECRET,developer=SECRET,viewer=SECRET`) replaces them: the
 *   server accepts those secrets for the seeded users and refuses the public
 *   ones. Tokens of service users made through the API are not affected.
 */
import { DEMO_TOKENS } from './fixtures';

/** The console's own origins: `npm start` and `npm run preview`, by both host names. */
export const DEFAULT_CORS_ORIGINS: readonly string[] = [
  'http://127.0.0.1:5173',
  'http://localhost:5173',
  'http://127.0.0.1:4173',
  'http://localhost:4173',
];

/** The seeded users whose token `--tokens` replaces. */
export type DemoTokenRole = keyof typeof DEMO_TOKENS;
const ROLES = Object.keys(DEMO_TOKENS) as DemoTokenRole[];
/** A replacement token is a secret: at least this long. */
export const MIN_TOKEN_LENGTH = 16;

/** Parses a comma-separated list of origins (`scheme://host[:port]`, no path); throws a sentence on a bad one. */
export function parseOrigins(text: string): string[] {
  const origins = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (origins.length === 0)
    throw new Error(
      '--cors-origin needs at least one origin, e.g. http://127.0.0.1:5173',
    );
  return origins.map((origin) => {
    if (origin === '*')
      throw new Error(
        '--cors-origin does not take "*": name the origins the console is served from, e.g. https://console.example.com',
      );
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      throw new Error(
        `--cors-origin: "${origin}" is not an origin such as http://127.0.0.1:5173`,
      );
    }
    if (
      !/^https?:$/.test(url.protocol) ||
      url.origin !== origin.replace(/\/$/, '')
    )
      throw new Error(
        `--cors-origin: "${origin}" is not an origin (scheme, host and port only), e.g. ${url.origin}`,
      );
    return url.origin;
  });
}

/** The CORS headers of an answer to a request from `origin` (none for another origin or no origin). */
export function corsHeaders(
  origin: string | undefined,
  allowed: readonly string[],
): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (!origin || !allowed.includes(origin)) return headers;
  return {
    ...headers,
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers':
      'Authorization, Content-Type, Accept, Idempotency-Key, If-Match',
    'Access-Control-Expose-Headers': 'Idempotent-Replayed',
    'Access-Control-Max-Age': '600',
  };
}

/** Parses `administrator=SECRET,developer=SECRET,…`; throws a sentence saying what is wrong. */
export function parseTokens(
  text: string,
): Partial<Record<DemoTokenRole, string>> {
  const tokens: Partial<Record<DemoTokenRole, string>> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.indexOf('=');
    const role = part.slice(0, at).trim() as DemoTokenRole;
    const secret = part.slice(at + 1).trim();
    if (at < 0 || !ROLES.includes(role))
      throw new Error(
        `--tokens takes ${ROLES.map((r) => `${r}=SECRET`).join(',')} (any of them); "${part.slice(0, Math.max(at, 0)) || part}" is not one of ${ROLES.join(', ')}`,
      );
    if (secret.length < MIN_TOKEN_LENGTH || /\s/.test(secret))
      throw new Error(
        `--tokens: the ${role} token must be at least ${MIN_TOKEN_LENGTH} characters without spaces (e.g. \`openssl rand -hex 24\`)`,
      );
    if (Object.values(DEMO_TOKENS).includes(secret as never))
      throw new Error(
        `--tokens: the ${role} token is a public demo token; choose a secret`,
      );
    if (Object.values(tokens).includes(secret))
      throw new Error('--tokens: each user needs a token of their own');
    tokens[role] = secret;
  }
  if (Object.keys(tokens).length === 0)
    throw new Error(
      `--tokens needs at least one of ${ROLES.map((r) => `${r}=SECRET`).join(',')}`,
    );
  return tokens;
}

/** A bearer token the engine knows for nobody: what a refused public demo token becomes. */
const REFUSED = 'refused-public-demo-token';

/**
 * The Authorization header the engine should see for the one a client sent:
 * with replacement tokens, a replacement becomes its user's seeded token and a
 * public demo token becomes one that nobody holds (401); anything else passes.
 */
export function tokenMapper(
  replacements: Partial<Record<DemoTokenRole, string>> | undefined,
): (authorization: string | undefined) => string | undefined {
  if (!replacements) return (authorization) => authorization;
  const bySecret = new Map<string, string>();
  for (const role of ROLES) {
    const secret = replacements[role];
    if (secret) bySecret.set(secret, DEMO_TOKENS[role]);
  }
  const publicTokens = new Set<string>(Object.values(DEMO_TOKENS));
  return (authorization) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return authorization;
    const seeded = bySecret.get(match[1]);
    if (seeded) return `Bearer ${seeded}`;
    if (publicTokens.has(match[1])) return `Bearer ${REFUSED}`;
    return authorization;
  };
}
