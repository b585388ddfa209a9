import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envQueries } from '@/api/queries/environments';
import { gitopsQueries } from '@/api/queries/gitops';
import { resourceGraphQueries } from '@/api/queries/resource-graphs';
import { renderApp } from '@/testing/render-app';

describe('environment page', () => {
  // The test set-up never runs idle callbacks (setup-tests.ts); this test is about one.
  const never = window.requestIdleCallback;
  beforeEach(() => {
    window.requestIdleCallback = (run) =>
      window.setTimeout(() =>
        run({ didTimeout: false, timeRemaining: () => 50 }),
      );
  });
  afterEach(() => {
    window.requestIdleCallback = never;
  });

  it('loads its newest deployment’s resource graph while idle, so opening that deployment draws the graph at once', async () => {
    const { queryClient } = renderApp('/orgs/acme/apps/shop/envs/production');
    await screen.findByRole('region', { name: 'Current deployment' });
    const env = queryClient.getQueryData(
      envQueries.detail('acme', 'shop', 'production').queryKey,
    );
    const graphId = env?.last_deploy?.dependency_graph_id;
    expect(graphId).toBeTruthy();
    const key = resourceGraphQueries.graph(
      'acme',
      'shop',
      'production',
      graphId!,
    ).queryKey;
    // expect.poll's own limit is 1 s, not Testing Library's.
    await expect
      .poll(() => queryClient.getQueryData(key), { timeout: 30_000 })
      .toMatchObject({ nodes: expect.any(Array) });
  });

  it('loads a GitOps environment’s newest export too (the manifest diff of its deployment page)', async () => {
    const { queryClient } = renderApp('/orgs/acme/apps/shop/envs/preview');
    await screen.findByRole('region', { name: 'Current deployment' });
    const deployId = queryClient.getQueryData(
      envQueries.detail('acme', 'shop', 'preview').queryKey,
    )?.last_deploy?.id;
    expect(deployId).toBeTruthy();
    await expect
      .poll(
        () =>
          queryClient.getQueryData(
            gitopsQueries.export('acme', 'shop', 'preview', deployId!, 'full')
              .queryKey,
          ),
        { timeout: 30_000 },
      )
      .toEqual(expect.stringContaining('humanitec.io/v1alpha1'));
  });
});
