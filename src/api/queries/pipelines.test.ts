import type { Query } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { pipelineQueries, RUN_LIVE_MS } from './pipelines';

const path = { orgId: 'acme', appId: 'shop', pipelineId: 'p', runId: 'r' };

/** The polling interval the jobs query picks when its last read returned `jobs`. */
function interval(runActive: boolean, jobs: unknown) {
  const options = pipelineQueries.jobs(path, runActive);
  const pick = options.refetchInterval as unknown as (
    query: Query,
  ) => number | false;
  return pick({ state: { data: jobs } } as unknown as Query);
}

const job = (status: string, steps: string[] = []) => ({
  id: 'promote',
  status,
  steps: steps.map((s) => ({ status: s })),
});

describe("a run's jobs are read", () => {
  it('while the run is active', () => {
    expect(interval(true, [job('succeeded')])).toBe(RUN_LIVE_MS);
  });

  it('after the run ended, until the jobs last read ended too (no job or step left running on screen)', () => {
    expect(interval(false, [job('executing', ['executing'])])).toBe(
      RUN_LIVE_MS,
    );
    expect(
      interval(false, [job('succeeded', ['succeeded', 'executing'])]),
    ).toBe(RUN_LIVE_MS);
    expect(interval(false, [job('succeeded', ['succeeded'])])).toBe(false);
    expect(interval(false, undefined)).toBe(false);
  });
});
