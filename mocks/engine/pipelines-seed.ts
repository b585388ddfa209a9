/**
 * The demo pipeline of app `shop`: a deployment request to a development
 * environment deploys, runs the smoke tests (rolling back on failure), then
 * asks for approval and releases the same set to staging as a canary
 * (10 → 25 → 50 → 100 % of traffic, 3 s per weight).
 */
import type { Actor, Engine } from './engine-api';

/** The demo pipeline's YAML (also the editor's starting example). */
export const DEMO_PIPELINE_YAML = `# Deploy to development, test, then promote to staging after an approval.
id: promote-to-staging
name: Deploy, test and promote to staging
metadata:
  owner: platform-team
on:
  deployment_request: {}
timeout-minutes: 60
jobs:
  deploy-development:
    timeout-minutes: 15
    steps:
      - name: Deploy to development
        uses: actions/humanitec/deploy@v1
        with:
          env_id: \${{ inputs.env_id }}
          delta_id: \${{ inputs.delta_id }}
          set_id: \${{ inputs.set_id }}
          deployment_id: \${{ inputs.deployment_id }}
          comment: \${{ inputs.comment }}
      - name: Run smoke tests
        uses: actions/humanitec/run-tests@v1
        with:
          env_id: \${{ inputs.env_id }}
          suite: smoke
      - name: Roll back development
        if: \${{ failure() }}
        uses: actions/humanitec/rollback@v1
        with:
          env_id: \${{ inputs.env_id }}
  promote-staging:
    needs: [deploy-development]
    timeout-minutes: 30
    steps:
      - name: Approve the promotion to staging
        uses: actions/humanitec/approve@v1
        with:
          env_id: staging
          message: Promote the new development deployment to staging?
      - name: Canary release to staging
        uses: actions/humanitec/canary@v1
        with:
          env_id: staging
          from_env_id: development
          weights: [10, 25, 50, 100]
          interval_seconds: 3
          max_error_rate_percent: 1
          max_latency_p95_ms: 500
`;

/** Adds the demo pipeline to `shop` and routes deployment requests to development environments to it. */
export function seedPipelines(engine: Engine, admin: Actor): void {
  const pipeline = engine.createPipeline(admin, 'acme', 'shop', DEMO_PIPELINE_YAML);
  engine.createPipelineCriteria(admin, 'acme', 'shop', pipeline.id, { trigger: 'deployment_request', env_type: 'development' });
}
