import { describe, expect, it } from 'vitest';
import { scopeWithin } from '../access/authorize';
import { hashToken, LAST_USED_RESOLUTION_MS } from './ops';
import { ORG, refusal, shopBench } from '../../fixtures/test-engine';

function withBot(role = 'manager') {
  const b = shopBench();
  const bot = b.engine.createServiceUser(b.admin, ORG, {
    name: 'CI bot',
    role,
  });
  return { ...b, bot };
}

describe('API tokens', () => {
  it('stores only the SHA-256 hash of the secret, which is returned once', () => {
    const b = withBot();
    const created = b.engine.createToken(b.admin, b.bot.id, {
      id: 'ci',
      description: 'CI',
    });
    expect(created.token).toMatch(/^hum_[0-9a-f]{60}$/);
    const stored = JSON.stringify(b.engine.snapshot());
    expect(stored).not.toContain(created.token);
    expect(stored).toContain(hashToken(created.token));
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(
      JSON.stringify(b.engine.listTokens(b.admin, b.bot.id)),
    ).not.toContain(created.token);
  });

  it('authenticates as the service user, records the last use at most once a minute, and stops at revocation', () => {
    const b = withBot();
    const { token } = b.engine.createToken(b.admin, b.bot.id, { id: 'ci' });
    const actor = b.engine.authenticate(`Bearer ${token}`);
    expect(actor).toEqual({ userId: 'ci-bot', tokenId: 'ci-bot/ci' });
    const first = b.engine.getToken(b.admin, b.bot.id, 'ci').last_used_at;
    expect(first).toBe(new Date(b.clock.now()).toISOString());
    b.clock.advance(LAST_USED_RESOLUTION_MS - 1);
    b.engine.authenticate(token);
    expect(b.engine.getToken(b.admin, b.bot.id, 'ci').last_used_at).toBe(first);
    b.clock.advance(1);
    b.engine.authenticate(token);
    expect(b.engine.getToken(b.admin, b.bot.id, 'ci').last_used_at).not.toBe(
      first,
    );
    b.engine.revokeToken(b.admin, b.bot.id, 'ci');
    expect(refusal(() => b.engine.listApps(actor, ORG)).code).toBe(
      'unauthorized',
    );
    expect(refusal(() => b.engine.authenticate(token)).message).toMatch(
      /not known \(it may have been revoked\)/,
    );
  });

  it('refuses an expired token with 401 and cleans up expired tokens in bulk', () => {
    const b = withBot();
    const expiresAt = new Date(b.clock.now() + 3_600_000).toISOString();
    const short = b.engine.createToken(b.admin, b.bot.id, {
      id: 'short',
      expires_at: expiresAt,
    });
    b.engine.createToken(b.admin, b.bot.id, { id: 'forever' });
    const actor = b.engine.authenticate(short.token);
    expect(b.engine.listApps(actor, ORG).map((a) => a.id)).toEqual(['shop']);
    b.clock.advance(3_600_000);
    expect(refusal(() => b.engine.listApps(actor, ORG)).code).toBe(
      'unauthorized',
    );
    expect(refusal(() => b.engine.authenticate(short.token)).message).toMatch(
      /`short` of `ci-bot` expired at/,
    );
    expect(
      b.engine.listOrgTokens(b.admin, ORG).map((t) => [t.id, t.expired]),
    ).toEqual([
      ['forever', false],
      ['short', true],
    ]);
    expect(b.engine.deleteExpiredTokens(b.admin, ORG)).toEqual([
      'ci-bot/short',
    ]);
    expect(b.engine.listTokens(b.admin, b.bot.id).map((t) => t.id)).toEqual([
      'forever',
    ]);
  });

  it('never lets a scope exceed the user: a read-only token of a manager cannot change anything', () => {
    const b = withBot('orgViewer');
    const scoped = b.engine.createToken(b.admin, b.bot.id, {
      id: 'wide',
      scope: { apps: ['shop'], env_types: ['production'] },
    });
    const actor = b.engine.authenticate(scoped.token);
    expect(
      refusal(() => b.engine.createDelta(actor, ORG, 'shop', {})).message,
    ).toMatch(/needs the developer or owner role/);
    const manager = b.engine.createServiceUser(b.admin, ORG, {
      name: 'Ops bot',
      role: 'manager',
    });
    const readOnly = b.engine.authenticate(
      b.engine.createToken(b.admin, manager.id, {
        id: 'ro',
        scope: { read_only: true },
      }).token,
    );
    expect(b.engine.listApps(readOnly, ORG)).toHaveLength(1);
    expect(
      refusal(() => b.engine.createDelta(readOnly, ORG, 'shop', {})).message,
    ).toMatch(/read-only/);
    expect(
      b.engine.getPermissions(readOnly, ORG, manager.id).objects[
        '/orgs/acme/apps/shop'
      ].permissions,
    ).toEqual(['app.read']);
  });

  it('refuses tokens for people, duplicate ids, past expiry, unknown scopes and non-administrators', () => {
    const b = withBot();
    expect(
      refusal(() => b.engine.createToken(b.admin, 'dana-dev', { id: 'x' }))
        .message,
    ).toMatch(/only be created for service users/);
    b.engine.createToken(b.admin, b.bot.id, { id: 'ci' });
    expect(
      refusal(() => b.engine.createToken(b.admin, b.bot.id, { id: 'ci' })).code,
    ).toBe('conflict');
    expect(
      refusal(() =>
        b.engine.createToken(b.admin, b.bot.id, {
          id: 'old',
          expires_at: '2020-01-01T00:00:00Z',
        }),
      ).message,
    ).toMatch(/not in the future/);
    expect(
      refusal(() =>
        b.engine.createToken(b.admin, b.bot.id, {
          id: 'y',
          scope: { apps: ['nope'] },
        }),
      ).message,
    ).toMatch(/`nope`/);
    expect(
      refusal(() => b.engine.createToken(b.dev, b.bot.id, { id: 'z' })).message,
    ).toMatch(/needs the administrator role/);
  });

  it('a scoped token of an administrator never widens: no unscoped token, no roles, no reset (issue 17)', () => {
    const b = withBot('administrator');
    const scoped = b.engine.authenticate(
      b.engine.createToken(b.admin, b.bot.id, {
        id: 'dev-only',
        scope: { env_types: ['development'] },
      }).token,
    );
    expect(
      b.engine.getPermissions(scoped, ORG, b.bot.id).objects[
        `/orgs/${ORG}/apps/shop/env-types/production`
      ],
    ).toBeUndefined();
    expect(
      refusal(() => b.engine.createToken(scoped, b.bot.id, { id: 'wide' }))
        .message,
    ).toMatch(/has a scope \(environment types `development`\)/);
    expect(
      refusal(() =>
        b.engine.updateOrgRole(scoped, ORG, 'dana-dev', 'administrator'),
      ).code,
    ).toBe('forbidden');
    expect(
      refusal(() =>
        b.engine.addEnvTypeUser(scoped, ORG, 'production', {
          id: b.bot.id,
          role: 'deployer',
        }),
      ).code,
    ).toBe('forbidden');
    expect(refusal(() => b.engine.reset(scoped)).code).toBe('forbidden');
    expect(b.engine.listTokens(b.admin, b.bot.id).map((t) => t.id)).toEqual([
      'dev-only',
    ]);
    const perms = b.engine.getPermissions(scoped, ORG, b.bot.id).objects[
      `/orgs/${ORG}`
    ].permissions;
    expect(perms).not.toContain('org.manage');
    expect(perms).not.toContain('demo.reset');
  });

  it('a scope is within another only when it is no wider', () => {
    expect(scopeWithin({ env_types: ['development'] }, undefined)).toBe(true);
    expect(scopeWithin(undefined, { env_types: ['development'] })).toBe(false);
    expect(
      scopeWithin(
        { env_types: ['development', 'production'] },
        { env_types: ['development'] },
      ),
    ).toBe(false);
    expect(
      scopeWithin(
        { apps: ['shop'], env_types: ['development'] },
        { env_types: ['development'] },
      ),
    ).toBe(true);
    expect(scopeWithin({ apps: ['shop'] }, { read_only: true })).toBe(false);
    expect(
      scopeWithin({ read_only: true, apps: ['shop'] }, { read_only: true }),
    ).toBe(true);
  });
});
