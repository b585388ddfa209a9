import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors';
import type { StateV1 } from '../core/state';
import { ORG, shopBench } from '../../fixtures/test-engine';

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

describe('environment types', () => {
  it('are created, described and deleted by administrators and managers only', () => {
    const { engine, admin, dev } = shopBench();
    expect(
      engine.createEnvType(admin, ORG, { id: 'qa', description: ' QA ' }),
    ).toEqual({ id: 'qa', description: 'QA' });
    expect(engine.listEnvTypes(dev, ORG).map((t) => t.id)).toContain('qa');
    expect(
      engine.updateEnvType(admin, ORG, 'qa', { description: null }),
    ).toEqual({ id: 'qa', description: '' });
    expect(refusal(() => engine.createEnvType(dev, ORG, { id: 'x1' }))).toEqual(
      {
        code: 'forbidden',
        message: expect.stringMatching(
          /Creating environment types needs the manager or administrator role/,
        ),
      },
    );
    expect(
      refusal(() => engine.createEnvType(admin, ORG, { id: 'qa' })).code,
    ).toBe('conflict');
    engine.deleteEnvType(admin, ORG, 'qa');
    expect(refusal(() => engine.getEnvType(dev, ORG, 'qa'))).toEqual({
      code: 'not_found',
      message:
        'Environment type `qa` does not exist in organisation `acme`; its types are `development`, `staging`, `production`.',
    });
  });

  it('refuses deleting a type environments use, naming them, and drops its deployers with it', () => {
    const { engine, admin } = shopBench();
    engine.createEnvType(admin, ORG, { id: 'qa' });
    engine.addEnvTypeUser(admin, ORG, 'qa', {
      id: 'dana-dev',
      role: 'deployer',
    });
    engine.createEnv(admin, ORG, 'shop', { id: 'qa', name: 'QA', type: 'qa' });
    engine.createApp(admin, ORG, { id: 'blog', name: 'Blog' });
    engine.createEnv(admin, ORG, 'blog', { id: 'qa', name: 'QA', type: 'qa' });
    const error = refusal(() => engine.deleteEnvType(admin, ORG, 'qa'));
    expect(error).toEqual({
      code: 'conflict',
      message:
        'Environment type `qa` is used by 2 environments `shop/qa`, `blog/qa`; delete them or change their type first.',
    });
    engine.deleteEnv(admin, ORG, 'shop', 'qa');
    engine.updateEnv(admin, ORG, 'blog', 'qa', { type: 'staging' });
    engine.deleteEnvType(admin, ORG, 'qa');
    const state = engine.snapshot() as StateV1;
    expect(state.orgs[ORG].envTypeRoles?.qa).toBeUndefined();
  });
});

describe('changing an environment', () => {
  it('renames it and changes its type when the caller deploys to both types', () => {
    const { engine, admin, dev } = shopBench();
    expect(
      engine.updateEnv(dev, ORG, 'shop', 'development', { name: 'Dev' }),
    ).toMatchObject({ id: 'development', name: 'Dev', type: 'development' });
    // Dana deploys to development and staging, not production.
    expect(
      engine.updateEnv(dev, ORG, 'shop', 'development', { type: 'staging' })
        .type,
    ).toBe('staging');
    expect(
      refusal(() =>
        engine.updateEnv(dev, ORG, 'shop', 'development', {
          type: 'production',
        }),
      ),
    ).toEqual({
      code: 'forbidden',
      message: expect.stringMatching(
        /Changing shop\/development to type production needs the deployer role on environment type production/,
      ),
    });
    expect(
      refusal(() =>
        engine.updateEnv(admin, ORG, 'shop', 'development', { type: 'nope' }),
      ),
    ).toEqual({
      code: 'invalid',
      message: expect.stringMatching(/Environment type "nope" does not exist/),
    });
    expect(
      refusal(() => engine.updateEnv(admin, ORG, 'shop', 'development', {}))
        .message,
    ).toMatch(/Nothing to change/);
  });
});
