import { describe, expect, it } from 'vitest';
import type { PipelineRun } from '../core/model/pipelines';
import { DEMO_PIPELINE_YAML } from '../../fixtures/pipelines-seed';
import { TEST_RUN_MS } from './steps';
import { slugOf } from './parse';
import {
  addDelta,
  deployAndFinish,
  imageDelta,
  ORG,
  refusal,
  shopBench,
  workload,
  type Bench,
} from '../../fixtures/test-engine';

/** shop with development (v1) and staging (v1) running, and the demo pipeline routed from development. */
function setup(yaml = DEMO_PIPELINE_YAML) {
  const b = shopBench();
  const first = deployAndFinish(
    b,
    'shop',
    'development',
    addDelta({ api: workload('registry.example/api:1.0.0') }),
  );
  b.engine.createEnv(b.admin, ORG, 'shop', {
    id: 'staging',
    name: 'Staging',
    type: 'staging',
    from_deploy_id: first.id,
  });
  deployAndFinish(b, 'shop', 'staging', { modules: {} });
  const pipeline = b.engine.createPipeline(b.admin, ORG, 'shop', yaml);
  if (pipeline.trigger_types.includes('deployment_request')) {
    b.engine.createPipelineCriteria(b.admin, ORG, 'shop', pipeline.id, {
      trigger: 'deployment_request',
      env_type: 'development',
    });
  }
  return { b, pipelineId: pipeline.id };
}

function request(
  b: Bench,
  image: string,
  extra: Record<string, unknown> = {},
): PipelineRun {
  const delta = b.engine.createDelta(
    b.admin,
    ORG,
    'shop',
    imageDelta('api', image),
  );
  return b.engine.requestDeployment(b.admin, ORG, 'shop', {
    trigger: 'deployment_request',
    env_id: 'development',
    delta_id: delta.id,
    ...extra,
  });
}

const run = (b: Bench, p: string, r: PipelineRun) =>
  b.engine.getPipelineRun(b.admin, ORG, 'shop', p, r.id);
const job = (b: Bench, p: string, r: PipelineRun, j: string) =>
  b.engine.getPipelineJob(b.admin, ORG, 'shop', p, r.id, j);
const image = (b: Bench, envId: string) => {
  const env = b.engine.getEnv(b.admin, ORG, 'shop', envId);
  const set = b.engine.getSet(b.admin, ORG, 'shop', env.last_deploy!.set_id);
  return (set.modules.api.spec.containers as Record<string, { image: string }>)
    .main.image;
};
const waitingApproval = (b: Bench, r: PipelineRun) =>
  b.engine.listApprovals(b.admin, ORG, 'shop', {
    runId: r.id,
    status: 'waiting',
  })[0];

function approve(b: Bench, p: string, r: PipelineRun, yes = true) {
  const a = waitingApproval(b, r);
  return b.engine.decideApproval(
    b.admin,
    ORG,
    'shop',
    { pipelineId: p, runId: r.id, jobId: a.job_id, approvalId: a.id },
    yes,
    'checked the tests',
  );
}

describe('pipeline runs', () => {
  it('deploys, tests, waits for approval, then releases to staging as a canary and succeeds', () => {
    const { b, pipelineId } = setup();
    const r = request(b, 'registry.example/api:2.0.0');
    expect(r).toMatchObject({
      status: 'executing',
      trigger: 'deployment_request',
      env_ids: ['development', 'staging'],
    });
    b.clock.advance(10_000 + TEST_RUN_MS);
    expect(
      job(b, pipelineId, r, 'deploy-development').steps.map((s) => s.status),
    ).toEqual(['succeeded', 'succeeded', 'skipped']);
    expect(image(b, 'development')).toBe('registry.example/api:2.0.0');
    expect(run(b, pipelineId, r).waiting_for).toEqual({
      'promote-staging': 'approval',
    });
    expect(waitingApproval(b, r)).toMatchObject({
      env_id: 'staging',
      status: 'waiting',
    });
    expect(image(b, 'staging')).toBe('registry.example/api:1.0.0');

    const decided = approve(b, pipelineId, r);
    expect(decided).toMatchObject({
      status: 'approved',
      approved_by: 'alex-admin',
      comment: 'checked the tests',
    });
    b.clock.advance(8_000);
    const canary = b.engine.getCanary(b.admin, ORG, 'shop', 'staging');
    expect(canary.status).toBe('progressing');
    expect(canary.samples.length).toBeGreaterThanOrEqual(0);
    b.clock.advance(20_000);
    expect(run(b, pipelineId, r)).toMatchObject({
      status: 'succeeded',
      status_message: 'Every job succeeded.',
    });
    expect(b.engine.getCanary(b.admin, ORG, 'shop', 'staging')).toMatchObject({
      status: 'promoted',
      set_weight: 100,
      actual_weight: 100,
    });
    expect(image(b, 'staging')).toBe('registry.example/api:2.0.0');
    const logs = b.engine.listPipelineStepLogs(
      b.admin,
      ORG,
      'shop',
      pipelineId,
      r.id,
      'promote-staging',
      '1',
    );
    expect(logs.map((l) => l.message).join('\n')).toMatch(
      /Weight 100 %: error rate 0\.\d+ %, p95 \d+ ms: passed/,
    );
  });

  it('rolls back development when the tests fail and skips the promotion', () => {
    const { b, pipelineId } = setup();
    const delta = b.engine.createDelta(b.admin, ORG, 'shop', {
      modules: {
        update: {
          api: [
            {
              op: 'add',
              path: '/spec/containers/main/variables',
              value: { TESTS_FAIL: 'true' },
            },
          ],
        },
      },
    });
    const r = b.engine.requestDeployment(b.admin, ORG, 'shop', {
      trigger: 'deployment_request',
      env_id: 'development',
      delta_id: delta.id,
    });
    b.clock.advance(30_000);
    const steps = job(b, pipelineId, r, 'deploy-development').steps;
    expect(steps.map((s) => s.status)).toEqual([
      'succeeded',
      'failed',
      'succeeded',
    ]);
    expect(steps[1].status_message).toBe(
      'Tests failed: a workload sets `TESTS_FAIL=true`.',
    );
    expect(job(b, pipelineId, r, 'promote-staging').status).toBe('skipped');
    const after = run(b, pipelineId, r);
    expect(after.status).toBe('failed');
    expect(after.status_message).toMatch(
      /^Job deploy-development failed: Tests failed/,
    );
    const deploys = b.engine.listDeploys(b.admin, ORG, 'shop', 'development');
    expect(deploys[0].comment).toBe(`Rollback by pipeline run ${r.id}`);
    expect(deploys[0].set_id).toBe(deploys[2].set_id);
  });

  it('fails the tests over an environment whose workloads fail (an image that cannot be pulled), and rolls back', () => {
    const { b, pipelineId } = setup();
    const r = request(b, 'registry.acme.dev/shop/api:9.9.9-missing');
    b.clock.advance(30_000);
    const steps = job(b, pipelineId, r, 'deploy-development').steps;
    expect(steps.map((s) => s.status)).toEqual([
      'succeeded',
      'failed',
      'succeeded',
    ]);
    expect(steps[1].status_message).toMatch(
      /^Tests failed: environment development is failing \(Workload `api`: container `main` cannot pull its image/,
    );
    expect(job(b, pipelineId, r, 'promote-staging').status).toBe('skipped');
    expect(run(b, pipelineId, r).status).toBe('failed');
    expect(image(b, 'staging')).not.toContain('9.9.9-missing');
  });

  it('fails the run when the approval is denied, and deploys nothing to staging', () => {
    const { b, pipelineId } = setup();
    const r = request(b, 'registry.example/api:2.0.0');
    b.clock.advance(20_000);
    const a = waitingApproval(b, r);
    expect(approve(b, pipelineId, r, false).status).toBe('denied');
    b.clock.advance(1_000);
    const promote = job(b, pipelineId, r, 'promote-staging');
    expect(promote.steps.map((s) => s.status)).toEqual(['failed', 'skipped']);
    expect(promote.steps[0].status_message).toBe(
      'Denied by alex-admin: checked the tests',
    );
    expect(run(b, pipelineId, r).status).toBe('failed');
    expect(image(b, 'staging')).toBe('registry.example/api:1.0.0');
    const ids = { pipelineId, runId: r.id, jobId: a.job_id, approvalId: a.id };
    expect(
      refusal(() => b.engine.decideApproval(b.admin, ORG, 'shop', ids, true))
        .code,
    ).toBe('conflict');
  });

  it('times out a job whose approval nobody answers, and cancels the approval', () => {
    const { b, pipelineId } = setup();
    const r = request(b, 'registry.example/api:2.0.0');
    b.clock.advance(31 * 60_000 + 20_000);
    const promote = job(b, pipelineId, r, 'promote-staging');
    expect(promote.status).toBe('failed');
    expect(promote.status_message).toBe(
      'Timed out: job promote-staging exceeded its 30 min limit.',
    );
    expect(
      b.engine.listApprovals(b.admin, ORG, 'shop', { runId: r.id })[0].status,
    ).toBe('cancelled');
    expect(run(b, pipelineId, r).status).toBe('failed');
  });

  it('cancels a run: unfinished jobs, steps and the approval end as cancelled; restart runs it again', () => {
    const { b, pipelineId } = setup();
    const r = request(b, 'registry.example/api:2.0.0');
    b.clock.advance(20_000);
    b.engine.cancelPipelineRun(b.admin, ORG, 'shop', pipelineId, r.id);
    const after = run(b, pipelineId, r);
    expect(after).toMatchObject({
      status: 'cancelled',
      status_message: 'Cancelled on request.',
    });
    expect(
      job(b, pipelineId, r, 'promote-staging').steps.map((s) => s.status),
    ).toEqual(['cancelled', 'cancelled']);
    expect(
      b.engine.listApprovals(b.admin, ORG, 'shop', { runId: r.id })[0].status,
    ).toBe('cancelled');
    expect(
      refusal(() =>
        b.engine.cancelPipelineRun(b.admin, ORG, 'shop', pipelineId, r.id),
      ).code,
    ).toBe('conflict');
    const again = b.engine.restartPipelineRun(
      b.admin,
      ORG,
      'shop',
      pipelineId,
      r.id,
    );
    expect(again).toMatchObject({ status: 'executing', inputs: after.inputs });
    expect(again.id).not.toBe(r.id);
  });

  it('routes deployment requests by criteria and refuses what no criteria match', () => {
    const { b } = setup();
    const error = refusal(() =>
      b.engine.requestDeployment(b.admin, ORG, 'shop', {
        trigger: 'deployment_request',
        env_id: 'staging',
      }),
    );
    expect(error.message).toMatch(
      /No pipeline criteria match a redeploy to `staging`/,
    );
    expect(error.code).toBe('unprocessable');
    expect(refusal(() => request(b, 'x', { env_id: 'nowhere' })).code).toBe(
      'not_found',
    );
  });

  it('refuses invalid definitions with every problem and its path', () => {
    const { b } = setup();
    const error = refusal(() =>
      b.engine.createPipeline(
        b.admin,
        ORG,
        'shop',
        'name: x\non: { push: {} }\njobs:\n  a:\n    needs: [b]\n    steps:\n      - uses: actions/humanitec/deploy@v1\n',
      ),
    );
    expect(error.code).toBe('invalid');
    expect(
      (error.details?.errors as { path: string }[]).map((e) => e.path),
    ).toEqual(['/on/push', '/jobs/a/steps/0/with/env_id', '/jobs/a/needs']);
    expect(
      refusal(() => b.engine.createPipeline(b.admin, ORG, 'shop', 'name: ['))
        .message,
    ).toMatch(/not valid YAML/);
    expect(
      refusal(() =>
        b.engine.createPipeline(b.admin, ORG, 'shop', DEMO_PIPELINE_YAML),
      ).code,
    ).toBe('conflict');
  });

  it('lets only users who may deploy to staging approve', () => {
    const { b, pipelineId } = setup();
    const r = request(b, 'registry.example/api:2.0.0');
    b.clock.advance(20_000);
    const a = waitingApproval(b, r);
    const ids = { pipelineId, runId: r.id, jobId: a.job_id, approvalId: a.id };
    const refused = refusal(() =>
      b.engine.decideApproval(b.viewer, ORG, 'shop', ids, true),
    );
    expect(refused.code).toBe('forbidden');
    // The refusal names the environment (it read "Approving a deployment to needs ...").
    expect(refused.message).toMatch(
      /^Approving a deployment to staging needs /,
    );
    expect(
      refusal(() => b.engine.decideApproval(b.viewer, ORG, 'shop', ids, false))
        .message,
    ).toMatch(/^Denying a deployment to staging needs /);
    expect(waitingApproval(b, r).status).toBe('waiting');
  });
});

const CANARY_YAML = `name: Canary only
on: { pipeline_call: {} }
jobs:
  release:
    steps:
      - uses: actions/humanitec/canary@v1
        with: { env_id: staging, from_env_id: development, interval_seconds: 5 }
`;

describe('canary releases', () => {
  function canaryRun(variables: Record<string, string> = {}) {
    const { b, pipelineId } = setup(CANARY_YAML);
    const delta = b.engine.createDelta(b.admin, ORG, 'shop', {
      modules: {
        update: {
          api: [
            {
              op: 'replace',
              path: '/spec/containers/main/image',
              value: 'registry.example/api:2.0.0',
            },
            {
              op: 'add',
              path: '/spec/containers/main/variables',
              value: variables,
            },
          ],
        },
      },
    });
    deployAndFinish(b, 'shop', 'development', { modules: {} });
    b.engine.createDeploy(b.admin, ORG, 'shop', 'development', {
      delta_id: delta.id,
    });
    b.clock.advance(10_000);
    const r = b.engine.createPipelineRun(b.admin, ORG, 'shop', pipelineId, {});
    return { b, pipelineId, r };
  }

  it('shifts traffic by weight, the actual weight following the set weight', () => {
    const { b } = canaryRun();
    b.clock.advance(7_000);
    const started = b.engine.getCanary(b.admin, ORG, 'shop', 'staging');
    expect(started).toMatchObject({ status: 'progressing', set_weight: 10 });
    const deployed = b.engine.getDeploy(
      b.admin,
      ORG,
      'shop',
      'staging',
      started.canary.deploy_id,
    );
    b.clock.set(Date.parse(deployed.status_changed_at) + 5_000 + 500);
    const view = b.engine.getCanary(b.admin, ORG, 'shop', 'staging');
    expect(view).toMatchObject({
      status: 'progressing',
      weights: [10, 25, 50, 100],
      step_index: 1,
      set_weight: 25,
      actual_weight: 10,
    });
    expect(view.samples).toHaveLength(1);
    b.clock.advance(1_000);
    expect(
      b.engine.getCanary(b.admin, ORG, 'shop', 'staging').actual_weight,
    ).toBe(25);
    expect(
      b.engine.getEnvHealth(b.admin, ORG, 'shop', 'staging').canary,
    ).toMatchObject({ status: 'progressing', set_weight: 25 });
  });

  it('aborts on bad metrics, says why, and rolls back to the stable set', () => {
    const { b, pipelineId, r } = canaryRun({ CANARY_ERROR_RATE: '4.2' });
    b.clock.advance(30_000);
    const view = b.engine.getCanary(b.admin, ORG, 'shop', 'staging');
    expect(view.status).toBe('aborted');
    expect(view.abort_reason).toBe(
      'Analysis failed at 10% traffic: error rate 4.2% exceeded the 1% threshold.',
    );
    expect(view.rollback_deploy_id).toBeDefined();
    expect(image(b, 'staging')).toBe('registry.example/api:1.0.0');
    expect(run(b, pipelineId, r).status).toBe('failed');
    expect(job(b, pipelineId, r, 'release').steps[0].status_message).toMatch(
      /^Canary aborted\. Analysis failed at 10% traffic.*Rolled back to the stable set/,
    );
  });

  it('promotes manually to 100 % at once', () => {
    const { b, pipelineId, r } = canaryRun();
    b.clock.advance(9_000);
    expect(
      refusal(() =>
        b.engine.decideCanary(b.viewer, ORG, 'shop', 'staging', 'promote'),
      ),
    ).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/^Promoting a canary in staging needs /),
    });
    expect(
      b.engine.decideCanary(b.admin, ORG, 'shop', 'staging', 'promote'),
    ).toMatchObject({
      status: 'promoted',
      set_weight: 100,
      decided_by: 'alex-admin',
    });
    b.clock.advance(1);
    expect(run(b, pipelineId, r).status).toBe('succeeded');
    expect(
      refusal(() =>
        b.engine.decideCanary(b.admin, ORG, 'shop', 'staging', 'abort'),
      ).code,
    ).toBe('conflict');
  });

  it('aborts manually with the reason first', () => {
    const { b, pipelineId, r } = canaryRun();
    b.clock.advance(9_000);
    const view = b.engine.decideCanary(
      b.admin,
      ORG,
      'shop',
      'staging',
      'abort',
      'latency looks odd',
    );
    expect(view.abort_reason).toBe(
      'Aborted manually by Alex Admin: latency looks odd',
    );
    b.clock.advance(10_000);
    expect(run(b, pipelineId, r).status).toBe('failed');
    expect(image(b, 'staging')).toBe('registry.example/api:1.0.0');
  });
});

describe('other step actions', () => {
  const yaml = (steps: string) =>
    `name: Steps\non: { pipeline_call: {} }\njobs:\n  only:\n    steps:\n${steps}`;

  it('waits for workloads to be ready with the health model, and fails with its root cause', () => {
    const { b, pipelineId } = setup(
      yaml(
        '      - uses: actions/humanitec/deploy@v1\n        with: { env_id: development, delta_id: "${{ inputs.delta }}" }\n      - uses: actions/humanitec/wait-for-ready@v1\n        with: { env_id: development, timeout_seconds: 60 }\n',
      ),
    );
    const good = b.engine.createPipelineRun(
      b.admin,
      ORG,
      'shop',
      pipelineId,
      {},
    );
    b.clock.advance(60_000);
    expect(job(b, pipelineId, good, 'only').steps[1]).toMatchObject({
      status: 'succeeded',
      status_message: 'Every workload of development is ready.',
    });
    const broken = b.engine.createDelta(
      b.admin,
      ORG,
      'shop',
      imageDelta('api', 'registry.example/api:2.0.0-missing'),
    );
    const bad = b.engine.createPipelineRun(b.admin, ORG, 'shop', pipelineId, {
      delta: broken.id,
    });
    b.clock.advance(60_000);
    const step = job(b, pipelineId, bad, 'only').steps[1];
    expect(step.status).toBe('failed');
    expect(step.status_message).toMatch(
      /^Environment development failed: .*ImagePullBackOff/,
    );
  });

  it('simulates HTTP calls by the status in the URL', () => {
    const { b, pipelineId } = setup(
      yaml(
        '      - uses: actions/humanitec/http@v1\n        with: { url: "https://hooks.example/status/204" }\n      - uses: actions/humanitec/http@v1\n        with: { url: "https://hooks.example/status/503", method: post }\n',
      ),
    );
    const r = b.engine.createPipelineRun(b.admin, ORG, 'shop', pipelineId, {});
    b.clock.advance(5_000);
    const steps = job(b, pipelineId, r, 'only').steps;
    expect(steps.map((s) => s.status_message)).toEqual([
      'GET https://hooks.example/status/204 answered 204.',
      'POST https://hooks.example/status/503 answered 503.',
    ]);
    expect(run(b, pipelineId, r).status).toBe('failed');
  });
});

describe('pipeline_call inputs', () => {
  const CALLED = `name: Called
on:
  pipeline_call:
    inputs:
      env_id:
        description: The environment to log about
        required: true
      replicas:
        type: number
        default: 2
      dry:
        type: boolean
jobs:
  only:
    steps:
      - uses: actions/humanitec/log@v1
        with: { message: "\${{ inputs.env_id }} x\${{ inputs.replicas }}" }
`;

  it('checks a call against the declared inputs, fills defaults and names what is wrong', () => {
    const { b, pipelineId } = setup(CALLED);
    const call = (inputs: Record<string, unknown>) =>
      b.engine.createPipelineRun(b.admin, ORG, 'shop', pipelineId, inputs);
    expect(() => call({})).toThrow(
      'Input `env_id` is required (The environment to log about): pass it in `inputs`.',
    );
    expect(() => call({ env_id: '   ' })).toThrow('Input `env_id` is required');
    expect(() => call({ env_id: 'development', replicas: '3' })).toThrow(
      'Input `replicas` must be a number, not "3".',
    );
    expect(() => call({ env_id: 'development', colour: 'red' })).toThrow(
      'Input `colour` is not declared under `on.pipeline_call.inputs`; this pipeline takes `env_id`, `replicas`, `dry`.',
    );
    const started = call({ env_id: 'development', dry: true });
    expect(started.inputs).toEqual({
      env_id: 'development',
      replicas: 2,
      dry: true,
    });
  });

  it('refuses input declarations of the wrong shape with their path', () => {
    const { b } = setup();
    expect(() =>
      b.engine.createPipeline(
        b.admin,
        ORG,
        'shop',
        CALLED.replace('type: number', 'type: list'),
      ),
    ).toThrow(
      '/on/pipeline_call/inputs/replicas/type: must be string, number, boolean',
    );
  });

  it('does not call a pipeline without the pipeline_call trigger', () => {
    const { b, pipelineId } = setup();
    expect(() =>
      b.engine.createPipelineRun(b.admin, ORG, 'shop', pipelineId, {}),
    ).toThrow(
      /has no `pipeline_call` trigger under `on`, so it cannot be called/,
    );
  });
});

describe('pipeline ids from names', () => {
  it('cuts a long name at 50 characters without leaving a dash at the end', () => {
    expect(
      slugOf('Walk24 a very long pipeline name that keeps going and going'),
    ).toBe('walk24-a-very-long-pipeline-name-that-keeps-going');
    expect(slugOf('  ¿Qué?  ')).toBe('qu');
    expect(slugOf('!!!')).toBe('pipeline');
  });
});

describe('routing deployment requests', () => {
  it('routes a delta or a set as a deploy, a request without either as a redeploy', () => {
    const { b, pipelineId } = setup();
    const deploys = b.engine.createPipeline(
      b.admin,
      ORG,
      'shop',
      DEMO_PIPELINE_YAML.replace(/^id: .*$/m, 'id: deploys-only').replace(
        /^name: .*$/m,
        'name: Deploys only',
      ),
    );
    b.engine.createPipelineCriteria(b.admin, ORG, 'shop', deploys.id, {
      trigger: 'deployment_request',
      env_type: 'development',
      deployment_type: 'deploy',
    });
    const setId = b.engine.getEnv(b.admin, ORG, 'shop', 'development')
      .last_deploy!.set_id;
    const request = (extra: Record<string, string>) =>
      b.engine.requestDeployment(b.admin, ORG, 'shop', {
        trigger: 'deployment_request',
        env_id: 'development',
        ...extra,
      }).pipeline_id;
    expect(request({ set_id: setId })).toBe('deploys-only');
    expect(request({})).toBe(pipelineId);
  });
});
