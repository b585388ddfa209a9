import { describe, expect, it } from 'vitest';
import type { NavigationIndex } from '@/api/navigation';
import { buildSearchItems } from './search-items';
import { prewarmSteps, searchItemsFor } from './search-cache';

/** An index of `apps` apps with two environments each and three deployments per environment. */
function indexOf(apps: number): NavigationIndex {
  const index: NavigationIndex = {
    org_id: 'acme',
    deploys_per_env: 3,
    profiles: ['humanitec/default-module'],
    apps: [],
    deployments: [],
  };
  for (let a = 0; a < apps; a += 1) {
    const id = `app-${a}`;
    index.apps.push({
      id,
      name: `App ${a}`,
      envs: ['development', 'production'].map((env) => ({
        id: env,
        name: env,
        type: env,
        workloads: ['api', `worker-${a % 7}`],
      })),
    });
    for (const env of ['development', 'production'])
      for (let d = 0; d < 3; d += 1)
        index.deployments.push({
          id: `${a}${env}${d}`,
          app_id: id,
          env_id: env,
          comment: `release ${a}.${d}`,
          status: 'succeeded',
          created_at: '2026-01-01T00:00:00Z',
          created_by: 'dana',
        });
  }
  return index;
}

describe('searchItemsFor', () => {
  it('builds a large index a part at a time, into the items buildSearchItems makes at once', () => {
    const index = indexOf(450);
    const steps = prewarmSteps('acme', index);
    // Parts for 450 apps (3 slices each of apps, environments and workloads), 2,700 deployments (2 slices), the rest.
    // Then six warm-up rankings on a sample and two on every item.
    expect(steps).toHaveLength(9 + 2 + 1 + 8);
    steps.slice(0, 4).forEach((step) => step());
    // Asked for with parts still missing: they are built then.
    expect(searchItemsFor('acme', index)).toEqual(
      buildSearchItems('acme', index),
    );
    steps.forEach((step) => step());
    expect(searchItemsFor('acme', index)).toBe(searchItemsFor('acme', index));
  });

  it('keeps one list per index and organisation', () => {
    const index = indexOf(3);
    const items = searchItemsFor('acme', index);
    expect(searchItemsFor('acme', index)).toBe(items);
    expect(searchItemsFor('other', index)).toEqual(
      buildSearchItems('other', index),
    );
  });
});
