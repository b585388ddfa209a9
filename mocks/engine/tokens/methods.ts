/**
 * The engine methods of API tokens (the {@link TokensEngine} part of
 * `Engine`): each authorizes its caller (the only place this domain does),
 * then runs the operations of ops.ts.
 */
import type { Actor, OpContext, Runners } from '../core/context';
import { EngineError } from '../core/errors';
import { authorize, describeScope, scopeWithin } from '../access';
import * as tokens from './ops';
import { orgsOf, type TokenInfo, type TokenInput } from './ops';

/** API tokens of service users. */
export interface TokensEngine {
  listTokens(actor: Actor, userId: string): TokenInfo[];
  getToken(actor: Actor, userId: string, tokenId: string): TokenInfo;
  /** Creates a (possibly scoped) token of a service user; the secret is returned only here. */
  createToken(
    actor: Actor,
    userId: string,
    input: TokenInput,
  ): { token: string; type: string; info: TokenInfo };
  /** Revokes a token: it stops working at once. */
  revokeToken(actor: Actor, userId: string, tokenId: string): void;
  /** Every token of the organisation's members (administrators). */
  listOrgTokens(actor: Actor, orgId: string): TokenInfo[];
  /** Deletes the organisation's expired tokens; returns their keys (`userId/tokenId`). */
  deleteExpiredTokens(actor: Actor, orgId: string): string[];
}

/**
 * Authorizes managing `userId`'s tokens: the administrator of an organisation
 * the user belongs to (`org.manage`). 404 when the user does not exist.
 */
function authorizeTokens(ctx: OpContext, userId: string): void {
  if (!Object.hasOwn(ctx.state.users, userId)) {
    throw new EngineError('not_found', `User \`${userId}\` does not exist.`, {
      kind: 'user',
      id: userId,
    });
  }
  const orgs = orgsOf(ctx.state, userId);
  if (orgs.length === 0) {
    throw new EngineError(
      'forbidden',
      `User \`${userId}\` belongs to no organisation whose tokens you may manage.`,
    );
  }
  let refusal: unknown;
  for (const orgId of orgs) {
    try {
      authorize(ctx, {
        action: 'org.manage',
        orgId,
        doing: `Managing the API tokens of \`${userId}\``,
      });
      return;
    } catch (error) {
      refusal = error;
    }
  }
  throw refusal;
}

/** The token methods over the engine's runners. */
export function tokenMethods({ read, write }: Runners): TokensEngine {
  return {
    listTokens: (actor, userId) =>
      read(actor, (ctx) => {
        authorizeTokens(ctx, userId);
        return tokens.listTokens(ctx, userId);
      }),
    getToken: (actor, userId, tokenId) =>
      read(actor, (ctx) => {
        authorizeTokens(ctx, userId);
        return tokens.getToken(ctx, userId, tokenId);
      }),
    createToken: (actor, userId, input) =>
      write(actor, (ctx) => {
        authorizeTokens(ctx, userId);
        const token = tokens.tokenToCreate(ctx, userId, input);
        // A token never mints a wider one (authorizeTokens already refuses any scoped caller; this keeps the rule if that changes).
        if (!scopeWithin(token.scope, ctx.scope)) {
          throw new EngineError(
            'forbidden',
            `A token can only create tokens within its own scope (${describeScope(ctx.scope ?? {})}).`,
            { scope: true },
          );
        }
        return tokens.createToken(ctx, token);
      }),
    revokeToken: (actor, userId, tokenId) =>
      write(actor, (ctx) => {
        authorizeTokens(ctx, userId);
        tokens.revokeToken(ctx, userId, tokenId);
      }),
    listOrgTokens: (actor, orgId) =>
      read(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.manage',
          orgId,
          doing: 'Listing API tokens',
        });
        return tokens.listOrgTokens(ctx, orgId);
      }),
    deleteExpiredTokens: (actor, orgId) =>
      write(actor, (ctx) => {
        authorize(ctx, {
          action: 'org.manage',
          orgId,
          doing: 'Cleaning up expired API tokens',
        });
        return tokens.deleteExpiredTokens(ctx, orgId);
      }),
  };
}
