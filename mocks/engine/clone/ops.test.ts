import { describe, expect, it } from 'vitest';
import {
  addDelta,
  deployAndFinish,
  imageDelta,
  ORG,
  refusal,
  shopBench,
  workload,
} from '../../fixtures/test-engine';

/** shop with development running api 1 + web 1 and staging created from it, then development moved on. */
function twoEnvs() {
  const b = shopBench();
  const first = deployAndFinish(
    b,
    'shop',
    'development',
    addDelta({ api: workload('reg/api:1'), web: workload('reg/web:1') }),
  );
  b.engine.createEnv(b.admin, ORG, 'shop', {
    id: 'staging',
    name: 'Staging',
    type: 'staging',
    from_deploy_id: first.id,
  });
  b.engine.createDeploy(b.admin, ORG, 'shop', 'staging', { comment: 'first' });
  b.clock.advance(10_000);
  deployAndFinish(b, 'shop', 'development', imageDelta('api', 'reg/api:2'));
  deployAndFinish(b, 'shop', 'development', imageDelta('web', 'reg/web:2'));
  return b;
}

const image = (
  set: { modules: Record<string, { spec: Record<string, unknown> }> },
  id: string,
) =>
  (set.modules[id].spec as { containers: { main: { image: string } } })
    .containers.main.image;

describe('clone between environments', () => {
  it('previews a partial clone: only the selected workload changes, with a fingerprint of the target', () => {
    const b = twoEnvs();
    const preview = b.engine.previewClone(b.dev, ORG, 'shop', 'staging', {
      source_env_id: 'development',
      mode: 'partial',
      modules: ['api'],
    });
    expect(Object.keys(preview.delta.modules.update)).toEqual(['api']);
    expect(image(preview.result_set, 'api')).toBe('reg/api:2');
    expect(image(preview.result_set, 'web')).toBe('reg/web:1');
    expect(
      preview.items.filter((i) => i.change !== 'same').map((i) => i.id),
    ).toEqual(['api', 'web']);
    expect(preview.target).toMatchObject({
      env_id: 'staging',
      env_type: 'staging',
      deploying: false,
    });
    expect(preview.fingerprint).toMatch(/:/);
  });

  it("applies a partial clone as a delta deployed to the target, recorded in both environments' clone history", () => {
    const b = twoEnvs();
    const preview = b.engine.previewClone(b.admin, ORG, 'shop', 'staging', {
      source_env_id: 'development',
      mode: 'partial',
      modules: ['api'],
    });
    const clone = b.engine.applyClone(b.admin, ORG, 'shop', 'staging', {
      source_env_id: 'development',
      source_deploy_id: preview.source.deploy_id,
      mode: 'partial',
      modules: ['api'],
      fingerprint: preview.fingerprint,
      comment: 'Promote api',
    });
    b.clock.advance(10_000);
    const deployment = b.engine.getDeploy(
      b.admin,
      ORG,
      'shop',
      'staging',
      clone.deploy_id,
    );
    expect(deployment).toMatchObject({
      status: 'succeeded',
      comment: 'Promote api',
      set_id: preview.result_set.id,
    });
    expect(deployment.delta_id).toBeDefined();
    expect(
      b.engine
        .listClones(b.admin, ORG, 'shop', 'development')
        .map((c) => c.deploy_id),
    ).toEqual([clone.deploy_id]);
    expect(
      b.engine.listClones(b.viewer, ORG, 'shop', 'staging')[0],
    ).toMatchObject({
      source_env_id: 'development',
      mode: 'partial',
      modules: ['api'],
      target_env_id: 'staging',
    });
  });

  it('applies a full clone: rebase onto the source deployment, the target runs the source set', () => {
    const b = twoEnvs();
    const preview = b.engine.previewClone(b.admin, ORG, 'shop', 'staging', {
      source_env_id: 'development',
      mode: 'full',
    });
    const clone = b.engine.applyClone(b.admin, ORG, 'shop', 'staging', {
      source_env_id: 'development',
      source_deploy_id: preview.source.deploy_id,
      mode: 'full',
      fingerprint: preview.fingerprint,
    });
    const deployment = b.engine.getDeploy(
      b.admin,
      ORG,
      'shop',
      'staging',
      clone.deploy_id,
    );
    expect(deployment.set_id).toBe(preview.source.set_id);
    expect(deployment.from_id).toBe(preview.source.deploy_id);
    expect(deployment.comment).toBe('Full clone from development');
  });

  it('refuses a stale fingerprint (409) and changes nothing; the new preview names the new state', () => {
    const b = twoEnvs();
    const input = {
      source_env_id: 'development',
      mode: 'partial',
      modules: ['api'],
    } as const;
    const preview = b.engine.previewClone(
      b.admin,
      ORG,
      'shop',
      'staging',
      input,
    );
    deployAndFinish(b, 'shop', 'staging', imageDelta('web', 'reg/web:hotfix'));
    const before = b.engine.listDeploys(b.admin, ORG, 'shop', 'staging').length;
    const error = refusal(() =>
      b.engine.applyClone(b.admin, ORG, 'shop', 'staging', {
        ...input,
        source_deploy_id: preview.source.deploy_id,
        fingerprint: preview.fingerprint,
      }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('changed since the preview');
    expect(b.engine.listDeploys(b.admin, ORG, 'shop', 'staging')).toHaveLength(
      before,
    );
    const fresh = b.engine.previewClone(b.admin, ORG, 'shop', 'staging', input);
    expect(fresh.fingerprint).not.toBe(preview.fingerprint);
    expect(image(fresh.result_set, 'web')).toBe('reg/web:hotfix');
  });

  it('refuses unknown ids, an empty clone and callers who may not deploy to the target', () => {
    const b = twoEnvs();
    expect(
      refusal(() =>
        b.engine.previewClone(b.admin, ORG, 'shop', 'staging', {
          source_env_id: 'development',
          mode: 'partial',
          modules: ['nope'],
        }),
      ).code,
    ).toBe('invalid');
    expect(
      refusal(() =>
        b.engine.previewClone(b.admin, ORG, 'shop', 'staging', {
          source_env_id: 'development',
          mode: 'sideways',
        }),
      ).code,
    ).toBe('invalid');
    const preview = b.engine.previewClone(b.admin, ORG, 'shop', 'staging', {
      source_env_id: 'development',
      mode: 'partial',
    });
    const empty = {
      source_env_id: 'development',
      mode: 'partial',
      fingerprint: preview.fingerprint,
    };
    expect(
      refusal(() => b.engine.applyClone(b.admin, ORG, 'shop', 'staging', empty))
        .message,
    ).toContain('Nothing to clone');
    const asViewer = refusal(() =>
      b.engine.applyClone(b.viewer, ORG, 'shop', 'staging', {
        ...empty,
        modules: ['api'],
      }),
    );
    expect(asViewer.code).toBe('forbidden');
  });

  it('starts a new environment created from the source with a full clone (nothing differs, yet it deploys)', () => {
    const b = twoEnvs();
    const source = b.engine.listDeploys(b.admin, ORG, 'shop', 'development')[0];
    b.engine.createEnv(b.admin, ORG, 'shop', {
      id: 'qa',
      name: 'QA',
      type: 'staging',
      from_deploy_id: source.id,
    });
    const preview = b.engine.previewClone(b.admin, ORG, 'shop', 'qa', {
      source_env_id: 'development',
      mode: 'full',
    });
    expect(preview.items.every((i) => i.change === 'same')).toBe(true);
    const clone = b.engine.applyClone(b.admin, ORG, 'shop', 'qa', {
      source_env_id: 'development',
      mode: 'full',
      fingerprint: preview.fingerprint,
    });
    expect(
      b.engine.getDeploy(b.admin, ORG, 'shop', 'qa', clone.deploy_id).set_id,
    ).toBe(source.set_id);
  });
});
