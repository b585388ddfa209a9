import { describe, expect, it } from 'vitest';
import {
  addDelta,
  deployAndFinish,
  ORG,
  shopBench,
  workload,
} from '../../fixtures/test-engine';

const HOUR_MS = 3_600_000;
const IMAGE = 'registry.acme.dev/shop/api';

function withProduction() {
  const b = shopBench();
  b.engine.createEnv(b.admin, ORG, 'shop', {
    id: 'production',
    name: 'Production',
    type: 'production',
  });
  return b;
}

describe('DORA lead time from artefact versions', () => {
  it('a deployment without commit metadata takes the push time of the newest artefact version its set runs', () => {
    const b = withProduction();
    b.engine.pushArtefactVersion(b.admin, ORG, {
      type: 'container',
      name: IMAGE,
      version: '1.0.0',
      commit: 'abc1234',
    });
    b.clock.advance(5 * HOUR_MS);
    b.engine.pushArtefactVersion(b.admin, ORG, {
      type: 'container',
      name: IMAGE,
      version: '1.1.0',
      commit: 'def5678',
    });
    b.clock.advance(3 * HOUR_MS);
    // Runs 1.1.0 (pushed 3 h ago) beside an image nobody pushed.
    const done = deployAndFinish(
      b,
      'shop',
      'production',
      addDelta({
        api: workload(`${IMAGE}:1.1.0`),
        proxy: workload('nginx:1.27'),
      }),
    );
    expect(done.status).toBe('succeeded');
    const lead = b.engine.getDoraMetrics(b.admin, ORG).overall.lead_time;
    expect(lead.samples).toBe(1);
    // 3 h before the deployment started, plus the time it took to finish (under 10 s).
    expect(lead.median_hours).toBeGreaterThanOrEqual(3);
    expect(lead.median_hours).toBeLessThan(3.01);
  });

  it('no artefact version, no lead time: the deployment is not a sample', () => {
    const b = withProduction();
    deployAndFinish(
      b,
      'shop',
      'production',
      addDelta({ api: workload(`${IMAGE}:2.0.0`) }),
    );
    const lead = b.engine.getDoraMetrics(b.admin, ORG).overall.lead_time;
    expect(lead.samples).toBe(0);
    expect(lead.median_hours).toBeNull();
  });
});
