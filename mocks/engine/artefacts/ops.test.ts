import { describe, expect, it } from 'vitest';
import {
  addDelta,
  deployAndFinish,
  ORG,
  refusal,
  shopBench,
  workload,
} from '../../fixtures/test-engine';
import { MASKED_PASSWORD } from './registries';
import { parseImageReference } from './ops';

const IMAGE = 'registry.acme.example/acme/checkout';
const DIGEST = `sha256:${'ab'.repeat(32)}`;

function push(version: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'container',
    name: IMAGE,
    version,
    commit: 'a1b2c3d4e5',
    ref: 'refs/heads/main',
    digest: DIGEST,
    ...extra,
  };
}

function withContributor() {
  const b = shopBench();
  const bot = b.engine.createServiceUser(b.admin, ORG, {
    name: 'CI pusher',
    role: 'artefactContributor',
  });
  return { ...b, bot: { userId: bot.id } };
}

describe('artefact versions', () => {
  it('a push makes the artefact and its version; the same push again answers the stored version', () => {
    const b = withContributor();
    const v1 = b.engine.pushArtefactVersion(b.bot, ORG, push('1.0.0'))!;
    expect(v1).toMatchObject({
      type: 'container',
      name: IMAGE,
      version: '1.0.0',
      commit: 'a1b2c3d4e5',
      ref: 'refs/heads/main',
      digest: DIGEST,
      archived: false,
      created_by: b.bot.userId,
    });
    expect(v1.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(b.engine.pushArtefactVersion(b.bot, ORG, push('1.0.0'))).toEqual(v1);
    const v2 = b.engine.pushArtefactVersion(b.bot, ORG, push('1.1.0'))!;
    expect(b.engine.listArtefacts(b.viewer, ORG)).toEqual([
      expect.objectContaining({
        id: v1.artefact_id,
        name: IMAGE,
        type: 'container',
      }),
    ]);
    expect(v2.artefact_id).toBe(v1.artefact_id);
    // Newest first.
    expect(
      b.engine
        .listArtefactVersions(b.viewer, ORG, v1.artefact_id)
        .map((v) => v.version),
    ).toEqual(['1.1.0', '1.0.0']);
    expect(
      b.engine.listArtefactVersions(b.viewer, ORG, v1.artefact_id, {
        limit: 1,
      }),
    ).toHaveLength(1);
    expect(b.engine.getArtefactVersion(b.viewer, ORG, v1.id)).toEqual(v1);
  });

  it('a dry run checks and keeps nothing; bad fields are refused with the field named', () => {
    const b = withContributor();
    expect(
      b.engine.pushArtefactVersion(b.bot, ORG, push('1.0.0'), { dryRun: true }),
    ).toBeUndefined();
    expect(b.engine.listArtefacts(b.admin, ORG)).toEqual([]);
    for (const [body, field] of [
      [push('1.0.0', { commit: 'XYZ' }), 'commit'],
      [push('1.0.0', { digest: 'sha256:12' }), 'digest'],
      [push('-bad'), 'version'],
      [push('1', { name: 'Registry/UPPER' }), 'name'],
      [push('1', { type: 'workload', spec: {} }), 'type'],
    ] as const) {
      const error = refusal(() =>
        b.engine.pushArtefactVersion(b.bot, ORG, body),
      );
      expect(error.code).toBe('invalid');
      expect(error.details).toMatchObject({ field });
    }
  });

  it('filters by name, reference and archived (absent: only versions not archived)', () => {
    const b = withContributor();
    const v1 = b.engine.pushArtefactVersion(b.bot, ORG, push('1.0.0'))!;
    const v2 = b.engine.pushArtefactVersion(b.bot, ORG, push('1.1.0'))!;
    b.engine.pushArtefactVersion(
      b.bot,
      ORG,
      push('2.0.0', { name: 'ghcr.io/acme/web' }),
    );
    const archived = b.engine.patchArtefactVersion(
      b.bot,
      ORG,
      v1.artefact_id,
      v1.id,
      {
        archived: true,
      },
    );
    expect(archived.archived).toBe(true);
    const ids = (filter: object) =>
      b.engine
        .listArtefactVersionsInOrg(b.viewer, ORG, filter)
        .map((v) => v.version);
    expect(ids({})).toEqual(['2.0.0', '1.1.0']);
    expect(ids({ archived: true })).toEqual(['1.0.0']);
    expect(ids({ name: IMAGE })).toEqual(['1.1.0']);
    expect(ids({ reference: `${IMAGE}:1.1.0` })).toEqual(['1.1.0']);
    expect(ids({ reference: `${IMAGE}@${DIGEST}` })).toEqual(['1.1.0']);
    expect(ids({ type: 'workload' })).toEqual([]);
    expect(
      refusal(() =>
        b.engine.listArtefactVersionsInOrg(b.viewer, ORG, {
          name: IMAGE,
          reference: IMAGE,
        }),
      ).code,
    ).toBe('invalid');
    expect(
      refusal(() =>
        b.engine.patchArtefactVersion(b.bot, ORG, v1.artefact_id, v2.id, {
          archived: 'yes',
        }),
      ).code,
    ).toBe('invalid');
    expect(
      refusal(() =>
        b.engine.patchArtefactVersion(b.bot, ORG, v1.artefact_id, 'nope', {
          archived: true,
        }),
      ).code,
    ).toBe('not_found');
  });

  it('pushes are for administrators, managers and artefact contributors; everyone in the organisation reads', () => {
    const b = withContributor();
    const error = refusal(() =>
      b.engine.pushArtefactVersion(b.dev, ORG, push('1.0.0')),
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('artefactContributor');
    const v = b.engine.pushArtefactVersion(b.admin, ORG, push('1.0.0'))!;
    expect(b.engine.listArtefactVersionsInOrg(b.dev, ORG)).toHaveLength(1);
    expect(
      refusal(() => b.engine.deleteArtefact(b.viewer, ORG, v.artefact_id)).code,
    ).toBe('forbidden');
    b.engine.deleteArtefact(b.bot, ORG, v.artefact_id);
    expect(b.engine.listArtefacts(b.admin, ORG)).toEqual([]);
    expect(
      refusal(() => b.engine.getArtefactVersion(b.admin, ORG, v.id)).code,
    ).toBe('not_found');
    expect(
      refusal(() => b.engine.deleteArtefact(b.admin, ORG, v.artefact_id)).code,
    ).toBe('not_found');
  });

  it('lists where each version runs, from the sets the environments run', () => {
    const b = withContributor();
    const v1 = b.engine.pushArtefactVersion(b.bot, ORG, push('1.0.0'))!;
    deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({
        api: workload(`${IMAGE}:1.0.0`),
        web: workload('nginx:1.27'),
      }),
    );
    const running = b.engine.listRunningImages(b.viewer, ORG);
    expect(running).toEqual([
      expect.objectContaining({
        app_id: 'shop',
        env_id: 'development',
        workload: 'api',
        container: 'main',
        image: `${IMAGE}:1.0.0`,
        artefact_version_id: v1.id,
        artefact_id: v1.artefact_id,
      }),
      expect.not.objectContaining({ artefact_version_id: expect.anything() }),
    ]);
  });

  it('splits image references', () => {
    expect(parseImageReference(`${IMAGE}:1.0@${DIGEST}`)).toEqual({
      name: IMAGE,
      tag: '1.0',
      digest: DIGEST,
    });
    expect(parseImageReference('localhost:5000/app')).toEqual({
      name: 'localhost:5000/app',
    });
    expect(parseImageReference('Not An Image')).toBeUndefined();
  });
});

describe('registries', () => {
  const reg = {
    id: 'acme-registry',
    registry: 'registry.acme.example/acme',
    type: 'basic',
    enable_ci: true,
    creds: { username: 'ci', password: 'planted-registry-password-42' },
  };

  it('keeps no password: responses, /creds and the stored state never hold it', () => {
    const b = withContributor();
    const created = b.engine.createRegistry(b.admin, ORG, reg);
    expect(created).toEqual({
      id: 'acme-registry',
      registry: 'registry.acme.example/acme',
      type: 'basic',
      enable_ci: true,
      created_at: expect.any(String),
      created_by: b.admin.userId,
    });
    const creds = b.engine.getRegistryCreds(b.admin, ORG, 'acme-registry');
    expect(creds).toEqual({
      registry: 'registry.acme.example/acme',
      username: 'ci',
      password: MASKED_PASSWORD,
    });
    expect(JSON.stringify(b.engine.snapshot())).not.toContain(
      'planted-registry-password-42',
    );
    const error = refusal(() =>
      b.engine.createRegistry(b.admin, ORG, {
        ...reg,
        creds: { username: '', password: 'planted-registry-password-42' },
      }),
    );
    expect(error.message).not.toContain('planted');
  });

  it('creates, changes and deletes; 409 for a taken id; only administrators and managers change them or read credentials', () => {
    const b = withContributor();
    b.engine.createRegistry(b.admin, ORG, reg);
    expect(refusal(() => b.engine.createRegistry(b.admin, ORG, reg)).code).toBe(
      'conflict',
    );
    expect(
      refusal(() =>
        b.engine.createRegistry(b.bot, ORG, { ...reg, id: 'other' }),
      ).code,
    ).toBe('forbidden');
    expect(
      refusal(() => b.engine.getRegistryCreds(b.dev, ORG, reg.id)).code,
    ).toBe('forbidden');
    expect(b.engine.listRegistries(b.viewer, ORG)).toHaveLength(1);
    const patched = b.engine.patchRegistry(b.admin, ORG, reg.id, {
      id: reg.id,
      registry: 'ghcr.io/acme',
      type: 'secret_ref',
      secrets: { 'prod-cluster': { namespace: 'acme', secret: 'regcred' } },
    });
    expect(patched).toMatchObject({
      registry: 'ghcr.io/acme',
      enable_ci: false,
      type: 'secret_ref',
    });
    // Credentials stay when a change leaves them out.
    expect(b.engine.getRegistryCreds(b.admin, ORG, reg.id).username).toBe('ci');
    expect(
      refusal(() =>
        b.engine.patchRegistry(b.admin, ORG, reg.id, { ...reg, id: 'renamed' }),
      ).code,
    ).toBe('conflict');
    expect(
      refusal(() =>
        b.engine.patchRegistry(b.admin, ORG, reg.id, {
          ...reg,
          type: 'secret_ref',
        }),
      ).details,
    ).toMatchObject({ field: 'secrets' });
    b.engine.deleteRegistry(b.admin, ORG, reg.id);
    expect(refusal(() => b.engine.getRegistry(b.admin, ORG, reg.id)).code).toBe(
      'not_found',
    );
  });
});
