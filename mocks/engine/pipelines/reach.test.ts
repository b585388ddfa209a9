// Pipeline hijack (issue 17): a member without production rights must not be able to point production
// deployment requests at a pipeline of hers, nor change a pipeline that deploys to production; a run
// records who defined each step that deploys, and an approval says when the definition is not the
// requester's or changed since the request.
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

const log = { uses: 'actions/humanitec/log@v1', with: { message: 'hi' } };
const deployTo = (envId: string) => ({
  uses: 'actions/humanitec/deploy@v1',
  with: { env_id: envId, delta_id: '${{ inputs.delta_id }}' },
});
const approveIn = (envId: string) => ({
  uses: 'actions/humanitec/approve@v1',
  with: { env_id: envId, message: `Deploy to ${envId}?` },
});
const pipeline = (id: string, on: Record<string, unknown>, steps: unknown[]) =>
  JSON.stringify({ id, name: id, on, jobs: { a: { steps } } });

/** shop with development, staging and production running; Dana develops shop and deploys to development and staging only. */
function setup() {
  const b = shopBench();
  const first = deployAndFinish(
    b,
    'shop',
    'development',
    addDelta({ api: workload('registry.example/api:1.0.0') }),
  );
  for (const type of ['staging', 'production']) {
    b.engine.createEnv(b.admin, ORG, 'shop', {
      id: type,
      name: type,
      type,
      from_deploy_id: first.id,
    });
  }
  // The administrators' production route: deployment requests to production environments ask for an approval, then deploy.
  b.engine.createPipeline(
    b.admin,
    ORG,
    'shop',
    pipeline('release', { deployment_request: {} }, [
      approveIn('production'),
      deployTo('${{ inputs.env_id }}'),
    ]),
  );
  const criteria = b.engine.createPipelineCriteria(
    b.admin,
    ORG,
    'shop',
    'release',
    { trigger: 'deployment_request', env_type: 'production' },
  );
  return { b, criteria };
}

describe('pipeline hijack', () => {
  it('a developer without production rights cannot reroute production deployment requests', () => {
    const { b, criteria } = setup();
    const mine = b.engine.createPipeline(
      b.dev,
      ORG,
      'shop',
      pipeline('mine', { deployment_request: {} }, [
        deployTo('${{ inputs.env_id }}'),
      ]),
    );
    expect(
      refusal(() =>
        b.engine.deletePipelineCriteria(
          b.dev,
          ORG,
          'shop',
          'release',
          criteria.id,
        ),
      ).message,
    ).toMatch(
      /^Deleting criteria .* which can deploy to environment type production, needs the deployer role on environment type production/,
    );
    for (const body of [
      { env_type: 'production' },
      { env_id: 'production' },
      {},
    ]) {
      const error = refusal(() =>
        b.engine.createPipelineCriteria(b.dev, ORG, 'shop', mine.id, {
          trigger: 'deployment_request',
          ...body,
        }),
      );
      expect(error.code).toBe('forbidden');
      expect(error.message).toMatch(/environment type production/);
    }
    // Her own environment types stay hers to route.
    expect(
      b.engine.createPipelineCriteria(b.dev, ORG, 'shop', mine.id, {
        trigger: 'deployment_request',
        env_type: 'staging',
      }).pipeline_id,
    ).toBe('mine');
    expect(
      b.engine
        .listPipelineCriteria(b.admin, ORG, 'shop', 'release')
        .map((c) => c.id),
    ).toEqual([criteria.id]);
  });

  it('nor create, change or delete a pipeline that can deploy to production', () => {
    const { b } = setup();
    const refusedCreate = (on: Record<string, unknown>, steps: unknown[]) =>
      refusal(() =>
        b.engine.createPipeline(
          b.dev,
          ORG,
          'shop',
          pipeline('evil', on, steps),
        ),
      ).code;
    expect(refusedCreate({ pipeline_call: {} }, [deployTo('production')])).toBe(
      'forbidden',
    );
    // The caller of a pipeline_call chooses the environment: it can reach every type.
    expect(
      refusedCreate({ pipeline_call: {} }, [deployTo('${{ inputs.env_id }}')]),
    ).toBe('forbidden');
    expect(
      refusedCreate({ pipeline_call: {} }, [deployTo('no-such-env-yet')]),
    ).toBe('forbidden');
    const release = b.engine.getPipeline(b.admin, ORG, 'shop', 'release');
    expect(
      refusal(() =>
        b.engine.updatePipeline(
          b.dev,
          ORG,
          'shop',
          'release',
          pipeline('release', { deployment_request: {} }, [log]),
        ),
      ).message,
    ).toMatch(
      /^Updating pipeline release, which can deploy to environment type production/,
    );
    expect(
      refusal(() => b.engine.deletePipeline(b.dev, ORG, 'shop', 'release'))
        .code,
    ).toBe('forbidden');
    expect(
      b.engine.getPipeline(b.admin, ORG, 'shop', 'release').pipeline.version,
    ).toBe(release.pipeline.version);
    // Within her environment types she still writes pipelines.
    expect(
      b.engine.createPipeline(
        b.dev,
        ORG,
        'shop',
        pipeline('dev-only', { pipeline_call: {} }, [
          deployTo('development'),
          log,
        ]),
      ).id,
    ).toBe('dev-only');
  });

  it('a run records who defined its deploying steps, and the approval says whose definition it runs and that it changed', () => {
    const { b } = setup();
    // An administrator gives Dana production too, she rewrites the release pipeline, then loses the role.
    b.engine.addEnvTypeUser(b.admin, ORG, 'production', {
      id: 'dana-dev',
      role: 'deployer',
    });
    b.engine.updatePipeline(
      b.dev,
      ORG,
      'shop',
      'release',
      pipeline('release', { deployment_request: {} }, [
        approveIn('production'),
        deployTo('${{ inputs.env_id }}'),
      ]),
    );
    b.engine.removeEnvTypeUser(b.admin, ORG, 'production', 'dana-dev');
    const delta = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      imageDelta('api', 'registry.example/api:2.0.0'),
    );
    const run = b.engine.requestDeployment(b.admin, ORG, 'shop', {
      trigger: 'deployment_request',
      env_id: 'production',
      delta_id: delta.id,
    });
    b.clock.advance(1_000);
    const steps = b.engine.getPipelineJob(
      b.admin,
      ORG,
      'shop',
      'release',
      run.id,
      'a',
    ).steps!;
    expect(steps.map((s) => s.related_entities.defined_by)).toEqual([
      undefined,
      'dana-dev',
    ]);
    const approval = () =>
      b.engine.listApprovals(b.admin, ORG, 'shop', { runId: run.id })[0];
    expect(approval().message).toMatch(
      /^Deploy to production\? This run executes version 2 of pipeline release, defined by dana-dev at .*; alex-admin requested it\.$/,
    );
    b.engine.updatePipeline(
      b.admin,
      ORG,
      'shop',
      'release',
      pipeline('release', { deployment_request: {} }, [
        approveIn('production'),
        log,
      ]),
    );
    expect(approval().message).toMatch(
      /Pipeline release changed since this run was requested: version 3 by alex-admin at .*; this run executes version 2\.$/,
    );
  });
});
