import { describe, expect, it } from 'vitest';
import { createManualClock, createSequentialIds } from '../core/clock';
import { EngineError } from '../core/errors';
import type { StateV1 } from '../core/state';
import { bench, ORG } from '../../fixtures/test-engine';
import { DEMO_TOKENS, createEngine } from '../../fixtures';
import { primarySecretStoreId, secretStoreExists, storeUses } from './ops';

const VAULT = {
  id: 'vault-prod',
  primary: false,
  vault: {
    url: 'https://vault.acme.example:8200',
    path: 'secret/acme',
    auth: { token: 'planted-vault-token-5e1b' },
  },
};

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError)
      return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('secret stores', () => {
  it("starts with the engine's own store as the primary, without writing it into the state", () => {
    const { engine, viewer } = bench();
    expect(engine.listSecretStores(viewer, ORG)).toEqual([
      {
        id: 'humanitec',
        primary: true,
        humanitec: {},
        created_at: expect.any(String),
        created_by: 'alex-admin',
        updated_at: expect.any(String),
        updated_by: 'alex-admin',
      },
    ]);
    const state = engine.snapshot() as StateV1;
    expect(state.orgs[ORG].secretStores).toBeUndefined();
    expect(secretStoreExists(state, ORG, 'humanitec')).toBe(true);
    expect(secretStoreExists(state, ORG, 'vault-prod')).toBe(false);
    expect(secretStoreExists(state, 'nope', 'humanitec')).toBe(false);
  });

  it('registers a store with its configuration and never keeps its credentials', () => {
    const { engine, admin } = bench();
    const store = engine.createSecretStore(admin, ORG, VAULT);
    expect(store).toMatchObject({
      id: 'vault-prod',
      primary: false,
      vault: { url: 'https://vault.acme.example:8200', path: 'secret/acme' },
    });
    expect(JSON.stringify(engine.snapshot())).not.toContain(
      'planted-vault-token-5e1b',
    );
  });

  it('keeps exactly one primary store', () => {
    const { engine, admin } = bench();
    engine.createSecretStore(admin, ORG, { ...VAULT, primary: true });
    const state = () => engine.snapshot() as StateV1;
    expect(primarySecretStoreId(state(), ORG)).toBe('vault-prod');
    expect(
      engine.listSecretStores(admin, ORG).filter((s) => s.primary),
    ).toHaveLength(1);
    engine.patchSecretStore(admin, ORG, 'humanitec', { primary: true });
    expect(primarySecretStoreId(state(), ORG)).toBe('humanitec');
    expect(
      refusal(() =>
        engine.patchSecretStore(admin, ORG, 'humanitec', { primary: false }),
      ).message,
    ).toMatch(/make another store primary instead/);
  });

  it('refuses to delete the primary, the engine’s own store and a store values use, naming them', () => {
    const { engine, admin, clock } = bench();
    engine.createApp(admin, ORG, { id: 'shop', name: 'Shop' });
    engine.createSecretStore(admin, ORG, VAULT);
    expect(
      refusal(() => engine.deleteSecretStore(admin, ORG, 'humanitec')),
    ).toEqual({
      code: 'conflict',
      message: expect.stringMatching(/engine's own secret store/),
    });
    // A value of shop keeps its secret in vault-prod (the values domain's record).
    const state = engine.snapshot() as StateV1;
    const value = {
      key: 'DB_PASSWORD',
      description: '',
      is_secret: true,
      rev: 'r1',
      secret: { store: 'vault-prod', key: 'shop/db', version: '1' },
      created_at: '2025-06-01T00:00:00.000Z',
      updated_at: '2025-06-01T00:00:00.000Z',
    };
    state.orgs[ORG].apps.shop.values = {
      app: { values: { DB_PASSWORD: value }, versions: [] },
      envs: { development: { values: { DB_PASSWORD: value }, versions: [] } },
      vault: {},
    };
    expect(storeUses(state, ORG, 'vault-prod')).toEqual([
      'shop/DB_PASSWORD',
      'shop/development/DB_PASSWORD',
    ]);
    const used = createEngine({
      clock: createManualClock(clock.now()),
      ids: createSequentialIds('u'),
      seed: 'empty',
      state,
    });
    const user = used.authenticate(DEMO_TOKENS.administrator);
    expect(
      refusal(() => used.deleteSecretStore(user, ORG, 'vault-prod')),
    ).toEqual({
      code: 'conflict',
      message: expect.stringMatching(
        /keeps the secrets of 2 values \(`shop\/DB_PASSWORD`, `shop\/development\/DB_PASSWORD`\)/,
      ),
    });
    used.patchSecretStore(user, ORG, 'vault-prod', { primary: true });
    expect(
      refusal(() => used.deleteSecretStore(user, ORG, 'vault-prod')).message,
    ).toMatch(/primary store .* make another store primary first/);
  });

  it('lets members read and only administrators and managers change', () => {
    const { engine, dev, viewer } = bench();
    expect(engine.listSecretStores(dev, ORG)).toHaveLength(1);
    expect(refusal(() => engine.createSecretStore(dev, ORG, VAULT))).toEqual({
      code: 'forbidden',
      message: expect.stringMatching(
        /Registering secret stores needs the manager or administrator role/,
      ),
    });
    expect(
      refusal(() => engine.deleteSecretStore(viewer, ORG, 'humanitec')).code,
    ).toBe('forbidden');
  });

  it('answers not_found with the ids there are', () => {
    const { engine, admin } = bench();
    expect(refusal(() => engine.getSecretStore(admin, ORG, 'nope'))).toEqual({
      code: 'not_found',
      message:
        'Secret store `nope` does not exist in organisation `acme`; its stores are `humanitec`.',
    });
  });
});
