/**
 * API tokens of service users (the spec's `/users/{userId}/tokens`) and our
 * extension, scoped tokens: a token has a description, an optional expiry and
 * an optional scope (read-only; limited to some apps or environment types)
 * that narrows its user's roles and never widens them (access/authorize.ts). The secret
 * is returned once, when the token is created; the engine keeps only its
 * SHA-256 hash, and records when the token was last used.
 */
import { sha256Text, toHex } from '../core/canonical';
import type { TokenScope } from '../access';
import type { TokenRecord } from '../core/model/tokens';
import { EngineError } from '../core/errors';
import type { OpContext } from '../core/lookup';
import { requireOrg } from '../core/lookup';
import type { StateV1 } from '../core/state';
import { isoAt } from '../core/state';
import { assertId, invalid, show } from '../core/validate';

export type { TokenRecord } from '../core/model/tokens';

/** A token as the API shows it (TokenInfoResponse plus our extension's fields). */
export interface TokenInfo {
  id: string;
  user_id: string;
  description: string;
  type: string;
  created_at: string;
  created_by: string;
  expires_at?: string;
  last_used_at?: string;
  scope?: TokenScope;
  expired: boolean;
}

/** What `createToken` accepts. */
export interface TokenInput {
  id: string;
  type?: string;
  description?: string;
  expires_at?: string;
  scope?: TokenScope;
}

/** Last use is recorded at most once a minute, so that reads do not rewrite the state on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Hex SHA-256 of a token secret. */
export function hashToken(secret: string): string {
  return toHex(sha256Text(secret));
}

function key(userId: string, tokenId: string): string {
  return `${userId}/${tokenId}`;
}

function store(state: StateV1): Record<string, TokenRecord> {
  state.apiTokens ??= {};
  return state.apiTokens;
}

/** Whether the token has expired at `now`. */
export function isExpired(record: TokenRecord, now: number): boolean {
  return (
    record.expires_at !== undefined && Date.parse(record.expires_at) <= now
  );
}

/** The API view of a record. */
export function toTokenInfo(record: TokenRecord, now: number): TokenInfo {
  const { hash: _hash, userId, ...rest } = record;
  return {
    ...structuredClone(rest),
    user_id: userId,
    expired: isExpired(record, now),
  };
}

/** The stored token with this key (`userId/tokenId`), if any. */
export function tokenByKey(
  state: StateV1,
  tokenKey: string,
): TokenRecord | undefined {
  const tokens = state.apiTokens ?? {};
  return Object.hasOwn(tokens, tokenKey) ? tokens[tokenKey] : undefined;
}

/**
 * Finds the token whose secret is `secret`: its key and record, or
 * undefined. Expiry is the caller's to check (for a helpful message).
 */
export function findTokenBySecret(
  state: StateV1,
  secret: string,
): { key: string; record: TokenRecord } | undefined {
  const hash = hashToken(secret);
  for (const [tokenKey, record] of Object.entries(state.apiTokens ?? {})) {
    if (record.hash === hash) return { key: tokenKey, record };
  }
  return undefined;
}

/** The organisations `userId` has a role in. */
export function orgsOf(state: StateV1, userId: string): string[] {
  return Object.keys(state.orgs).filter((orgId) =>
    Object.hasOwn(state.orgs[orgId].roles, userId),
  );
}

function parseScope(
  ctx: OpContext,
  userId: string,
  value: unknown,
): TokenScope | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(
      `A token's scope must be an object like {"read_only": true, "apps": ["shop"]}; got ${show(value)}.`,
    );
  }
  const input = value as Record<string, unknown>;
  const scope: TokenScope = {};
  if (input.read_only !== undefined) {
    if (typeof input.read_only !== 'boolean')
      invalid(
        `scope.read_only must be true or false; got ${show(input.read_only)}.`,
      );
    if (input.read_only) scope.read_only = true;
  }
  const orgs = orgsOf(ctx.state, userId).map((orgId) =>
    requireOrg(ctx.state, orgId),
  );
  const known = {
    apps: new Set(orgs.flatMap((org) => Object.keys(org.apps))),
    env_types: new Set(
      orgs.flatMap((org) => org.envTypes.map((type) => type.id)),
    ),
  };
  for (const field of ['apps', 'env_types'] as const) {
    const items = input[field];
    if (items === undefined) continue;
    if (
      !Array.isArray(items) ||
      items.some((item) => typeof item !== 'string')
    ) {
      invalid(`scope.${field} must be a list of ids; got ${show(items)}.`);
    }
    const unknown = (items as string[]).filter(
      (item) => !known[field].has(item),
    );
    if (unknown.length > 0) {
      invalid(
        `scope.${field} names ${unknown.map((item) => `\`${item}\``).join(', ')}, which ${field === 'apps' ? 'are not apps' : 'are not environment types'} of the user's organisation.`,
        { [field]: unknown },
      );
    }
    scope[field] = [...new Set(items as string[])].sort();
  }
  return Object.keys(scope).length > 0 ? scope : undefined;
}

/** Tokens of a user, oldest first. */
export function listTokens(ctx: OpContext, userId: string): TokenInfo[] {
  return Object.values(ctx.state.apiTokens ?? {})
    .filter((record) => record.userId === userId)
    .sort(
      (a, b) =>
        a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
    )
    .map((record) => toTokenInfo(record, ctx.now));
}

/** One token of a user, or 404. */
export function getToken(
  ctx: OpContext,
  userId: string,
  tokenId: string,
): TokenInfo {
  return toTokenInfo(requireToken(ctx.state, userId, tokenId), ctx.now);
}

function requireToken(
  state: StateV1,
  userId: string,
  tokenId: string,
): TokenRecord {
  return (
    tokenByKey(state, key(userId, tokenId)) ??
    (() => {
      throw new EngineError(
        'not_found',
        `User \`${userId}\` has no token \`${tokenId}\` (it may have been revoked).`,
        {
          kind: 'token',
          id: tokenId,
        },
      );
    })()
  );
}

/** A token about to be created: its user, id, description, expiry and scope. */
export interface TokenToCreate {
  userId: string;
  id: string;
  description: string;
  expires?: string;
  scope?: TokenScope;
}

/**
 * Checks a new token of a service user (the caller then checks its scope and
 * creates it with `createToken`). 400 for a human user, a bad id, an expiry in the past or
 * a scope naming unknown apps or environment types; 409 if the id is taken.
 */
export function tokenToCreate(
  ctx: OpContext,
  userId: string,
  input: TokenInput,
): TokenToCreate {
  const user = ctx.state.users[userId];
  if (user.type !== 'service') {
    invalid(
      `Tokens can only be created for service users; \`${userId}\` is a person. Create a service user in the organisation settings.`,
    );
  }
  const id = assertId('Token id', input.id);
  if (input.type !== undefined && input.type !== 'static')
    invalid(`Token type must be "static"; got ${show(input.type)}.`);
  if (tokenByKey(ctx.state, key(userId, id))) {
    throw new EngineError(
      'conflict',
      `Service user \`${userId}\` already has a token \`${id}\`; choose another id or revoke it first.`,
      { id },
    );
  }
  const description = input.description ?? '';
  if (typeof description !== 'string' || description.length > 200)
    invalid('A token description must be a string of at most 200 characters.');
  let expires: string | undefined;
  if (input.expires_at !== undefined) {
    const ms = Date.parse(input.expires_at);
    if (Number.isNaN(ms))
      invalid(
        `expires_at must be an ISO date-time; got ${show(input.expires_at)}.`,
      );
    if (ms <= ctx.now)
      invalid(`expires_at ${input.expires_at} is not in the future.`);
    expires = isoAt(ms);
  }
  const scope = parseScope(ctx, userId, input.scope);
  return {
    userId,
    id,
    description,
    ...(expires ? { expires } : {}),
    ...(scope ? { scope } : {}),
  };
}

/** Creates the token (checked by `tokenToCreate`) and returns its secret, the only time it is ever shown. */
export function createToken(
  ctx: OpContext,
  { userId, id, description, expires, scope }: TokenToCreate,
): { token: string; type: string; info: TokenInfo } {
  const secret = `${ctx.ids.next('token')}${ctx.ids.next('token').slice(4, 24)}`;
  const record: TokenRecord = {
    id,
    userId,
    hash: hashToken(secret),
    description,
    type: 'static',
    created_at: isoAt(ctx.now),
    created_by: ctx.userId,
    ...(expires ? { expires_at: expires } : {}),
    ...(scope ? { scope } : {}),
  };
  store(ctx.state)[key(userId, id)] = record;
  return { token: secret, type: 'static', info: toTokenInfo(record, ctx.now) };
}

/** Revokes (deletes) a token; it stops working at once. */
export function revokeToken(
  ctx: OpContext,
  userId: string,
  tokenId: string,
): void {
  requireToken(ctx.state, userId, tokenId);
  delete store(ctx.state)[key(userId, tokenId)];
}

/** Tokens of every member of the organisation (administrators only), oldest first. */
export function listOrgTokens(ctx: OpContext, orgId: string): TokenInfo[] {
  const members = requireOrg(ctx.state, orgId).roles;
  return Object.values(ctx.state.apiTokens ?? {})
    .filter((record) => Object.hasOwn(members, record.userId))
    .sort(
      (a, b) =>
        a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
    )
    .map((record) => toTokenInfo(record, ctx.now));
}

/** Deletes every expired token of the organisation's members; returns their ids (`userId/tokenId`). */
export function deleteExpiredTokens(ctx: OpContext, orgId: string): string[] {
  const members = requireOrg(ctx.state, orgId).roles;
  const tokens = store(ctx.state);
  const deleted: string[] = [];
  for (const [tokenKey, record] of Object.entries(tokens)) {
    if (Object.hasOwn(members, record.userId) && isExpired(record, ctx.now)) {
      delete tokens[tokenKey];
      deleted.push(tokenKey);
    }
  }
  return deleted.sort();
}

/**
 * Records a use of the token at `now` (in place, at most once per
 * {@link LAST_USED_RESOLUTION_MS}); returns whether the state changed.
 */
export function recordTokenUse(record: TokenRecord, now: number): boolean {
  const last = record.last_used_at
    ? Date.parse(record.last_used_at)
    : -Infinity;
  if (now - last < LAST_USED_RESOLUTION_MS) return false;
  record.last_used_at = isoAt(now);
  return true;
}
