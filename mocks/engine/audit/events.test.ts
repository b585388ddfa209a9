import { describe, expect, it } from 'vitest';
import {
  deployAndFinish,
  ORG,
  refusal,
  shopBench,
  workload,
  addDelta,
} from '../../fixtures/test-engine';
import type { PipelineRun } from '../core/model/pipelines';
import { PLATFORM_EVENTS } from './events';

/** Where each property of an event comes from in what the engine keeps. */
describe('the events the platform emits', () => {
  it('lists every event type with properties the engine really records for it', () => {
    const b = shopBench();
    const app = b.engine.getApp(b.admin, ORG, 'shop');
    const env = b.engine.getEnv(b.admin, ORG, 'shop', 'development');
    const deploy = deployAndFinish(
      b,
      'shop',
      'development',
      addDelta({ api: workload('registry.example/api:1') }),
    );
    const sources: Record<string, Record<string, unknown>> = {
      application: {
        org_id: app.org_id,
        app_id: app.id,
        triggered_by: app.created_by,
      },
      environment: {
        org_id: ORG,
        app_id: app.id,
        env_id: env.id,
        env_type: env.type,
        triggered_by: env.created_by,
      },
      deployment: {
        org_id: ORG,
        app_id: app.id,
        env_id: deploy.env_id,
        env_type: env.type,
        deploy_id: deploy.id,
        set_id: deploy.set_id,
        delta_id: deploy.delta_id,
        comment: deploy.comment,
        triggered_by: deploy.created_by,
        status: deploy.status,
      },
    };
    // Typed as the engine's PipelineRun keys: a property that is no field of a run does not compile.
    const runFields: (keyof PipelineRun)[] = [
      'org_id',
      'app_id',
      'env_ids',
      'pipeline_id',
      'pipeline_version',
      'id',
      'trigger',
      'created_by',
      'status',
    ];
    for (const event of PLATFORM_EVENTS) {
      if (event.scope === 'pipeline-run') {
        const named = event.properties.map((p) =>
          p === 'run_id' ? 'id' : p === 'triggered_by' ? 'created_by' : p,
        );
        expect(runFields as string[], event.type).toEqual(
          expect.arrayContaining(named),
        );
        continue;
      }
      const source = sources[event.scope];
      expect(source, event.scope).toBeDefined();
      for (const property of event.properties)
        expect(
          source[property],
          `${event.scope}/${event.type} ${property}`,
        ).toBeDefined();
    }
    expect(b.engine.listEvents(b.viewer, ORG)).toEqual(PLATFORM_EVENTS);
    expect(refusal(() => b.engine.listEvents(b.admin, 'nope')).code).toBe(
      'not_found',
    );
  });
});
