// The browser demo's repository (gitops/browser.ts) runs the same port over an in-memory file system: commits are
// made, recorded and found again by their trailer.
import { describe, expect, it } from 'vitest';
import { addDelta, ORG, shopBench, workload } from '../fixtures/test-engine';
import { createMemoryFs } from './memory-fs';
import { gitopsRepository, syncGitops, type GitFs } from './repository';

describe('the GitOps repository over the in-memory file system', () => {
  it('commits an export, records it, and finds it again by its trailer', async () => {
    const b = shopBench();
    b.engine.createResourceDefinition(b.admin, ORG, {
      id: 'cluster-gitops',
      name: 'GitOps cluster',
      type: 'k8s-cluster',
      driver_type: 'humanitec/k8s-cluster',
      driver_inputs: {
        values: {
          name: 'test',
          loadbalancer: '10.0.0.9',
          deployment_mode: 'gitops',
        },
      },
      criteria: [{ app_id: 'shop', env_id: 'development' }],
    });
    const delta = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      addDelta({ api: workload('reg/api:1') }),
    );
    const deploy = b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
      delta_id: delta.id,
      comment: 'In memory',
    });
    const repo = gitopsRepository(
      createMemoryFs() as unknown as GitFs,
      '/gitops',
      'memory://test',
    );
    expect(await syncGitops(b.engine, repo)).toBe(1);
    const commit = b.engine.getDeploymentGitops(
      b.admin,
      ORG,
      'shop',
      'development',
      deploy.id,
    ).commit;
    expect(commit?.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(commit?.files.map((f) => f.change)).toEqual(['added', 'added']);
    expect((await repo.findCommit(deploy.id))?.sha).toBe(commit?.sha);
  });
});
